/*
 * cmd_demo.c: filling a database with the synthetic demo year and printing
 * its settlement per municipality.
 */
#include "cli.h"

#include "../demo/demo.h"
#include "../service/settlement.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    const jr_catalog *cat;
    jr_cents amount[JR_MAX_MUNICIPALITIES];
    jr_cents tasks[JR_MAX_MUNICIPALITIES]; /* task budget terms paid in the year */
    int64_t acc[JR_MAX_MUNICIPALITIES], rej[JR_MAX_MUNICIPALITIES];
} year_total;

static int add_row(void *ud, const void *row)
{
    year_total *t = ud;
    const jr_settle_row *r = row;
    for (int i = 0; i < t->cat->nmunicipalities; i++)
        if (strcmp(t->cat->municipalities[i].cbs, r->gemeente) == 0) {
            t->amount[i] += r->accepted;
            t->acc[i] += r->n_accepted;
            t->rej[i] += r->n_rejected;
        }
    return 0;
}

static int add_task(void *ud, const void *row)
{
    year_total *t = ud;
    const jr_task_term_row *r = row;
    for (int i = 0; i < t->cat->nmunicipalities; i++)
        if (strcmp(t->cat->municipalities[i].cbs, r->gemeente) == 0)
            t->tasks[i] += r->paid;
    return 0;
}

/*
 * COMMAND: demo
 * SUMMARY: een lege database vullen met een realistisch synthetisch jaar en de afrekening tonen
 */
int cmd_demo(cli_env *env, int argc, char **argv)
{
    const char *seed = "1", *youths = "15000", *providers = "200", *year = "2025", *region = NULL;
    bool reset = false;
    const cli_opt opts[] = {
        {"seed", OPT_STR, &seed, "N", "startwaarde: dezelfde seed geeft dezelfde gegevens"},
        {"youths", OPT_STR, &youths, "N", "aantal jeugdigen (standaard 15000)"},
        {"providers", OPT_STR, &providers, "N", "aantal aanbieders (standaard 200)"},
        {"year", OPT_STR, &year, "JJJJ", "het demojaar (standaard 2025)"},
        {"region", OPT_STR, &region, "BESTAND",
         "het regiobestand (zoals --config; bijvoorbeeld config/zuid-kennemerland-ijmond.json)"},
        {"reset", OPT_FLAG, &reset, NULL, "een bestaande database eerst verwijderen"},
        {0}};
    const char *pos[1];
    int npos, rc = cli_parse(env,
                             "demo [--seed N] [--youths N] [--providers N] [--year JJJJ] "
                             "[--region BESTAND] [--reset]",
                             "Maakt een synthetisch jaar voor de regio: aanbieders met contracten, "
                             "jeugdigen, verwijzingen door alle soorten verwijzers, offertes, "
                             "toewijzingen, start en stop zorg en twaalf maanden declaraties met "
                             "fouten van elke soort. Daarna de afrekening per gemeente.",
                             argc, argv, opts, pos, 0, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    int64_t s, ny, np, y;
    if (!cli_int("demo", "seed", seed, 0, INT64_MAX, &s) ||
        !cli_int("demo", "youths", youths, 1, 2000000, &ny) ||
        !cli_int("demo", "providers", providers, 10, 5000, &np) ||
        !cli_int("demo", "year", year, 2024, 2199, &y))
        return EXIT_USAGE;
    if (region)
        env->config_path = region;
    if (reset) {
        char p[600];
        unlink(env->db_path);
        snprintf(p, sizeof p, "%s-wal", env->db_path);
        unlink(p);
        snprintf(p, sizeof p, "%s-shm", env->db_path);
        unlink(p);
    }
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    jr_error_clear(&err);
    jr_demo_opts o = {(uint64_t)s, (int32_t)ny, (int32_t)np, (int32_t)y};
    jr_demo_stats st;
    if (!env->json)
        fprintf(stderr, "Demojaar %lld wordt gemaakt in %s (seed %lld, %lld jeugdigen)...\n",
                (long long)y, env->db_path, (long long)s, (long long)ny);
    if (demo_generate(&env->ctx, &o, &st, &err) != JR_OK)
        return cli_fail(env, &err);
    year_total t;
    memset(&t, 0, sizeof t);
    t.cat = env->cat;
    char per[8];
    for (int m = 0; m < 12; m++)
        if (settle_period(&env->ctx, (jr_month)(y * 12 + m), NULL, NULL, add_row, &t, &err) !=
            JR_OK)
            return cli_fail(env, &err);
    /* taakgericht: the terms paid by the end of the year */
    bool tasks = env->cat->ntask_budgets > 0;
    if (tasks && settle_task_terms(&env->ctx, (jr_month)(y * 12 + 11), NULL, NULL, add_task, &t,
                                   &err) != JR_OK)
        return cli_fail(env, &err);
    if (env->json) {
        json_t *rows = json_array();
        for (int i = 0; i < env->cat->nmunicipalities; i++)
            json_array_append_new(rows, json_pack("{s:s, s:s, s:I, s:I, s:I, s:I}", "gemeente",
                                                  env->cat->municipalities[i].cbs, "name",
                                                  env->cat->municipalities[i].name,
                                                  "accepted_cents", (json_int_t)t.amount[i],
                                                  "accepted_lines", (json_int_t)t.acc[i],
                                                  "rejected_lines", (json_int_t)t.rej[i],
                                                  "task_terms_paid_cents", (json_int_t)t.tasks[i]));
        cli_emit(json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:o}", "providers",
                           (json_int_t)st.providers, "youths", (json_int_t)st.youths, "referrals",
                           (json_int_t)st.referrals, "assignments", (json_int_t)st.assignments,
                           "quotes", (json_int_t)st.quotes, "lines", (json_int_t)st.lines,
                           "accepted", (json_int_t)st.accepted, "rejected", (json_int_t)st.rejected,
                           "settlement", rows));
        return EXIT_DONE;
    }
    printf("Demojaar %lld voor regio %s (%s)\n", (long long)y, env->cat->region, env->db_path);
    printf("  %lld aanbieders met %lld contracten, %lld jeugdigen\n", (long long)st.providers,
           (long long)st.contracts, (long long)st.youths);
    printf("  %lld verwijzingen (gemeente %lld, huisarts %lld, jeugdarts %lld, GI %lld, medisch "
           "specialist %lld, geen %lld, rechter %lld), %lld geweigerd\n",
           (long long)st.referrals, (long long)st.referrals_by_type[1],
           (long long)st.referrals_by_type[2], (long long)st.referrals_by_type[3],
           (long long)st.referrals_by_type[4], (long long)st.referrals_by_type[5],
           (long long)st.referrals_by_type[6], (long long)st.referrals_by_type[8],
           (long long)st.referrals_refused);
    printf("  %lld offertes, %lld toewijzingen, %lld zorg gestart, %lld gestopt, %lld voortijdig "
           "beeindigd, %lld ingetrokken\n",
           (long long)st.quotes, (long long)st.assignments, (long long)st.care_started,
           (long long)st.care_stopped, (long long)st.ended, (long long)st.withdrawn);
    printf("  %lld declaratiebestanden, %lld declaraties, %lld regels: %lld geaccepteerd, %lld "
           "afgewezen\n\n",
           (long long)st.files, (long long)st.batches, (long long)st.lines, (long long)st.accepted,
           (long long)st.rejected);
    printf("Afrekening %lld per gemeente (geaccepteerde regels, debet min credit)\n", (long long)y);
    printf("  %-5s %-18s %18s %10s %10s%s\n", "CBS", "gemeente", "bedrag", "geacc.", "afgew.",
           tasks ? "    taakbudgetten" : "");
    jr_cents total = 0, task_total = 0;
    for (int i = 0; i < env->cat->nmunicipalities; i++) {
        char m[JR_MONEY_BUF], tb[JR_MONEY_BUF];
        printf("  %-5s %-18s %18s %10lld %10lld", env->cat->municipalities[i].cbs,
               env->cat->municipalities[i].name, money_format_nl(t.amount[i], m),
               (long long)t.acc[i], (long long)t.rej[i]);
        printf(tasks ? " %18s\n" : "\n", money_format_nl(t.tasks[i], tb));
        total += t.amount[i];
        task_total += t.tasks[i];
    }
    char m[JR_MONEY_BUF], tb[JR_MONEY_BUF];
    printf("  %-24s %18s", "regio", money_format_nl(total, m));
    printf(tasks ? " %40s\n\n" : "\n\n", money_format_nl(task_total, tb));
    if (tasks)
        printf("Taakbudgetten: de termijnen die partners in %lld kregen (taakgericht, geen "
               "declaraties per jeugdige); per partner en taak: jeugdregio --db %s settle "
               "--period %lld-12 --tasks\n",
               (long long)y, env->db_path, (long long)y);
    printf("Per maand en aanbieder: jeugdregio --db %s settle --period %s\n", env->db_path,
           month_format((jr_month)(y * 12 + 2), per));
    printf("Redenen van afwijzing: jeugdregio codes\n\n");
    printf("Demo-accounts (wachtwoord %s, alleen voor deze demo):\n", JR_DEMO_PASSWORD);
    for (int i = 0; i < JR_DEMO_ACCOUNTS; i++) {
        const jr_demo_account *a = &st.accounts[i];
        const jr_municipality *mu = catalog_municipality(env->cat, a->tenant);
        printf("  %-11s %-10s %s %s\n", a->name, role_name(a->role), a->tenant, mu ? mu->name : "");
    }
    return EXIT_DONE;
}

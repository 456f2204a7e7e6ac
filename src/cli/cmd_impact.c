/*
 * cmd_impact.c: the impact analysis on the command line (issue 12,
 * service/impact.h, docs/impact.md):
 *   jeugdregio impact --year JJJJ --scenario A.json [--scenario B.json]
 *       [--csv PRODUCTIE.csv [--profiles PROFIELEN.csv]] [--losers N]
 *       [--json | --xlsx UIT.xlsx | --export-csv UIT.csv]
 *   jeugdregio impact --year JJJJ --template
 *   jeugdregio impact --save SCENARIO.json | --list | --delete NAAM
 * and --stored NAAM in place of a --scenario file: a saved scenario.
 * prices the year's realised production (the database's accepted lines,
 * or a file of the old model) under one or two scenarios and prints the
 * difference per municipality and in total with the providers losing most
 * (Dutch tables), the JSON of render/render_impact.h that the API answers
 * too, or writes the tables as an Excel workbook or CSV.
 */
#include "cli.h"

#include "../render/render_impact.h"
#include "../render/xlsx.h"
#include "../service/impact.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *euro(jr_cents c, char buf[JR_MONEY_BUF])
{
    return money_format_nl(c, buf);
}

static const char *pm(jr_cents d, jr_cents cur, char buf[24])
{
    int64_t v;
    if (!impact_permille(d, cur, &v))
        return "-";
    snprintf(buf, 24, "%+lld ‰", (long long)v);
    return buf;
}

static void print_row(const jr_impact *r, const char *code, const char *name,
                      const jr_imp_amounts *a)
{
    char m[JR_MONEY_BUF];
    printf("  %-8s %-32.32s %18s", code, name, euro(a->current, m));
    for (int s = 0; s < r->nscen; s++) {
        char m2[JR_MONEY_BUF], m3[JR_MONEY_BUF], p[24];
        jr_cents d = a->scen[s] - a->current;
        printf(" %18s %17s %8s", euro(a->scen[s], m2), euro(d, m3), pm(d, a->current, p));
    }
    printf("\n");
}

static void print_head(const jr_impact *r, const char *code)
{
    printf("  %-8s %-32s %18s", code, "naam", "gerealiseerd");
    for (int s = 0; s < r->nscen; s++)
        printf(" %18.18s %17s %8s", r->scen[s].name, "verschil", "promille");
    printf("\n");
}

static void print_impact(const jr_impact *r, size_t nlosers)
{
    printf("Impactanalyse %d: productie uit %s (%lld regels)%s%s\n", (int)r->year,
           r->from_file ? "een bestand (oude model)" : "de database", (long long)r->lines,
           r->gemeente[0] ? ", gemeente " : "", r->gemeente);
    for (int s = 0; s < r->nscen; s++) {
        printf("  scenario %s: %d tarieven, %d budgetten, methode %s", r->scen[s].name,
               r->scen[s].ntariffs, r->scen[s].nbudgets, impact_method_name(r->scen[s].method));
        if (!r->caps_apply) {
            printf(" (niets afgetopt: een bestand heeft geen toewijzingen)");
        } else {
            char m[JR_MONEY_BUF];
            printf("; %lld toewijzingen afgetopt op het budget (%s)", (long long)r->caps[s].capped,
                   euro(r->caps[s].capped_cents, m));
        }
        printf("\n");
        for (int i = 0; i < r->nunpriced[s]; i++) {
            char m[JR_MONEY_BUF];
            printf("    zonder tarief in het scenario, ongewijzigd: %s (%s)\n",
                   r->unpriced[s][i].code, euro(r->unpriced[s][i].current, m));
        }
    }
    printf("\nTotaal van de regio:\n");
    print_head(r, "");
    print_row(r, "", "Regio", &r->total);
    printf("\nPer gemeente:\n");
    print_head(r, "CBS");
    for (size_t i = 0; i < r->nmunicipalities; i++)
        print_row(r, r->municipalities[i].code, r->municipalities[i].name, &r->municipalities[i].a);
    if (!r->providers_shown || !nlosers)
        return;
    size_t *idx = calloc(nlosers, sizeof *idx);
    if (!idx)
        return;
    for (int s = 0; s < r->nscen; s++) {
        size_t k = impact_losers(r, s, nlosers, idx);
        printf("\nGrootste verliezers onder %s (%zu):\n", r->scen[s].name, k);
        if (k)
            print_head(r, "AGB");
        for (size_t i = 0; i < k; i++)
            print_row(r, r->providers[idx[i]].code, r->providers[idx[i]].name,
                      &r->providers[idx[i]].a);
        if (!k)
            printf("  geen aanbieder gaat erop achteruit\n");
    }
    free(idx);
}

static int print_saved(void *ud, const void *row)
{
    const jr_imp_saved *s = row;
    json_t *items = ud;
    if (items) {
        json_array_append_new(items, render_impact_saved(s));
        return 0;
    }
    if (s->valid)
        printf("%-40s %-9s %2d tarieven %2d budgetten  %s %s\n", s->sc.name,
               impact_method_name(s->sc.method), s->sc.ntariffs, s->sc.nbudgets, s->saved_at,
               s->saved_by);
    else
        printf("%-40s ongeldig: %s\n", s->sc.name, s->problem);
    return 0;
}

/* saved: --save, --list, --delete */
static int saved(cli_env *env, const char *save, bool list, const char *del)
{
    if ((save != NULL) + list + (del != NULL) > 1)
        return cli_usage_error("impact", "kies een van --save, --list en --delete");
    int rc = cli_open(env);
    if (rc != EXIT_DONE)
        return rc;
    jr_error err;
    cli_error_collect(env, &err);
    if (save) {
        jr_imp_scenario sc;
        bool replaced = false;
        if (impact_may_save(&env->ctx, &err) != JR_OK ||
            impact_scenario_load(&env->ctx, save, &sc, &err) != JR_OK ||
            impact_scenario_save(&env->ctx, &sc, &replaced, &err) != JR_OK)
            return cli_fail(env, &err);
        if (env->json)
            cli_emit(json_pack("{s:s, s:b}", "name", sc.name, "replaced", replaced));
        else
            printf("Scenario '%s' %s.\n", sc.name, replaced ? "vervangen" : "opgeslagen");
        return EXIT_DONE;
    }
    if (del) {
        if (impact_scenario_delete(&env->ctx, del, &err) != JR_OK)
            return cli_fail(env, &err);
        if (!env->json)
            printf("Scenario '%s' verwijderd.\n", del);
        else
            cli_emit(json_pack("{s:s}", "deleted", del));
        return EXIT_DONE;
    }
    json_t *items = env->json ? json_array() : NULL;
    if (impact_scenario_list(&env->ctx, print_saved, items, &err) != JR_OK) {
        json_decref(items);
        return cli_fail(env, &err);
    }
    if (items)
        cli_emit(json_pack("{s:o}", "items", items));
    return EXIT_DONE;
}

/*
 * COMMAND: impact
 * SUMMARY: de impactanalyse: de productie van een jaar tegen de tarieven van een of twee scenario's
 */
int cmd_impact(cli_env *env, int argc, char **argv)
{
    const char *year_s = NULL, *csv = NULL, *profiles = NULL, *xlsx = NULL, *out_csv = NULL,
               *losers_s = NULL;
    cli_multi scen = {0}, stored = {0};
    bool template = false, list = false;
    const char *save = NULL, *del = NULL;
    const cli_opt opts[] = {
        {"year", OPT_STR, &year_s, "JJJJ", "het jaar van de productie"},
        {"scenario", OPT_MULTI, &scen, "SCENARIO.json", "een scenario (een of twee)"},
        {"csv", OPT_STR, &csv, "PRODUCTIE.csv",
         "de productie uit een bestand (oude model) in plaats van de database"},
        {"profiles", OPT_STR, &profiles, "PROFIELEN.csv",
         "bij --csv: de vertaling van ondersteuningsprofielen naar producten (profile,product)"},
        {"stored", OPT_MULTI, &stored, "NAAM",
         "een opgeslagen scenario (een of twee, met --scenario)"},
        {"save", OPT_STR, &save, "SCENARIO.json", "sla een scenario op onder zijn naam"},
        {"list", OPT_FLAG, &list, NULL, "de opgeslagen scenario's"},
        {"delete", OPT_STR, &del, "NAAM", "verwijder een opgeslagen scenario"},
        {"template", OPT_FLAG, &template, NULL,
         "druk een scenario met de tarieven en budgetten van de catalogus af (JSON)"},
        {"losers", OPT_STR, &losers_s, "N", "het aantal grootste verliezers (standaard 10)"},
        {"xlsx", OPT_STR, &xlsx, "UIT.xlsx", "schrijf de tabellen naar een Excel-bestand"},
        {"export-csv", OPT_STR, &out_csv, "UIT.csv", "schrijf de tabellen naar een CSV-bestand"},
        {0}};
    const char *pos[1];
    int npos,
        rc = cli_parse(
            env,
            "impact --year JJJJ (--scenario A.json | --stored NAAM) [--scenario B.json | "
            "--stored NAAM] [--csv BESTAND "
            "[--profiles BESTAND]] [--losers N] [--json | --xlsx UIT | --export-csv UIT] | "
            "impact --year JJJJ --template | impact --save SCENARIO.json | --list | --delete NAAM",
            "Prijst de gerealiseerde productie van een jaar (de geaccepteerde "
            "declaratieregels, of een bestand met kopregel agb,gemeente,profile,product,"
            "unit,volume,amount_cents) opnieuw tegen de tarieven en budgetten van een of "
            "twee scenario's ({\"name\", \"method\": capped|uncapped, \"tariffs\": "
            "{\"45F01\": eurocenten}, \"budgets\": {\"KB1\": eurocenten}}) en toont het "
            "verschil per aanbieder, per gemeente en in totaal, in eurocenten en promille, "
            "met de aanbieders die het meest verliezen.",
            argc, argv, opts, pos, 0, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if (save || list || del)
        return saved(env, save, list, del);
    if (!year_s)
        return cli_usage_error("impact", "--year ontbreekt");
    int64_t year = 0, losers = JR_IMP_LOSERS_DEFAULT;
    if (!cli_int("impact", "--year", year_s, JR_IMP_YEAR_MIN, JR_IMP_YEAR_MAX, &year))
        return EXIT_USAGE;
    if (losers_s && !cli_int("impact", "--losers", losers_s, 0, JR_IMP_LOSERS_MAX, &losers))
        return EXIT_USAGE;
    if (template) {
        if ((rc = cli_open(env)) != EXIT_DONE)
            return rc;
        jr_error err;
        cli_error_collect(env, &err);
        jr_imp_scenario t;
        if (impact_template_scenario(&env->ctx, (int32_t)year, &t, &err) != JR_OK)
            return cli_fail(env, &err);
        json_t *o = render_impact_scenario(&t);
        if (!o)
            return EXIT_INTERNAL;
        char *text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        json_decref(o);
        if (!text)
            return EXIT_INTERNAL;
        printf("%s\n", text);
        free(text);
        return EXIT_DONE;
    }
    if (scen.n + stored.n < 1 || scen.n + stored.n > JR_IMP_SCEN_MAX)
        return cli_usage_error("impact",
                               "geef een of twee scenario's met --scenario of --stored (nu %d)",
                               scen.n + stored.n);
    if (profiles && !csv)
        return cli_usage_error("impact", "--profiles hoort bij --csv");
    if ((xlsx != NULL) + (out_csv != NULL) + env->json > 1)
        return cli_usage_error("impact", "kies een van --json, --xlsx en --export-csv");
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    cli_error_collect(env, &err);
    jr_imp_scenario sc[JR_IMP_SCEN_MAX];
    if (impact_may(&env->ctx, &err) != JR_OK)
        return cli_fail(env, &err);
    for (int i = 0; i < scen.n; i++)
        if (impact_scenario_load(&env->ctx, scen.v[i], &sc[i], &err) != JR_OK)
            return cli_fail(env, &err);
    for (int i = 0; i < stored.n; i++) {
        jr_imp_saved *sv = calloc(1, sizeof *sv);
        if (!sv)
            return EXIT_INTERNAL;
        jr_status st = impact_scenario_find(&env->ctx, stored.v[i], sv, &err);
        sc[scen.n + i] = sv->sc;
        free(sv);
        if (st != JR_OK)
            return cli_fail(env, &err);
    }
    jr_imp_production *prod = NULL;
    if (csv) {
        FILE *in = fopen(csv, "rb"), *pf = profiles ? fopen(profiles, "rb") : NULL;
        if (!in || (profiles && !pf)) {
            const char *bad = !in ? csv : profiles;
            jr_fail(&err, JR_EIO, "file_unreadable", "csv", "%s: niet te lezen: %s", bad,
                    strerror(errno));
            if (in)
                fclose(in);
            if (pf)
                fclose(pf);
            return cli_fail(env, &err);
        }
        const char *b1 = strrchr(csv, '/'), *b2 = profiles ? strrchr(profiles, '/') : NULL;
        jr_status st = impact_production_csv(&env->ctx, in, b1 ? b1 + 1 : csv, pf,
                                             b2 ? b2 + 1 : profiles, &prod, &err);
        fclose(in);
        if (pf)
            fclose(pf);
        if (st != JR_OK)
            return cli_fail(env, &err);
    }
    jr_impact r;
    jr_status st = impact_analyse(&env->ctx, (int32_t)year, sc, scen.n + stored.n, prod, &r, &err);
    impact_production_free(prod);
    if (st != JR_OK) {
        impact_free(&r);
        return cli_fail(env, &err);
    }
    rc = EXIT_DONE;
    if (xlsx || out_csv) {
        jr_xtables ts = {0};
        sbuf data = SBUF_INIT;
        st = impact_tables(&r, (size_t)losers, env->ctx.today, &ts, &err);
        if (st == JR_OK)
            st = xlsx ? xlsx_bytes(&ts, &data, &err)
                      : (xtables_csv(&ts, &data) < 0
                             ? jr_fail(&err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.")
                             : JR_OK);
        if (st == JR_OK)
            st = cli_write_file(xlsx ? xlsx : out_csv, data.data ? data.data : "", data.len, &err);
        if (st == JR_OK)
            printf("%s: impactanalyse %d, %d tabellen (%s)\n", xlsx ? xlsx : out_csv, (int)year,
                   ts.n, xlsx ? "Excel" : "CSV");
        else
            rc = cli_fail(env, &err);
        xtables_free(&ts);
        sbuf_free(&data);
    } else if (env->json) {
        json_t *o = render_impact(&r, (size_t)losers);
        if (!o) {
            fprintf(stderr, "Onvoldoende geheugen.\n");
            rc = EXIT_INTERNAL;
        } else {
            cli_emit(o);
        }
    } else {
        print_impact(&r, (size_t)losers);
    }
    impact_free(&r);
    return rc;
}

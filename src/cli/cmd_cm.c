/*
 * cmd_cm.c: contract management on the command line (issue 12,
 * service/contract_mgmt.h, docs/contract-management.md):
 *   jeugdregio cm directory [--product P] [--gemeente CBS] [--name TEKST]
 *   jeugdregio cm file AGB [--period P]      the provider file (dossier), with
 *                                            its production from the monitor
 *   jeugdregio cm managers [--user NAAM]     providers per contract manager
 *   jeugdregio cm manager AGB NAAM           assign a contract manager
 *   jeugdregio cm scope CONTRACT [CBS ...]   a contract's municipalities (none: all)
 *   jeugdregio cm details AGB [--address ..] [--postcode ..] [--place ..]
 *                             [--phone ..] [--email ..] [--website ..]
 *   jeugdregio cm waiting AGB WEKEN [--date JJJJ-MM-DD]
 *   jeugdregio cm complaint AGB --from WIE --subject TEKST [--date D] [--handling TEKST]
 *   jeugdregio cm close-complaint ID --handling TEKST [--date D]
 *   jeugdregio cm escalate AGB --kind financieel|kwaliteit --reason TEKST [--date D] [--note T]
 *   jeugdregio cm step ESCALATIE STAP [--date D] [--note TEKST]
 *   jeugdregio cm note AGB TEKST [--date D]
 * as Dutch text, or with --json the shapes of render/render_cm.h.
 */
#include "cli.h"

#include "../core/sbuf.h"
#include "../render/render_cm.h"
#include "../render/render_figures.h"
#include "../service/figures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int emit_or_fail(json_t *o)
{
    if (!o) {
        fprintf(stderr, "Onvoldoende geheugen.\n");
        return EXIT_INTERNAL;
    }
    cli_emit(o);
    return EXIT_DONE;
}

typedef struct {
    json_t *items;
    json_t *(*render)(const void *);
    void (*print)(const void *);
} list_out;

static int list_row(void *ud, const void *row)
{
    list_out *l = ud;
    if (l->items)
        json_array_append_new(l->items, l->render(row));
    else
        l->print(row);
    return 0;
}

static json_t *r_dir(const void *x)
{
    return render_cm_dir_entry(x);
}
static void p_dir(const void *row)
{
    const jr_cm_dir_entry *x = row;
    printf("%s %-40.40s", x->agb, x->name);
    for (int i = 0; i < x->nproducts; i++)
        printf(" %s", x->products[i]);
    if (x->all_gemeenten)
        printf(" | alle gemeenten");
    else {
        printf(" |");
        for (int i = 0; i < x->ngemeenten; i++)
            printf(" %s", x->gemeenten[i]);
    }
    if (x->has_waiting) {
        char d[JR_DATE_ISO_LEN];
        printf(" | wachttijd %lld %s (%s)", (long long)x->waiting_weeks,
               x->waiting_weeks == 1 ? "week" : "weken", date_format(x->waiting_on, d));
    }
    if (x->has_details)
        printf(" | %s %s", x->details.phone, x->details.email);
    printf("\n");
}
static json_t *r_mgr(const void *x)
{
    return render_cm_manager(x);
}
static void p_mgr(const void *row)
{
    const store_cm_manager_row *m = row;
    printf("%-20s %s %s\n", m->user, m->agb, m->provider);
}

static bool opt_date(const char *s, jr_date dflt, jr_date *out)
{
    *out = dflt;
    return !s || cli_date("cm", "--date", s, out);
}

static void print_file(cli_env *env, const jr_cm_head *h)
{
    (void)env;
    printf("Dossier %s %s (%s)\n", h->p.agb, h->p.name, h->p.kind);
    printf("  contractmanager: %s\n", h->has_manager ? h->manager.display_name : "geen");
    if (h->has_details)
        printf("  %s, %s %s; %s; %s; %s\n", h->details.d.address, h->details.d.postcode,
               h->details.d.place, h->details.d.phone, h->details.d.email, h->details.d.website);
    if (h->has_waiting) {
        char d[JR_DATE_ISO_LEN];
        printf("  wachttijd: %lld %s (gemeld %s)\n", (long long)h->waiting.weeks,
               h->waiting.weeks == 1 ? "week" : "weken", date_format(h->waiting.reported_on, d));
    }
}

static int print_contract(void *ud, const void *row)
{
    const jr_cm_contract *c = row;
    char s[JR_DATE_ISO_LEN], e[JR_DATE_ISO_LEN];
    if (ud)
        return json_array_append_new(ud, render_cm_contract(c)) != 0;
    printf("  contract %lld %s %s %s t/m %s:", (long long)c->c.id, c->c.lot, c->c.product,
           date_format(c->c.start, s),
           c->c.end == JR_DATE_NONE ? "open" : date_format(c->c.end, e));
    if (c->n == 0)
        printf(" alle gemeenten");
    for (int i = 0; i < c->n; i++)
        printf(" %s", c->codes[i]);
    printf("\n");
    return 0;
}

static int print_escalation(void *ud, const void *row)
{
    const jr_cm_escalation *x = row;
    if (ud)
        return json_array_append_new(ud, render_cm_escalation(x)) != 0;
    printf("  escalatie %lld (%s): %s\n", (long long)x->e.id, x->e.kind, x->e.reason);
    for (int i = 0; i < x->nsteps; i++) {
        char d[JR_DATE_ISO_LEN];
        printf("    %s %s %s\n", date_format(x->steps[i].step_on, d),
               cm_step_label(x->steps[i].step), x->steps[i].note);
    }
    return 0;
}

static int print_complaint(void *ud, const void *row)
{
    const store_cm_complaint_row *c = row;
    char d[JR_DATE_ISO_LEN], e[JR_DATE_ISO_LEN];
    if (ud)
        return json_array_append_new(ud, render_cm_complaint(c)) != 0;
    printf("  klacht %lld %s van %s: %s (%s)\n", (long long)c->id, date_format(c->received_on, d),
           c->complainant, c->subject,
           c->closed_on == JR_DATE_NONE ? "open" : date_format(c->closed_on, e));
    return 0;
}

static int print_note(void *ud, const void *row)
{
    const store_cm_note_row *n = row;
    char d[JR_DATE_ISO_LEN];
    if (ud)
        return json_array_append_new(ud, render_cm_note(n)) != 0;
    printf("  notitie %s: %s\n", date_format(n->note_on, d), n->text);
    return 0;
}

/* production: provider agb's production in period from the monitor's own
 * figures with the provider filter, printed or as JSON into *out */
static jr_status production(cli_env *env, const char *agb, const char *ps, json_t **out,
                            jr_error *err)
{
    jr_period period;
    if (!period_parse(ps, &period))
        return jr_fail(err, JR_EINVAL, "period_invalid", "period",
                       "Periode '%.20s' is ongeldig: een jaar (2025), half jaar (2025-H1), "
                       "kwartaal (2025-Q2) of maand (2025-03).",
                       ps);
    jr_figures_volume v;
    jr_figures_spending *s = calloc(1, sizeof *s);
    if (!s)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    jr_status rc = figures_volume(&env->ctx, &period, NULL, agb, &v, err);
    if (rc == JR_OK)
        rc = figures_spending(&env->ctx, &period, NULL, agb, s, err);
    if (rc == JR_OK && env->json)
        *out = json_pack("{s:s, s:o, s:o}", "period", ps, "volume", render_figures_volume(&v),
                         "spending", render_figures_spending(s));
    else if (rc == JR_OK) {
        json_t *sp = render_figures_spending(s);
        char m[JR_MONEY_BUF];
        json_int_t cents =
            json_integer_value(json_object_get(json_object_get(sp, "spending"), "cents"));
        printf("  productie %s: uitgaven %s (monitor, filter op de aanbieder)\n", ps,
               money_format_nl((jr_cents)cents, m));
        json_decref(sp);
    }
    figures_spending_free(s);
    free(s);
    return rc;
}

static int do_file(cli_env *env, const char *agb, const char *period)
{
    jr_error err;
    cli_error_collect(env, &err);
    jr_period checked;
    if (period && !period_parse(period, &checked)) { /* refused before anything is printed */
        jr_fail(&err, JR_EINVAL, "period_invalid", "period",
                "Periode '%.20s' is ongeldig: een jaar (2025), half jaar (2025-H1), kwartaal "
                "(2025-Q2) of maand (2025-03).",
                period);
        return cli_fail(env, &err);
    }
    jr_cm_head h;
    if (cm_file_head(&env->ctx, agb, &h, &err) != JR_OK)
        return cli_fail(env, &err);
    json_t *o = env->json ? render_cm_head(&h) : NULL;
    json_t *k = env->json ? json_array() : NULL, *e = env->json ? json_array() : NULL;
    json_t *c = env->json && h.full ? json_array() : NULL;
    json_t *n = env->json && h.full ? json_array() : NULL;
    if (!env->json)
        print_file(env, &h);
    jr_status rc = cm_contracts(&env->ctx, agb, print_contract, k, &err);
    if (rc == JR_OK)
        rc = cm_escalations(&env->ctx, agb, print_escalation, e, &err);
    if (rc == JR_OK && h.full)
        rc = cm_complaints(&env->ctx, agb, print_complaint, c, &err);
    if (rc == JR_OK && h.full)
        rc = cm_notes(&env->ctx, agb, print_note, n, &err);
    json_t *prod = NULL;
    if (rc == JR_OK && period)
        rc = production(env, h.p.agb, period, &prod, &err);
    if (rc != JR_OK) {
        json_decref(o);
        json_decref(k);
        json_decref(e);
        json_decref(c);
        json_decref(n);
        return cli_fail(env, &err);
    }
    if (!env->json)
        return EXIT_DONE;
    json_object_set_new(o, "production", prod ? prod : json_null());
    json_object_set_new(o, "contracts", k);
    json_object_set_new(o, "escalations", e);
    json_object_set_new(o, "complaints", c ? c : json_null());
    json_object_set_new(o, "notes", n ? n : json_null());
    return emit_or_fail(o);
}

static int done(cli_env *env, jr_status st, jr_error *err, const char *msg)
{
    if (st != JR_OK)
        return cli_fail(env, err);
    if (env->json)
        return emit_or_fail(json_pack("{s:b, s:s}", "ok", 1, "message", msg));
    printf("%s\n", msg);
    return EXIT_DONE;
}

/*
 * COMMAND: cm
 * SUMMARY: contractmanagement: het aanbiedersoverzicht, dossiers, contractmanagers, klachten,
 * escalaties
 */
int cmd_cm(cli_env *env, int argc, char **argv)
{
    const char *product = NULL, *gemeente = NULL, *name = NULL, *user = NULL, *date_s = NULL;
    const char *from = NULL, *subject = NULL, *handling = NULL, *kind = NULL, *reason = NULL;
    const char *note = NULL, *period = NULL;
    jr_cm_details d;
    memset(&d, 0, sizeof d);
    const char *address = NULL, *postcode = NULL, *place = NULL, *phone = NULL, *email = NULL,
               *website = NULL;
    const cli_opt opts[] = {
        {"product", OPT_STR, &product, "P", "directory: product, keuzebudget of soort"},
        {"gemeente", OPT_STR, &gemeente, "CBS", "directory: gemeente"},
        {"name", OPT_STR, &name, "TEKST", "directory: deel van de naam of AGB-code"},
        {"user", OPT_STR, &user, "NAAM", "managers: van deze contractmanager"},
        {"date", OPT_STR, &date_s, "JJJJ-MM-DD", "de datum (standaard vandaag)"},
        {"period", OPT_STR, &period, "P", "file: de productie in deze periode (2025, 2025-Q2)"},
        {"from", OPT_STR, &from, "WIE", "complaint: jeugdige, ouder, verwijzer, gemeente, ..."},
        {"subject", OPT_STR, &subject, "TEKST", "complaint: het onderwerp"},
        {"handling", OPT_STR, &handling, "TEKST", "complaint: de afhandeling"},
        {"kind", OPT_STR, &kind, "SOORT", "escalate: financieel of kwaliteit"},
        {"reason", OPT_STR, &reason, "TEKST", "escalate: de reden"},
        {"note", OPT_STR, &note, "TEKST", "escalate, step: een notitie"},
        {"address", OPT_STR, &address, "TEKST", "details: adres"},
        {"postcode", OPT_STR, &postcode, "1234 AB", "details: postcode"},
        {"place", OPT_STR, &place, "TEKST", "details: plaats"},
        {"phone", OPT_STR, &phone, "NUMMER", "details: telefoon"},
        {"email", OPT_STR, &email, "ADRES", "details: e-mail"},
        {"website", OPT_STR, &website, "URL", "details: website"},
        {0}};
    const char *pos[JR_CM_SCOPE_MAX + 2];
    int npos,
        rc = cli_parse(env,
                       "cm directory | file AGB [--period P] | managers | manager AGB NAAM | scope "
                       "CONTRACT [CBS ...] | details AGB | waiting AGB WEKEN | complaint "
                       "AGB | close-complaint ID | escalate AGB | step ID STAP | note AGB "
                       "TEKST",
                       "Contractmanagement van het regionale team: het overzicht van "
                       "gecontracteerde aanbieders voor verwijzers, het dossier van een "
                       "aanbieder, contractmanagers, de gemeenten van een contract, "
                       "contactgegevens en wachttijden, klachten, escalaties volgens het "
                       "protocol (signaal, gesprek, verbeterplan, maatregel, afgesloten) "
                       "en notities.",
                       argc, argv, opts, pos, JR_CM_SCOPE_MAX + 2, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    const char *act = npos ? pos[0] : "";
    jr_error err;
    jr_date date;
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    cli_error_collect(env, &err);
    if (!opt_date(date_s, env->ctx.today, &date))
        return EXIT_USAGE;
    if (strcmp(act, "directory") == 0 || strcmp(act, "managers") == 0) {
        bool dir = act[0] == 'd';
        list_out l = {env->json ? json_array() : NULL, dir ? r_dir : r_mgr, dir ? p_dir : p_mgr};
        jr_cm_dir_filter f = {product, gemeente, name};
        jr_status st = dir ? cm_directory(&env->ctx, &f, list_row, &l, &err)
                           : cm_manager_list(&env->ctx, user, list_row, &l, &err);
        if (st != JR_OK) {
            json_decref(l.items);
            return cli_fail(env, &err);
        }
        return env->json ? emit_or_fail(json_pack("{s:o}", "items", l.items)) : EXIT_DONE;
    }
    if (strcmp(act, "file") == 0 && npos == 2)
        return do_file(env, pos[1], period);
    if (strcmp(act, "manager") == 0 && npos == 3)
        return done(env, cm_manager_set(&env->ctx, pos[1], pos[2], &err), &err,
                    "Contractmanager toegewezen.");
    if (strcmp(act, "scope") == 0 && npos >= 2) {
        int64_t id;
        if (!cli_int("cm", "CONTRACT", pos[1], 1, INT64_MAX, &id))
            return EXIT_USAGE;
        return done(env, cm_scope_set(&env->ctx, id, pos + 2, npos - 2, &err), &err,
                    npos == 2 ? "Het contract geldt voor alle gemeenten van de regio."
                              : "De gemeenten van het contract zijn vastgelegd.");
    }
    if (strcmp(act, "details") == 0 && npos == 2) {
        str_copy(d.address, sizeof d.address, address ? address : "");
        str_copy(d.postcode, sizeof d.postcode, postcode ? postcode : "");
        str_copy(d.place, sizeof d.place, place ? place : "");
        str_copy(d.phone, sizeof d.phone, phone ? phone : "");
        str_copy(d.email, sizeof d.email, email ? email : "");
        str_copy(d.website, sizeof d.website, website ? website : "");
        return done(env, cm_details_set(&env->ctx, pos[1], &d, &err), &err,
                    "De gegevens zijn vastgelegd.");
    }
    if (strcmp(act, "waiting") == 0 && npos == 3) {
        int64_t weeks;
        if (!cli_int("cm", "WEKEN", pos[2], -1000, 1000, &weeks))
            return EXIT_USAGE;
        return done(env, cm_waiting_report(&env->ctx, pos[1], weeks, date, &err), &err,
                    "De wachttijd is gemeld.");
    }
    if (strcmp(act, "complaint") == 0 && npos == 2) {
        store_cm_complaint_row *c = calloc(1, sizeof *c);
        if (!c)
            return emit_or_fail(NULL);
        c->received_on = date;
        c->closed_on = JR_DATE_NONE;
        str_copy(c->complainant, sizeof c->complainant, from ? from : "");
        str_copy(c->subject, sizeof c->subject, subject ? subject : "");
        str_copy(c->handling, sizeof c->handling, handling ? handling : "");
        int64_t id = 0;
        jr_status st = cm_complaint_add(&env->ctx, pos[1], c, &id, &err);
        free(c);
        char msg[64];
        snprintf(msg, sizeof msg, "Klacht %lld is vastgelegd.", (long long)id);
        return done(env, st, &err, msg);
    }
    if (strcmp(act, "close-complaint") == 0 && npos == 2) {
        int64_t id;
        if (!cli_int("cm", "ID", pos[1], 1, INT64_MAX, &id))
            return EXIT_USAGE;
        return done(env, cm_complaint_close(&env->ctx, id, date, handling, &err), &err,
                    "De klacht is gesloten.");
    }
    if (strcmp(act, "escalate") == 0 && npos == 2) {
        int64_t id = 0;
        jr_status st = cm_escalation_open(&env->ctx, pos[1], kind, reason, date, note, &id, &err);
        char msg[64];
        snprintf(msg, sizeof msg, "Escalatie %lld is geopend met een signaal.", (long long)id);
        return done(env, st, &err, msg);
    }
    if (strcmp(act, "step") == 0 && npos == 3) {
        int64_t id;
        if (!cli_int("cm", "ID", pos[1], 1, INT64_MAX, &id))
            return EXIT_USAGE;
        return done(env, cm_escalation_step(&env->ctx, id, pos[2], date, note, &err), &err,
                    "De stap is vastgelegd.");
    }
    if (strcmp(act, "note") == 0 && npos == 3)
        return done(env, cm_note_add(&env->ctx, pos[1], date, pos[2], NULL, &err), &err,
                    "De notitie is vastgelegd.");
    return cli_usage_error("cm", "onbekende actie of verkeerd aantal argumenten: '%s'", act);
}

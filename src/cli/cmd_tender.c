/*
 * cmd_tender.c: tenders and admission on the command line (issue 12,
 * service/tender.h, docs/tenders.md):
 *   jeugdregio tender list | show ID | add FILE.json
 *   jeugdregio tender dates ID FILE.json --reason TEXT
 *   jeugdregio tender ask ID --text VRAAG | answer ID VRAAG-ID --text ANTWOORD | questions ID
 *   jeugdregio tender register PERCEEL-ID --agb AGB --name NAAM [--kind SOORT]
 *              --product CODE[:CAPACITEIT]... [--sub AGB:NAAM]...
 *   jeugdregio tender registrations ID [--lot PERCEEL-ID]
 *   jeugdregio tender score INSCHRIJVING-ID --criterion N --score S --motivation TEKST
 *   jeugdregio tender scores INSCHRIJVING-ID
 *   jeugdregio tender award PERCEEL-ID [--date D] | contract PERCEEL-ID
 *   jeugdregio tender admit INSCHRIJVING-ID --decision toegelaten|geweigerd --reason R
 *              --grounds TEKST
 *   jeugdregio tender supply [--date JJJJ-MM-DD] [--product CODE]
 * as Dutch text, or with --json the shapes of render/render_tender.h that
 * the API answers too. FILE.json is the body of POST /api/v1/tenders.
 */
#include "cli.h"

#include "../core/sbuf.h"
#include "../render/render_tender.h"
#include "../service/tender.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CMD "tender"

static int emit_or_fail(json_t *o)
{
    if (!o) {
        fprintf(stderr, "Onvoldoende geheugen.\n");
        return EXIT_INTERNAL;
    }
    cli_emit(o);
    return EXIT_DONE;
}

static bool id_arg(const char *s, int64_t *out)
{
    return cli_int(CMD, "ID", s, 1, INT64_MAX, out);
}

static json_t *load_json(const char *file, jr_error *err)
{
    json_error_t je;
    json_t *o = strcmp(file, "-") == 0 ? json_loadf(stdin, 0, &je) : json_load_file(file, 0, &je);
    if (!o)
        jr_fail(err, JR_EINVAL, "json_invalid", "bestand", "%s: geen geldige JSON (regel %d: %s).",
                file, je.line, je.text);
    return o;
}

static void print_tender(const jr_tender_view *v)
{
    char a[JR_DATE_ISO_LEN], b[JR_DATE_ISO_LEN];
    printf("Aanbesteding %lld: %s (fase %s)\n", (long long)v->t.id, v->t.name,
           tender_phase_name(v->phase));
    const jr_tender_dates *d = &v->t.d;
    printf("  publicatie %s; nota van inlichtingen t/m %s; inschrijving t/m %s\n",
           date_format(d->publication, a), date_format(d->qa_end, b),
           date_format(d->registration_end, (char[JR_DATE_ISO_LEN]){0}));
    printf("  beoordeling %s t/m %s; gunning vanaf %s; standstill %d dagen; contract vanaf %s\n",
           date_format(d->assessment_start, a), date_format(d->assessment_end, b),
           date_format(d->award, (char[JR_DATE_ISO_LEN]){0}), (int)d->standstill_days,
           date_format(d->contract_start, (char[JR_DATE_ISO_LEN]){0}));
    for (int i = 0; i < v->nlots; i++) {
        const jr_tender_lot_view *l = &v->lots[i];
        printf("  perceel %lld %s (%s):", (long long)l->l.id, l->l.lot, l->l.name);
        for (int p = 0; p < l->l.nproducts; p++)
            printf(" %s", l->l.products[p]);
        printf("; %lld inschrijvingen, %lld toetredingen", (long long)l->registrations,
               (long long)l->later);
        if (l->l.awarded_on != JR_DATE_NONE)
            printf("; gegund %s", date_format(l->l.awarded_on, a));
        if (l->l.contracted_on != JR_DATE_NONE)
            printf("; gecontracteerd %s", date_format(l->l.contracted_on, a));
        printf("\n");
    }
    for (int i = 0; i < v->ncrit; i++)
        printf("  criterium %lld: %s, gewicht %d, minimum %d\n", (long long)v->crit[i].seq,
               v->crit[i].name, (int)v->crit[i].c.weight, (int)v->crit[i].c.min_score);
}

static int tender_row(void *ud, const void *row)
{
    json_t *items = ud;
    if (items)
        json_array_append_new(items, render_tender(row));
    else
        print_tender(row);
    return 0;
}

static int reg_row(void *ud, const void *row)
{
    const jr_treg_view *v = row;
    json_t *items = ud;
    if (items) {
        json_array_append_new(items, render_treg(v));
        return 0;
    }
    printf("%lld perceel %s %s %-30.30s ronde %d %-14s", (long long)v->r.id, v->r.lot, v->r.agb,
           v->r.name, (int)v->r.round, v->r.status);
    if (v->has_result) {
        printf(" resultaat %lld/10000 %s", (long long)v->res.weighted,
               v->res.passes     ? "voldoet"
               : v->res.complete ? "voldoet niet"
                                 : "onvolledig");
        for (int i = 0; i < v->ncrit; i++) {
            if (v->res.score_x10[i] < 0)
                printf("; %s: geen score", v->crit[i].name);
            else if (v->res.below[i])
                printf("; %s: %d,%d onder minimum %d", v->crit[i].name, v->res.score_x10[i] / 10,
                       v->res.score_x10[i] % 10, (int)v->crit[i].c.min_score);
        }
    }
    printf("\n");
    return 0;
}

static int question_row(void *ud, const void *row)
{
    const store_tquestion_row *q = row;
    json_t *items = ud;
    if (items) {
        json_array_append_new(items, render_tquestion(q));
        return 0;
    }
    printf("vraag %lld: %s\n  antwoord: %s\n", (long long)q->id, q->question,
           q->answered ? q->answer : "(nog niet beantwoord)");
    return 0;
}

static int score_row(void *ud, const void *row)
{
    const store_tscore_row *s = row;
    json_t *items = ud;
    if (items) {
        json_array_append_new(items, render_tscore(s));
        return 0;
    }
    printf("criterium-id %lld %s: %d (%s)\n", (long long)s->criterion_id, s->assessor,
           (int)s->score, s->motivation);
    return 0;
}

typedef struct {
    json_t *items;
    const jr_catalog *cat;
    bool gemeenten;
} supply_out;

static int supply_row(void *ud, const void *row)
{
    supply_out *o = ud;
    if (o->gemeenten) {
        const store_supply_gemeente *g = row;
        if (o->items)
            json_array_append_new(o->items, render_supply_gemeente(o->cat, g));
        else
            printf("  %-6s %-5s %4lld aanbieders, %6lld toewijzingen\n", g->product, g->gemeente,
                   (long long)g->providers, (long long)g->assignments);
        return 0;
    }
    const store_supply_product *p = row;
    if (o->items)
        json_array_append_new(o->items, render_supply_product(o->cat, p));
    else if (p->with_capacity)
        printf("  %-6s %4lld aanbieders gecontracteerd, capaciteit %lld (van %lld)\n", p->product,
               (long long)p->providers, (long long)p->capacity, (long long)p->with_capacity);
    else
        printf("  %-6s %4lld aanbieders gecontracteerd, capaciteit onbekend\n", p->product,
               (long long)p->providers);
    return 0;
}

/* list_out: runs a listing into items (--json) or as text */
static int finish_list(cli_env *env, jr_status st, json_t *items, jr_error *err)
{
    if (st != JR_OK) {
        json_decref(items);
        return cli_fail(env, err);
    }
    return env->json ? emit_or_fail(json_pack("{s:o}", "items", items)) : EXIT_DONE;
}

/*
 * COMMAND: tender
 * SUMMARY: aanbestedingen: percelen, criteria, fasen, inschrijvingen, scores, gunning, contracten
 * en late toetreding
 */
int cmd_tender(cli_env *env, int argc, char **argv)
{
    const char *text = NULL, *reason = NULL, *agb = NULL, *name = NULL, *kind = NULL;
    const char *lot_s = NULL, *crit_s = NULL, *score_s = NULL, *motivation = NULL;
    const char *decision = NULL, *grounds = NULL, *date_s = NULL;
    cli_multi products = {{0}, 0}, subs = {{0}, 0};
    const cli_opt opts[] = {
        {"text", OPT_STR, &text, "TEKST", "ask/answer: de vraag of het antwoord"},
        {"reason", OPT_STR, &reason, "TEKST", "dates: de reden; admit: de reden (code)"},
        {"agb", OPT_STR, &agb, "AGB", "register: de (hoofd)aannemer"},
        {"name", OPT_STR, &name, "NAAM", "register: de naam van de inschrijver"},
        {"kind", OPT_STR, &kind, "SOORT", "register: instelling (standaard) of vrijgevestigde"},
        {"product", OPT_MULTI, &products, "CODE[:CAP]",
         "register: product met capaciteit; supply: alleen dit product"},
        {"sub", OPT_MULTI, &subs, "AGB:NAAM", "register: een onderaannemer"},
        {"lot", OPT_STR, &lot_s, "PERCEEL-ID", "registrations: alleen dit perceel"},
        {"criterion", OPT_STR, &crit_s, "N", "score: het criterium (1, 2, ...)"},
        {"score", OPT_STR, &score_s, "0-10", "score: de score"},
        {"motivation", OPT_STR, &motivation, "TEKST", "score: de motivering (verplicht)"},
        {"decision", OPT_STR, &decision, "BESLUIT", "admit: toegelaten of geweigerd"},
        {"grounds", OPT_STR, &grounds, "TEKST", "admit: de onderbouwing met de cijfers"},
        {"date", OPT_STR, &date_s, "JJJJ-MM-DD",
         "supply: de peildatum; award: verzonden op (standaard vandaag)"},
        {0}};
    const char *pos[3];
    int npos, rc = cli_parse(
                  env,
                  "tender list | show ID | add BESTAND.json | dates ID BESTAND.json --reason T | "
                  "ask ID --text V | answer ID VRAAG-ID --text A | questions ID | register "
                  "PERCEEL-ID --agb AGB --name N --product P... | registrations ID | score "
                  "INSCHRIJVING-ID --criterion N --score S --motivation M | scores "
                  "INSCHRIJVING-ID | award PERCEEL-ID [--date D] | contract PERCEEL-ID | admit "
                  "INSCHRIJVING-ID --decision D --reason R --grounds G | supply",
                  "Aanbestedingen van de regio: een aanbesteding met percelen, producten, "
                  "kwaliteitscriteria (gewicht, minimumscore) en fasen met data; inschrijven "
                  "(alleen of als combinatie), vragen en antwoorden, scoren met motivering, "
                  "gunnen (wie voldoet en waarom niet), contracteren na de standstill van ten "
                  "minste 20 dagen, en late toetreding op grond van het aanbod per product en "
                  "gemeente. Elke handeling buiten de data van haar fase wordt geweigerd.",
                  argc, argv, opts, pos, 3, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    const char *act = npos ? pos[0] : "list";
    int64_t id = 0;
    bool needs_id =
        strcmp(act, "list") != 0 && strcmp(act, "supply") != 0 && strcmp(act, "add") != 0;
    if (needs_id) {
        if (npos < 2)
            return cli_usage_error(CMD, "%s: geef een id", act);
        if (!id_arg(pos[1], &id))
            return EXIT_USAGE;
    }
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    cli_error_collect(env, &err);
    const jr_ctx *ctx = &env->ctx;
    json_t *items = env->json ? json_array() : NULL;
    jr_status st;

    if (strcmp(act, "list") == 0)
        return finish_list(env, tender_list(ctx, tender_row, items, &err), items, &err);
    json_decref(items);
    items = NULL;
    if (strcmp(act, "show") == 0) {
        jr_tender_view v;
        if ((st = tender_get(ctx, id, &v, &err)) != JR_OK)
            return cli_fail(env, &err);
        if (env->json)
            return emit_or_fail(render_tender(&v));
        print_tender(&v);
        return EXIT_DONE;
    }
    if (strcmp(act, "add") == 0 || strcmp(act, "dates") == 0) {
        const char *file =
            strcmp(act, "add") == 0 ? (npos >= 2 ? pos[1] : NULL) : (npos >= 3 ? pos[2] : NULL);
        if (!file)
            return cli_usage_error(CMD, "%s: geef een JSON-bestand", act);
        json_t *o = load_json(file, &err);
        if (!o)
            return cli_fail(env, &err);
        if (strcmp(act, "add") == 0) {
            jr_tender_spec s;
            int64_t tid = 0;
            st = render_tender_spec_parse(o, &s, &err);
            json_decref(o);
            if (st == JR_OK)
                st = tender_create(ctx, &s, &tid, &err);
            if (st != JR_OK)
                return cli_fail(env, &err);
            jr_tender_view v;
            if (tender_get(ctx, tid, &v, &err) != JR_OK)
                return cli_fail(env, &err);
            if (env->json)
                return emit_or_fail(render_tender(&v));
            print_tender(&v);
            return EXIT_DONE;
        }
        jr_tender_dates d;
        json_t *dobj = json_object_get(o, "dates") ? json_object_get(o, "dates") : o;
        st = render_tender_dates_parse(dobj, &d, &err);
        json_decref(o);
        if (st == JR_OK)
            st = tender_set_dates(ctx, id, &d, reason, &err);
        if (st != JR_OK)
            return cli_fail(env, &err);
        printf("Data van aanbesteding %lld gewijzigd.\n", (long long)id);
        return EXIT_DONE;
    }
    if (strcmp(act, "ask") == 0) {
        int64_t qid = 0;
        if (tender_ask(ctx, id, text, &qid, &err) != JR_OK)
            return cli_fail(env, &err);
        if (env->json)
            return emit_or_fail(json_pack("{s:I}", "id", (json_int_t)qid));
        printf("Vraag %lld gesteld.\n", (long long)qid);
        return EXIT_DONE;
    }
    if (strcmp(act, "answer") == 0) {
        int64_t tid = 0;
        if (npos < 3 || !id_arg(pos[2], &tid))
            return cli_usage_error(CMD,
                                   "answer: geef de aanbesteding en de vraag: answer ID VRAAG-ID");
        if (tender_answer(ctx, id, tid, text, &err) != JR_OK)
            return cli_fail(env, &err);
        printf("Vraag %lld beantwoord.\n", (long long)tid);
        return EXIT_DONE;
    }
    if (strcmp(act, "questions") == 0) {
        items = env->json ? json_array() : NULL;
        return finish_list(env, tender_questions(ctx, id, question_row, items, &err), items, &err);
    }
    if (strcmp(act, "register") == 0) {
        jr_treg_spec s;
        memset(&s, 0, sizeof s);
        s.lot_id = id;
        str_copy(s.agb, sizeof s.agb, agb);
        str_copy(s.name, sizeof s.name, name);
        str_copy(s.kind, sizeof s.kind, kind ? kind : "instelling");
        for (int i = 0; i < products.n && i < JR_TENDER_LOT_PRODUCTS; i++) {
            const char *c = strchr(products.v[i], ':');
            size_t n = c ? (size_t)(c - products.v[i]) : strlen(products.v[i]);
            if (n >= sizeof s.products[0])
                return cli_usage_error(CMD, "--product '%s' is geen productcode", products.v[i]);
            memcpy(s.products[i], products.v[i], n);
            s.capacity[i] = -1;
            if (c && !cli_int(CMD, "--product capaciteit", c + 1, 0, 1000000, &s.capacity[i]))
                return EXIT_USAGE;
            s.nproducts++;
        }
        for (int i = 0; i < subs.n && i < JR_TENDER_SUBS_MAX; i++) {
            const char *c = strchr(subs.v[i], ':');
            if (!c || c - subs.v[i] >= (long)sizeof s.subs[0].agb)
                return cli_usage_error(CMD, "--sub '%s': schrijf AGB:NAAM", subs.v[i]);
            memcpy(s.subs[i].agb, subs.v[i], (size_t)(c - subs.v[i]));
            str_copy(s.subs[i].name, sizeof s.subs[i].name, c + 1);
            s.nsubs++;
        }
        int64_t rid = 0;
        if (tender_register(ctx, &s, &rid, &err) != JR_OK)
            return cli_fail(env, &err);
        jr_treg_view v;
        if (tender_registration_get(ctx, rid, &v, &err) != JR_OK)
            return cli_fail(env, &err);
        if (env->json)
            return emit_or_fail(render_treg(&v));
        printf("Inschrijving %lld: %s op perceel %s (ronde %d).\n", (long long)rid, s.agb, v.r.lot,
               (int)v.r.round);
        return EXIT_DONE;
    }
    if (strcmp(act, "registrations") == 0) {
        int64_t lot = 0;
        if (lot_s && !cli_int(CMD, "--lot", lot_s, 1, INT64_MAX, &lot))
            return EXIT_USAGE;
        items = env->json ? json_array() : NULL;
        return finish_list(env, tender_registrations(ctx, id, lot, reg_row, items, &err), items,
                           &err);
    }
    if (strcmp(act, "score") == 0) {
        int64_t c = 0, s = -1;
        if (!crit_s || !score_s)
            return cli_usage_error(CMD, "score: --criterion en --score zijn verplicht");
        if (!cli_int(CMD, "--criterion", crit_s, 1, 1000, &c) ||
            !cli_int(CMD, "--score", score_s, -1000, 1000, &s))
            return EXIT_USAGE;
        if (tender_score(ctx, id, c, (int32_t)s, motivation, &err) != JR_OK)
            return cli_fail(env, &err);
        printf("Score %lld op criterium %lld van inschrijving %lld vastgelegd.\n", (long long)s,
               (long long)c, (long long)id);
        return EXIT_DONE;
    }
    if (strcmp(act, "scores") == 0) {
        items = env->json ? json_array() : NULL;
        return finish_list(env, tender_scores(ctx, id, score_row, items, &err), items, &err);
    }
    if (strcmp(act, "award") == 0) {
        int a = 0, r = 0;
        jr_date sent = JR_DATE_NONE;
        if (date_s && !cli_date(CMD, "--date", date_s, &sent))
            return EXIT_USAGE;
        if (tender_award(ctx, id, sent, &a, &r, &err) != JR_OK)
            return cli_fail(env, &err);
        if (env->json)
            return emit_or_fail(json_pack("{s:i, s:i}", "awarded", a, "rejected", r));
        printf("Perceel %lld gegund: %d inschrijvingen gegund, %d afgewezen.\n", (long long)id, a,
               r);
        return EXIT_DONE;
    }
    if (strcmp(act, "contract") == 0) {
        int n = 0;
        if (tender_contract(ctx, id, &n, &err) != JR_OK)
            return cli_fail(env, &err);
        if (env->json)
            return emit_or_fail(json_pack("{s:i}", "contracts", n));
        printf("Perceel %lld gecontracteerd: %d contracten.\n", (long long)id, n);
        return EXIT_DONE;
    }
    if (strcmp(act, "admit") == 0) {
        bool admit;
        if (decision && strcmp(decision, "toegelaten") == 0)
            admit = true;
        else if (decision && strcmp(decision, "geweigerd") == 0)
            admit = false;
        else
            return cli_usage_error(CMD, "admit: --decision toegelaten of geweigerd");
        jr_admission_reason r;
        if (!admission_reason_parse(reason, &r))
            return cli_usage_error(CMD, "admit: --reason kwaliteit, kwantiteit, spreiding, "
                                        "voldoende_aanbod of onvoldoende_kwaliteit_inschrijving");
        int n = 0;
        if (tender_admission_decide(ctx, id, admit, r, grounds, &n, &err) != JR_OK)
            return cli_fail(env, &err);
        if (env->json)
            return emit_or_fail(json_pack("{s:s, s:i}", "decision", decision, "contracts", n));
        printf("Toetreding %lld %s; %d contracten.\n", (long long)id, decision, n);
        return EXIT_DONE;
    }
    if (strcmp(act, "supply") == 0) {
        jr_date date = ctx->today;
        if (date_s && !cli_date(CMD, "--date", date_s, &date))
            return EXIT_USAGE;
        const char *prod = products.n ? products.v[0] : NULL;
        supply_out o = {env->json ? json_array() : NULL, ctx->cat, false};
        json_t *per = env->json ? json_array() : NULL;
        if (!env->json)
            printf("Aanbod per product op %s:\n", date_format(date, (char[JR_DATE_ISO_LEN]){0}));
        st = tender_supply_products(ctx, date, prod, supply_row, &o, &err);
        json_t *prods = o.items;
        o.items = per;
        o.gemeenten = true;
        if (st == JR_OK && !env->json)
            printf("Per gemeente (gecontracteerde aanbieders met zorg daar):\n");
        if (st == JR_OK)
            st = tender_supply_gemeenten(ctx, date, prod, supply_row, &o, &err);
        if (st != JR_OK) {
            json_decref(prods);
            json_decref(per);
            return cli_fail(env, &err);
        }
        if (env->json)
            return emit_or_fail(json_pack("{s:o, s:o, s:o}", "date", render_date(date), "products",
                                          prods, "gemeenten", per));
        return EXIT_DONE;
    }
    return cli_usage_error(CMD, "onbekende actie '%s'", act);
}

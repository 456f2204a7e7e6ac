/*
 * continuity.c (service): provider continuity (see continuity.h): the
 * import of the yearly figures (read whole and checked before anything is
 * stored, then stored in one transaction with an audit row each), the
 * list of a provider's figures with their verdicts, and the summary of a
 * year and of every year. The signals, classes and shares are
 * domain/continuity.c; the rows store/continuity.c.
 */
#include "continuity.h"

#include "../core/vec.h"

#include "../core/csv.h"
#include "../core/sbuf.h"
#include "../domain/ident.h"
#include "../store/continuity.h"

#include <stdlib.h>
#include <string.h>

static bool year_valid(int32_t year)
{
    return year >= JR_CONT_YEAR_MIN && year <= JR_CONT_YEAR_MAX;
}

/* ---- the import ---- */

typedef struct {
    jr_cont_accounts a;
    long line;
} parsed;

typedef struct {
    parsed *v;
    size_t n, cap;
} parsed_list;

static bool parsed_push(parsed_list *l, const jr_cont_accounts *a, long line)
{
    parsed *v = vec_grow(l->v, l->n, &l->cap, sizeof *v, 64);
    if (!v)
        return false;
    l->v = v;
    l->v[l->n].a = *a;
    l->v[l->n].line = line;
    l->n++;
    return true;
}

/* by AGB, year, then line: a duplicate's rows stand side by side */
static int parsed_cmp(const void *x, const void *y)
{
    const parsed *a = x, *b = y;
    int c = strcmp(a->a.agb, b->a.agb);
    if (c)
        return c;
    if (a->a.year != b->a.year)
        return a->a.year < b->a.year ? -1 : 1;
    return a->line < b->line ? -1 : a->line > b->line;
}

/* read_file: every row of in into l, each refusal into err; rc as
 * jr_refuse keeps it (JR_OK when the whole file is good) */
static jr_status read_file(FILE *in, const char *name, parsed_list *l, jr_error *err)
{
    jr_csv *c = csv_open(in);
    if (!c)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    char **f = NULL;
    int n = 0, map[JR_CCOL_COUNT];
    jr_error e;
    jr_error_clear(&e);
    int got = csv_next(c, &f, &n, &e);
    jr_status rc = JR_OK;
    if (got < 0) {
        rc = jr_refuse(err, rc, "csv_malformed", "", "%s: %s; het bestand is niet verwerkt.", name,
                       e.message);
        goto done;
    }
    if (got == 0) {
        rc = jr_refuse(err, rc, "csv_empty", "",
                       "%s: het bestand is leeg; de eerste regel is de kopregel %s.", name,
                       continuity_csv_header());
        goto done;
    }
    if ((rc = continuity_csv_map(f, n, csv_line(c), map, err)) != JR_OK)
        goto done;
    while ((got = csv_next(c, &f, &n, &e)) != 0) {
        if (got < 0) { /* the tokenizer cannot go on after a malformed row */
            rc = jr_refuse(err, rc, "csv_malformed", "", "%s: %s; het bestand is niet verwerkt.",
                           name, e.message);
            break;
        }
        long line = csv_line(c);
        /* the row's refusals join err's list; err itself keeps the file's first */
        jr_cont_accounts a;
        jr_error row_err;
        jr_error_clear(&row_err);
        row_err.invalid = err ? err->invalid : NULL;
        jr_status r = continuity_csv_row(f, n, map, line, &a, &row_err);
        if (r != JR_OK) {
            if (rc == JR_OK) {
                jr_error_take(err, &row_err);
                rc = r;
            }
            continue;
        }
        if (l->n >= JR_CONT_ROWS_MAX) {
            rc = jr_refuse(err, rc, "csv_too_many", "",
                           "regel %ld: meer dan %d rijen in een bestand; het bestand is niet "
                           "verwerkt.",
                           line, JR_CONT_ROWS_MAX);
            break;
        }
        if (!parsed_push(l, &a, line)) {
            rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
            break;
        }
    }
    if (rc == JR_OK && l->n == 0)
        rc = jr_refuse(err, rc, "csv_empty", "",
                       "%s: het bestand heeft alleen een kopregel en geen cijfers.", name);
done:
    csv_close(c);
    return rc;
}

/* figures_text: the seven figures as "omzet=.. jeugd=.. ..." ("-" for a
 * missing one) into buf */
static const char *figures_text(const jr_cont_accounts *a, char *buf, size_t cap)
{
    static const char *const keys[JR_CF_COUNT] = {"omzet",  "jeugd", "resultaat", "ev",
                                                  "balans", "va",    "ks"};
    size_t n = 0;
    buf[0] = '\0';
    for (int f = 0; f < JR_CF_COUNT && n < cap; f++) {
        int w = a->has[f] ? snprintf(buf + n, cap - n, "%s%s=%lld", f ? " " : "", keys[f],
                                     (long long)a->v[f])
                          : snprintf(buf + n, cap - n, "%s%s=-", f ? " " : "", keys[f]);
        if (w < 0)
            break;
        n += (size_t)w;
    }
    return buf;
}

static bool same_figures(const jr_cont_accounts *x, const jr_cont_accounts *y)
{
    for (int f = 0; f < JR_CF_COUNT; f++)
        if (x->has[f] != y->has[f] || (x->has[f] && x->v[f] != y->v[f]))
            return false;
    return strcmp(x->name, y->name) == 0;
}

static jr_status store_rows(const jr_ctx *ctx, const parsed_list *l, const char *name,
                            jr_cont_import *res, jr_error *err)
{
    jr_status rc = JR_OK;
    for (size_t i = 0; i < l->n && rc == JR_OK; i++) {
        const parsed *p = &l->v[i];
        store_cont_row old;
        bool had = false;
        rc = store_continuity_get(ctx->store, p->a.agb, p->a.year, &old, err);
        if (rc == JR_OK)
            had = true;
        else if (rc == JR_ENOTFOUND)
            rc = JR_OK;
        if (rc != JR_OK)
            break;
        store_cont_row row;
        memset(&row, 0, sizeof row);
        row.a = p->a;
        str_copy(row.imported_by, sizeof row.imported_by, ctx->actor ? ctx->actor : "onbekend");
        str_copy(row.source, sizeof row.source, name);
        if ((rc = store_continuity_put(ctx->store, &row, err)) != JR_OK)
            break;
        char id[32], now[160], was[160], detail[384];
        snprintf(id, sizeof id, "%s/%d", p->a.agb, (int)p->a.year);
        figures_text(&p->a, now, sizeof now);
        if (had) {
            res->replaced++;
            if (same_figures(&old.a, &p->a))
                snprintf(detail, sizeof detail, "regel %ld: %s (ongewijzigd)", p->line, now);
            else
                snprintf(detail, sizeof detail, "regel %ld: %s (was %s)", p->line, now,
                         figures_text(&old.a, was, sizeof was));
        } else {
            res->added++;
            snprintf(detail, sizeof detail, "regel %ld: %s (nieuw)", p->line, now);
        }
        rc = audit_record(ctx, had ? "continuiteit.vervangen" : "continuiteit.ingelezen",
                          "continuiteit", id, detail, err);
        if (res->year_min == 0 || p->a.year < res->year_min)
            res->year_min = p->a.year;
        if (p->a.year > res->year_max)
            res->year_max = p->a.year;
        res->rows++;
    }
    if (rc == JR_OK) {
        char detail[256], id[48];
        snprintf(id, sizeof id, "%.47s", name);
        snprintf(detail, sizeof detail, "%lld rijen: %lld nieuw, %lld vervangen; jaren %d-%d",
                 (long long)res->rows, (long long)res->added, (long long)res->replaced,
                 (int)res->year_min, (int)res->year_max);
        rc = audit_record(ctx, "continuiteit.import", "continuiteit", id, detail, err);
    }
    return rc;
}

jr_status continuity_import(const jr_ctx *ctx, FILE *in, const char *name, jr_cont_import *out,
                            jr_error *err)
{
    jr_cont_import res;
    memset(&res, 0, sizeof res);
    if (out)
        *out = res;
    switch (ctx->who.role) {
    case JR_ROLE_SYSTEM:
    case JR_ROLE_BEHEERDER:
    case JR_ROLE_RSJ:
        break;
    default:
        return jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                       "Deze rol mag de cijfers voor de continuiteit niet inlezen (alleen rsj en "
                       "beheerder).");
    }
    if (!name || !*name)
        name = "bestand";
    parsed_list l = {NULL, 0, 0};
    jr_status rc = read_file(in, name, &l, err);
    if (rc == JR_OK && l.n > 1) {
        qsort(l.v, l.n, sizeof *l.v, parsed_cmp);
        for (size_t i = 1; i < l.n; i++)
            if (strcmp(l.v[i].a.agb, l.v[i - 1].a.agb) == 0 && l.v[i].a.year == l.v[i - 1].a.year)
                rc = jr_refuse(err, rc, "csv_duplicate", "agb",
                               "regel %ld: aanbieder %s staat voor %d al op regel %ld; het "
                               "bestand is niet verwerkt.",
                               l.v[i].line, l.v[i].a.agb, (int)l.v[i].a.year, l.v[i - 1].line);
    }
    if (rc == JR_OK && (rc = store_begin(ctx->store, err)) == JR_OK) {
        rc = store_rows(ctx, &l, name, &res, err);
        rc = svc_finish(ctx, rc, err);
    }
    free(l.v);
    if (rc == JR_OK && out)
        *out = res;
    return rc;
}

/* ---- reading ---- */

/* full: whether the principal sees the AGB codes; false with JR_EFORBIDDEN
 * in *rc for a role that may not read the summary at all */
static bool summary_access(const jr_principal *who, jr_status *rc, jr_error *err)
{
    *rc = JR_OK;
    switch (who->role) {
    case JR_ROLE_SYSTEM:
    case JR_ROLE_BEHEERDER:
    case JR_ROLE_RSJ:
        return true;
    case JR_ROLE_LEZER:
    case JR_ROLE_GEMEENTE:
    case JR_ROLE_TOEGANG:
        return false;
    case JR_ROLE_AANBIEDER:
        break;
    }
    *rc = jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                  "Deze rol mag het overzicht van de continuiteit niet zien; een aanbieder ziet "
                  "zijn eigen cijfers bij de aanbieder.");
    return false;
}

typedef struct {
    jr_row_fn fn;
    void *ud;
} list_ctx;

static void row_of(const store_cont_row *r, jr_cont_row *out)
{
    memset(out, 0, sizeof *out);
    out->a = r->a;
    str_copy(out->imported_by, sizeof out->imported_by, r->imported_by);
    str_copy(out->imported_at, sizeof out->imported_at, r->imported_at);
    str_copy(out->source, sizeof out->source, r->source);
    out->cls = continuity_class(&r->a);
    for (int s = 0; s < JR_CS_COUNT; s++) {
        out->verdict[s] = continuity_signal(&r->a, (jr_cont_signal)s);
        out->failed += out->verdict[s] == JR_CV_FAILED;
    }
    out->at_risk = out->failed >= JR_CONT_RISK_FAILS;
}

static int list_row(void *ud, const void *row)
{
    list_ctx *c = ud;
    jr_cont_row r;
    row_of(row, &r);
    return c->fn(c->ud, &r);
}

jr_status continuity_list(const jr_ctx *ctx, int32_t year, const char *agb, jr_row_fn fn, void *ud,
                          jr_error *err)
{
    const jr_principal *who = &ctx->who;
    switch (who->role) {
    case JR_ROLE_SYSTEM:
    case JR_ROLE_BEHEERDER:
    case JR_ROLE_RSJ:
        break;
    case JR_ROLE_AANBIEDER:
        if (!who->agb[0] || (agb && strcmp(agb, who->agb) != 0))
            return JR_OK; /* another provider's figures: none to see */
        agb = who->agb;
        break;
    default:
        return jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                       "Deze rol mag de cijfers van een aanbieder niet zien (alleen het "
                       "overzicht van de continuiteit).");
    }
    jr_status rc = JR_OK;
    if (year != 0 && !year_valid(year))
        rc = jr_refuse(err, rc, "year_invalid", "year",
                       "Jaar %d is ongeldig: kies een jaar van %d tot en met %d.", (int)year,
                       JR_CONT_YEAR_MIN, JR_CONT_YEAR_MAX);
    if (agb && !agb_valid(agb))
        rc = jr_refuse(err, rc, "agb_invalid", "agb", "'%.20s' is geen AGB-code (8 cijfers).", agb);
    if (rc != JR_OK)
        return rc;
    list_ctx c = {fn, ud};
    return store_continuity_list(ctx->store, year, agb, list_row, &c, err);
}

static void summary_init(jr_cont_summary *s, int32_t year, bool aggregate_only)
{
    memset(s, 0, sizeof *s);
    s->year = year;
    s->aggregate_only = aggregate_only;
    for (int k = 0; k < JR_CC_COUNT; k++) {
        s->classes[k].cls = (jr_cont_class)k;
        for (int g = 0; g < JR_CS_COUNT; g++)
            s->classes[k].share_x10[g] = -1;
    }
}

static void summary_shares(jr_cont_summary *s)
{
    for (int k = 0; k < JR_CC_COUNT; k++)
        for (int g = 0; g < JR_CS_COUNT; g++)
            s->classes[k].share_x10[g] =
                continuity_tally_share_x10(&s->classes[k].t, (jr_cont_signal)g);
}

/* summary_add: counts a into s; the AGB into its class's list when s
 * keeps them. false when out of memory. */
static bool summary_add(jr_cont_summary *s, const jr_cont_accounts *a)
{
    jr_cont_class_sum *c = &s->classes[continuity_class(a)];
    int64_t before = c->t.at_risk;
    continuity_tally_add(&c->t, a);
    s->providers++;
    if (s->aggregate_only || c->t.at_risk == before)
        return true;
    int64_t n = c->t.at_risk;
    if ((n & (n - 1)) == 0) { /* 1, 2, 4, ...: grow to twice */
        char(*v)[9] = realloc(c->at_risk, (size_t)(n * 2) * sizeof *v);
        if (!v)
            return false;
        c->at_risk = v;
    }
    str_copy(c->at_risk[n - 1], sizeof c->at_risk[n - 1], a->agb);
    return true;
}

typedef struct {
    jr_cont_summary *s;
    bool nomem;
} summary_ctx;

static int summary_row(void *ud, const void *row)
{
    summary_ctx *c = ud;
    const store_cont_row *r = row;
    if (!summary_add(c->s, &r->a)) {
        c->nomem = true;
        return 1;
    }
    return 0;
}

jr_status continuity_summary(const jr_ctx *ctx, int32_t year, jr_cont_summary *out, jr_error *err)
{
    summary_init(out, year, true);
    jr_status rc;
    bool full = summary_access(&ctx->who, &rc, err);
    if (rc != JR_OK)
        return rc;
    if (!year_valid(year))
        return jr_refuse(err, JR_OK, "year_invalid", "year",
                         "Jaar %d is ongeldig: kies een jaar van %d tot en met %d.", (int)year,
                         JR_CONT_YEAR_MIN, JR_CONT_YEAR_MAX);
    out->aggregate_only = !full;
    summary_ctx c = {out, false};
    rc = store_continuity_list(ctx->store, year, NULL, summary_row, &c, err);
    if (rc == JR_OK && c.nomem)
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    summary_shares(out);
    return rc;
}

void continuity_summary_free(jr_cont_summary *s)
{
    if (!s)
        return;
    for (int k = 0; k < JR_CC_COUNT; k++) {
        free(s->classes[k].at_risk);
        s->classes[k].at_risk = NULL;
    }
}

typedef struct {
    jr_cont_trend *t;
    int cap;
    bool nomem;
} trend_ctx;

static int trend_row(void *ud, const void *row)
{
    trend_ctx *c = ud;
    const store_cont_row *r = row;
    jr_cont_trend *t = c->t;
    if (t->n == 0 || t->years[t->n - 1].year != r->a.year) {
        if (t->n == c->cap) {
            int cap = c->cap ? c->cap * 2 : 8;
            jr_cont_summary *v = realloc(t->years, (size_t)cap * sizeof *v);
            if (!v) {
                c->nomem = true;
                return 1;
            }
            t->years = v;
            c->cap = cap;
        }
        summary_init(&t->years[t->n++], r->a.year, true);
    }
    summary_add(&t->years[t->n - 1], &r->a); /* aggregate only: allocates nothing */
    return 0;
}

jr_status continuity_trend(const jr_ctx *ctx, jr_cont_trend *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    jr_status rc;
    summary_access(&ctx->who, &rc, err);
    if (rc != JR_OK)
        return rc;
    trend_ctx c = {out, 0, false};
    rc = store_continuity_list(ctx->store, 0, NULL, trend_row, &c, err);
    if (rc == JR_OK && c.nomem)
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    for (int i = 0; i < out->n; i++)
        summary_shares(&out->years[i]);
    return rc;
}

void continuity_trend_free(jr_cont_trend *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->n; i++)
        continuity_summary_free(&t->years[i]);
    free(t->years);
    t->years = NULL;
    t->n = 0;
}

/*
 * budgetctl.c (service): budget control (see budgetctl.h): setting and
 * listing the begroting, and the control figure of a municipality or the
 * region. The rows are read and written by store/begroting.c; the
 * forecast and the commitment of an assignment are domain/forecast.c;
 * this file decides who may, groups the store's rows per municipality and
 * voorziening, and sums them.
 */
#include "budgetctl.h"

#include "../core/sbuf.h"
#include "../store/begroting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const vz_codes[JR_VZ_COUNT] = {"ambulant", "verblijf", "crisis", "dyslexie",
                                                  "overig"};

const char *budgetctl_voorziening_code(jr_voorziening v)
{
    return v >= 0 && v < JR_VZ_COUNT ? vz_codes[v] : "";
}

bool budgetctl_voorziening_parse(const char *s, jr_voorziening *out)
{
    if (!s)
        return false;
    for (int v = 0; v < JR_VZ_COUNT; v++)
        if (strcmp(s, vz_codes[v]) == 0) {
            *out = (jr_voorziening)v;
            return true;
        }
    if (strcmp(s, "wonen/verblijf") == 0 || strcmp(s, "wonen") == 0) {
        *out = JR_VZ_VERBLIJF;
        return true;
    }
    return false;
}

/* the voorziening of a product code (as figures_spending groups them) */
static jr_voorziening vz_of_product(const jr_catalog *cat, const char *product)
{
    return product_voorziening(catalog_product(cat, product));
}

static bool year_valid(int32_t year)
{
    return year >= JR_BC_YEAR_MIN && year <= JR_BC_YEAR_MAX;
}

static jr_status refuse_role(jr_error *err, const char *what)
{
    return jr_fail(err, JR_EFORBIDDEN, "forbidden", "gemeente", "Deze rol mag %s niet.", what);
}

/* ---- set and list ---- */

jr_status budgetctl_set(const jr_ctx *ctx, const char *gemeente, int32_t year,
                        const char *voorziening, jr_cents amount, const char *taakveld,
                        jr_begroting *old, jr_error *err)
{
    if (old)
        memset(old, 0, sizeof *old);
    const jr_principal *who = &ctx->who;
    switch (who->role) {
    case JR_ROLE_SYSTEM:
    case JR_ROLE_BEHEERDER:
        break;
    case JR_ROLE_GEMEENTE:
        if (!who->gemeente[0] || !gemeente || strcmp(gemeente, who->gemeente) != 0)
            return jr_fail(err, JR_EFORBIDDEN, "forbidden", "gemeente",
                           "U mag alleen de begroting van uw eigen gemeente (%s) vastleggen.",
                           who->gemeente[0] ? who->gemeente : "geen");
        break;
    default:
        return refuse_role(err, "de begroting vastleggen");
    }
    jr_status rc = JR_OK;
    if (!gemeente || !catalog_municipality(ctx->cat, gemeente))
        rc = jr_refuse(err, rc, "gemeente_unknown", "gemeente",
                       "Gemeente '%s' hoort niet bij de regio.", gemeente ? gemeente : "");
    if (!year_valid(year))
        rc = jr_refuse(err, rc, "year_invalid", "jaar",
                       "Jaar %d is ongeldig: kies een jaar van %d tot en met %d.", (int)year,
                       JR_BC_YEAR_MIN, JR_BC_YEAR_MAX);
    jr_voorziening vz = JR_VZ_OTHER;
    if (!budgetctl_voorziening_parse(voorziening, &vz))
        rc = jr_refuse(err, rc, "voorziening_unknown", "voorziening",
                       "Voorziening '%s' is onbekend: kies ambulant, verblijf, crisis, dyslexie "
                       "of overig.",
                       voorziening ? voorziening : "");
    if (amount < 0)
        rc = jr_refuse(err, rc, "amount_negative", "bedrag",
                       "Het bedrag van de begroting mag niet negatief zijn.");
    else if (amount > JR_BC_AMOUNT_MAX)
        rc = jr_refuse(err, rc, "amount_too_large", "bedrag",
                       "Het bedrag van de begroting is groter dan 1.000.000.000 euro.");
    const char *tv = taakveld && taakveld[0] ? taakveld : "";
    if (tv[0] && strcmp(tv, "6.72") != 0 && strcmp(tv, "6.73") != 0 && strcmp(tv, "6.74") != 0)
        rc = jr_refuse(err, rc, "taakveld_invalid", "taakveld",
                       "Taakveld '%s' is ongeldig: kies 6.72, 6.73, 6.74 of geen.", tv);
    if (rc != JR_OK)
        return rc;

    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    const char *code = vz_codes[vz];
    store_begroting_row prev;
    bool had = false;
    rc = store_begroting_get(ctx->store, gemeente, year, code, &prev, err);
    if (rc == JR_OK)
        had = true;
    else if (rc == JR_ENOTFOUND)
        rc = JR_OK;
    store_begroting_row row;
    memset(&row, 0, sizeof row);
    str_copy(row.gemeente, sizeof row.gemeente, gemeente);
    row.year = year;
    str_copy(row.voorziening, sizeof row.voorziening, code);
    row.amount = amount;
    str_copy(row.taakveld, sizeof row.taakveld, tv);
    str_copy(row.set_by, sizeof row.set_by, ctx->actor ? ctx->actor : "onbekend");
    if (rc == JR_OK)
        rc = store_begroting_put(ctx->store, &row, err);
    if (rc == JR_OK) {
        char id[32], detail[256], a[JR_MONEY_BUF], b[JR_MONEY_BUF];
        snprintf(id, sizeof id, "%s/%d/%s", gemeente, (int)year, code);
        if (had)
            snprintf(detail, sizeof detail, "bedrag=%s taakveld=%s (was bedrag=%s taakveld=%s)",
                     money_format_plain(amount, a), tv[0] ? tv : "-",
                     money_format_plain(prev.amount, b), prev.taakveld[0] ? prev.taakveld : "-");
        else
            snprintf(detail, sizeof detail, "bedrag=%s taakveld=%s (nieuw)",
                     money_format_plain(amount, a), tv[0] ? tv : "-");
        rc = audit_record(ctx, "begroting.gezet", "begroting", id, detail, err);
    }
    if (rc == JR_OK && had && old) {
        const jr_municipality *m = catalog_municipality(ctx->cat, gemeente);
        str_copy(old->gemeente, sizeof old->gemeente, prev.gemeente);
        str_copy(old->name, sizeof old->name, m ? m->name : "");
        old->year = prev.year;
        old->voorziening = vz;
        old->amount = prev.amount;
        str_copy(old->taakveld, sizeof old->taakveld, prev.taakveld);
        str_copy(old->set_by, sizeof old->set_by, prev.set_by);
        str_copy(old->set_at, sizeof old->set_at, prev.set_at);
    }
    return svc_finish(ctx, rc, err);
}

typedef struct {
    const jr_catalog *cat;
    jr_row_fn fn;
    void *ud;
} list_ctx;

static int list_row(void *ud, const void *row)
{
    list_ctx *c = ud;
    const store_begroting_row *r = row;
    jr_begroting b;
    memset(&b, 0, sizeof b);
    const jr_municipality *m = catalog_municipality(c->cat, r->gemeente);
    str_copy(b.gemeente, sizeof b.gemeente, r->gemeente);
    str_copy(b.name, sizeof b.name, m ? m->name : "");
    b.year = r->year;
    if (!budgetctl_voorziening_parse(r->voorziening, &b.voorziening))
        b.voorziening = JR_VZ_OTHER;
    b.amount = r->amount;
    str_copy(b.taakveld, sizeof b.taakveld, r->taakveld);
    str_copy(b.set_by, sizeof b.set_by, r->set_by);
    str_copy(b.set_at, sizeof b.set_at, r->set_at);
    return c->fn(c->ud, &b);
}

jr_status budgetctl_list(const jr_ctx *ctx, const char *gemeente, int32_t year, jr_row_fn fn,
                         void *ud, jr_error *err)
{
    const jr_principal *who = &ctx->who;
    switch (who->role) {
    case JR_ROLE_SYSTEM:
    case JR_ROLE_BEHEERDER:
    case JR_ROLE_RSJ:
        break;
    case JR_ROLE_GEMEENTE:
    case JR_ROLE_TOEGANG:
        if (!who->gemeente[0])
            return jr_fail(err, JR_EFORBIDDEN, "forbidden", "gemeente",
                           "Deze gebruiker hoort bij geen gemeente.");
        if (gemeente && strcmp(gemeente, who->gemeente) != 0)
            return jr_fail(err, JR_EFORBIDDEN, "forbidden", "gemeente",
                           "U mag alleen de begroting van uw eigen gemeente (%s) inzien.",
                           who->gemeente);
        gemeente = who->gemeente;
        break;
    default:
        return refuse_role(err, "de begrotingen inzien");
    }
    jr_status rc = JR_OK;
    if (gemeente && !catalog_municipality(ctx->cat, gemeente))
        rc = jr_refuse(err, rc, "gemeente_unknown", "gemeente",
                       "Gemeente '%s' hoort niet bij de regio.", gemeente);
    if (!year_valid(year))
        rc = jr_refuse(err, rc, "year_invalid", "jaar",
                       "Jaar %d is ongeldig: kies een jaar van %d tot en met %d.", (int)year,
                       JR_BC_YEAR_MIN, JR_BC_YEAR_MAX);
    if (rc != JR_OK)
        return rc;
    list_ctx c = {ctx->cat, fn, ud};
    return store_begroting_list(ctx->store, gemeente, year, list_row, &c, err);
}

/* ---- the control figure ---- */

/* What the store's rows add up to for one municipality. */
typedef struct {
    jr_fc_series now[JR_VZ_COUNT], prev[JR_VZ_COUNT];
    int last_month; /* L */
    bool has_budget[JR_VZ_COUNT];
    jr_cents budget[JR_VZ_COUNT];
    char taakveld[JR_VZ_COUNT][5];
    jr_cents committed[JR_VZ_COUNT], committed_new[JR_VZ_COUNT];
    jr_forecast fc[JR_VZ_COUNT];
    jr_fc_task task[JR_VZ_COUNT]; /* the task budgets' terms, summed per voorziening */
} bc_muni;

typedef struct {
    const jr_catalog *cat;
    int32_t year;
    const char *only; /* the one municipality asked, NULL for all */
    bc_muni *m;       /* one per catalog municipality */
    /* the last product looked up: the open assignments come in the
       index's order, a municipality's together, most of one product in a
       row, and a look-up in the catalog compares every product's code */
    char last_product[8];
    const jr_product *last_p;
} bc_work;

static int muni_index(const jr_catalog *cat, const char *cbs)
{
    for (int i = 0; i < cat->nmunicipalities; i++)
        if (strcmp(cat->municipalities[i].cbs, cbs) == 0)
            return i;
    return -1;
}

/* the catalog's product of code, through the one-entry memo of w */
static const jr_product *work_product(bc_work *w, const char *code)
{
    if (!w->last_product[0] || strcmp(w->last_product, code) != 0) {
        w->last_p = catalog_product(w->cat, code);
        str_copy(w->last_product, sizeof w->last_product, code);
    }
    return w->last_p;
}

/* the voorziening of a product (vz_of_product) through the memo of w */
static jr_voorziening work_vz(bc_work *w, const char *code)
{
    return product_voorziening(work_product(w, code));
}

static int spend_row(void *ud, const void *row)
{
    bc_work *w = ud;
    const store_bc_spend_row *r = row;
    int i = muni_index(w->cat, r->gemeente);
    if (i < 0 || r->month == 0)
        return 0; /* a municipality outside the region's catalog is no part of it */
    char ym[8];
    month_format(r->month, ym);
    int y = atoi(ym), m = atoi(ym + 5);
    if (m < 1 || m > 12)
        return 0;
    jr_voorziening vz = vz_of_product(w->cat, r->product);
    jr_fc_series *s = y == w->year ? &w->m[i].now[vz] : y == w->year - 1 ? &w->m[i].prev[vz] : NULL;
    if (!s)
        return 0;
    s->cents[m - 1] += r->cents;
    s->lines[m - 1] += r->lines;
    if (y == w->year && r->lines > 0 && m > w->m[i].last_month)
        w->m[i].last_month = m;
    return 0;
}

static int budget_row(void *ud, const void *row)
{
    bc_work *w = ud;
    const store_begroting_row *r = row;
    int i = muni_index(w->cat, r->gemeente);
    jr_voorziening vz;
    if (i < 0 || !budgetctl_voorziening_parse(r->voorziening, &vz))
        return 0;
    w->m[i].has_budget[vz] = true;
    w->m[i].budget[vz] = r->amount;
    str_copy(w->m[i].taakveld[vz], sizeof w->m[i].taakveld[vz], r->taakveld);
    return 0;
}

/* the first day after month L of the year (L = 12: the next 1 January) */
static jr_date rest_first(int32_t year, int last_month)
{
    jr_date d = JR_DATE_NONE;
    if (last_month >= 12)
        date_from_ymd(year + 1, 1, 1, &d);
    else
        date_from_ymd(year, last_month + 1, 1, &d);
    return d;
}

static int assignment_row(void *ud, const void *row)
{
    bc_work *w = ud;
    const store_bc_assignment_row *a = row;
    int i = muni_index(w->cat, a->gemeente);
    if (i < 0)
        return 0;
    bc_muni *m = &w->m[i];
    jr_voorziening vz = a->is_budget ? JR_VZ_AMBULANT : work_vz(w, a->product);
    jr_date rest = rest_first(w->year, m->last_month), last = JR_DATE_NONE;
    date_from_ymd(w->year, 12, 31, &last);
    jr_cents tariff = 0;
    if (!a->is_budget) {
        const jr_product *p = work_product(w, a->product);
        jr_date on = a->start > rest ? a->start : rest;
        if (p && !product_tariff(p, on, &tariff) && !product_tariff(p, a->start, &tariff))
            tariff = 0;
    }
    jr_cents remaining = forecast_remaining(a->is_budget, a->budget, a->used, a->volume, a->unit,
                                            a->used_base, tariff);
    jr_cents c = forecast_commitment(remaining, a->start, a->run_end, rest, last);
    m->committed[vz] += c;
    if ((a->months & forecast_base_mask(&m->fc[vz])) == 0)
        m->committed_new[vz] += c;
    return 0;
}

/* the task budgets of the year, each split at its municipality's L
 * (forecast_task) and summed per voorziening of its product */
static void task_budgets(bc_work *w)
{
    for (int k = 0; k < w->cat->ntask_budgets; k++) {
        const jr_task_budget *t = &w->cat->task_budgets[k];
        int i = t->year == w->year ? muni_index(w->cat, t->gemeente) : -1;
        if (i < 0 || (w->only && strcmp(w->only, t->gemeente) != 0))
            continue;
        bc_muni *m = &w->m[i];
        jr_fc_task f;
        forecast_task(t, m->last_month, &f);
        jr_fc_task *sum = &m->task[work_vz(w, t->product)];
        for (int mo = 0; mo < 12; mo++)
            sum->monthly[mo] += f.monthly[mo];
        sum->realised += f.realised;
        sum->committed += f.committed;
    }
}

/* adds the task budgets' terms s of a municipality's voorziening, split at
 * L, to its row r: the realised terms into the realised months, the others
 * committed and in the forecast whole (no run-rate projects them) */
static void row_add_tasks(jr_bc_row *r, const jr_fc_task *s, int last_month)
{
    for (int mo = 0; mo < 12 && mo < last_month; mo++)
        r->fc.monthly[mo] += s->monthly[mo];
    r->fc.realised += s->realised;
    r->fc.commitments += s->committed;
    r->fc.forecast += s->realised + s->committed;
    r->realised = r->fc.realised;
    r->committed += s->committed;
    r->committed_new += s->committed;
    r->task_realised = s->realised;
    r->task_committed = s->committed;
}

/* adds row r (a voorziening of a municipality, or a total) into sum */
static void row_add(jr_bc_row *sum, const jr_bc_row *r, bool first)
{
    if (r->has_budget) {
        sum->has_budget = true;
        sum->budget += r->budget;
    }
    sum->nbudgets += r->nbudgets;
    sum->realised += r->realised;
    sum->committed += r->committed;
    sum->committed_new += r->committed_new;
    sum->task_realised += r->task_realised;
    sum->task_committed += r->task_committed;
    jr_forecast *f = &sum->fc;
    if (first) {
        f->method = r->fc.method;
        f->last_month = r->fc.last_month;
    } else if (f->method != r->fc.method || r->mixed) {
        sum->mixed = true;
    }
    if (r->fc.last_month > f->last_month)
        f->last_month = r->fc.last_month;
    for (int m = 0; m < 12; m++)
        f->monthly[m] += r->fc.monthly[m];
    f->realised += r->fc.realised;
    f->projected += r->fc.projected;
    f->commitments += r->fc.commitments;
    f->forecast += r->fc.forecast;
}

static void row_finish(jr_bc_row *r)
{
    if (r->mixed) {
        r->fc.method = JR_FC_NONE;
        r->fc.nbase = 0;
    }
    r->level = forecast_level(r->fc.forecast, r->budget, r->has_budget);
    r->has_share = r->has_budget && forecast_share_x10(r->fc.forecast, r->budget, &r->share_x10);
}

jr_status budgetctl_control(const jr_ctx *ctx, int32_t year, const char *gemeente,
                            jr_budget_control *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    out->year = year;
    const jr_principal *who = &ctx->who;
    switch (who->role) {
    case JR_ROLE_SYSTEM:
    case JR_ROLE_BEHEERDER:
    case JR_ROLE_RSJ:
    case JR_ROLE_LEZER:
        break;
    case JR_ROLE_GEMEENTE:
    case JR_ROLE_TOEGANG:
        if (!who->gemeente[0])
            return jr_fail(err, JR_EFORBIDDEN, "forbidden", "gemeente",
                           "Deze gebruiker hoort bij geen gemeente.");
        if (!gemeente)
            gemeente = who->gemeente;
        break;
    default:
        return refuse_role(err, "de begrotingscontrole inzien");
    }
    jr_status rc = JR_OK;
    if (gemeente && !catalog_municipality(ctx->cat, gemeente))
        rc = jr_refuse(err, rc, "gemeente_unknown", "gemeente",
                       "Gemeente '%s' hoort niet bij de regio.", gemeente);
    if (!year_valid(year))
        rc = jr_refuse(err, rc, "year_invalid", "jaar",
                       "Jaar %d is ongeldig: kies een jaar van %d tot en met %d.", (int)year,
                       JR_BC_YEAR_MIN, JR_BC_YEAR_MAX);
    if (rc != JR_OK)
        return rc;

    const jr_municipality *mu = gemeente ? catalog_municipality(ctx->cat, gemeente) : NULL;
    str_copy(out->scope.gemeente, sizeof out->scope.gemeente, gemeente);
    str_copy(out->scope.name, sizeof out->scope.name, mu ? mu->name : ctx->cat->region);
    out->scope.threshold = JR_SMALL_GROUP_DEFAULT;

    bc_work w = {.cat = ctx->cat,
                 .year = year,
                 .only = gemeente,
                 .m = calloc((size_t)ctx->cat->nmunicipalities + 1, sizeof(bc_muni))};
    if (!w.m)
        return jr_fail(err, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
    jr_date first = JR_DATE_NONE, last = JR_DATE_NONE, prev_first = JR_DATE_NONE;
    date_from_ymd(year, 1, 1, &first);
    date_from_ymd(year, 12, 31, &last);
    date_from_ymd(year - 1, 1, 1, &prev_first);
    jr_month jan_prev = date_month(prev_first), dec = date_month(last);

    if ((rc = store_begin(ctx->store, err)) != JR_OK) {
        free(w.m);
        return rc;
    }
    rc = store_begroting_spend(ctx->store, jan_prev, dec, gemeente, spend_row, &w, err);
    if (rc == JR_OK)
        rc = store_begroting_list(ctx->store, gemeente, year, budget_row, &w, err);
    /* the forecasts without commitments first: their run-rate months say
     * which open assignment is already in the run-rate */
    for (int i = 0; rc == JR_OK && i < ctx->cat->nmunicipalities; i++)
        for (int v = 0; v < JR_VZ_COUNT; v++)
            forecast_compute(&w.m[i].now[v], &w.m[i].prev[v], w.m[i].last_month, 0, &w.m[i].fc[v]);
    if (rc == JR_OK)
        task_budgets(&w);
    if (rc == JR_OK)
        rc = store_begroting_open_assignments(ctx->store, first, last, year, gemeente,
                                              assignment_row, &w, err);
    rc = svc_finish(ctx, rc, err);
    if (rc != JR_OK) {
        free(w.m);
        return rc;
    }

    str_copy(out->total.code, sizeof out->total.code, "totaal");
    str_copy(out->total.name, sizeof out->total.name, "totaal");
    for (int v = 0; v < JR_VZ_COUNT; v++) {
        str_copy(out->rows[v].code, sizeof out->rows[v].code, vz_codes[v]);
        str_copy(out->rows[v].name, sizeof out->rows[v].name,
                 figures_voorziening_name((jr_voorziening)v));
    }
    bool first_muni = true;
    for (int i = 0; i < ctx->cat->nmunicipalities; i++) {
        if (gemeente && strcmp(ctx->cat->municipalities[i].cbs, gemeente) != 0)
            continue;
        bc_muni *m = &w.m[i];
        out->nmunicipalities++;
        if (m->last_month > out->last_month)
            out->last_month = m->last_month;
        for (int v = 0; v < JR_VZ_COUNT; v++) {
            jr_bc_row r;
            memset(&r, 0, sizeof r);
            forecast_compute(&m->now[v], &m->prev[v], m->last_month, m->committed_new[v], &r.fc);
            r.has_budget = m->has_budget[v];
            r.budget = m->budget[v];
            r.nbudgets = m->has_budget[v] ? 1 : 0;
            r.realised = r.fc.realised;
            r.committed = m->committed[v];
            r.committed_new = m->committed_new[v];
            row_add_tasks(&r, &m->task[v], m->last_month);
            if (gemeente) {
                str_copy(r.code, sizeof r.code, out->rows[v].code);
                str_copy(r.name, sizeof r.name, out->rows[v].name);
                str_copy(r.taakveld, sizeof r.taakveld, m->taakveld[v]);
                out->rows[v] = r;
            } else {
                row_add(&out->rows[v], &r, first_muni);
            }
        }
        first_muni = false;
    }
    for (int v = 0; v < JR_VZ_COUNT; v++) {
        row_finish(&out->rows[v]);
        row_add(&out->total, &out->rows[v], v == 0);
    }
    row_finish(&out->total);
    if (gemeente)
        forecast_method_text(&out->rows[JR_VZ_AMBULANT].fc, out->method, sizeof out->method);
    else
        snprintf(out->method, sizeof out->method,
                 "De regio is de som van haar %d gemeenten: elke gemeente heeft haar eigen "
                 "laatste maand en methode per voorziening.",
                 out->nmunicipalities);
    free(w.m);
    return JR_OK;
}

/*
 * care_runs.c (service): youths in care and runs of a period (see
 * care_runs.h).
 */
#include "care_runs.h"

#include "../core/sbuf.h"
#include "../store/figures_bench.h"
#include "../store/figures_sum.h"

#include <string.h>

/* group_of: the group of municipality cbs in a count of every
 * municipality (catalog order), -2 when the catalog does not have it */
static int group_of(const jr_catalog *cat, const char *cbs)
{
    const jr_municipality *m = catalog_municipality(cat, cbs);
    return m ? (int)(m - cat->municipalities) : -2;
}

/* runs_relay: one run into the count, in the group of its municipality;
 * the region's runs come in municipality order (the index's), so the
 * group of the run before is the one to try first */
typedef struct {
    const jr_catalog *cat;
    jr_runs *runs;
    char last[5]; /* the municipality of the run before, in group */
    int group;
    bool nomem;
} runs_fill;

static int runs_relay(void *ud, const void *row)
{
    runs_fill *f = ud;
    const store_fb_run *r = row;
    if (f->runs->ngroups > 1 && strcmp(r->gemeente, f->last) != 0) {
        str_copy(f->last, sizeof f->last, r->gemeente);
        f->group = group_of(f->cat, r->gemeente);
    }
    int g = f->runs->ngroups > 1 ? f->group : 0;
    if (!runs_add(f->runs, g < 0 ? -1 : g, r->youth_id, r->start, r->end, runs_kind(r->category))) {
        f->nomem = true;
        return 1;
    }
    return 0;
}

typedef struct {
    const jr_catalog *cat;
    jr_runs *runs;
    bool one; /* one municipality's count: its rows are group 0 and the whole */
} sum_fill;

static int sum_youths(void *ud, const void *row)
{
    sum_fill *f = ud;
    const store_care_youth_row *r = row;
    if (f->one) {
        runs_add_year(f->runs, 0, &r->y, r->youths);
        runs_add_year(f->runs, -1, &r->y, r->youths);
    } else if (!r->y.gemeente[0]) {
        runs_add_year(f->runs, -1, &r->y, r->youths);
    } else {
        int g = group_of(f->cat, r->y.gemeente);
        if (g >= 0) /* one outside the catalog is in the region's rows only */
            runs_add_year(f->runs, g, &r->y, r->youths);
    }
    return 0;
}

static int sum_runs(void *ud, const void *row)
{
    sum_fill *f = ud;
    const store_care_run_row *r = row;
    int g = f->one ? 0 : group_of(f->cat, r->gemeente);
    runs_add_span(f->runs, g < 0 ? -1 : g, r->start, r->end, r->runs);
    return 0;
}

jr_status care_runs_count(const jr_ctx *ctx, jr_date first, jr_date last, const char *gemeente,
                          const char *agb, jr_runs *runs, jr_error *err)
{
    int ngroups = gemeente ? 1 : ctx->cat->nmunicipalities;
    if (!runs_init(runs, first, last, ngroups))
        return jr_fail(err, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
    jr_status rc;
    if (!agb && runs_one_year(runs)) {
        sum_fill f = {ctx->cat, runs, gemeente != NULL};
        jr_month m0 = runs->month0, m1 = runs->month0 + runs->nmonths - 1;
        rc = store_care_youths_each(ctx->store, (int)(m0 / 12), gemeente, sum_youths, &f, err);
        if (rc == JR_OK)
            rc = store_care_runs_each(ctx->store, m0, m1, gemeente, sum_runs, &f, err);
    } else {
        runs_fill f = {ctx->cat, runs, "", -1, false};
        rc = store_fb_runs_each(ctx->store, first, last, gemeente, agb, runs_relay, &f, err);
        if (f.nomem)
            rc = jr_fail(err, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
        if (rc == JR_OK)
            runs_count(runs);
    }
    if (rc != JR_OK)
        runs_free(runs);
    return rc;
}

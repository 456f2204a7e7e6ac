/*
 * settlement.c: totals per municipality, provider and product for a
 * declaration period, read from the stored batches and their lines
 * (store/declarations.h) within the principal's scope.
 */
#include "settlement.h"
#include "../core/sbuf.h"

#include <string.h>

/* settle_scope: may the principal read settlement totals, and within which
 * municipality and provider (*none: nothing it may see) */
static jr_status settle_scope(const jr_ctx *ctx, const char **gemeente, const char **agb,
                              bool *none, jr_error *err)
{
    *none = false;
    jr_status rc = svc_may(ctx, JR_ACT_SETTLE_READ, err);
    if (rc == JR_OK)
        svc_scope(ctx, gemeente, agb, none);
    return rc;
}

jr_status settle_period(const jr_ctx *ctx, jr_month period, const char *gemeente, const char *agb,
                        jr_row_fn fn, void *ud, jr_error *err)
{
    bool none;
    jr_status rc = settle_scope(ctx, &gemeente, &agb, &none, err);
    if (rc != JR_OK || none)
        return rc;
    return store_decl_settle_sums(ctx->store, period, gemeente, agb, fn, ud, err);
}

jr_status settle_lines(const jr_ctx *ctx, jr_month period, const char *gemeente, const char *agb,
                       const char *product, jr_row_fn fn, void *ud, jr_error *err)
{
    bool none;
    jr_status rc = svc_list_scope(ctx, &gemeente, &agb, &none, err);
    if (rc != JR_OK || none)
        return rc;
    decl_outcome_fn to = {fn, ud};
    return store_decl_settle_lines(ctx->store, period, gemeente, agb, product, decl_outcome_each,
                                   &to, err);
}

jr_status settle_task_terms(const jr_ctx *ctx, jr_month period, const char *gemeente,
                            const char *agb, jr_row_fn fn, void *ud, jr_error *err)
{
    bool none;
    jr_status rc = settle_scope(ctx, &gemeente, &agb, &none, err);
    if (rc != JR_OK || none)
        return rc;
    const jr_catalog *cat = ctx->cat;
    int year = date_year(month_first_day(period));
    for (int i = 0; i < cat->ntask_budgets; i++) {
        const jr_task_budget *t = &cat->task_budgets[i];
        if (t->year != year || (gemeente && strcmp(gemeente, t->gemeente) != 0) ||
            (agb && strcmp(agb, t->partner) != 0))
            continue;
        jr_task_term_row r;
        memset(&r, 0, sizeof r);
        str_copy(r.partner, sizeof r.partner, t->partner);
        const jr_partner *pa = catalog_partner(cat, t->partner);
        str_copy(r.partner_name, sizeof r.partner_name, pa ? pa->name : "");
        str_copy(r.product, sizeof r.product, t->product);
        str_copy(r.gemeente, sizeof r.gemeente, t->gemeente);
        r.year = t->year;
        r.budget = t->amount;
        r.terms = t->terms;
        jr_task_status ts = task_budget_status(t, period);
        r.terms_paid = ts.terms_paid;
        r.paid = ts.paid;
        r.this_period = ts.this_period;
        r.remaining = ts.remaining;
        if (fn(ud, &r))
            break;
    }
    return JR_OK;
}

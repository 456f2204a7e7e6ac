/*
 * settlement.c: totals per municipality, provider and product for a
 * declaration period, read from the stored batches and their lines
 * (store/declarations.h) within the principal's scope.
 */
#include "settlement.h"

jr_status settle_period(const jr_ctx *ctx, jr_month period, const char *gemeente, const char *agb,
                        jr_row_fn fn, void *ud, jr_error *err)
{
    bool none;
    jr_status rc = svc_may(ctx, JR_ACT_SETTLE_READ, err);
    if (rc != JR_OK)
        return rc;
    svc_scope(ctx, &gemeente, &agb, &none);
    if (none)
        return JR_OK;
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

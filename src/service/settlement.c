/*
 * settlement.c: totals per municipality, provider and product for a
 * declaration period, read from the stored batches and their lines.
 */
#include "settlement.h"
#include "../core/sbuf.h"

#include <stdio.h>
#include <string.h>

static void settle_row_from_row(const void *ud, jr_stmt *q, void *out)
{
    jr_settle_row *r = out;
    (void)ud;
    str_copy(r->gemeente, sizeof r->gemeente, store_col_text(q, 0));
    str_copy(r->agb, sizeof r->agb, store_col_text(q, 1));
    str_copy(r->provider_name, sizeof r->provider_name, store_col_text(q, 2));
    str_copy(r->product, sizeof r->product, store_col_text(q, 3));
    r->accepted = store_col_int(q, 4);
    r->n_accepted = store_col_int(q, 5);
    r->n_rejected = store_col_int(q, 6);
}

jr_status settle_period(const jr_ctx *ctx, jr_month period, const char *gemeente, const char *agb,
                        jr_row_fn fn, void *ud, jr_error *err)
{
    char per[8];
    bool none;
    jr_status rc = svc_may(ctx, JR_ACT_SETTLE_READ, err);
    if (rc != JR_OK)
        return rc;
    svc_scope(ctx, &gemeente, &agb, &none);
    if (none)
        return JR_OK;
    jr_stmt *q = store_prepare(
        ctx->store,
        "SELECT b.gemeente, p.agb, p.name, l.product,"
        " SUM(CASE WHEN l.status = 'A' THEN CASE WHEN l.credit = 1 THEN -l.amount_cents"
        " ELSE l.amount_cents END ELSE 0 END),"
        " SUM(CASE WHEN l.status = 'A' THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN l.status = 'R' THEN 1 ELSE 0 END)"
        " FROM decl_batch b JOIN provider p ON p.id = b.provider_id"
        " JOIN decl_line l ON l.id BETWEEN b.first_line AND b.last_line"
        " WHERE b.period = ?1 AND (?2 IS NULL OR b.gemeente = ?2) AND (?3 IS NULL OR p.agb = ?3)"
        " GROUP BY b.gemeente, p.agb, p.name, l.product ORDER BY b.gemeente, p.agb, l.product",
        err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, month_format(period, per));
    store_bind_text(q, 2, gemeente);
    store_bind_text(q, 3, agb);
    jr_settle_row r;
    return store_each(q, settle_row_from_row, NULL, &r, fn, ud, err);
}

jr_status settle_lines(const jr_ctx *ctx, jr_month period, const char *gemeente, const char *agb,
                       const char *product, jr_row_fn fn, void *ud, jr_error *err)
{
    char per[8];
    bool none;
    jr_status rc = svc_list_scope(ctx, &gemeente, &agb, &none, err);
    if (rc != JR_OK || none)
        return rc;
    jr_stmt *q = store_prepare(
        ctx->store,
        "SELECT " DECL_OUTCOME_COLS " FROM decl_batch b JOIN provider p ON p.id = b.provider_id"
        " JOIN decl_line l ON l.id BETWEEN b.first_line AND b.last_line"
        " WHERE b.period = ?1 AND (?2 IS NULL OR b.gemeente = ?2) AND (?3 IS NULL OR p.agb = ?3)"
        " AND (?4 IS NULL OR l.product = ?4) ORDER BY b.gemeente, p.agb, l.id",
        err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, month_format(period, per));
    store_bind_text(q, 2, gemeente);
    store_bind_text(q, 3, agb);
    store_bind_text(q, 4, product);
    jr_decl_outcome o;
    return store_each(q, decl_outcome_from_row, NULL, &o, fn, ud, err);
}

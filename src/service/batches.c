/*
 * batches.c: listing stored declaration batches (see batches.h).
 */
#include "batches.h"

#include "../core/sbuf.h"

#include <string.h>

#define BATCH_COLS                                                                                 \
    "SELECT b.id, b.number, p.agb, b.gemeente, b.period, b.n_accepted, b.n_rejected,"              \
    " b.accepted_cents, p.name, b.dagtekening, b.received_at, b.source"                            \
    " FROM decl_batch b JOIN provider p ON p.id = b.provider_id "

static void batch_from_row(const void *ud, jr_stmt *s, void *row)
{
    jr_batch *b = row;
    (void)ud;
    memset(b, 0, sizeof *b);
    b->sum.batch_id = store_col_int(s, 0);
    str_copy(b->sum.number, sizeof b->sum.number, store_col_text(s, 1));
    str_copy(b->sum.agb, sizeof b->sum.agb, store_col_text(s, 2));
    str_copy(b->sum.gemeente, sizeof b->sum.gemeente, store_col_text(s, 3));
    month_parse(store_col_text(s, 4), &b->sum.period);
    b->sum.n_accepted = store_col_int(s, 5);
    b->sum.n_rejected = store_col_int(s, 6);
    b->sum.accepted_amount = store_col_int(s, 7);
    str_copy(b->provider_name, sizeof b->provider_name, store_col_text(s, 8));
    b->dagtekening = JR_DATE_NONE;
    date_parse(store_col_text(s, 9), &b->dagtekening);
    str_copy(b->received_at, sizeof b->received_at, store_col_text(s, 10));
    str_copy(b->source, sizeof b->source, store_col_text(s, 11));
}

jr_status batch_list(const jr_ctx *ctx, const jr_month *period, const char *gemeente,
                     const char *agb, jr_row_fn fn, void *ud, jr_error *err)
{
    bool none;
    jr_status rc = svc_list_scope(ctx, &gemeente, &agb, &none, err);
    if (rc != JR_OK || none)
        return rc;
    jr_stmt *s = store_prepare(ctx->store,
                               BATCH_COLS "WHERE (?1 IS NULL OR b.period = ?1)"
                                          " AND (?2 IS NULL OR b.gemeente = ?2)"
                                          " AND (?3 IS NULL OR p.agb = ?3) ORDER BY b.id DESC",
                               err);
    if (!s)
        return JR_EDB;
    char per[8];
    store_bind_text(s, 1, period ? month_format(*period, per) : NULL);
    store_bind_text(s, 2, gemeente);
    store_bind_text(s, 3, agb);
    jr_batch b;
    return store_each(s, batch_from_row, NULL, &b, fn, ud, err);
}

jr_status batch_get(const jr_ctx *ctx, int64_t id, jr_batch *out, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_PERSONAL_READ, err);
    if (rc != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(ctx->store, BATCH_COLS "WHERE b.id = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, id);
    store_step_result r = store_step(s, err);
    if (r == STORE_ERROR)
        return JR_EDB;
    if (r == STORE_ROW)
        batch_from_row(NULL, s, out);
    store_reset(s);
    if (r != STORE_ROW || !svc_sees(ctx, out->sum.gemeente, out->sum.agb))
        return jr_fail(err, JR_ENOTFOUND, "batch_unknown", "declaratie",
                       "Declaratie %lld bestaat niet.", (long long)id);
    return JR_OK;
}

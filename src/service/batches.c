/*
 * batches.c: listing stored declaration batches (see batches.h). The rows
 * come from the store (store/declarations.h); this file checks who may see
 * them.
 */
#include "batches.h"

#include "../core/sbuf.h"
#include "../store/declarations.h"

#include <string.h>

static void batch_from_store(const store_decl_batch_row *r, jr_batch *b)
{
    memset(b, 0, sizeof *b);
    b->sum.batch_id = r->id;
    str_copy(b->sum.number, sizeof b->sum.number, r->number);
    str_copy(b->sum.agb, sizeof b->sum.agb, r->agb);
    str_copy(b->sum.gemeente, sizeof b->sum.gemeente, r->gemeente);
    b->sum.period = r->period;
    b->sum.n_accepted = r->n_accepted;
    b->sum.n_rejected = r->n_rejected;
    b->sum.accepted_amount = r->accepted_cents;
    str_copy(b->provider_name, sizeof b->provider_name, r->provider_name);
    b->dagtekening = r->dagtekening;
    str_copy(b->received_at, sizeof b->received_at, r->received_at);
    str_copy(b->source, sizeof b->source, r->source);
}

typedef struct {
    jr_row_fn fn;
    void *ud;
} batch_to;

static int batch_each(void *ud, const void *row)
{
    const batch_to *to = ud;
    jr_batch b;
    batch_from_store(row, &b);
    return to->fn(to->ud, &b);
}

jr_status batch_list(const jr_ctx *ctx, const jr_month *period, const char *gemeente,
                     const char *agb, jr_row_fn fn, void *ud, jr_error *err)
{
    bool none;
    jr_status rc = svc_list_scope(ctx, &gemeente, &agb, &none, err);
    if (rc != JR_OK || none)
        return rc;
    batch_to to = {fn, ud};
    return store_decl_batch_list(ctx->store, period, gemeente, agb, batch_each, &to, err);
}

jr_status batch_get(const jr_ctx *ctx, int64_t id, jr_batch *out, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_PERSONAL_READ, err);
    if (rc != JR_OK)
        return rc;
    store_decl_batch_row row;
    rc = store_decl_batch_get(ctx->store, id, &row, err);
    if (rc != JR_OK && rc != JR_ENOTFOUND)
        return rc;
    if (rc == JR_OK)
        batch_from_store(&row, out);
    if (rc != JR_OK || !svc_sees(ctx, out->sum.gemeente, out->sum.agb))
        return jr_fail(err, JR_ENOTFOUND, "batch_unknown", "declaratie",
                       "Declaratie %lld bestaat niet.", (long long)id);
    return JR_OK;
}

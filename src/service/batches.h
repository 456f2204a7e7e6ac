/*
 * batches.h: the declaration batches that came in (one provider, one
 * municipality, one month each), listed per period for the people who may
 * see them: a municipality its own, a provider its own, the region all.
 */
#ifndef JR_BATCHES_H
#define JR_BATCHES_H

#include "declaration.h"
#include "svc.h"

typedef struct {
    jr_decl_batch_summary sum; /* replayed is always false here */
    char provider_name[128];
    jr_date dagtekening;
    char received_at[32];
    char source[256];
} jr_batch;

/* batch_list: each jr_batch, newest first, of period (NULL: every period),
 * optionally of one municipality and/or provider (NULL: any), within the
 * principal's scope. Needs JR_ACT_PERSONAL_READ. */
jr_status batch_list(const jr_ctx *ctx, const jr_month *period, const char *gemeente,
                     const char *agb, jr_row_fn fn, void *ud, jr_error *err);

/* batch_get: one batch by id; JR_ENOTFOUND when absent or out of scope. */
jr_status batch_get(const jr_ctx *ctx, int64_t id, jr_batch *out, jr_error *err);

#endif

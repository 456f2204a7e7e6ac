/*
 * youth.h: youths (jeugdigen), known by BSN, living in one municipality of
 * the region (the municipality that pays: woonplaatsbeginsel).
 */
#ifndef JR_YOUTH_H
#define JR_YOUTH_H

#include "../store/youths.h"
#include "svc.h"

/* jr_youth, the youth row, is declared in store/youths.h. */

/* youth_add: a BSN passing the 11-check, a birth date not in the future and
 * at most 23 years back, a municipality of the region. All three are
 * checked before refusing: err holds the first refusal, err's list (see
 * jr_error_collect) each of them in that order. Then the municipality must
 * be the principal's own (forbidden). */
jr_status youth_add(const jr_ctx *ctx, const char *bsn, jr_date birth, const char *gemeente,
                    int64_t *id, jr_error *err);
jr_status youth_find(const jr_ctx *ctx, const char *bsn, jr_youth *out, jr_error *err);
jr_status youth_get(const jr_ctx *ctx, int64_t id, jr_youth *out, jr_error *err);

#endif

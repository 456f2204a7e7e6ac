/*
 * worklist.h: the work waiting for a user, each list short and newest
 * first, within the principal's scope: open quote requests (a provider's to
 * answer, a municipality's to decide), assignments waiting for the start of
 * care, recently rejected declaration lines, and budgets more than 90%
 * spent. Every list needs JR_ACT_PERSONAL_READ.
 */
#ifndef JR_WORKLIST_H
#define JR_WORKLIST_H

#include "assignment.h"
#include "declaration.h"
#include "quote.h"
#include "svc.h"

#define JR_WORKLIST_MAX 100 /* the longest list a caller may ask for */

/* A rejected line with the batch it came in. */
typedef struct {
    jr_decl_outcome line;
    int64_t batch_id;
    char batch_number[JR_REF_MAX];
    char gemeente[5];
    char agb[9];
    jr_month period;
} jr_rejected_line;

/* worklist_open_quotes: jr_quote rows: for a provider those still to
 * answer (aangevraagd), for others those not yet decided (aangevraagd or
 * beantwoord). At most limit rows (1..JR_WORKLIST_MAX). */
jr_status worklist_open_quotes(const jr_ctx *ctx, int limit, jr_row_fn fn, void *ud, jr_error *err);
/* worklist_awaiting_start: active jr_assignment rows without a start of care. */
jr_status worklist_awaiting_start(const jr_ctx *ctx, int limit, jr_row_fn fn, void *ud,
                                  jr_error *err);
/* worklist_rejected_lines: jr_rejected_line rows, the most recent first. */
jr_status worklist_rejected_lines(const jr_ctx *ctx, int limit, jr_row_fn fn, void *ud,
                                  jr_error *err);
/* worklist_budgets_nearly_spent: active budget jr_assignment rows that used
 * more than 90% of their budget. */
jr_status worklist_budgets_nearly_spent(const jr_ctx *ctx, int limit, jr_row_fn fn, void *ud,
                                        jr_error *err);

#endif

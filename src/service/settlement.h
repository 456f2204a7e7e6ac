/*
 * settlement.h: local invoicing. Each municipality pays its own accepted
 * lines (no solidarity between municipalities): per municipality, provider
 * and product, the accepted amount of a declaration period (debits minus
 * credits) with the numbers of accepted and rejected lines behind it.
 */
#ifndef JR_SETTLEMENT_H
#define JR_SETTLEMENT_H

#include "../store/declarations.h"
#include "declaration.h"
#include "svc.h"

/* A settlement row: municipality, provider (agb, provider_name), product,
 * the accepted amount (debits minus credits) and the lines behind it; the
 * store's row as it is. */
typedef store_decl_settle_row jr_settle_row;

/* settle_period: rows for period, optionally for one municipality and/or
 * provider (NULL: all), ordered by municipality, provider, product. */
jr_status settle_period(const jr_ctx *ctx, jr_month period, const char *gemeente, const char *agb,
                        jr_row_fn fn, void *ud, jr_error *err);

/* settle_lines: the lines behind a settlement row (jr_decl_outcome each);
 * product NULL for all products. */
jr_status settle_lines(const jr_ctx *ctx, jr_month period, const char *gemeente, const char *agb,
                       const char *product, jr_row_fn fn, void *ud, jr_error *err);

/* A task budget in a settlement period (taakgericht, docs/funding.md): what
 * a partner gets for a task from a municipality in the period's year, the
 * terms due by the end of the period and their sum, the term due in the
 * period itself (0 when none falls in it), and what remains of the year. */
typedef struct {
    char partner[9];
    char partner_name[96];
    char product[8];
    char gemeente[5];
    int32_t year;
    jr_cents budget;
    int32_t terms;
    int32_t terms_paid;
    jr_cents paid;
    jr_cents this_period;
    jr_cents remaining;
} jr_task_term_row;

/* settle_task_terms: the region file's task budgets of the period's year,
 * within the principal's scope (a municipality its own, a provider the
 * budgets it is partner of), optionally for one municipality and/or
 * partner; fn gets a jr_task_term_row each, in the region file's order. */
jr_status settle_task_terms(const jr_ctx *ctx, jr_month period, const char *gemeente,
                            const char *agb, jr_row_fn fn, void *ud, jr_error *err);

#endif

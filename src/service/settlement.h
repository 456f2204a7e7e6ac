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

#endif

/*
 * provider.h: providers (aanbieders) and their contracts.
 *
 * A provider is known by its AGB code. A contract says a provider may
 * deliver one product of one lot (perceel) from a start date to an end date
 * (open when absent); declarations and assignments check it.
 */
#ifndef JR_PROVIDER_H
#define JR_PROVIDER_H

#include "../store/providers.h"
#include "svc.h"

/* jr_provider and jr_contract, the rows, are declared in store/providers.h. */

/* provider_add: an AGB code of 8 digits, a name, a kind (instelling,
 * vrijgevestigde). All three are checked before refusing: err holds the
 * first refusal, err's list (jr_error_collect) each of them in that order.
 * id may be NULL. */
jr_status provider_add(const jr_ctx *ctx, const char *agb, const char *name, const char *kind,
                       int64_t *id, jr_error *err);
/* provider_find: by AGB; JR_ENOTFOUND with a Dutch message when unknown. */
jr_status provider_find(const jr_ctx *ctx, const char *agb, jr_provider *out, jr_error *err);
/* provider_list: calls fn with each jr_provider, ordered by AGB. */
jr_status provider_list(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err);
/* provider_all: every provider, ordered by AGB, as one array in *out (the
 * caller frees it; NULL with *n 0 when there are none). */
jr_status provider_all(const jr_ctx *ctx, jr_provider **out, int *n, jr_error *err);

/* contract_add: product is an iJw code or the region's short code, or "*"
 * for every product of the lot. ids may be NULL. The provider must exist
 * (agb_unknown stops the checks, which depend on it); then lot, end and
 * product are checked before refusing, each refusal in err's list
 * (jr_error_collect), the first in err itself; product_not_in_lot is
 * checked for a known lot and product only. */
jr_status contract_add(const jr_ctx *ctx, const char *agb, const char *lot, const char *product,
                       jr_date start, jr_date end, int *n_added, jr_error *err);
/* contract_list: each jr_contract of agb (all providers when agb is NULL). */
jr_status contract_list(const jr_ctx *ctx, const char *agb, jr_row_fn fn, void *ud, jr_error *err);
/* contract_covers: does provider_id hold a contract for product over from..to? */
jr_status contract_covers(const jr_ctx *ctx, int64_t provider_id, const char *product, jr_date from,
                          jr_date to, bool *out, jr_error *err);
/* contract_covers_kind: ... for at least one product of the given kind
 * (e.g. any functiegroep, for an ambulant budget). */
jr_status contract_covers_kind(const jr_ctx *ctx, int64_t provider_id, jr_product_kind kind,
                               jr_date from, jr_date to, bool *out, jr_error *err);

#endif

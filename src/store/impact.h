/*
 * impact.h (store): what the impact analysis (service/impact.h) reads of a
 * year's realised production: every accepted declaration line of the
 * batches of that year's months, with its batch's municipality and
 * provider; the budget assignments with their keuzebudget; the providers'
 * AGB codes and names. Read only, in the SQL SQLite and PostgreSQL share.
 *
 * The monitor's summaries (spend_month, spend_year, migration 011) hold
 * amounts and line counts but no volumes, and a scenario prices volumes,
 * so the analysis reads the lines themselves, once, in row order (a batch's
 * lines are consecutive, first_line..last_line), and sums in memory.
 *
 * Ownership: each row is handed to the callback in a buffer valid for that
 * call only; non-zero from the callback stops the list.
 */
#ifndef JR_STORE_IMPACT_H
#define JR_STORE_IMPACT_H

#include "store.h"

#include <stdbool.h>
#include <stdint.h>

/* One accepted line of the year. */
typedef struct {
    const char *gemeente; /* the batch's (the paying municipality) */
    int64_t provider_id;
    int64_t assignment_id; /* 0 when the line names none */
    const char *product;
    const char *unit;
    int64_t volume;
    int64_t amount_cents; /* as stored: positive, also for a credit */
    bool credit;
} store_imp_line;

/* store_impact_lines: fn(ud, const store_imp_line *) for every accepted
 * line (debits and credits) of the batches whose month lies in year. */
jr_status store_impact_lines(jr_store *st, int32_t year, int (*fn)(void *ud, const void *row),
                             void *ud, jr_error *err);

/* One budget assignment (aspecific, a budget in eurocents). */
typedef struct {
    int64_t id;
    int64_t budget_cents;
    const char *kb; /* its referral's keuzebudget ("KB3"), "" for one from a quote */
} store_imp_budget;

/* store_impact_budgets: fn(ud, const store_imp_budget *) for every budget
 * assignment with an id from lo to hi. */
jr_status store_impact_budgets(jr_store *st, int64_t lo, int64_t hi,
                               int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

/* store_impact_max_ids: the largest assignment and provider ids (0 when none). */
jr_status store_impact_max_ids(jr_store *st, int64_t *assignment, int64_t *provider, jr_error *err);

/* One provider. */
typedef struct {
    int64_t id;
    const char *agb;
    const char *name;
} store_imp_provider;

/* store_impact_providers: fn(ud, const store_imp_provider *) for every provider. */
jr_status store_impact_providers(jr_store *st, int (*fn)(void *ud, const void *row), void *ud,
                                 jr_error *err);

/* store_impact_provider_id: the id of the provider with agb in *id;
 * JR_ENOTFOUND (err untouched) when none. */
jr_status store_impact_provider_id(jr_store *st, const char *agb, int64_t *id, jr_error *err);

/* A named scenario (impact_scenario, migration 023). */
typedef struct {
    const char *name;
    const char *scenario; /* its JSON text */
    const char *saved_by;
    const char *saved_at;
} store_imp_scenario;

/* store_impact_scenario_put: saves scenario (JSON text) under name,
 * replacing one of that name; *replaced (may be NULL) says whether one was
 * replaced. */
jr_status store_impact_scenario_put(jr_store *st, const char *name, const char *scenario,
                                    const char *saved_by, bool *replaced, jr_error *err);
/* store_impact_scenario_get: fn(ud, const store_imp_scenario *) for the
 * scenario called name; JR_ENOTFOUND (err untouched) when there is none. */
jr_status store_impact_scenario_get(jr_store *st, const char *name,
                                    int (*fn)(void *ud, const void *row), void *ud, jr_error *err);
/* store_impact_scenario_list: every saved scenario by name. */
jr_status store_impact_scenario_list(jr_store *st, int (*fn)(void *ud, const void *row), void *ud,
                                     jr_error *err);
/* store_impact_scenario_delete: removes name; JR_ENOTFOUND when none. */
jr_status store_impact_scenario_delete(jr_store *st, const char *name, jr_error *err);

#endif

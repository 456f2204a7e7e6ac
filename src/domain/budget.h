/*
 * budget.h: the money of a budget assignment (toewijzing met een budget).
 *
 * A budget assignment grants an amount in eurocents: a keuzebudget from the
 * catalog, or the total of an accepted quote (offerte), whose lines are
 * hours times an hourly tariff. The ledger follows what happens to that
 * amount: accepted declarations use it, and when the assignment ends what is
 * left goes back to the municipality. The functions here are pure
 * arithmetic over plain structs; the services load the figures and store
 * the outcome.
 */
#ifndef JR_DOMAIN_BUDGET_H
#define JR_DOMAIN_BUDGET_H

#include "money.h"

#include <stdbool.h>
#include <stdint.h>

/* quote_line_amount: hours (in hundredths) x hourly tariff, rounded half up. */
jr_cents quote_line_amount(int64_t centi_hours, jr_cents hourly_tariff);

/* The budget ledger of one assignment. */
typedef struct {
    jr_cents granted;
    jr_cents used;     /* accepted debits minus accepted credits */
    jr_cents released; /* returned to the municipality when the assignment ended */
} jr_ledger;

/* ledger_compute: the ledger of an assignment granted `granted` with `used`
 * accepted; once it has ended, everything not used is released (a line
 * accepted later for a period before the end takes its share back). */
void ledger_compute(jr_ledger *l, jr_cents granted, jr_cents used, bool ended);

/* ledger_remaining: what is still free to declare (granted - used -
 * released); negative when more was used than granted. */
jr_cents ledger_remaining(const jr_ledger *l);
/* ledger_release: on end, what is still free goes back to the municipality.
 * Releases nothing when nothing is free, so a second release is a no-op. */
void ledger_release(jr_ledger *l);
/* ledger_change_ok: a new grant may not go below what was used, nor to zero. */
bool ledger_change_ok(const jr_ledger *l, jr_cents new_granted);

/* A budget is nearly spent when more than LEDGER_NEARLY_SPENT_PERMILLE
 * thousandths of its grant are used: the access team's worklist shows it, so
 * that a follow-up can be set before the provider runs out. */
#define LEDGER_NEARLY_SPENT_PERMILLE 900
/* ledger_nearly_spent: more than the threshold of a positive grant used
 * (exactly the threshold is not yet; a zero grant never is). */
bool ledger_nearly_spent(const jr_ledger *l);

#endif

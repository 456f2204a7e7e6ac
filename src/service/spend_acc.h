/*
 * spend_acc.h (service): the import's running sums for the monitor's
 * spending summary (migration 011, store/figures.h: spend_month,
 * spend_year and spend_youth). The declaration session adds every line it accepts; the
 * sums are written, one row per key and in key order, in the session's own
 * transaction before it commits (and earlier when the sums grow large), so
 * the summary holds exactly the accepted lines: nothing accepted is missing
 * from it and a rolled-back import adds nothing.
 *
 * Why in memory: a batch is one month, municipality and provider, and a
 * national year has some twenty batches per (month, municipality,
 * provider) and one line per assignment and month; summed over the whole
 * import, 6 million lines become some 200,000 month rows, 700,000
 * assignment rows and two rows per youth (docs/performance.md, session
 * 6), where a write per batch would add one upsert per line.
 */
#ifndef JR_SPEND_ACC_H
#define JR_SPEND_ACC_H

#include "../domain/date.h"
#include "../domain/money.h"
#include "../store/store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct jr_spend_acc jr_spend_acc;

/* spend_acc_new: empty sums; NULL when out of memory. */
jr_spend_acc *spend_acc_new(void);
void spend_acc_free(jr_spend_acc *a);

/* spend_acc_add: one accepted line of a batch of month, paid by gemeente,
 * of provider_id, on assignment_id of youth_id, for product, with its
 * signed amount (a credit negative). false when out of memory (the sums are
 * then unchanged). */
bool spend_acc_add(jr_spend_acc *a, jr_month month, const char *gemeente, int64_t provider_id,
                   int64_t assignment_id, int64_t youth_id, const char *product, jr_cents amount);

/* spend_acc_full: true when the sums hold so many keys that the session
 * should write them now (bounded memory for any size of import). */
bool spend_acc_full(const jr_spend_acc *a);

/* spend_acc_flush: writes the sums to the summary in st (the caller's
 * transaction) and empties them, also on failure: the caller then rolls
 * the transaction back, with the lines the sums came from. */
jr_status spend_acc_flush(jr_spend_acc *a, jr_store *st, jr_error *err);

#endif

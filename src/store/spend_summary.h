/*
 * spend_summary.h: the monitor's spending summary (migration 011:
 * spend_month and spend_year), written by the declaration import with each
 * batch. Private to src/store: declarations.c adds a closed batch's
 * accepted lines, figures.c and figures_care.c read the sums.
 */
#ifndef JR_STORE_SPEND_SUMMARY_H
#define JR_STORE_SPEND_SUMMARY_H

#include "store.h"

/* store_spend_add_batch: adds the accepted lines first_line..last_line of
 * batch batch_id (its month, municipality and provider) to spend_month and
 * spend_year, in the caller's transaction. Each batch is added once, when
 * it is closed. */
jr_status store_spend_add_batch(jr_store *st, int64_t batch_id, int64_t first_line,
                                int64_t last_line, jr_error *err);

#endif

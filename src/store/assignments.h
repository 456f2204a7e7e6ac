/*
 * store/assignments.h: the SQL of assignments and what hangs on them: the
 * care dates, the stop history of each start of care (stop_history), the
 * declaration lines a correction of care must keep inside.
 *
 * Every function takes the store first and the error last and returns
 * jr_status; a look-up that finds nothing is JR_ENOTFOUND with err left
 * for the caller to fill. The SQL is the subset SQLite and PostgreSQL
 * share.
 */
#ifndef JR_STORE_ASSIGNMENTS_H
#define JR_STORE_ASSIGNMENTS_H

#include "../domain/date.h"
#include "../domain/referral.h"
#include "store.h"

/* store_assignment_set_care_start: assignment id's start of care is date
 * (JR_DATE_NONE: none). */
jr_status store_assignment_set_care_start(jr_store *st, int64_t id, jr_date date, jr_error *err);
/* store_assignment_set_care_stop: its stop of care is date with iJw
 * RedenBeeindiging reason (JR_DATE_NONE: none, and no reason). */
jr_status store_assignment_set_care_stop(jr_store *st, int64_t id, jr_date date, const char *reason,
                                         jr_error *err);

/* store_assignment_lines_outside: has assignment id accepted, uncredited
 * declaration lines beginning before from or ending after until
 * (JR_DATE_NONE leaves that side open)? */
jr_status store_assignment_lines_outside(jr_store *st, int64_t id, jr_date from, jr_date until,
                                         bool *out, jr_error *err);

/* ---- stop_history ---- */

/* store_stop_history_of: the stops recorded for assignment id and the start
 * of care begin that were not withdrawn, counted into h; *current: one of
 * them is the actueel one. */
jr_status store_stop_history_of(jr_store *st, int64_t id, jr_date begin, jr_stop_history *h,
                                bool *current, jr_error *err);
/* store_stop_add: records a stop (end, reason) of id's start begin in state
 * (actueel, vervangen, vervallen). */
jr_status store_stop_add(jr_store *st, int64_t id, jr_date begin, jr_date end, const char *reason,
                         const char *state, jr_error *err);
/* store_stop_set_state: the actueel stop of id's start begin becomes state. */
jr_status store_stop_set_state(jr_store *st, int64_t id, jr_date begin, const char *state,
                               jr_error *err);
/* store_stop_change: the actueel stop of id's start begin ends on end with
 * reason instead. */
jr_status store_stop_change(jr_store *st, int64_t id, jr_date begin, jr_date end,
                            const char *reason, jr_error *err);

#endif

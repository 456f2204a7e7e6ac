/*
 * care.h: the rules of care under an assignment: the dates of start zorg
 * (iJw JW305) and stop zorg (JW307), and the history of stops.
 *
 * Care starts within the grant's period and not in the future; it stops on
 * or after its start and within the grant. A stop with iJw RedenBeeindiging
 * 20 is temporary (tijdelijke stop): care may be stopped again later, once,
 * definitively; any other reason ends it. These rules are pure: the care
 * service counts the stops already recorded (jr_stop_history) and asks.
 */
#ifndef JR_DOMAIN_CARE_H
#define JR_DOMAIN_CARE_H

#include "../core/err.h"
#include "assignment.h"
#include "date.h"

#include <stdbool.h>

/* care_start_date_check: start zorg lies within the grant and not after
 * today (codes date_outside_assignment, date_in_future). */
jr_status care_start_date_check(const jr_grant *g, jr_date date, jr_date today, jr_error *err);
/* care_stop_date_check: stop zorg lies from start zorg to the grant's end
 * and not after today (codes date_outside_care, date_in_future). */
jr_status care_stop_date_check(const jr_grant *g, jr_date care_start, jr_date date, jr_date today,
                               jr_error *err);

/* stop_reason_temporary: iJw RedenBeeindiging 20 stops care for a while (a
 * tijdelijke stop); every other reason (and NULL) ends it. */
bool stop_reason_temporary(const char *reason);

/* The stop-zorg products recorded for one start of care: definitive and
 * temporary stops, and the temporary ones other than the current stop. */
typedef struct {
    int definitive, temporary, other_temporary;
} jr_stop_history;

/* stop_history_check: may a stop with reason be delivered new (change false,
 * iJw StatusAanlevering 1) or as a change of the current one (change true,
 * StatusAanlevering 2) for a start with history h? Codes 9415 (a definitive
 * stop is there already) and 9413 (a second temporary stop). */
jr_status stop_history_check(const jr_stop_history *h, bool change, const char *reason,
                             jr_error *err);

/* care_stop_next_check: a stop that follows the current one (care_stop with
 * stop_reason, JR_DATE_NONE when there is none) on date: only after a
 * temporary stop (9415) and not before it (9414); the same day is allowed. */
jr_status care_stop_next_check(jr_date care_stop, const char *stop_reason, jr_date date,
                               jr_error *err);

#endif

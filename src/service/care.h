/*
 * care.h: the care service: start and stop of care on an assignment as its
 * provider reports them, corrections of both, and the stop history of each
 * start. The one door for every interface: the CLI (assignment care), the
 * HTTP API (care-start, care-stop) and the iJw JW305 / JW307 all call these
 * functions, so the same rules hold whichever way a report comes in.
 *
 * The provider agb reports on its own assignment `number` (another's
 * answers JR_ENOTFOUND, as if it did not exist); the role must provide
 * care. Each call runs in one transaction with its audit record.
 *
 * Stops: a stop names an iJw RedenBeeindiging. Every stop applied is kept
 * per assignment and start of care (stop_history): a temporary stop
 * (reason 20) may be followed by a later stop, which becomes the current
 * one; a second 20 for the same start is refused with 9413, a following
 * stop ending before the current one with 9414, any stop after a
 * definitive one (not 20) with 9415. Failures carry the iJw retourcode as
 * their code where the standard has one: 9063 (nothing to change or
 * delete), 9071 (a start cannot go once care stopped), 9385 (accepted
 * declaration lines would fall outside the corrected period); else
 * care_not_started, care_already_started, assignment_not_active,
 * reason_invalid, date_outside_assignment, date_outside_care,
 * date_in_future.
 */
#ifndef JR_CARE_H
#define JR_CARE_H

#include "svc.h"

/* care_start: care began on date (iJw StatusAanlevering 1); the same start
 * again changes nothing, another is care_already_started. */
jr_status care_start(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                     jr_error *err);
/* care_start_change: the start moves to date (StatusAanlevering 2). */
jr_status care_start_change(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                            jr_error *err);
/* care_start_delete: the start on date is withdrawn (StatusAanlevering 3);
 * a date that is not the current start is 9063. */
jr_status care_start_delete(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                            jr_error *err);

/* care_stop: care stopped on date for reason (StatusAanlevering 1): the
 * first stop of the current start, the same stop again (nothing changes),
 * or the stop that follows a temporary one (care_stop_next). */
jr_status care_stop(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                    const char *reason, jr_error *err);
/* care_stop_next: the stop that follows the current, temporary stop: it
 * becomes the current one (9415 when the current stop is not temporary,
 * 9414 when date lies before it). */
jr_status care_stop_next(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                         const char *reason, jr_error *err);
/* care_stop_change: the current stop ends on date for reason instead
 * (StatusAanlevering 2). */
jr_status care_stop_change(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                           const char *reason, jr_error *err);
/* care_stop_delete: the current stop, on date, is withdrawn
 * (StatusAanlevering 3): it counts no more; another date is 9063. */
jr_status care_stop_delete(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                           jr_error *err);

/* stop_reason_name: the Dutch meaning of an iJw RedenBeeindiging; "" when
 * unknown. */
const char *stop_reason_name(const char *code);

#endif

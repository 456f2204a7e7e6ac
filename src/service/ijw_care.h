/*
 * ijw_care.h: corrections to start and stop of care, as the iJw start and
 * stop messages (JW305, JW307) can send them with StatusAanlevering 2
 * (gewijzigde aanlevering) and 3 (verwijderen aanlevering). A first
 * aanlevering is assignment.h's care_start / care_stop.
 *
 * The provider agb corrects its own assignment `number`. Failures carry the
 * iJw retourcode as their code where the standard has one: 9063 (nothing to
 * change or delete), 9071 (a start cannot go while care was stopped), 9385
 * (accepted declaration lines fall outside the corrected period); else
 * date_outside_assignment, date_outside_care, date_in_future.
 *
 * care_stop_next: a stop that follows a temporary stop (RedenBeeindiging
 * 20, "levering is tijdelijk beeindigd") for the same start: it becomes the
 * current stop. Refused with 9415 when the current stop is not temporary
 * and 9414 when date lies before it.
 */
#ifndef JR_IJW_CARE_H
#define JR_IJW_CARE_H

#include "svc.h"

jr_status care_start_change(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                            jr_error *err);
jr_status care_start_delete(const jr_ctx *ctx, const char *number, const char *agb, jr_error *err);
jr_status care_stop_change(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                           const char *reason, jr_error *err);
jr_status care_stop_delete(const jr_ctx *ctx, const char *number, const char *agb, jr_error *err);
jr_status care_stop_next(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                         const char *reason, jr_error *err);

#endif

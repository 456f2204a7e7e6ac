/*
 * ijw_care.c: changing and withdrawing a start or stop of care that was
 * given before (iJw StatusAanlevering 2 and 3). The first start and stop
 * are care_start / care_stop in assignment.c; the rules they share (the
 * date inside the assignment, not in the future, the provider's own
 * assignment) are checked the same way here, plus what a correction may
 * not break: accepted declaration lines must stay inside the care period.
 */
#include "ijw_care.h"
#include "../core/sbuf.h"

#include "../domain/care.h"
#include "../store/declarations.h"
#include "assignment.h"

#include <stdio.h>
#include <string.h>

/* are there accepted (uncredited) lines beginning before from or ending
 * after until? JR_DATE_NONE leaves that side open (no line lies beyond it).
 * An assignment's accepted lines lie in its provider's batches
 * for its municipality (a line naming another provider's assignment or
 * another municipality's is rejected), so the query reads those batches'
 * line ranges, not the whole decl_line table: decl_line has no index on
 * assignment_id, which every imported line would have to pay for. */
static jr_status lines_outside(const jr_ctx *ctx, int64_t id, jr_date from, jr_date until,
                               bool *out, jr_error *err)
{
    return store_decl_line_open_outside(ctx->store, id, from, until, out, err);
}

jr_status care_start_change(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                            jr_error *err)
{
    jr_assignment a;
    jr_status rc = assignment_own(ctx, number, agb, &a, err);
    if (rc != JR_OK)
        return rc;
    if (a.care_start == JR_DATE_NONE)
        return jr_fail(err, JR_ECONFLICT, "9063", "datum",
                       "Er is geen start zorg voor toewijzing %s om te wijzigen.", number);
    if (a.care_start == date)
        return JR_OK;
    if ((rc = care_start_date_check(&a.grant, date, ctx->today, err)) != JR_OK)
        return rc;
    if (a.care_stop != JR_DATE_NONE && date > a.care_stop)
        return jr_fail(err, JR_EINVAL, "date_outside_care", "datum",
                       "Start zorg kan niet na stop zorg liggen.");
    bool outside;
    if ((rc = lines_outside(ctx, a.id, date, JR_DATE_NONE, &outside, err)) != JR_OK)
        return rc;
    if (outside)
        return jr_fail(err, JR_ECONFLICT, "9385", "datum",
                       "Er zijn geaccepteerde declaratieregels voor de nieuwe startdatum.");
    return assignment_set_care(ctx, &a, "UPDATE assignment SET care_start = ?1 WHERE id = ?3", date,
                               NULL, "zorg.start.gewijzigd", err);
}

jr_status care_start_delete(const jr_ctx *ctx, const char *number, const char *agb, jr_error *err)
{
    jr_assignment a;
    jr_status rc = assignment_own(ctx, number, agb, &a, err);
    if (rc != JR_OK)
        return rc;
    if (a.care_start == JR_DATE_NONE)
        return JR_OK; /* deleting what is not there changes nothing */
    if (a.care_stop != JR_DATE_NONE)
        return jr_fail(err, JR_ECONFLICT, "9071", "datum",
                       "De start zorg kan niet vervallen: de zorg is al gestopt.");
    bool any;
    /* every accepted line begins by the grant's end: this asks for any line */
    if ((rc = lines_outside(ctx, a.id, a.grant.end + 1, JR_DATE_NONE, &any, err)) != JR_OK)
        return rc;
    if (any)
        return jr_fail(err, JR_ECONFLICT, "9385", "datum",
                       "De start zorg kan niet vervallen: er zijn geaccepteerde "
                       "declaratieregels.");
    return assignment_set_care(ctx, &a, "UPDATE assignment SET care_start = NULL WHERE id = ?3",
                               JR_DATE_NONE, NULL, "zorg.start.verwijderd", err);
}

/* own_with_reason: the provider's own assignment, for a stop with a valid
 * iJw RedenBeeindiging */
static jr_status own_with_reason(const jr_ctx *ctx, const char *number, const char *agb,
                                 const char *reason, jr_assignment *a, jr_error *err)
{
    jr_status rc = assignment_own(ctx, number, agb, a, err);
    if (rc != JR_OK)
        return rc;
    if (stop_reason_name(reason)[0] == '\0')
        return jr_fail(err, JR_EINVAL, "reason_invalid", "reden",
                       "Reden beeindiging '%s' is geen iJw RedenBeeindiging.",
                       reason ? reason : "");
    return JR_OK;
}

jr_status care_stop_change(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                           const char *reason, jr_error *err)
{
    jr_assignment a;
    jr_status rc = own_with_reason(ctx, number, agb, reason, &a, err);
    if (rc != JR_OK)
        return rc;
    if (a.care_stop == JR_DATE_NONE)
        return jr_fail(err, JR_ECONFLICT, "9063", "datum",
                       "Er is geen stop zorg voor toewijzing %s om te wijzigen.", number);
    if (a.care_stop == date && strcmp(a.stop_reason, reason) == 0)
        return JR_OK;
    if ((rc = care_stop_date_check(&a.grant, a.care_start, date, ctx->today, err)) != JR_OK)
        return rc;
    bool outside;
    if ((rc = lines_outside(ctx, a.id, JR_DATE_NONE, date, &outside, err)) != JR_OK)
        return rc;
    if (outside)
        return jr_fail(err, JR_ECONFLICT, "9385", "datum",
                       "Er zijn geaccepteerde declaratieregels na de nieuwe stopdatum.");
    return assignment_set_care(
        ctx, &a, "UPDATE assignment SET care_stop = ?1, stop_reason = ?2 WHERE id = ?3", date,
        reason, "zorg.stop.gewijzigd", err);
}

jr_status care_stop_delete(const jr_ctx *ctx, const char *number, const char *agb, jr_error *err)
{
    jr_assignment a;
    jr_status rc = assignment_own(ctx, number, agb, &a, err);
    if (rc != JR_OK)
        return rc;
    if (a.care_stop == JR_DATE_NONE)
        return JR_OK;
    return assignment_set_care(
        ctx, &a, "UPDATE assignment SET care_stop = NULL, stop_reason = NULL WHERE id = ?3",
        JR_DATE_NONE, NULL, "zorg.stop.verwijderd", err);
}

jr_status care_stop_next(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                         const char *reason, jr_error *err)
{
    jr_assignment a;
    jr_status rc = own_with_reason(ctx, number, agb, reason, &a, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = care_stop_next_check(a.care_stop, a.stop_reason, date, err)) != JR_OK)
        return rc;
    /* date >= care_stop >= care_start: the stop-date rule holds from below */
    if ((rc = care_stop_date_check(&a.grant, a.care_start, date, ctx->today, err)) != JR_OK)
        return rc;
    return assignment_set_care(
        ctx, &a, "UPDATE assignment SET care_stop = ?1, stop_reason = ?2 WHERE id = ?3", date,
        reason, "zorg.stop.opgevolgd", err);
}

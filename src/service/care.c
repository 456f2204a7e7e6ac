/*
 * care.c: the care service (see care.h): start, stop, follow-up stop and
 * the corrections of both, with the stop history of every start. The
 * date rules and the stop-history rules are the domain's
 * (care_start_date_check, care_stop_date_check, stop_history_check,
 * care_stop_next_check); this file loads the facts, applies the change
 * and records it, each report in one transaction.
 */
#include "care.h"

#include "../core/sbuf.h"
#include "../domain/budget.h"
#include "../domain/care.h"
#include "../domain/signals.h"
#include "../store/assignments.h"
#include "../store/declarations.h"
#include "../store/signals.h"
#include "assignment.h"

#include <stdio.h>
#include <string.h>

const char *stop_reason_name(const char *code)
{
    static const struct {
        const char *code, *name;
    } reasons[] = {
        {"02", "overlijden"},
        {"20", "levering tijdelijk beeindigd"},
        {"31", "volgens plan beeindigd"},
        {"32", "voortijdig: eenzijdig door de client"},
        {"33", "voortijdig: eenzijdig door de aanbieder"},
        {"34", "voortijdig: in overeenstemming"},
        {"35", "voortijdig: wegens externe omstandigheden"},
        {"36", "geinitieerd door de gemeente"},
        {"37", "in verband met wijzigingsverzoek"},
        {"38", "overstap naar andere aanbieder"},
        {"39", "uitstroom naar ander domein"},
    };
    for (size_t i = 0; code && i < sizeof reasons / sizeof reasons[0]; i++)
        if (strcmp(reasons[i].code, code) == 0)
            return reasons[i].name;
    return "";
}

/* begin: opens the report's transaction and loads the provider agb's own
 * assignment number into a (another's answers as if it did not exist) */
static jr_status begin(const jr_ctx *ctx, const char *number, const char *agb, jr_assignment *a,
                       jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_PROVIDE, err);
    if (rc != JR_OK || (rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = assignment_get(ctx, number, a, err);
    if (rc == JR_OK && strcmp(a->agb, agb ? agb : "") != 0)
        rc = jr_fail(err, JR_ENOTFOUND, "assignment_unknown", "toewijzing",
                     "Toewijzing %s bestaat niet.", number);
    if (rc != JR_OK)
        svc_finish(ctx, rc, err);
    return rc;
}

/* finish: audits action on a (the date d, "verwijderd" for JR_DATE_NONE,
 * and any reason) when rc is JR_OK, then ends the transaction */
/* outside_refresh: after a change of a's care period, whether its
 * accepted debit lines now lie (partly) outside it, for the signals'
 * care_outside (store/signals.h; the rule is signal_care_position over
 * the lines' first begin and last end) */
static jr_status outside_refresh(const jr_ctx *ctx, const jr_assignment *a, jr_error *err)
{
    store_sig_extent x;
    jr_status rc = store_sig_extent_get(ctx->store, a->id, &x, err);
    if (rc != JR_OK)
        return rc;
    bool outside = x.first_begin != JR_DATE_NONE &&
                   signal_care_position(x.care_start, x.care_stop, x.first_begin, x.last_end) !=
                       JR_CARE_INSIDE;
    return store_sig_care_outside_set(ctx->store, x.provider_id, a->id, outside, err);
}

static jr_status finish(const jr_ctx *ctx, jr_status rc, const jr_assignment *a, const char *action,
                        jr_date d, const char *reason, jr_error *err)
{
    if (rc == JR_OK && action)
        rc = outside_refresh(ctx, a, err);
    if (rc == JR_OK && action) {
        char ds[JR_DATE_ISO_LEN] = "verwijderd", detail[96];
        if (d != JR_DATE_NONE)
            date_format(d, ds);
        snprintf(detail, sizeof detail, "%s%s%s", ds, reason ? " reden " : "",
                 reason ? reason : "");
        rc = audit_record(ctx, action, "assignment", a->number, detail, err);
    }
    return svc_finish(ctx, rc, err);
}

static jr_status require_active(const jr_assignment *a, jr_error *err)
{
    if (strcmp(a->status, "actief") != 0)
        return jr_fail(err, JR_ECONFLICT, "assignment_not_active", "toewijzing",
                       "Toewijzing %s is %s.", a->number, a->status);
    return JR_OK;
}

static jr_status reason_valid(const char *reason, jr_error *err)
{
    if (stop_reason_name(reason)[0] == '\0')
        return jr_fail(err, JR_EINVAL, "reason_invalid", "reden",
                       "Reden beeindiging '%s' is geen iJw RedenBeeindiging (02, 20, 31-39).",
                       reason ? reason : "");
    return JR_OK;
}

/* the lines rule of a correction: 9385 with msg when accepted lines lie
 * before from or after until */
static jr_status lines_inside(const jr_ctx *ctx, const jr_assignment *a, jr_date from,
                              jr_date until, const char *msg, jr_error *err)
{
    bool outside;
    jr_status rc = store_decl_line_open_outside(ctx->store, a->id, from, until, &outside, err);
    if (rc == JR_OK && outside)
        rc = jr_fail(err, JR_ECONFLICT, "9385", "datum", "%s", msg);
    return rc;
}

jr_status care_start(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                     jr_error *err)
{
    jr_assignment a;
    jr_status rc = begin(ctx, number, agb, &a, err);
    if (rc != JR_OK)
        return rc;
    if (a.care_start == date)
        return finish(ctx, JR_OK, &a, NULL, date, NULL, err); /* the same twice: nothing */
    if (a.care_start != JR_DATE_NONE)
        rc = jr_fail(err, JR_ECONFLICT, "care_already_started", "datum",
                     "De zorg voor toewijzing %s is al gestart.", number);
    if (rc == JR_OK)
        rc = require_active(&a, err);
    if (rc == JR_OK)
        rc = care_start_date_check(&a.grant, date, ctx->today, err);
    if (rc == JR_OK)
        rc = store_assignment_set_care_start(ctx->store, a.id, date, err);
    return finish(ctx, rc, &a, "zorg.gestart", date, NULL, err);
}

jr_status care_start_change(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                            jr_error *err)
{
    jr_assignment a;
    jr_status rc = begin(ctx, number, agb, &a, err);
    if (rc != JR_OK)
        return rc;
    if (a.care_start == JR_DATE_NONE)
        rc = jr_fail(err, JR_ECONFLICT, "9063", "datum",
                     "Er is geen start zorg voor toewijzing %s om te wijzigen.", number);
    else if (a.care_start == date)
        return finish(ctx, JR_OK, &a, NULL, date, NULL, err);
    if (rc == JR_OK)
        rc = care_start_date_check(&a.grant, date, ctx->today, err);
    if (rc == JR_OK && a.care_stop != JR_DATE_NONE && date > a.care_stop)
        rc = jr_fail(err, JR_EINVAL, "date_outside_care", "datum",
                     "Start zorg kan niet na stop zorg liggen.");
    if (rc == JR_OK)
        rc = lines_inside(ctx, &a, date, JR_DATE_NONE,
                          "Er zijn geaccepteerde declaratieregels voor de nieuwe startdatum.", err);
    if (rc == JR_OK)
        rc = store_assignment_set_care_start(ctx->store, a.id, date, err);
    return finish(ctx, rc, &a, "zorg.start.gewijzigd", date, NULL, err);
}

jr_status care_start_delete(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                            jr_error *err)
{
    jr_assignment a;
    jr_status rc = begin(ctx, number, agb, &a, err);
    if (rc != JR_OK)
        return rc;
    if (a.care_start != date)
        rc = jr_fail(err, JR_ECONFLICT, "9063", "datum",
                     "Toewijzing %s heeft geen start zorg op deze datum om te laten vervallen.",
                     number);
    else if (a.care_stop != JR_DATE_NONE)
        rc = jr_fail(err, JR_ECONFLICT, "9071", "datum",
                     "De start zorg kan niet vervallen: de zorg is al gestopt.");
    /* every accepted line begins by the grant's end: this asks for any line */
    if (rc == JR_OK)
        rc = lines_inside(ctx, &a, a.grant.end + 1, JR_DATE_NONE,
                          "De start zorg kan niet vervallen: er zijn geaccepteerde "
                          "declaratieregels.",
                          err);
    if (rc == JR_OK)
        rc = store_assignment_set_care_start(ctx->store, a.id, JR_DATE_NONE, err);
    return finish(ctx, rc, &a, "zorg.start.verwijderd", JR_DATE_NONE, NULL, err);
}

/* The stop history of a's current start: the recorded stops, and whether
 * the current stop has no row of its own yet (it came before the history
 * was kept by every door): it counts then as well. */
typedef struct {
    jr_stop_history h;
    bool missing;
} stop_facts;

static jr_status stop_facts_of(const jr_ctx *ctx, const jr_assignment *a, stop_facts *f,
                               jr_error *err)
{
    bool current;
    jr_status rc = store_stop_history_of(ctx->store, a->id, a->care_start, &f->h, &current, err);
    f->missing = rc == JR_OK && a->care_stop != JR_DATE_NONE && !current;
    if (f->missing && stop_reason_temporary(a->stop_reason))
        f->h.temporary++;
    else if (f->missing)
        f->h.definitive++;
    if (rc == JR_OK && f->missing)
        rc = store_stop_add(ctx->store, a->id, a->care_start, a->care_stop, a->stop_reason,
                            "actueel", err);
    return rc;
}

/* the stop checks every stop of a shares: a valid reason, a start of care
 * to end, not before it */
static jr_status stop_checks(const jr_assignment *a, jr_date date, const char *reason,
                             jr_error *err)
{
    jr_status rc = reason_valid(reason, err);
    if (rc == JR_OK && a->care_start == JR_DATE_NONE)
        rc = jr_fail(err, JR_ECONFLICT, "care_not_started", "datum",
                     "Stop zorg kan pas na start zorg.");
    if (rc == JR_OK && date < a->care_start)
        rc = jr_fail(err, JR_EINVAL, "date_outside_care", "datum",
                     "Stop zorg kan niet voor start zorg liggen.");
    return rc;
}

/* the new current stop date/reason of a: the current one (if any) is
 * vervangen */
static jr_status stop_apply(const jr_ctx *ctx, const jr_assignment *a, jr_date date,
                            const char *reason, jr_error *err)
{
    jr_status rc = store_stop_set_state(ctx->store, a->id, a->care_start, "vervangen", err);
    if (rc == JR_OK)
        rc = store_stop_add(ctx->store, a->id, a->care_start, date, reason, "actueel", err);
    if (rc == JR_OK)
        rc = store_assignment_set_care_stop(ctx->store, a->id, date, reason, err);
    return rc;
}

/* the follow-up stop of a, in the transaction begun */
static jr_status stop_next(const jr_ctx *ctx, const jr_assignment *a, const stop_facts *f,
                           jr_date date, const char *reason, jr_error *err)
{
    jr_status rc = stop_history_check(&f->h, false, reason, err);
    if (rc == JR_OK)
        rc = care_stop_next_check(a->care_stop, a->stop_reason, date, err);
    /* date >= care_stop >= care_start: the stop-date rule holds from below */
    if (rc == JR_OK)
        rc = care_stop_date_check(&a->grant, a->care_start, date, ctx->today, err);
    return rc == JR_OK ? stop_apply(ctx, a, date, reason, err) : rc;
}

jr_status care_stop(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                    const char *reason, jr_error *err)
{
    jr_assignment a;
    stop_facts f;
    jr_status rc = begin(ctx, number, agb, &a, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = stop_checks(&a, date, reason, err)) != JR_OK)
        return finish(ctx, rc, &a, NULL, date, reason, err);
    if (a.care_stop == date && strcmp(a.stop_reason, reason) == 0)
        return finish(ctx, JR_OK, &a, NULL, date, reason, err); /* the same: nothing */
    if ((rc = stop_facts_of(ctx, &a, &f, err)) != JR_OK)
        return finish(ctx, rc, &a, NULL, date, reason, err);
    if (a.care_stop != JR_DATE_NONE)
        return finish(ctx, stop_next(ctx, &a, &f, date, reason, err), &a, "zorg.stop.opgevolgd",
                      date, reason, err);
    rc = stop_history_check(&f.h, false, reason, err);
    if (rc == JR_OK)
        rc = care_stop_date_check(&a.grant, a.care_start, date, ctx->today, err);
    if (rc == JR_OK)
        rc = stop_apply(ctx, &a, date, reason, err);
    return finish(ctx, rc, &a, "zorg.gestopt", date, reason, err);
}

jr_status care_stop_next(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                         const char *reason, jr_error *err)
{
    jr_assignment a;
    stop_facts f;
    jr_status rc = begin(ctx, number, agb, &a, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = stop_checks(&a, date, reason, err)) == JR_OK &&
        (rc = stop_facts_of(ctx, &a, &f, err)) == JR_OK)
        rc = stop_next(ctx, &a, &f, date, reason, err);
    return finish(ctx, rc, &a, "zorg.stop.opgevolgd", date, reason, err);
}

jr_status care_stop_change(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                           const char *reason, jr_error *err)
{
    jr_assignment a;
    stop_facts f;
    jr_status rc = begin(ctx, number, agb, &a, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = stop_checks(&a, date, reason, err)) != JR_OK)
        return finish(ctx, rc, &a, NULL, date, reason, err);
    if (a.care_stop == JR_DATE_NONE)
        return finish(ctx,
                      jr_fail(err, JR_ECONFLICT, "9063", "datum",
                              "Er is geen stop zorg voor toewijzing %s om te wijzigen.", number),
                      &a, NULL, date, reason, err);
    if ((rc = stop_facts_of(ctx, &a, &f, err)) == JR_OK)
        rc = stop_history_check(&f.h, true, reason, err);
    if (rc == JR_OK && a.care_stop == date && strcmp(a.stop_reason, reason) == 0)
        return finish(ctx, JR_OK, &a, NULL, date, reason, err);
    if (rc == JR_OK)
        rc = care_stop_date_check(&a.grant, a.care_start, date, ctx->today, err);
    if (rc == JR_OK)
        rc = lines_inside(ctx, &a, JR_DATE_NONE, date,
                          "Er zijn geaccepteerde declaratieregels na de nieuwe stopdatum.", err);
    if (rc == JR_OK)
        rc = store_stop_change(ctx->store, a.id, a.care_start, date, reason, err);
    if (rc == JR_OK)
        rc = store_assignment_set_care_stop(ctx->store, a.id, date, reason, err);
    return finish(ctx, rc, &a, "zorg.stop.gewijzigd", date, reason, err);
}

jr_status care_stop_delete(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                           jr_error *err)
{
    jr_assignment a;
    stop_facts f;
    jr_status rc = begin(ctx, number, agb, &a, err);
    if (rc != JR_OK)
        return rc;
    if (a.care_stop == JR_DATE_NONE || a.care_stop != date)
        return finish(ctx,
                      jr_fail(err, JR_ECONFLICT, "9063", "datum",
                              "Toewijzing %s heeft geen stop zorg op deze datum om te laten "
                              "vervallen.",
                              number),
                      &a, NULL, date, NULL, err);
    if ((rc = stop_facts_of(ctx, &a, &f, err)) == JR_OK)
        rc = store_stop_set_state(ctx->store, a.id, a.care_start, "vervallen", err);
    if (rc == JR_OK)
        rc = store_assignment_set_care_stop(ctx->store, a.id, JR_DATE_NONE, NULL, err);
    return finish(ctx, rc, &a, "zorg.stop.verwijderd", JR_DATE_NONE, NULL, err);
}

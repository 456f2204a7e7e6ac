/*
 * figures.c (store): the aggregate queries of the monitor's first figures
 * (see figures.h). Each statement is a string literal given to
 * store_prepare, prepared once per store.
 */
#include "figures.h"

#include "batch_lines.h"

#include "../core/sbuf.h"

/* The end of an assignment's run: care_stop when care stopped before
 * end_date, else end_date (ISO text compares as dates). */
#define RUN_END                                                                                    \
    "(CASE WHEN a.care_stop IS NOT NULL AND a.care_stop < a.end_date THEN a.care_stop"             \
    " ELSE a.end_date END)"

jr_status store_figures_volume(jr_store *st, jr_date first, jr_date last, const char *gemeente,
                               const char *agb, store_fig_volume *out, jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "SELECT COUNT(DISTINCT a.youth_id), COUNT(*),"
        " COALESCE(SUM(CASE WHEN a.start_date >= ?1 THEN 1 ELSE 0 END), 0),"
        " COALESCE(SUM(CASE WHEN " RUN_END " <= ?2 THEN 1 ELSE 0 END), 0)"
        " FROM assignment a JOIN provider p ON p.id = a.provider_id"
        " WHERE a.status <> 'ingetrokken' AND a.start_date <= ?2 AND " RUN_END " >= ?1"
        " AND (CAST(?3 AS TEXT) IS NULL OR a.gemeente = ?3) AND (CAST(?4 AS TEXT) IS NULL OR p.agb "
        "= ?4)",
        err);
    if (!q)
        return JR_EDB;
    char f[JR_DATE_ISO_LEN], l[JR_DATE_ISO_LEN];
    store_bind_date(q, 1, first, f);
    store_bind_date(q, 2, last, l);
    store_bind_text(q, 3, gemeente);
    store_bind_text(q, 4, agb);
    jr_status rc = store_step_one(q, err);
    if (rc == JR_ENOTFOUND) /* an aggregate always has its one row */
        rc = jr_fail(err, JR_EDB, "db", "", "De telling gaf geen uitkomst.");
    if (rc != JR_OK)
        return rc;
    out->youths = store_col_int(q, 0);
    out->active = store_col_int(q, 1);
    out->started = store_col_int(q, 2);
    out->ended = store_col_int(q, 3);
    store_reset(q);
    return JR_OK;
}

static void referral_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_fig_referral_row *r = row;
    (void)ud;
    str_copy(r->referrer_type, sizeof r->referrer_type, store_col_text(q, 0));
    str_copy(r->route, sizeof r->route, store_col_text(q, 1));
    str_copy(r->budget, sizeof r->budget, store_col_text(q, 2));
    r->n = store_col_int(q, 3);
}

jr_status store_figures_referrals(jr_store *st, jr_date first, jr_date last, const char *gemeente,
                                  const char *agb, store_fig_fn fn, void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "SELECT r.referrer_type, r.route, COALESCE(r.budget, ''), COUNT(*) FROM referral r"
        " WHERE r.referral_date >= ?1 AND r.referral_date <= ?2"
        " AND (CAST(?3 AS TEXT) IS NULL OR r.gemeente = ?3)"
        " AND (CAST(?4 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM assignment a JOIN provider p"
        " ON p.id = a.provider_id WHERE a.referral_id = r.id AND p.agb = ?4))"
        " GROUP BY r.referrer_type, r.route, COALESCE(r.budget, '')"
        " ORDER BY r.referrer_type, r.route, COALESCE(r.budget, '')",
        err);
    if (!q)
        return JR_EDB;
    char f[JR_DATE_ISO_LEN], l[JR_DATE_ISO_LEN];
    store_bind_date(q, 1, first, f);
    store_bind_date(q, 2, last, l);
    store_bind_text(q, 3, gemeente);
    store_bind_text(q, 4, agb);
    store_fig_referral_row r;
    return store_each(q, referral_from_row, NULL, &r, fn, ud, err);
}

/* The lines of the batches of months ?1..?2, municipality ?3, provider ?4
 * (both optional). Whether a line was accepted is asked in the aggregates
 * (SIGNED_AMOUNT, ACCEPTED_*), not in WHERE: so the lines are found by the batch's rowid
 * range, as the settlement finds them, and not by a scan of every line. */
#define SPEND_FROM                                                                                 \
    " FROM " STORE_BATCH_LINES " JOIN provider p ON p.id = b.provider_id"                          \
    " WHERE b.period >= ?1 AND b.period <= ?2"                                                     \
    " AND (CAST(?3 AS TEXT) IS NULL OR b.gemeente = ?3) AND (CAST(?4 AS TEXT) IS NULL OR p.agb = " \
    "?4)"
/* an accepted line's signed amount (credits minus), 0 for a rejected one */
#define SIGNED_AMOUNT                                                                              \
    "(CASE WHEN l.status <> 'A' THEN 0 WHEN l.credit = 1 THEN -l.amount_cents"                     \
    " ELSE l.amount_cents END)"
/* an accepted line's youth and assignment, NULL for a rejected one */
#define ACCEPTED_YOUTH "(CASE WHEN l.status = 'A' THEN l.youth_id END)"
#define ACCEPTED_ASSIGNMENT "(CASE WHEN l.status = 'A' THEN l.assignment_id END)"

static void bind_spend(jr_stmt *q, jr_month first, jr_month last, const char *gemeente,
                       const char *agb)
{
    char f[8], l[8];
    store_bind_text(q, 1, month_format(first, f));
    store_bind_text(q, 2, month_format(last, l));
    store_bind_text(q, 3, gemeente);
    store_bind_text(q, 4, agb);
}

jr_status store_figures_spend_total(jr_store *st, jr_month first, jr_month last,
                                    const char *gemeente, const char *agb,
                                    store_fig_spend_total *out, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT COALESCE(SUM(" SIGNED_AMOUNT
                               "), 0), COUNT(DISTINCT " ACCEPTED_YOUTH "),"
                               " COUNT(DISTINCT " ACCEPTED_ASSIGNMENT ")" SPEND_FROM,
                               err);
    if (!q)
        return JR_EDB;
    bind_spend(q, first, last, gemeente, agb);
    jr_status rc = store_step_one(q, err);
    if (rc == JR_ENOTFOUND) /* an aggregate always has its one row */
        rc = jr_fail(err, JR_EDB, "db", "", "De telling gaf geen uitkomst.");
    if (rc != JR_OK)
        return rc;
    out->cents = store_col_int(q, 0);
    out->youths = store_col_int(q, 1);
    out->assignments = store_col_int(q, 2);
    store_reset(q);
    return JR_OK;
}

static void spend_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_fig_spend_row *r = row;
    (void)ud;
    str_copy(r->product, sizeof r->product, store_col_text(q, 0));
    str_copy(r->agb, sizeof r->agb, store_col_text(q, 1));
    str_copy(r->provider_name, sizeof r->provider_name, store_col_text(q, 2));
    r->cents = store_col_int(q, 3);
}

jr_status store_figures_spend_groups(jr_store *st, jr_month first, jr_month last,
                                     const char *gemeente, const char *agb, store_fig_fn fn,
                                     void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT l.product, p.agb, p.name, SUM(" SIGNED_AMOUNT ")" SPEND_FROM
                               " GROUP BY l.product, p.agb, p.name"
                               " HAVING SUM(CASE WHEN l.status = 'A' THEN 1 ELSE 0 END) > 0"
                               " ORDER BY l.product, p.agb",
                               err);
    if (!q)
        return JR_EDB;
    bind_spend(q, first, last, gemeente, agb);
    store_fig_spend_row r;
    return store_each(q, spend_from_row, NULL, &r, fn, ud, err);
}

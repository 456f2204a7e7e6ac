/*
 * figures_bench.c (store): the queries of the benchmark, ambulantisering,
 * quotes and the most expensive youths (see figures_bench.h). Each
 * statement is a string literal given to store_prepare, prepared once per
 * store; the grouped and the total form of a query share their text
 * through the macros below.
 */
#include "figures_bench.h"

#include "batch_lines.h"

#include "../core/sbuf.h"

/* the end of an assignment's run: care_stop when care stopped before
 * end_date, else end_date (as store/figures.c counts volume) */
#define FB_RUN_END                                                                                 \
    "(CASE WHEN a.care_stop IS NOT NULL AND a.care_stop < a.end_date THEN a.care_stop"             \
    " ELSE a.end_date END)"

#define FB_KINDS_COLS                                                                              \
    " COUNT(DISTINCT a.youth_id),"                                                                 \
    " COALESCE(SUM(CASE WHEN a.start_date >= ?1 THEN 1 ELSE 0 END), 0),"                           \
    " COUNT(DISTINCT CASE WHEN a.start_date >= ?1 THEN a.youth_id END),"                           \
    " COUNT(DISTINCT CASE WHEN a.category = '45' THEN a.youth_id END),"                            \
    " COUNT(DISTINCT CASE WHEN a.category IN ('43', '44') THEN a.youth_id END)"                    \
    " FROM assignment a JOIN provider p ON p.id = a.provider_id"                                   \
    " WHERE a.status <> 'ingetrokken' AND a.start_date <= ?2 AND " FB_RUN_END " >= ?1"             \
    " AND (CAST(?4 AS TEXT) IS NULL OR p.agb = ?4)"

static void kinds_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_fb_kinds *k = row;
    (void)ud;
    str_copy(k->gemeente, sizeof k->gemeente, store_col_text(q, 0));
    k->youths = store_col_int(q, 1);
    k->started = store_col_int(q, 2);
    k->started_youths = store_col_int(q, 3);
    k->ambulant_youths = store_col_int(q, 4);
    k->verblijf_youths = store_col_int(q, 5);
}

static void bind_days(jr_stmt *q, jr_date first, jr_date last, const char *gemeente,
                      const char *agb, char f[JR_DATE_ISO_LEN], char l[JR_DATE_ISO_LEN])
{
    store_bind_date(q, 1, first, f);
    store_bind_date(q, 2, last, l);
    store_bind_text(q, 3, gemeente);
    store_bind_text(q, 4, agb);
}

/* one_row: steps an aggregate that always has its one row */
static jr_status one_row(jr_stmt *q, jr_error *err)
{
    jr_status rc = store_step_one(q, err);
    if (rc == JR_ENOTFOUND)
        rc = jr_fail(err, JR_EDB, "db", "", "De telling gaf geen uitkomst.");
    return rc;
}

jr_status store_fb_kinds_total(jr_store *st, jr_date first, jr_date last, const char *gemeente,
                               const char *agb, store_fb_kinds *out, jr_error *err)
{
    jr_stmt *q = store_prepare(
        st, "SELECT ''," FB_KINDS_COLS " AND (CAST(?3 AS TEXT) IS NULL OR a.gemeente = ?3)", err);
    if (!q)
        return JR_EDB;
    char f[JR_DATE_ISO_LEN], l[JR_DATE_ISO_LEN];
    bind_days(q, first, last, gemeente, agb, f, l);
    jr_status rc = one_row(q, err);
    if (rc != JR_OK)
        return rc;
    kinds_from_row(NULL, q, out);
    store_reset(q);
    return JR_OK;
}

jr_status store_fb_kinds_each(jr_store *st, jr_date first, jr_date last, const char *agb,
                              int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT a.gemeente," FB_KINDS_COLS
                               " AND (CAST(?3 AS TEXT) IS NULL OR a.gemeente = ?3)"
                               " GROUP BY a.gemeente ORDER BY a.gemeente",
                               err);
    if (!q)
        return JR_EDB;
    char f[JR_DATE_ISO_LEN], l[JR_DATE_ISO_LEN];
    bind_days(q, first, last, NULL, agb, f, l);
    store_fb_kinds row;
    return store_each(q, kinds_from_row, NULL, &row, fn, ud, err);
}

/* The lines of the batches of months ?1..?2, municipality ?3, provider ?4;
 * whether a line was accepted is asked in the aggregates, not in WHERE, so
 * the lines are found by the batch's rowid range (as store/figures.c). */
#define FB_SPEND_COLS                                                                              \
    " COALESCE(SUM(" FB_SIGNED "), 0),"                                                            \
    " COALESCE(SUM(CASE WHEN l.category = '45' THEN " FB_SIGNED " ELSE 0 END), 0),"                \
    " COALESCE(SUM(CASE WHEN l.category IN ('43', '44') THEN " FB_SIGNED " ELSE 0 END), 0),"       \
    " COUNT(DISTINCT CASE WHEN l.status = 'A' THEN l.youth_id END)"                                \
    " FROM " STORE_BATCH_LINES " JOIN provider p ON p.id = b.provider_id"                          \
    " WHERE b.period >= ?1 AND b.period <= ?2"                                                     \
    " AND (CAST(?3 AS TEXT) IS NULL OR b.gemeente = ?3)"                                           \
    " AND (CAST(?4 AS TEXT) IS NULL OR p.agb = ?4)"
/* an accepted line's signed amount (credits minus), 0 for a rejected one */
#define FB_SIGNED                                                                                  \
    "(CASE WHEN l.status <> 'A' THEN 0 WHEN l.credit = 1 THEN -l.amount_cents"                     \
    " ELSE l.amount_cents END)"

static void spend_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_fb_spend *s = row;
    (void)ud;
    str_copy(s->key, sizeof s->key, store_col_text(q, 0));
    s->cents = store_col_int(q, 1);
    s->ambulant_cents = store_col_int(q, 2);
    s->verblijf_cents = store_col_int(q, 3);
    s->youths = store_col_int(q, 4);
}

static void bind_months(jr_stmt *q, jr_month first, jr_month last, const char *gemeente,
                        const char *agb, char f[8], char l[8])
{
    store_bind_text(q, 1, month_format(first, f));
    store_bind_text(q, 2, month_format(last, l));
    store_bind_text(q, 3, gemeente);
    store_bind_text(q, 4, agb);
}

jr_status store_fb_spend_total(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                               const char *agb, store_fb_spend *out, jr_error *err)
{
    jr_stmt *q = store_prepare(st, "SELECT ''," FB_SPEND_COLS, err);
    if (!q)
        return JR_EDB;
    char f[8], l[8];
    bind_months(q, first, last, gemeente, agb, f, l);
    jr_status rc = one_row(q, err);
    if (rc != JR_OK)
        return rc;
    spend_from_row(NULL, q, out);
    store_reset(q);
    return JR_OK;
}

jr_status store_fb_spend_each(jr_store *st, jr_month first, jr_month last, const char *agb,
                              int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(
        st, "SELECT b.gemeente," FB_SPEND_COLS " GROUP BY b.gemeente ORDER BY b.gemeente", err);
    if (!q)
        return JR_EDB;
    char f[8], l[8];
    bind_months(q, first, last, NULL, agb, f, l);
    store_fb_spend row;
    return store_each(q, spend_from_row, NULL, &row, fn, ud, err);
}

jr_status store_fb_spend_months(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                                const char *agb, int (*fn)(void *ud, const void *row), void *ud,
                                jr_error *err)
{
    jr_stmt *q = store_prepare(
        st, "SELECT b.period," FB_SPEND_COLS " GROUP BY b.period ORDER BY b.period", err);
    if (!q)
        return JR_EDB;
    char f[8], l[8];
    bind_months(q, first, last, gemeente, agb, f, l);
    store_fb_spend row;
    return store_each(q, spend_from_row, NULL, &row, fn, ud, err);
}

static void quote_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_fb_quote *r = row;
    (void)ud;
    r->id = store_col_int(q, 0);
    str_copy(r->referrer_type, sizeof r->referrer_type, store_col_text(q, 1));
    str_copy(r->route, sizeof r->route, store_col_text(q, 2));
    str_copy(r->agb, sizeof r->agb, store_col_text(q, 3));
    str_copy(r->provider_name, sizeof r->provider_name, store_col_text(q, 4));
    str_copy(r->status, sizeof r->status, store_col_text(q, 5));
    r->requested = store_col_date(q, 6);
    r->answered = store_col_date(q, 7);
    r->youth_id = store_col_int(q, 8);
}

jr_status store_fb_quotes_each(jr_store *st, jr_date first, jr_date last, const char *gemeente,
                               const char *agb, int (*fn)(void *ud, const void *row), void *ud,
                               jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "SELECT q.id, r.referrer_type, r.route, p.agb, p.name, q.status, q.requested_date,"
        " q.answered_date, r.youth_id FROM quote q JOIN referral r ON r.id = q.referral_id"
        " JOIN provider p ON p.id = q.provider_id"
        " WHERE q.requested_date >= ?1 AND q.requested_date <= ?2"
        " AND (CAST(?3 AS TEXT) IS NULL OR r.gemeente = ?3)"
        " AND (CAST(?4 AS TEXT) IS NULL OR p.agb = ?4) ORDER BY q.id",
        err);
    if (!q)
        return JR_EDB;
    char f[JR_DATE_ISO_LEN], l[JR_DATE_ISO_LEN];
    bind_days(q, first, last, gemeente, agb, f, l);
    store_fb_quote row;
    return store_each(q, quote_from_row, NULL, &row, fn, ud, err);
}

static void youth_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_fb_youth *y = row;
    (void)ud;
    y->youth_id = store_col_int(q, 0);
    str_copy(y->bsn, sizeof y->bsn, store_col_text(q, 1));
    str_copy(y->gemeente, sizeof y->gemeente, store_col_text(q, 2));
    y->cents = store_col_int(q, 3);
    y->assignments = store_col_int(q, 4);
}

jr_status store_fb_expensive_each(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                                  int64_t limit, int (*fn)(void *ud, const void *row), void *ud,
                                  jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT y.id, y.bsn, y.gemeente, SUM(" FB_SIGNED "),"
                               " COUNT(DISTINCT CASE WHEN l.status = 'A' THEN l.assignment_id END)"
                               " FROM " STORE_BATCH_LINES " JOIN youth y ON y.id = l.youth_id"
                               " WHERE b.period >= ?1 AND b.period <= ?2"
                               " AND (CAST(?3 AS TEXT) IS NULL OR b.gemeente = ?3)"
                               " GROUP BY y.id, y.bsn, y.gemeente HAVING SUM(" FB_SIGNED ") > 0"
                               " ORDER BY SUM(" FB_SIGNED ") DESC, y.id LIMIT ?4",
                               err);
    if (!q)
        return JR_EDB;
    char f[8], l[8];
    store_bind_text(q, 1, month_format(first, f));
    store_bind_text(q, 2, month_format(last, l));
    store_bind_text(q, 3, gemeente);
    store_bind_int(q, 4, limit);
    store_fb_youth row;
    return store_each(q, youth_from_row, NULL, &row, fn, ud, err);
}

static void youth_assignment_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_fb_youth_assignment *a = row;
    (void)ud;
    a->assignment_id = store_col_int(q, 0);
    str_copy(a->number, sizeof a->number, store_col_text(q, 1));
    str_copy(a->agb, sizeof a->agb, store_col_text(q, 2));
    str_copy(a->provider_name, sizeof a->provider_name, store_col_text(q, 3));
    str_copy(a->product, sizeof a->product, store_col_text(q, 4));
    a->is_budget = store_col_int(q, 5) != 0;
    str_copy(a->budget, sizeof a->budget, store_col_text(q, 6));
    str_copy(a->route, sizeof a->route, store_col_text(q, 7));
    str_copy(a->status, sizeof a->status, store_col_text(q, 8));
    a->start = store_col_date(q, 9);
    a->end = store_col_date(q, 10);
    a->cents = store_col_int(q, 11);
}

jr_status store_fb_youth_assignments_each(jr_store *st, int64_t youth_id, jr_month first,
                                          jr_month last, const char *gemeente,
                                          int (*fn)(void *ud, const void *row), void *ud,
                                          jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "SELECT a.id, a.number, p.agb, p.name, a.product, a.is_budget, COALESCE(r.budget, ''),"
        " COALESCE(r.route, ''), a.status, a.start_date, a.end_date, SUM(" FB_SIGNED ")"
        " FROM " STORE_BATCH_LINES " JOIN assignment a ON a.id = l.assignment_id"
        " JOIN provider p ON p.id = a.provider_id LEFT JOIN referral r ON r.id = a.referral_id"
        " WHERE b.period >= ?1 AND b.period <= ?2"
        " AND (CAST(?3 AS TEXT) IS NULL OR b.gemeente = ?3) AND l.youth_id = ?4"
        " GROUP BY a.id, a.number, p.agb, p.name, a.product, a.is_budget, r.budget, r.route,"
        " a.status, a.start_date, a.end_date"
        " HAVING SUM(CASE WHEN l.status = 'A' THEN 1 ELSE 0 END) > 0"
        " ORDER BY SUM(" FB_SIGNED ") DESC, a.number",
        err);
    if (!q)
        return JR_EDB;
    char f[8], l[8];
    store_bind_text(q, 1, month_format(first, f));
    store_bind_text(q, 2, month_format(last, l));
    store_bind_text(q, 3, gemeente);
    store_bind_int(q, 4, youth_id);
    store_fb_youth_assignment row;
    return store_each(q, youth_assignment_from_row, NULL, &row, fn, ud, err);
}

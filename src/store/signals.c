/*
 * signals.c (store): the queries behind the control signals (see
 * signals.h). Months are bound as YYYY-MM text, days as ISO text; the
 * optional filters as "CAST(? AS TEXT) IS NULL OR col = ?".
 */
#include "signals.h"
#include "idmap.h"

#include "../core/sbuf.h"

#include <string.h>

static void line_from_row(const void *ud, jr_stmt *q, void *out)
{
    store_sig_line *r = out;
    (void)ud;
    memset(r, 0, sizeof *r);
    r->id = store_col_int(q, 0);
    str_copy(r->month, sizeof r->month, store_col_text(q, 1));
    str_copy(r->gemeente, sizeof r->gemeente, store_col_text(q, 2));
    str_copy(r->agb, sizeof r->agb, store_col_text(q, 3));
    str_copy(r->provider, sizeof r->provider, store_col_text(q, 4));
    str_copy(r->assignment, sizeof r->assignment, store_col_text(q, 5));
    r->youth_id = store_col_int(q, 6);
    str_copy(r->bsn, sizeof r->bsn, store_col_text(q, 7));
    str_copy(r->product, sizeof r->product, store_col_text(q, 8));
    r->begin = store_col_date(q, 9);
    r->end = store_col_date(q, 10);
    r->volume = store_col_int(q, 11);
    str_copy(r->unit, sizeof r->unit, store_col_text(q, 12));
    r->cents = store_col_int(q, 13);
    r->credit = store_col_int(q, 14) != 0;
    r->assignment_id = store_col_int(q, 15);
    r->accepted = strcmp(store_col_text(q, 16), "A") == 0;
}

/* The care dates of the assignments behind the lines, read once from the
 * covering index assignment_run (migration 013: a municipality's key
 * range, or the whole index for the region) and found by binary search on
 * the id: a lookup of the wide row per line cost three quarters of the
 * signals on the national bench. An assignment outside the range read (a
 * line paid by another municipality than the assignment's) is looked up
 * on its own. */
/* an assignment's id with its care dates as day numbers (a, b) */
static void care_from_row(const void *ud, jr_stmt *q, void *out)
{
    store_idval *c = out;
    (void)ud;
    c->id = store_col_int(q, 0);
    c->a = store_col_date(q, 1);
    c->b = store_col_date(q, 2);
}

static jr_status care_read(jr_store *st, const char *gemeente, store_idmap *m, jr_error *err)
{
    static const char *const sql[2] = {
        "SELECT a.id, a.care_start, a.care_stop FROM assignment a INDEXED BY assignment_run"
        " WHERE ?1 IS NULL",
        "SELECT a.id, a.care_start, a.care_stop FROM assignment a INDEXED BY assignment_run"
        " WHERE a.gemeente = ?1"};
    jr_stmt *q = store_prepare(st, sql[gemeente != NULL], err);
    if (q)
        store_bind_text(q, 1, gemeente);
    return store_idmap_read(q, care_from_row, m, err);
}

typedef struct {
    jr_store *st;
    const store_idmap *care;
    int (*fn)(void *ud, const void *row);
    void *ud;
    jr_status rc; /* of a lookup outside the map */
    jr_error *err;
} accepted_only;

/* the rejected lines are passed over here, not in the WHERE: a condition
 * on l.status there makes SQLite build an index on it for every call
 * instead of walking each batch's range of lines */
static int skip_rejected(void *ud, const void *row)
{
    accepted_only *a = ud;
    store_sig_line r = *(const store_sig_line *)row;
    if (!r.accepted)
        return 0;
    r.care_start = r.care_stop = JR_DATE_NONE;
    if (r.assignment_id > 0) {
        const store_idval *c = store_idmap_find(a->care, r.assignment_id);
        store_idval one;
        if (!c) {
            jr_stmt *q = store_prepare(
                a->st, "SELECT id, care_start, care_stop FROM assignment WHERE id = ?1", a->err);
            if (!q) {
                a->rc = JR_EDB;
                return 1;
            }
            store_bind_int(q, 1, r.assignment_id);
            jr_status rc = store_step_one(q, a->err);
            if (rc == JR_OK) {
                care_from_row(NULL, q, &one);
                c = &one;
            }
            store_reset(q);
            if (rc != JR_OK && rc != JR_ENOTFOUND) {
                a->rc = rc;
                return 1;
            }
        }
        if (c)
            r.care_start = (jr_date)c->a, r.care_stop = (jr_date)c->b;
    }
    return a->fn(a->ud, &r);
}

jr_status store_sig_lines_each(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                               const char *agb, int (*fn)(void *ud, const void *row), void *ud,
                               jr_error *err)
{
    store_idmap care = {0};
    jr_status rc = care_read(st, gemeente, &care, err);
    if (rc != JR_OK) {
        store_idmap_free(&care);
        return rc;
    }
    jr_stmt *q = store_prepare(
        st,
        "SELECT l.id, b.period, b.gemeente, p.agb, p.name, l.assignment_number,"
        " COALESCE(l.youth_id, 0), l.bsn, l.product, l.begin_date, l.end_date, l.volume, l.unit,"
        " l.amount_cents, l.credit, COALESCE(l.assignment_id, 0), l.status"
        " FROM decl_batch b INDEXED BY decl_batch_scope CROSS JOIN decl_line l"
        " ON l.id BETWEEN b.first_line AND b.last_line JOIN provider p ON p.id = b.provider_id"
        " WHERE b.period >= ?1 AND b.period <= ?2"
        " AND (CAST(?3 AS TEXT) IS NULL OR b.gemeente = ?3)"
        " AND (CAST(?4 AS TEXT) IS NULL OR p.agb = ?4)"
        " ORDER BY b.provider_id, b.gemeente, b.period, b.id, l.id",
        err);
    if (!q) {
        store_idmap_free(&care);
        return JR_EDB;
    }
    char f[8], l[8];
    store_bind_text(q, 1, month_format(first, f));
    store_bind_text(q, 2, month_format(last, l));
    store_bind_text(q, 3, gemeente);
    store_bind_text(q, 4, agb);
    store_sig_line row;
    accepted_only a = {st, &care, fn, ud, JR_OK, err};
    rc = store_each(q, line_from_row, NULL, &row, skip_rejected, &a, err);
    if (a.rc != JR_OK)
        rc = a.rc;
    store_idmap_free(&care);
    return rc;
}

static void budget_from_row(const void *ud, jr_stmt *q, void *out)
{
    store_sig_budget *r = out;
    (void)ud;
    memset(r, 0, sizeof *r);
    str_copy(r->agb, sizeof r->agb, store_col_text(q, 0));
    str_copy(r->provider, sizeof r->provider, store_col_text(q, 1));
    str_copy(r->number, sizeof r->number, store_col_text(q, 2));
    r->youth_id = store_col_int(q, 3);
    str_copy(r->bsn, sizeof r->bsn, store_col_text(q, 4));
    str_copy(r->budget, sizeof r->budget, store_col_text(q, 5));
    r->start = store_col_date(q, 6);
    r->end = store_col_date(q, 7);
    r->granted = store_col_int(q, 8);
    r->used = store_col_int(q, 9);
}

jr_status store_sig_budgets_each(jr_store *st, jr_date first, jr_date last, const char *gemeente,
                                 const char *agb, int (*fn)(void *ud, const void *row), void *ud,
                                 jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT p.agb, p.name, a.number, a.youth_id, y.bsn,"
                               " COALESCE(r.budget, ''), a.start_date, a.end_date, a.budget_cents,"
                               " COALESCE(u.used_cents, 0)"
                               " FROM assignment a JOIN provider p ON p.id = a.provider_id"
                               " JOIN youth y ON y.id = a.youth_id"
                               " LEFT JOIN referral r ON r.id = a.referral_id"
                               " LEFT JOIN assignment_use u ON u.assignment_id = a.id"
                               " WHERE a.is_budget = 1 AND a.status = 'beeindigd'"
                               " AND a.end_date BETWEEN ?1 AND ?2"
                               " AND (CAST(?3 AS TEXT) IS NULL OR a.gemeente = ?3)"
                               " AND (CAST(?4 AS TEXT) IS NULL OR p.agb = ?4)"
                               " ORDER BY p.agb, a.id",
                               err);
    if (!q)
        return JR_EDB;
    char d1[JR_DATE_ISO_LEN], d2[JR_DATE_ISO_LEN];
    store_bind_date(q, 1, first, d1);
    store_bind_date(q, 2, last, d2);
    store_bind_text(q, 3, gemeente);
    store_bind_text(q, 4, agb);
    store_sig_budget row;
    return store_each(q, budget_from_row, NULL, &row, fn, ud, err);
}

static void month_from_row(const void *ud, jr_stmt *q, void *out)
{
    store_sig_month *r = out;
    (void)ud;
    memset(r, 0, sizeof *r);
    str_copy(r->agb, sizeof r->agb, store_col_text(q, 0));
    str_copy(r->provider, sizeof r->provider, store_col_text(q, 1));
    str_copy(r->month, sizeof r->month, store_col_text(q, 2));
    r->cents = store_col_int(q, 3);
}

jr_status store_sig_months_each(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                                const char *agb, int (*fn)(void *ud, const void *row), void *ud,
                                jr_error *err)
{
    jr_stmt *q =
        gemeente
            ? store_prepare(st,
                            "SELECT p.agb, p.name, s.month, SUM(s.amount_cents)"
                            " FROM spend_month s JOIN provider p ON p.id = s.provider_id"
                            " WHERE s.month >= ?1 AND s.month <= ?2 AND s.gemeente = ?3"
                            " AND (CAST(?4 AS TEXT) IS NULL OR p.agb = ?4)"
                            " GROUP BY p.agb, p.name, s.month ORDER BY p.agb, s.month",
                            err)
            : store_prepare(st,
                            "SELECT p.agb, p.name, s.month, SUM(s.amount_cents)"
                            " FROM spend_region_month s JOIN provider p ON p.id = s.provider_id"
                            " WHERE s.month >= ?1 AND s.month <= ?2 AND CAST(?3 AS TEXT) IS NULL"
                            " AND (CAST(?4 AS TEXT) IS NULL OR p.agb = ?4)"
                            " GROUP BY p.agb, p.name, s.month ORDER BY p.agb, s.month",
                            err);
    if (!q)
        return JR_EDB;
    char f[8], l[8];
    store_bind_text(q, 1, month_format(first, f));
    store_bind_text(q, 2, month_format(last, l));
    store_bind_text(q, 3, gemeente);
    store_bind_text(q, 4, agb);
    store_sig_month row;
    return store_each(q, month_from_row, NULL, &row, fn, ud, err);
}

/* ---- what the import and the care service keep (migration 016) ---- */

jr_status store_sig_line_keep(jr_store *st, jr_month period, int64_t line_id, jr_error *err)
{
    jr_stmt *q =
        store_prepare(st, "INSERT INTO line_signal (period, line_id) VALUES (?1, ?2)", err);
    if (!q)
        return JR_EDB;
    char m[8];
    store_bind_text(q, 1, month_format(period, m));
    store_bind_int(q, 2, line_id);
    return store_step_done(q, err);
}

jr_status store_sig_care_outside_set(jr_store *st, int64_t provider_id, int64_t assignment_id,
                                     bool on, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               on ? "INSERT OR IGNORE INTO care_outside (provider_id,"
                                    " assignment_id) VALUES (?1, ?2)"
                                  : "DELETE FROM care_outside WHERE provider_id = ?1"
                                    " AND assignment_id = ?2",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, provider_id);
    store_bind_int(q, 2, assignment_id);
    return store_step_done(q, err);
}

jr_status store_sig_extent_get(jr_store *st, int64_t assignment_id, store_sig_extent *out,
                               jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT a.provider_id, a.care_start, a.care_stop, u.first_begin,"
                               " u.last_end FROM assignment a"
                               " LEFT JOIN assignment_use u ON u.assignment_id = a.id"
                               " WHERE a.id = ?1",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, assignment_id);
    jr_status rc = store_step_one(q, err);
    if (rc != JR_OK)
        return rc;
    out->provider_id = store_col_int(q, 0);
    out->care_start = store_col_date(q, 1);
    out->care_stop = store_col_date(q, 2);
    out->first_begin = store_col_date(q, 3);
    out->last_end = store_col_date(q, 4);
    store_reset(q);
    return JR_OK;
}

/* ---- what the signals read of it ---- */

/* the columns line_from_row reads, of batch b, line l and provider p */
#define SIG_LINE_COLS                                                                              \
    "l.id, b.period, b.gemeente, p.agb, p.name, l.assignment_number, COALESCE(l.youth_id, 0),"     \
    " l.bsn, l.product, l.begin_date, l.end_date, l.volume, l.unit, l.amount_cents, l.credit,"     \
    " COALESCE(l.assignment_id, 0), l.status"

/* a kept line as the full scan hands it: accepted, no care dates */
static int kept_line(void *ud, const void *row)
{
    accepted_only *a = ud;
    store_sig_line r = *(const store_sig_line *)row;
    if (!r.accepted)
        return 0;
    r.care_start = r.care_stop = JR_DATE_NONE;
    return a->fn(a->ud, &r);
}

jr_status store_sig_kept_each(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                              int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    /* the kept lines of the months drive the join (a few per thousand
       lines); their sort is of those only */
    jr_stmt *q = store_prepare(st,
                               "SELECT " SIG_LINE_COLS " FROM line_signal k"
                               " CROSS JOIN decl_line l ON l.id = k.line_id"
                               " CROSS JOIN decl_batch b ON b.id = l.batch_id"
                               " JOIN provider p ON p.id = b.provider_id"
                               " WHERE k.period >= ?1 AND k.period <= ?2"
                               " AND (CAST(?3 AS TEXT) IS NULL OR b.gemeente = ?3)"
                               " ORDER BY b.provider_id, b.gemeente, b.period, b.id, l.id",
                               err);
    if (!q)
        return JR_EDB;
    char f[8], l[8];
    store_bind_text(q, 1, month_format(first, f));
    store_bind_text(q, 2, month_format(last, l));
    store_bind_text(q, 3, gemeente);
    store_sig_line row;
    accepted_only a = {st, NULL, fn, ud, JR_OK, err};
    return store_each(q, line_from_row, NULL, &row, kept_line, &a, err);
}

/* an outside-care candidate's line: an accepted debit on an assignment of
   the map, with its care dates */
static int candidate_line(void *ud, const void *row)
{
    accepted_only *a = ud;
    store_sig_line r = *(const store_sig_line *)row;
    if (!r.accepted || r.credit || r.assignment_id <= 0)
        return 0;
    const store_idval *c = store_idmap_find(a->care, r.assignment_id);
    if (!c)
        return 0;
    r.care_start = (jr_date)c->a;
    r.care_stop = (jr_date)c->b;
    return a->fn(a->ud, &r);
}

static void provider_from_row(const void *ud, jr_stmt *q, void *out)
{
    store_idval *c = out;
    (void)ud;
    c->id = store_col_int(q, 0);
    c->a = c->b = 0;
}

jr_status store_sig_outside_each(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                                 int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    store_idmap care = {0}, providers = {0};
    jr_stmt *q = store_prepare(st,
                               "SELECT c.assignment_id, a.care_start, a.care_stop"
                               " FROM care_outside c JOIN assignment a ON a.id = c.assignment_id"
                               " WHERE CAST(?1 AS TEXT) IS NULL OR a.gemeente = ?1",
                               err);
    if (q)
        store_bind_text(q, 1, gemeente);
    jr_status rc = store_idmap_read(q, care_from_row, &care, err);
    if (rc == JR_OK && care.n > 0) {
        q = store_prepare(st,
                          "SELECT DISTINCT c.provider_id FROM care_outside c"
                          " JOIN assignment a ON a.id = c.assignment_id"
                          " WHERE CAST(?1 AS TEXT) IS NULL OR a.gemeente = ?1",
                          err);
        if (q)
            store_bind_text(q, 1, gemeente);
        rc = store_idmap_read(q, provider_from_row, &providers, err);
    }
    char f[8], l[8];
    month_format(first, f);
    month_format(last, l);
    accepted_only a = {st, &care, fn, ud, JR_OK, err};
    for (size_t i = 0; rc == JR_OK && i < providers.n; i++) {
        /* the candidates' provider's batches of the period, in the order
           of its part of the index decl_batch_scope */
        q = store_prepare(st,
                          "SELECT " SIG_LINE_COLS " FROM decl_batch b INDEXED BY decl_batch_scope"
                          " CROSS JOIN decl_line l ON l.id BETWEEN b.first_line AND b.last_line"
                          " JOIN provider p ON p.id = b.provider_id"
                          " WHERE b.provider_id = ?1 AND b.period >= ?2 AND b.period <= ?3"
                          " AND (CAST(?4 AS TEXT) IS NULL OR b.gemeente = ?4)"
                          " ORDER BY b.gemeente, b.period, b.id, l.id",
                          err);
        if (!q) {
            rc = JR_EDB;
            break;
        }
        store_bind_int(q, 1, providers.v[i].id);
        store_bind_text(q, 2, f);
        store_bind_text(q, 3, l);
        store_bind_text(q, 4, gemeente);
        store_sig_line row;
        rc = store_each(q, line_from_row, NULL, &row, candidate_line, &a, err);
    }
    store_idmap_free(&care);
    store_idmap_free(&providers);
    return rc;
}

static void total_from_row(const void *ud, jr_stmt *q, void *out)
{
    store_sig_total *r = out;
    (void)ud;
    memset(r, 0, sizeof *r);
    str_copy(r->agb, sizeof r->agb, store_col_text(q, 0));
    r->cents = store_col_int(q, 1);
    r->lines = store_col_int(q, 2);
}

jr_status store_sig_totals_each(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                                int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *q = gemeente
                     ? store_prepare(st,
                                     "SELECT p.agb, SUM(s.amount_cents), SUM(s.lines)"
                                     " FROM spend_month s JOIN provider p ON p.id = s.provider_id"
                                     " WHERE s.gemeente = ?3 AND s.month >= ?1 AND s.month <= ?2"
                                     " GROUP BY p.agb ORDER BY p.agb",
                                     err)
                     : store_prepare(st,
                                     "SELECT p.agb, SUM(s.amount_cents), SUM(s.lines)"
                                     " FROM spend_region_month s"
                                     " JOIN provider p ON p.id = s.provider_id"
                                     " WHERE s.month >= ?1 AND s.month <= ?2"
                                     " AND CAST(?3 AS TEXT) IS NULL"
                                     " GROUP BY p.agb ORDER BY p.agb",
                                     err);
    if (!q)
        return JR_EDB;
    char f[8], l[8];
    store_bind_text(q, 1, month_format(first, f));
    store_bind_text(q, 2, month_format(last, l));
    store_bind_text(q, 3, gemeente);
    store_sig_total row;
    return store_each(q, total_from_row, NULL, &row, fn, ud, err);
}

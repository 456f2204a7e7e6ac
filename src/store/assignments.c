/*
 * store/assignments.c: the SQL of assignments, their ledger events, care
 * dates and stop history (see assignments.h). One query per function,
 * prepared from a string literal (cached by the store).
 */
#include "assignments.h"
#include "figures_sum.h"

#include "../core/sbuf.h"

#include <string.h>

/* the columns of an assignment as assignment_from_row reads them */
#define ASSIGNMENT_COLS                                                                            \
    "SELECT a.id, a.number, a.youth_id, y.bsn, a.gemeente, a.provider_id, p.agb,"                  \
    " a.referral_id, a.quote_id, a.category, a.product, a.is_budget, a.budget_cents, a.volume,"    \
    " a.unit, a.frequency, a.start_date, a.end_date, a.status, a.care_start, a.care_stop,"         \
    " a.stop_reason, COALESCE(u.used_cents, 0), COALESCE(u.used_base, 0)"                          \
    " FROM assignment a JOIN youth y ON y.id = a.youth_id"                                         \
    " JOIN provider p ON p.id = a.provider_id"                                                     \
    " LEFT JOIN assignment_use u ON u.assignment_id = a.id "

static void assignment_from_row(jr_stmt *s, jr_assignment *a)
{
    memset(a, 0, sizeof *a);
    a->id = store_col_int(s, 0);
    str_copy(a->number, sizeof a->number, store_col_text(s, 1));
    a->youth_id = store_col_int(s, 2);
    str_copy(a->bsn, sizeof a->bsn, store_col_text(s, 3));
    str_copy(a->gemeente, sizeof a->gemeente, store_col_text(s, 4));
    a->provider_id = store_col_int(s, 5);
    str_copy(a->agb, sizeof a->agb, store_col_text(s, 6));
    a->referral_id = store_col_int(s, 7);
    a->quote_id = store_col_int(s, 8);
    jr_grant *g = &a->grant;
    str_copy(g->category, sizeof g->category, store_col_text(s, 9));
    str_copy(g->product, sizeof g->product, store_col_text(s, 10));
    g->is_budget = store_col_int(s, 11) != 0;
    g->budget = store_col_int(s, 12);
    g->volume = store_col_int(s, 13);
    str_copy(g->unit, sizeof g->unit, store_col_text(s, 14));
    str_copy(g->frequency, sizeof g->frequency, store_col_text(s, 15));
    date_parse(store_col_text(s, 16), &g->start);
    date_parse(store_col_text(s, 17), &g->end);
    str_copy(a->status, sizeof a->status, store_col_text(s, 18));
    a->care_start = a->care_stop = JR_DATE_NONE;
    if (!store_col_null(s, 19))
        date_parse(store_col_text(s, 19), &a->care_start);
    if (!store_col_null(s, 20))
        date_parse(store_col_text(s, 20), &a->care_stop);
    str_copy(a->stop_reason, sizeof a->stop_reason, store_col_text(s, 21));
    a->ledger.used = store_col_int(s, 22);
    a->used_base = store_col_int(s, 23);
}

/* steps q (bound) for one assignment */
static jr_status assignment_one(jr_stmt *q, jr_assignment *out, jr_error *err)
{
    store_step_result r = store_step(q, err);
    if (r == STORE_ROW)
        assignment_from_row(q, out);
    store_reset(q);
    return r == STORE_ROW ? JR_OK : r == STORE_DONE ? JR_ENOTFOUND : JR_EDB;
}

jr_status store_assignment_by_number(jr_store *st, const char *number, jr_assignment *out,
                                     jr_error *err)
{
    jr_stmt *q = store_prepare(st, ASSIGNMENT_COLS "WHERE a.number = ?", err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, number);
    return assignment_one(q, out, err);
}

jr_status store_assignment_by_id(jr_store *st, int64_t id, jr_assignment *out, jr_error *err)
{
    jr_stmt *q = store_prepare(st, ASSIGNMENT_COLS "WHERE a.id = ?", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    return assignment_one(q, out, err);
}

jr_status store_assignment_number_of(jr_store *st, int64_t id, char number[24], jr_error *err)
{
    jr_stmt *q = store_prepare(st, "SELECT number FROM assignment WHERE id = ?", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    store_step_result r = store_step(q, err);
    if (r == STORE_ROW)
        str_copy(number, 24, store_col_text(q, 0));
    store_reset(q);
    return r == STORE_ROW ? JR_OK : r == STORE_DONE ? JR_ENOTFOUND : JR_EDB;
}

jr_status store_assignment_id_of(jr_store *st, const char *number, int64_t *id, jr_error *err)
{
    jr_stmt *q = store_prepare(st, "SELECT id FROM assignment WHERE number = ?", err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, number);
    store_step_result r = store_step(q, err);
    if (r == STORE_ROW)
        *id = store_col_int(q, 0);
    store_reset(q);
    return r == STORE_ROW ? JR_OK : r == STORE_DONE ? JR_ENOTFOUND : JR_EDB;
}

typedef struct {
    void (*done)(const void *ud, void *row);
    const void *ud;
} each_done;

static void each_row(const void *conv_ud, jr_stmt *s, void *row)
{
    const each_done *d = conv_ud;
    assignment_from_row(s, row);
    if (d->done)
        d->done(d->ud, row);
}

jr_status store_assignment_each(jr_store *st, const char *gemeente, const char *agb,
                                const char *bsn, void (*done)(const void *done_ud, void *row),
                                const void *done_ud, int (*fn)(void *ud, const void *row), void *ud,
                                jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               ASSIGNMENT_COLS "WHERE (?1 IS NULL OR a.gemeente = ?1)"
                                               " AND (?2 IS NULL OR p.agb = ?2)"
                                               " AND (?3 IS NULL OR y.bsn = ?3) ORDER BY a.id",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, gemeente);
    store_bind_text(s, 2, agb);
    store_bind_text(s, 3, bsn);
    each_done d = {done, done_ud};
    jr_assignment a;
    return store_each(s, each_row, &d, &a, fn, ud, err);
}

jr_status store_assignment_current(jr_store *st, const char *bsn, const char *agb,
                                   const char *gemeente, jr_date today, int64_t *ids, int cap,
                                   int *n, jr_error *err)
{
    char d[JR_DATE_ISO_LEN];
    *n = 0;
    jr_stmt *q = store_prepare(st,
                               "SELECT a.id FROM assignment a JOIN youth y ON y.id = a.youth_id"
                               " JOIN provider p ON p.id = a.provider_id WHERE y.bsn = ? AND"
                               " p.agb = ? AND a.gemeente = ? AND a.status = 'actief' AND"
                               " a.end_date >= ? ORDER BY a.id",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, bsn);
    store_bind_text(q, 2, agb);
    store_bind_text(q, 3, gemeente);
    store_bind_text(q, 4, date_format(today, d));
    store_step_result r;
    while ((r = store_step(q, err)) == STORE_ROW)
        if (*n < cap)
            ids[(*n)++] = store_col_int(q, 0);
    store_reset(q);
    return r == STORE_ERROR ? JR_EDB : JR_OK;
}

/* The care summary (figures_sum.h) around a write of assignment id, or of
 * a new assignment of *youth (id 0): the youth's runs out of it before the
 * write and back in after, all in one savepoint with the write. sum_out
 * finds the youth of id (0 when there is no such assignment: the write
 * changes nothing) for sum_in. */
static jr_status sum_out(jr_store *st, int64_t id, int64_t *youth, jr_error *err)
{
    jr_status rc = store_begin(st, err);
    if (rc != JR_OK)
        return rc;
    if (id)
        rc = store_care_youth_of(st, id, youth, err);
    if (rc == JR_OK && *youth)
        rc = store_care_sum_youth(st, *youth, -1, err);
    if (rc != JR_OK)
        store_rollback(st);
    return rc;
}

static jr_status sum_in(jr_store *st, int64_t youth, jr_status rc, jr_error *err)
{
    if (rc == JR_OK && youth)
        rc = store_care_sum_youth(st, youth, 1, err);
    if (rc == JR_OK)
        return store_commit(st, err);
    store_rollback(st);
    return rc;
}

jr_status store_assignment_insert(jr_store *st, const char *number, int64_t youth_id,
                                  const char *gemeente, int64_t provider_id, int64_t referral_id,
                                  int64_t quote_id, const jr_grant *g, const char *created_at,
                                  int64_t *id, jr_error *err)
{
    char s1[JR_DATE_ISO_LEN], s2[JR_DATE_ISO_LEN];
    jr_status rc = sum_out(st, 0, &youth_id, err);
    if (rc != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(
        st,
        "INSERT INTO assignment (number, youth_id, gemeente, provider_id, referral_id, quote_id,"
        " category, product, is_budget, budget_cents, volume, unit, frequency, start_date,"
        " end_date, status, created_at, bsn)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'actief', ?,"
        " (SELECT y.bsn FROM youth y WHERE y.id = ?2))",
        err);
    if (!s)
        return sum_in(st, youth_id, JR_EDB, err);
    store_bind_text(s, 1, number);
    store_bind_int(s, 2, youth_id);
    store_bind_text(s, 3, gemeente);
    store_bind_int(s, 4, provider_id);
    if (referral_id)
        store_bind_int(s, 5, referral_id);
    if (quote_id)
        store_bind_int(s, 6, quote_id);
    store_bind_text(s, 7, g->category);
    store_bind_text(s, 8, g->product);
    store_bind_int(s, 9, g->is_budget);
    store_bind_int(s, 10, g->is_budget ? g->budget : 0);
    store_bind_int(s, 11, g->is_budget ? 0 : g->volume);
    store_bind_text(s, 12, g->unit);
    store_bind_text(s, 13, g->frequency);
    store_bind_text(s, 14, date_format(g->start, s1));
    store_bind_text(s, 15, date_format(g->end, s2));
    store_bind_text(s, 16, created_at);
    rc = store_step_done(s, err);
    if (rc == JR_OK)
        *id = store_last_id(st);
    return sum_in(st, youth_id, rc, err);
}

jr_status store_assignment_change(jr_store *st, int64_t id, int64_t amount, jr_date end,
                                  jr_error *err)
{
    char d[JR_DATE_ISO_LEN];
    int64_t youth = 0;
    jr_status rc = sum_out(st, id, &youth, err);
    if (rc != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(st,
                               "UPDATE assignment SET budget_cents = CASE WHEN is_budget = 1"
                               " AND ?1 >= 0 THEN ?1 ELSE budget_cents END,"
                               " volume = CASE WHEN is_budget = 0 AND ?1 >= 0 THEN ?1"
                               " ELSE volume END, end_date = COALESCE(?2, end_date)"
                               " WHERE id = ?3",
                               err);
    if (!s)
        return sum_in(st, youth, JR_EDB, err);
    store_bind_int(s, 1, amount);
    store_bind_date(s, 2, end, d);
    store_bind_int(s, 3, id);
    return sum_in(st, youth, store_step_done(s, err), err);
}

jr_status store_assignment_close(jr_store *st, int64_t id, const char *status, jr_date date,
                                 jr_error *err)
{
    char d[JR_DATE_ISO_LEN];
    int64_t youth = 0;
    jr_status rc = sum_out(st, id, &youth, err);
    if (rc != JR_OK)
        return rc;
    jr_stmt *s =
        store_prepare(st, "UPDATE assignment SET status = ?, end_date = ? WHERE id = ?", err);
    if (!s)
        return sum_in(st, youth, JR_EDB, err);
    store_bind_text(s, 1, status);
    store_bind_text(s, 2, date_format(date, d));
    store_bind_int(s, 3, id);
    return sum_in(st, youth, store_step_done(s, err), err);
}

/* ---- ledger_event ---- */

jr_status store_ledger_event_add(jr_store *st, int64_t id, jr_date date, const char *kind,
                                 jr_cents cents, int64_t volume, const char *note,
                                 const char *reason, jr_error *err)
{
    char d[JR_DATE_ISO_LEN];
    jr_stmt *s = store_prepare(st,
                               "INSERT INTO ledger_event (assignment_id, event_date, kind, cents,"
                               " volume, note, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, id);
    store_bind_text(s, 2, date_format(date, d));
    store_bind_text(s, 3, kind);
    store_bind_int(s, 4, cents);
    store_bind_int(s, 5, volume);
    store_bind_text(s, 6, note);
    store_bind_text(s, 7, reason);
    return store_step_done(s, err);
}

static void ledger_event_from_row(const void *ud, jr_stmt *s, void *row)
{
    jr_ledger_event *e = row;
    (void)ud;
    e->id = store_col_int(s, 0);
    date_parse(store_col_text(s, 1), &e->date);
    str_copy(e->kind, sizeof e->kind, store_col_text(s, 2));
    e->cents = store_col_int(s, 3);
    e->volume = store_col_int(s, 4);
    str_copy(e->note, sizeof e->note, store_col_text(s, 5));
}

jr_status store_ledger_event_each(jr_store *st, const char *number,
                                  int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "SELECT e.id, e.event_date, e.kind, e.cents, e.volume, e.note"
                               " FROM ledger_event e JOIN assignment a ON a.id = e.assignment_id"
                               " WHERE a.number = ? ORDER BY e.id",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, number);
    jr_ledger_event e;
    return store_each(s, ledger_event_from_row, NULL, &e, fn, ud, err);
}

jr_status store_assignment_set_care_start(jr_store *st, int64_t id, jr_date date, jr_error *err)
{
    char d[JR_DATE_ISO_LEN];
    jr_stmt *s = store_prepare(st, "UPDATE assignment SET care_start = ? WHERE id = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_date(s, 1, date, d);
    store_bind_int(s, 2, id);
    return store_step_done(s, err);
}

jr_status store_assignment_set_care_stop(jr_store *st, int64_t id, jr_date date, const char *reason,
                                         jr_error *err)
{
    char d[JR_DATE_ISO_LEN];
    int64_t youth = 0;
    jr_status rc = sum_out(st, id, &youth, err);
    if (rc != JR_OK)
        return rc;
    jr_stmt *s =
        store_prepare(st, "UPDATE assignment SET care_stop = ?, stop_reason = ? WHERE id = ?", err);
    if (!s)
        return sum_in(st, youth, JR_EDB, err);
    store_bind_date(s, 1, date, d);
    store_bind_text(s, 2, date == JR_DATE_NONE ? NULL : reason);
    store_bind_int(s, 3, id);
    return sum_in(st, youth, store_step_done(s, err), err);
}

/* ---- stop_history ---- */

jr_status store_stop_history_of(jr_store *st, int64_t id, jr_date begin, jr_stop_history *h,
                                bool *current, jr_error *err)
{
    char b[JR_DATE_ISO_LEN];
    memset(h, 0, sizeof *h);
    *current = false;
    jr_stmt *q = store_prepare(st,
                               "SELECT reason, state FROM stop_history WHERE assignment_id = ? AND"
                               " begin_date = ? AND state <> 'vervallen'",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    store_bind_text(q, 2, date_format(begin, b));
    store_step_result r;
    while ((r = store_step(q, err)) == STORE_ROW) {
        bool actueel = strcmp(store_col_text(q, 1), "actueel") == 0;
        *current = *current || actueel;
        if (!stop_reason_temporary(store_col_text(q, 0)))
            h->definitive++;
        else {
            h->temporary++;
            if (!actueel)
                h->other_temporary++;
        }
    }
    store_reset(q);
    return r == STORE_DONE ? JR_OK : JR_EDB;
}

jr_status store_stop_add(jr_store *st, int64_t id, jr_date begin, jr_date end, const char *reason,
                         const char *state, jr_error *err)
{
    char b[JR_DATE_ISO_LEN], e[JR_DATE_ISO_LEN];
    jr_stmt *s = store_prepare(st,
                               "INSERT INTO stop_history (assignment_id, begin_date, end_date,"
                               " reason, state) VALUES (?, ?, ?, ?, ?)",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, id);
    store_bind_text(s, 2, date_format(begin, b));
    store_bind_text(s, 3, date_format(end, e));
    store_bind_text(s, 4, reason ? reason : "");
    store_bind_text(s, 5, state);
    return store_step_done(s, err);
}

jr_status store_stop_set_state(jr_store *st, int64_t id, jr_date begin, const char *state,
                               jr_error *err)
{
    char b[JR_DATE_ISO_LEN];
    jr_stmt *s = store_prepare(st,
                               "UPDATE stop_history SET state = ? WHERE assignment_id = ? AND"
                               " begin_date = ? AND state = 'actueel'",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, state);
    store_bind_int(s, 2, id);
    store_bind_text(s, 3, date_format(begin, b));
    return store_step_done(s, err);
}

jr_status store_stop_change(jr_store *st, int64_t id, jr_date begin, jr_date end,
                            const char *reason, jr_error *err)
{
    char b[JR_DATE_ISO_LEN], e[JR_DATE_ISO_LEN];
    jr_stmt *s = store_prepare(st,
                               "UPDATE stop_history SET end_date = ?, reason = ? WHERE"
                               " assignment_id = ? AND begin_date = ? AND state = 'actueel'",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, date_format(end, e));
    store_bind_text(s, 2, reason ? reason : "");
    store_bind_int(s, 3, id);
    store_bind_text(s, 4, date_format(begin, b));
    return store_step_done(s, err);
}

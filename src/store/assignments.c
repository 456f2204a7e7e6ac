/*
 * store/assignments.c: the SQL of assignments, their care dates and stop
 * history (see assignments.h). One query per function, prepared from a
 * string literal (cached by the store).
 */
#include "assignments.h"

#include <string.h>

static jr_status step_done(jr_stmt *s, jr_error *err)
{
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

/* binds date at idx, NULL for JR_DATE_NONE (buf holds the text) */
static void bind_date(jr_stmt *s, int idx, jr_date d, char buf[JR_DATE_ISO_LEN])
{
    store_bind_text(s, idx, d == JR_DATE_NONE ? NULL : date_format(d, buf));
}

jr_status store_assignment_set_care_start(jr_store *st, int64_t id, jr_date date, jr_error *err)
{
    char d[JR_DATE_ISO_LEN];
    jr_stmt *s = store_prepare(st, "UPDATE assignment SET care_start = ? WHERE id = ?", err);
    if (!s)
        return JR_EDB;
    bind_date(s, 1, date, d);
    store_bind_int(s, 2, id);
    return step_done(s, err);
}

jr_status store_assignment_set_care_stop(jr_store *st, int64_t id, jr_date date, const char *reason,
                                         jr_error *err)
{
    char d[JR_DATE_ISO_LEN];
    jr_stmt *s =
        store_prepare(st, "UPDATE assignment SET care_stop = ?, stop_reason = ? WHERE id = ?", err);
    if (!s)
        return JR_EDB;
    bind_date(s, 1, date, d);
    store_bind_text(s, 2, date == JR_DATE_NONE ? NULL : reason);
    store_bind_int(s, 3, id);
    return step_done(s, err);
}

/* An assignment's accepted lines lie in its provider's batches for its
 * municipality (a line naming another provider's assignment or another
 * municipality's is rejected), so the query reads those batches' line
 * ranges, not the whole decl_line table: decl_line has no index on
 * assignment_id, which every imported line would have to pay for. */
jr_status store_assignment_lines_outside(jr_store *st, int64_t id, jr_date from, jr_date until,
                                         bool *out, jr_error *err)
{
    char f[JR_DATE_ISO_LEN], u[JR_DATE_ISO_LEN];
    jr_stmt *q = store_prepare(st,
                               "SELECT 1 FROM assignment a JOIN decl_batch b"
                               " ON b.provider_id = a.provider_id AND b.gemeente = a.gemeente"
                               " JOIN decl_line l ON l.id BETWEEN b.first_line AND b.last_line"
                               " WHERE a.id = ?1 AND l.assignment_id = ?1 AND l.status = 'A'"
                               " AND l.credit = 0 AND l.credited = 0 AND (l.begin_date < ?2 OR"
                               " l.end_date > ?3) LIMIT 1",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    store_bind_text(q, 2, from == JR_DATE_NONE ? "0000-01-01" : date_format(from, f));
    store_bind_text(q, 3, until == JR_DATE_NONE ? "9999-12-31" : date_format(until, u));
    store_step_result r = store_step(q, err);
    store_reset(q);
    if (r == STORE_ERROR)
        return JR_EDB;
    *out = r == STORE_ROW;
    return JR_OK;
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
    return step_done(s, err);
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
    return step_done(s, err);
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
    return step_done(s, err);
}

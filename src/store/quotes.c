/*
 * quotes.c: the quote and quote_line tables' queries (see quotes.h).
 *
 * A filter that may be absent is "CAST(? AS TEXT) IS NULL OR col = ?" with
 * the value bound to both: one '?' per use (no numbered ?1), and a type for
 * the bare test, which PostgreSQL cannot infer.
 */
#include "quotes.h"
#include "../core/sbuf.h"

#include <string.h>

jr_status store_quote_insert(jr_store *st, int64_t referral_id, int64_t provider_id,
                             jr_date requested, int64_t *id, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "INSERT INTO quote (referral_id, provider_id, status,"
                               " requested_date) VALUES (?, ?, 'aangevraagd', ?)",
                               err);
    if (!s)
        return JR_EDB;
    char d[JR_DATE_ISO_LEN];
    store_bind_int(s, 1, referral_id);
    store_bind_int(s, 2, provider_id);
    store_bind_text(s, 3, date_format(requested, d));
    if (store_step(s, err) != STORE_DONE)
        return err && err->status == JR_ECONFLICT ? JR_ECONFLICT : JR_EDB;
    if (id)
        *id = store_last_id(st);
    return JR_OK;
}

#define QUOTE_COLS                                                                                 \
    "SELECT q.id, q.referral_id, p.agb, q.status, q.requested_date, q.answered_date, q.months,"    \
    " q.total_cents, q.plan, q.reason, a.number, r.gemeente, r.referral_date FROM quote q"         \
    " JOIN provider p ON p.id = q.provider_id JOIN referral r ON r.id = q.referral_id"             \
    " LEFT JOIN assignment a ON a.id = q.assignment_id "

/* quote_from_row: the columns of QUOTE_COLS */
static void quote_from_row(const void *ud, jr_stmt *s, void *row)
{
    jr_quote *q = row;
    (void)ud;
    memset(q, 0, sizeof *q);
    q->id = store_col_int(s, 0);
    q->referral_id = store_col_int(s, 1);
    str_copy(q->agb, sizeof q->agb, store_col_text(s, 2));
    str_copy(q->status, sizeof q->status, store_col_text(s, 3));
    date_parse(store_col_text(s, 4), &q->requested);
    q->answered = JR_DATE_NONE;
    if (!store_col_null(s, 5))
        date_parse(store_col_text(s, 5), &q->answered);
    q->months = (int32_t)store_col_int(s, 6);
    q->total = store_col_int(s, 7);
    str_copy(q->plan, sizeof q->plan, store_col_text(s, 8));
    str_copy(q->reason, sizeof q->reason, store_col_text(s, 9));
    str_copy(q->assignment, sizeof q->assignment, store_col_text(s, 10));
    str_copy(q->gemeente, sizeof q->gemeente, store_col_text(s, 11));
    date_parse(store_col_text(s, 12), &q->referral_date);
}

jr_status store_quote_get(jr_store *st, int64_t id, jr_quote *out, jr_error *err)
{
    jr_stmt *s = store_prepare(st, QUOTE_COLS "WHERE q.id = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, id);
    store_step_result r = store_step(s, err);
    if (r == STORE_ERROR)
        return JR_EDB;
    if (r == STORE_DONE)
        return JR_ENOTFOUND;
    quote_from_row(NULL, s, out);
    store_reset(s);
    return JR_OK;
}

jr_status store_quote_list(jr_store *st, int64_t referral_id, const char *agb, const char *gemeente,
                           int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *s =
        store_prepare(st,
                      QUOTE_COLS "WHERE (? = 0 OR q.referral_id = ?)"
                                 " AND (CAST(? AS TEXT) IS NULL OR p.agb = ?)"
                                 " AND (CAST(? AS TEXT) IS NULL OR r.gemeente = ?) ORDER BY q.id",
                      err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, referral_id);
    store_bind_int(s, 2, referral_id);
    store_bind_text(s, 3, agb);
    store_bind_text(s, 4, agb);
    store_bind_text(s, 5, gemeente);
    store_bind_text(s, 6, gemeente);
    jr_quote q;
    return store_each(s, quote_from_row, NULL, &q, fn, ud, err);
}

jr_status store_quote_set_status(jr_store *st, int64_t id, const char *status, const char *reason,
                                 jr_error *err)
{
    jr_stmt *s = store_prepare(
        st, "UPDATE quote SET status = ?, reason = COALESCE(?, reason) WHERE id = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, status);
    store_bind_text(s, 2, reason);
    store_bind_int(s, 3, id);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

jr_status store_quote_line_insert(jr_store *st, int64_t id, const jr_quote_line *line,
                                  jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "INSERT INTO quote_line (quote_id, product, centi_hours,"
                               " tariff_cents, amount_cents) VALUES (?, ?, ?, ?, ?)",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, id);
    store_bind_text(s, 2, line->product);
    store_bind_int(s, 3, line->centi_hours);
    store_bind_int(s, 4, line->tariff);
    store_bind_int(s, 5, line->amount);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

jr_status store_quote_set_answered(jr_store *st, int64_t id, jr_date answered, int32_t months,
                                   jr_cents total, const char *plan, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "UPDATE quote SET status = 'beantwoord', answered_date = ?,"
                               " months = ?, total_cents = ?, plan = ? WHERE id = ?",
                               err);
    if (!s)
        return JR_EDB;
    char d[JR_DATE_ISO_LEN];
    store_bind_text(s, 1, date_format(answered, d));
    store_bind_int(s, 2, months);
    store_bind_int(s, 3, total);
    store_bind_text(s, 4, plan);
    store_bind_int(s, 5, id);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

jr_status store_quote_set_accepted(jr_store *st, int64_t id, const char *number, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "UPDATE quote SET status = 'geaccepteerd',"
                               " assignment_id = (SELECT id FROM assignment"
                               " WHERE number = ?) WHERE id = ?",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, number);
    store_bind_int(s, 2, id);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

jr_status store_quote_reject_open(jr_store *st, int64_t referral_id, int64_t except_id,
                                  const char *reason, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "UPDATE quote SET status = 'afgewezen', reason = ?"
                               " WHERE referral_id = ? AND id <> ?"
                               " AND status IN ('aangevraagd', 'beantwoord')",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, reason);
    store_bind_int(s, 2, referral_id);
    store_bind_int(s, 3, except_id);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

/* quote_line_from_row: columns product, centi_hours, tariff_cents,
 * amount_cents */
static void quote_line_from_row(const void *ud, jr_stmt *s, void *row)
{
    jr_quote_line *l = row;
    (void)ud;
    memset(l, 0, sizeof *l);
    str_copy(l->product, sizeof l->product, store_col_text(s, 0));
    l->centi_hours = store_col_int(s, 1);
    l->tariff = store_col_int(s, 2);
    l->amount = store_col_int(s, 3);
}

jr_status store_quote_lines(jr_store *st, int64_t id, int (*fn)(void *ud, const void *row),
                            void *ud, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "SELECT product, centi_hours, tariff_cents, amount_cents"
                               " FROM quote_line WHERE quote_id = ? ORDER BY product",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, id);
    jr_quote_line l;
    return store_each(s, quote_line_from_row, NULL, &l, fn, ud, err);
}

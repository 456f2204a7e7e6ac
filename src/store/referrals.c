/*
 * referrals.c: the referral table's queries (see referrals.h).
 *
 * A filter that may be absent is "CAST(? AS TEXT) IS NULL OR col = ?" with
 * the value bound to both: one '?' per use (no numbered ?1), and a type for
 * the bare test, which PostgreSQL cannot infer.
 */
#include "referrals.h"
#include "../core/sbuf.h"

#include <string.h>

jr_status store_referral_insert(jr_store *st, const jr_referral_new *r, int64_t *id, jr_error *err)
{
    jr_stmt *s = store_prepare(
        st,
        "INSERT INTO referral (youth_id, gemeente, referrer_type, referrer_name, route, budget,"
        " product, volume, result, referral_date, status, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)",
        err);
    if (!s)
        return JR_EDB;
    char d[JR_DATE_ISO_LEN], now[STORE_TS_LEN];
    store_bind_int(s, 1, r->youth_id);
    store_bind_text(s, 2, r->gemeente);
    store_bind_text(s, 3, r->referrer_type);
    store_bind_text(s, 4, r->referrer_name);
    store_bind_text(s, 5, route_name(r->route));
    store_bind_text(s, 6, r->budget);
    store_bind_text(s, 7, r->product);
    if (r->product)
        store_bind_int(s, 8, r->volume);
    store_bind_text(s, 9, r->result);
    store_bind_text(s, 10, date_format(r->date, d));
    store_bind_text(s, 11, store_timestamp(0, now));
    if (store_step(s, err) != STORE_DONE)
        return JR_EDB;
    if (id)
        *id = store_last_id(st);
    /* the month's count of the referral figures (migration 015), in the
       same transaction */
    jr_stmt *m = store_prepare(
        st,
        "INSERT INTO referral_month (gemeente, month, referrer_type, route, budget, referrals)"
        " VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (gemeente, month, referrer_type, route, budget)"
        " DO UPDATE SET referrals = referral_month.referrals + 1",
        err);
    if (!m)
        return JR_EDB;
    char month[8];
    store_bind_text(m, 1, r->gemeente);
    store_bind_text(m, 2, month_format(date_month(r->date), month));
    store_bind_text(m, 3, r->referrer_type);
    store_bind_text(m, 4, route_name(r->route));
    store_bind_text(m, 5, r->budget ? r->budget : "");
    return store_step_done(m, err);
}

#define REFERRAL_COLS                                                                              \
    "SELECT r.id, r.youth_id, y.bsn, r.gemeente, r.referrer_type, r.referrer_name, r.route,"       \
    " r.budget, r.product, r.volume, r.result, r.referral_date, r.status"                          \
    " FROM referral r JOIN youth y ON y.id = r.youth_id "

/* referral_from_row: the columns of REFERRAL_COLS */
static void referral_from_row(const void *ud, jr_stmt *s, void *row)
{
    jr_referral *r = row;
    (void)ud;
    memset(r, 0, sizeof *r);
    r->id = store_col_int(s, 0);
    r->youth_id = store_col_int(s, 1);
    str_copy(r->bsn, sizeof r->bsn, store_col_text(s, 2));
    str_copy(r->gemeente, sizeof r->gemeente, store_col_text(s, 3));
    str_copy(r->req.referrer_type, sizeof r->req.referrer_type, store_col_text(s, 4));
    str_copy(r->referrer_name, sizeof r->referrer_name, store_col_text(s, 5));
    route_parse(store_col_text(s, 6), &r->req.route);
    str_copy(r->req.budget, sizeof r->req.budget, store_col_text(s, 7));
    str_copy(r->req.product, sizeof r->req.product, store_col_text(s, 8));
    r->req.volume = store_col_int(s, 9);
    str_copy(r->req.result, sizeof r->req.result, store_col_text(s, 10));
    date_parse(store_col_text(s, 11), &r->req.date);
    str_copy(r->status, sizeof r->status, store_col_text(s, 12));
}

jr_status store_referral_get(jr_store *st, int64_t id, jr_referral *out, jr_error *err)
{
    jr_stmt *s = store_prepare(st, REFERRAL_COLS "WHERE r.id = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, id);
    store_step_result r = store_step(s, err);
    if (r == STORE_ERROR)
        return JR_EDB;
    if (r == STORE_DONE)
        return JR_ENOTFOUND;
    referral_from_row(NULL, s, out);
    store_reset(s);
    return JR_OK;
}

jr_status store_referral_list(jr_store *st, const char *bsn, const char *gemeente,
                              int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    /* one youth's through the BSN index, else the municipality's through
       referral_gemeente (migration 008), else all, each in order */
    jr_stmt *s;
    if (bsn) {
        s = store_prepare(st,
                          REFERRAL_COLS
                          "WHERE y.bsn = ? AND (CAST(? AS TEXT) IS NULL OR r.gemeente = ?)"
                          " ORDER BY r.id",
                          err);
        if (s) {
            store_bind_text(s, 1, bsn);
            store_bind_text(s, 2, gemeente);
            store_bind_text(s, 3, gemeente);
        }
    } else if (gemeente) {
        s = store_prepare(st, REFERRAL_COLS "WHERE r.gemeente = ? ORDER BY r.id", err);
        if (s)
            store_bind_text(s, 1, gemeente);
    } else {
        s = store_prepare(st, REFERRAL_COLS "ORDER BY r.id", err);
    }
    if (!s)
        return JR_EDB;
    jr_referral ref;
    return store_each(s, referral_from_row, NULL, &ref, fn, ud, err);
}

jr_status store_referral_set_status(jr_store *st, int64_t id, const char *status, jr_error *err)
{
    jr_stmt *s = store_prepare(st, "UPDATE referral SET status = ? WHERE id = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, status);
    store_bind_int(s, 2, id);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

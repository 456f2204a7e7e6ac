/*
 * figures_care.c: the queries of the care figures (see figures_care.h).
 *
 * Every list binds its range of days first (two ISO dates) and then the
 * scope: "CAST(? AS TEXT) IS NULL OR col = ?" with the municipality and
 * the provider each bound twice (NULL: any), one '?' per use.
 */
#include "figures_care.h"
#include "figures.h"

#include "../core/sbuf.h"

#include <string.h>

#define FC_COLS                                                                                    \
    "SELECT a.id, a.youth_id, a.gemeente, p.agb, a.is_budget, a.product,"                          \
    " COALESCE(r.budget, ''), COALESCE(r.route, ''), a.status, a.start_date, a.end_date,"          \
    " a.care_start, a.care_stop, COALESCE(a.stop_reason, ''), r.referral_date, a.budget_cents,"    \
    " COALESCE(u.used_cents, 0)"                                                                   \
    " FROM assignment a JOIN provider p ON p.id = a.provider_id"                                   \
    " LEFT JOIN referral r ON r.id = a.referral_id"                                                \
    " LEFT JOIN assignment_use u ON u.assignment_id = a.id WHERE "

#define FC_SCOPE                                                                                   \
    " AND (CAST(? AS TEXT) IS NULL OR a.gemeente = ?) AND (CAST(? AS TEXT) IS NULL OR p.agb = ?)"

typedef struct {
    jr_fc_row_fn fn;
    void *ud;
} row_cb;

/* fc_from_row: the columns of FC_COLS */
static void fc_from_row(const void *ud, jr_stmt *s, void *out)
{
    jr_fc_row *r = out;
    (void)ud;
    memset(r, 0, sizeof *r);
    r->id = store_col_int(s, 0);
    r->youth_id = store_col_int(s, 1);
    str_copy(r->gemeente, sizeof r->gemeente, store_col_text(s, 2));
    str_copy(r->agb, sizeof r->agb, store_col_text(s, 3));
    r->is_budget = store_col_int(s, 4) != 0;
    str_copy(r->product, sizeof r->product, store_col_text(s, 5));
    str_copy(r->budget, sizeof r->budget, store_col_text(s, 6));
    str_copy(r->route, sizeof r->route, store_col_text(s, 7));
    str_copy(r->status, sizeof r->status, store_col_text(s, 8));
    r->start = store_col_date(s, 9);
    r->end = store_col_date(s, 10);
    r->care_start = store_col_date(s, 11);
    r->care_stop = store_col_date(s, 12);
    str_copy(r->stop_reason, sizeof r->stop_reason, store_col_text(s, 13));
    r->referral_date = store_col_date(s, 14);
    r->granted = store_col_int(s, 15);
    r->used = store_col_int(s, 16);
}

static int row_relay(void *ud, const void *row)
{
    const row_cb *cb = ud;
    return cb->fn(cb->ud, row);
}

/* bind_range_scope: ?1..?2 the days, ?3..?6 the scope */
static void bind_range_scope(jr_stmt *s, jr_date first, jr_date last, const char *gemeente,
                             const char *agb, char d1[JR_DATE_ISO_LEN], char d2[JR_DATE_ISO_LEN])
{
    store_bind_date(s, 1, first, d1);
    store_bind_date(s, 2, last, d2);
    store_bind_text(s, 3, gemeente);
    store_bind_text(s, 4, gemeente);
    store_bind_text(s, 5, agb);
    store_bind_text(s, 6, agb);
}

/* fc_list: binds and walks one of the assignment lists */
static jr_status fc_list(jr_stmt *s, const char *gemeente, const char *agb, jr_date first,
                         jr_date last, jr_fc_row_fn fn, void *ud, jr_error *err)
{
    if (!s)
        return JR_EDB;
    char d1[JR_DATE_ISO_LEN], d2[JR_DATE_ISO_LEN];
    bind_range_scope(s, first, last, gemeente, agb, d1, d2);
    jr_fc_row row;
    row_cb cb = {fn, ud};
    return store_each(s, fc_from_row, NULL, &row, row_relay, &cb, err);
}

jr_status store_fc_ended_each(jr_store *st, const char *gemeente, const char *agb, jr_date first,
                              jr_date last, jr_fc_row_fn fn, void *ud, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               FC_COLS "a.status = 'beeindigd' AND a.end_date BETWEEN ? AND ?"
                                       " " FC_SCOPE " ORDER BY a.id",
                               err);
    return fc_list(s, gemeente, agb, first, last, fn, ud, err);
}

jr_status store_fc_care_started_each(jr_store *st, const char *gemeente, const char *agb,
                                     jr_date first, jr_date last, jr_fc_row_fn fn, void *ud,
                                     jr_error *err)
{
    jr_stmt *s =
        store_prepare(st, FC_COLS "a.care_start BETWEEN ? AND ?" FC_SCOPE " ORDER BY a.id", err);
    return fc_list(s, gemeente, agb, first, last, fn, ud, err);
}

jr_status store_fc_care_stopped_each(jr_store *st, const char *gemeente, const char *agb,
                                     jr_date first, jr_date last, jr_fc_row_fn fn, void *ud,
                                     jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               FC_COLS "a.care_stop BETWEEN ? AND ? AND a.status <> 'ingetrokken'"
                                       " " FC_SCOPE " ORDER BY a.id",
                               err);
    return fc_list(s, gemeente, agb, first, last, fn, ud, err);
}

jr_status store_fc_youth_started(jr_store *st, const char *gemeente, const char *agb, jr_date first,
                                 jr_date last, int64_t youth_id, bool *yes, jr_error *err)
{
    *yes = false;
    jr_stmt *s = store_prepare(st,
                               "SELECT 1 FROM assignment a JOIN provider p ON p.id = a.provider_id"
                               " WHERE a.start_date BETWEEN ? AND ? AND a.status <> 'ingetrokken'"
                               " " FC_SCOPE " AND a.youth_id = ? LIMIT 1",
                               err);
    if (!s)
        return JR_EDB;
    char d1[JR_DATE_ISO_LEN], d2[JR_DATE_ISO_LEN];
    bind_range_scope(s, first, last, gemeente, agb, d1, d2);
    store_bind_int(s, 7, youth_id);
    jr_status rc = store_step_one(s, err);
    if (rc == JR_OK)
        *yes = true;
    else if (rc == JR_ENOTFOUND)
        rc = JR_OK;
    store_reset(s);
    return rc;
}

typedef struct {
    int (*fn)(void *ud, const jr_fc_spend_row *row);
    void *ud;
} spend_cb;

static int spend_relay(void *ud, const void *row)
{
    const spend_cb *cb = ud;
    const store_fig_spend_row *g = row;
    jr_fc_spend_row r;
    memset(&r, 0, sizeof r);
    str_copy(r.product, sizeof r.product, g->product);
    str_copy(r.agb, sizeof r.agb, g->agb);
    r.amount = g->cents;
    return cb->fn(cb->ud, &r);
}

jr_status store_fc_spending_each(jr_store *st, const char *gemeente, const char *agb, jr_date first,
                                 jr_date last, int (*fn)(void *ud, const jr_fc_spend_row *row),
                                 void *ud, jr_error *err)
{
    /* the spending figures' groups (figures.h, from the summary of
       migration 011): an accepted line lies in its batch's month (iJw
       9319), so its begin date lies in the range exactly when its batch's
       month does, for a range of whole months (a jr_period) */
    spend_cb cb = {fn, ud};
    return store_figures_spend_groups(st, date_month(first), date_month(last), gemeente, agb,
                                      spend_relay, &cb, err);
}

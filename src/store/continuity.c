/*
 * continuity.c (store): the continuity_accounts table (see continuity.h).
 * Each statement is a string literal given to store_prepare, prepared once
 * per store.
 */
#include "continuity.h"

#include "../core/sbuf.h"

#include <string.h>

#define CONT_COLS                                                                                  \
    "SELECT agb, year, name, total_revenue_cents, youth_revenue_cents, net_result_cents,"          \
    " equity_cents, total_assets_cents, current_assets_cents, current_liabilities_cents,"          \
    " imported_by, imported_at, source FROM continuity_accounts"

static void cont_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_cont_row *r = row;
    (void)ud;
    memset(r, 0, sizeof *r);
    str_copy(r->a.agb, sizeof r->a.agb, store_col_text(q, 0));
    r->a.year = (int32_t)store_col_int(q, 1);
    str_copy(r->a.name, sizeof r->a.name, store_col_text(q, 2));
    for (int f = 0; f < JR_CF_COUNT; f++) {
        r->a.has[f] = !store_col_null(q, 3 + f);
        r->a.v[f] = r->a.has[f] ? store_col_int(q, 3 + f) : 0;
    }
    str_copy(r->imported_by, sizeof r->imported_by, store_col_text(q, 10));
    str_copy(r->imported_at, sizeof r->imported_at, store_col_text(q, 11));
    str_copy(r->source, sizeof r->source, store_col_text(q, 12));
}

jr_status store_continuity_get(jr_store *st, const char *agb, int32_t year, store_cont_row *out,
                               jr_error *err)
{
    jr_stmt *q = store_prepare(st, CONT_COLS " WHERE agb = ?1 AND year = ?2", err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, agb);
    store_bind_int(q, 2, year);
    return store_one(q, cont_from_row, NULL, out, err);
}

jr_status store_continuity_put(jr_store *st, const store_cont_row *r, jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "INSERT INTO continuity_accounts (agb, year, name, total_revenue_cents,"
        " youth_revenue_cents, net_result_cents, equity_cents, total_assets_cents,"
        " current_assets_cents, current_liabilities_cents, imported_by, imported_at, source)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
        " ON CONFLICT (agb, year) DO UPDATE SET name = ?3, total_revenue_cents = ?4,"
        " youth_revenue_cents = ?5, net_result_cents = ?6, equity_cents = ?7,"
        " total_assets_cents = ?8, current_assets_cents = ?9, current_liabilities_cents = ?10,"
        " imported_by = ?11, imported_at = ?12, source = ?13",
        err);
    if (!q)
        return JR_EDB;
    char now[STORE_TS_LEN];
    store_bind_text(q, 1, r->a.agb);
    store_bind_int(q, 2, r->a.year);
    store_bind_text(q, 3, r->a.name);
    for (int f = 0; f < JR_CF_COUNT; f++)
        if (r->a.has[f])
            store_bind_int(q, 4 + f, r->a.v[f]);
        else
            store_bind_text(q, 4 + f, NULL);
    store_bind_text(q, 11, r->imported_by);
    store_bind_text(q, 12, store_timestamp(0, now));
    store_bind_text(q, 13, r->source);
    return store_step_done(q, err);
}

jr_status store_continuity_list(jr_store *st, int32_t year, const char *agb,
                                int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               CONT_COLS " WHERE (?1 = 0 OR year = ?1)"
                                         " AND (CAST(?2 AS TEXT) IS NULL OR agb = ?2)"
                                         " ORDER BY year, agb",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, year);
    store_bind_text(q, 2, agb);
    store_cont_row r;
    return store_each(q, cont_from_row, NULL, &r, fn, ud, err);
}

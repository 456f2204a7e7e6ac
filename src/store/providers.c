/*
 * providers.c: the provider and contract tables' queries (see providers.h).
 *
 * A filter that may be absent is "CAST(? AS TEXT) IS NULL OR col = ?" with
 * the value bound to both: one '?' per use (no numbered ?1), and a type for
 * the bare test, which PostgreSQL cannot infer.
 */
#include "providers.h"
#include "../core/sbuf.h"

jr_status store_provider_insert(jr_store *st, const char *agb, const char *name, const char *kind,
                                int64_t *id, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "INSERT INTO provider (agb, name, kind, created_at)"
                               " VALUES (?, ?, ?, ?)",
                               err);
    if (!s)
        return JR_EDB;
    char now[STORE_TS_LEN];
    store_bind_text(s, 1, agb);
    store_bind_text(s, 2, name);
    store_bind_text(s, 3, kind);
    store_bind_text(s, 4, store_timestamp(0, now));
    if (store_step(s, err) != STORE_DONE)
        return err && err->status == JR_ECONFLICT ? JR_ECONFLICT : JR_EDB;
    if (id)
        *id = store_last_id(st);
    return JR_OK;
}

/* provider_from_row: columns id, agb, name, kind */
static void provider_from_row(const void *ud, jr_stmt *s, void *row)
{
    jr_provider *p = row;
    (void)ud;
    p->id = store_col_int(s, 0);
    str_copy(p->agb, sizeof p->agb, store_col_text(s, 1));
    str_copy(p->name, sizeof p->name, store_col_text(s, 2));
    str_copy(p->kind, sizeof p->kind, store_col_text(s, 3));
}

jr_status store_provider_by_agb(jr_store *st, const char *agb, jr_provider *out, jr_error *err)
{
    jr_stmt *s = store_prepare(st, "SELECT id, agb, name, kind FROM provider WHERE agb = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, agb);
    store_step_result r = store_step(s, err);
    if (r == STORE_ERROR)
        return JR_EDB;
    if (r == STORE_DONE)
        return JR_ENOTFOUND;
    provider_from_row(NULL, s, out);
    store_reset(s);
    return JR_OK;
}

jr_status store_provider_list(jr_store *st, int (*fn)(void *ud, const void *row), void *ud,
                              jr_error *err)
{
    jr_stmt *s = store_prepare(st, "SELECT id, agb, name, kind FROM provider ORDER BY agb", err);
    if (!s)
        return JR_EDB;
    jr_provider p;
    return store_each(s, provider_from_row, NULL, &p, fn, ud, err);
}

jr_status store_provider_count(jr_store *st, int64_t *n, jr_error *err)
{
    jr_stmt *s = store_prepare(st, "SELECT count(*) FROM provider", err);
    if (!s || store_step(s, err) != STORE_ROW)
        return JR_EDB;
    *n = store_col_int(s, 0);
    store_reset(s);
    return JR_OK;
}

jr_status store_contract_insert(jr_store *st, int64_t provider_id, const char *lot,
                                const char *product, jr_date start, jr_date end, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "INSERT INTO contract (provider_id, lot, product, start_date,"
                               " end_date, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                               err);
    if (!s)
        return JR_EDB;
    char from[JR_DATE_ISO_LEN], to[JR_DATE_ISO_LEN], now[STORE_TS_LEN];
    store_bind_int(s, 1, provider_id);
    store_bind_text(s, 2, lot);
    store_bind_text(s, 3, product);
    store_bind_text(s, 4, date_format(start, from));
    store_bind_text(s, 5, end == JR_DATE_NONE ? NULL : date_format(end, to));
    store_bind_text(s, 6, store_timestamp(0, now));
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

/* contract_from_row: columns id, agb, lot, product, start_date, end_date */
static void contract_from_row(const void *ud, jr_stmt *s, void *row)
{
    jr_contract *c = row;
    (void)ud;
    c->id = store_col_int(s, 0);
    str_copy(c->agb, sizeof c->agb, store_col_text(s, 1));
    str_copy(c->lot, sizeof c->lot, store_col_text(s, 2));
    str_copy(c->product, sizeof c->product, store_col_text(s, 3));
    date_parse(store_col_text(s, 4), &c->start);
    c->end = JR_DATE_NONE;
    if (!store_col_null(s, 5))
        date_parse(store_col_text(s, 5), &c->end);
}

jr_status store_contract_list(jr_store *st, const char *agb, int (*fn)(void *ud, const void *row),
                              void *ud, jr_error *err)
{
    jr_stmt *s =
        store_prepare(st,
                      "SELECT c.id, p.agb, c.lot, c.product, c.start_date, c.end_date"
                      " FROM contract c JOIN provider p ON p.id = c.provider_id"
                      " WHERE CAST(? AS TEXT) IS NULL OR p.agb = ? ORDER BY p.agb, c.product, c.id",
                      err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, agb);
    store_bind_text(s, 2, agb);
    jr_contract c;
    return store_each(s, contract_from_row, NULL, &c, fn, ud, err);
}

jr_status store_contract_covers(jr_store *st, int64_t provider_id, const char *product,
                                jr_date from, jr_date to, bool *out, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "SELECT 1 FROM contract WHERE provider_id = ? AND product = ?"
                               " AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)"
                               " LIMIT 1",
                               err);
    if (!s)
        return JR_EDB;
    char f[JR_DATE_ISO_LEN], t[JR_DATE_ISO_LEN];
    store_bind_int(s, 1, provider_id);
    store_bind_text(s, 2, product);
    store_bind_text(s, 3, date_format(from, f));
    store_bind_text(s, 4, date_format(to, t));
    store_step_result r = store_step(s, err);
    store_reset(s);
    if (r == STORE_ERROR)
        return JR_EDB;
    *out = r == STORE_ROW;
    return JR_OK;
}

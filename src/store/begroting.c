/*
 * begroting.c (store): the begroting table and the queries of budget
 * control (see begroting.h). Each statement is a string literal given to
 * store_prepare, prepared once per store.
 */
#include "begroting.h"
#include "idmap.h"
#include "run_sql.h"

#include "../core/sbuf.h"

#include <string.h>

static void begroting_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_begroting_row *r = row;
    (void)ud;
    str_copy(r->gemeente, sizeof r->gemeente, store_col_text(q, 0));
    r->year = (int32_t)store_col_int(q, 1);
    str_copy(r->voorziening, sizeof r->voorziening, store_col_text(q, 2));
    r->amount = store_col_int(q, 3);
    str_copy(r->taakveld, sizeof r->taakveld, store_col_text(q, 4));
    str_copy(r->set_by, sizeof r->set_by, store_col_text(q, 5));
    str_copy(r->set_at, sizeof r->set_at, store_col_text(q, 6));
}

#define BEGROTING_COLS                                                                             \
    "SELECT gemeente, year, voorziening, amount_cents, COALESCE(taakveld, ''), set_by, set_at"     \
    " FROM begroting"

jr_status store_begroting_get(jr_store *st, const char *gemeente, int32_t year,
                              const char *voorziening, store_begroting_row *out, jr_error *err)
{
    jr_stmt *q = store_prepare(
        st, BEGROTING_COLS " WHERE gemeente = ?1 AND year = ?2 AND voorziening = ?3", err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, gemeente);
    store_bind_int(q, 2, year);
    store_bind_text(q, 3, voorziening);
    return store_one(q, begroting_from_row, NULL, out, err);
}

jr_status store_begroting_put(jr_store *st, const store_begroting_row *r, jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "INSERT INTO begroting (gemeente, year, voorziening, amount_cents, taakveld, set_by,"
        " set_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
        " ON CONFLICT (gemeente, year, voorziening) DO UPDATE SET amount_cents = ?4,"
        " taakveld = ?5, set_by = ?6, set_at = ?7",
        err);
    if (!q)
        return JR_EDB;
    char now[STORE_TS_LEN];
    store_bind_text(q, 1, r->gemeente);
    store_bind_int(q, 2, r->year);
    store_bind_text(q, 3, r->voorziening);
    store_bind_int(q, 4, r->amount);
    store_bind_text(q, 5, r->taakveld[0] ? r->taakveld : NULL);
    store_bind_text(q, 6, r->set_by);
    store_bind_text(q, 7, store_timestamp(0, now));
    return store_step_done(q, err);
}

jr_status store_begroting_list(jr_store *st, const char *gemeente, int32_t year,
                               int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               BEGROTING_COLS " WHERE year = ?1"
                                              " AND (CAST(?2 AS TEXT) IS NULL OR gemeente = ?2)"
                                              " ORDER BY gemeente, voorziening",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, year);
    store_bind_text(q, 2, gemeente);
    store_begroting_row r;
    return store_each(q, begroting_from_row, NULL, &r, fn, ud, err);
}

static void spend_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_bc_spend_row *r = row;
    (void)ud;
    str_copy(r->gemeente, sizeof r->gemeente, store_col_text(q, 0));
    jr_month m = 0;
    r->month = month_parse(store_col_text(q, 1), &m) ? m : 0;
    str_copy(r->product, sizeof r->product, store_col_text(q, 2));
    r->cents = store_col_int(q, 3);
    r->lines = store_col_int(q, 4);
}

jr_status store_begroting_spend(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                                int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    /* the summary per product (migration 022), in its key order: a
       municipality's months are a range of it, the region's every
       municipality's rows (gemeente '' is the region's own, not read) */
    static const char *const sql[2] = {
        "SELECT gemeente, month, product, amount_cents, lines FROM spend_product_month"
        " WHERE gemeente > '' AND month >= ?1 AND month <= ?2 AND ?3 IS NULL"
        " ORDER BY gemeente, month, product",
        "SELECT gemeente, month, product, amount_cents, lines FROM spend_product_month"
        " WHERE gemeente = ?3 AND month >= ?1 AND month <= ?2"
        " ORDER BY gemeente, month, product"};
    jr_stmt *q = store_prepare(st, sql[gemeente != NULL], err);
    if (!q)
        return JR_EDB;
    char f[8], l[8];
    store_bind_text(q, 1, month_format(first, f));
    store_bind_text(q, 2, month_format(last, l));
    store_bind_text(q, 3, gemeente);
    store_bc_spend_row r;
    return store_each(q, spend_from_row, NULL, &r, fn, ud, err);
}

static void assignment_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_bc_assignment_row *r = row;
    (void)ud;
    memset(r, 0, sizeof *r);
    r->id = store_col_int(q, 0);
    str_copy(r->gemeente, sizeof r->gemeente, store_col_text(q, 1));
    r->is_budget = store_col_int(q, 3) != 0;
    str_copy(r->product, sizeof r->product, r->is_budget ? "" : store_col_text(q, 2));
    r->budget = store_col_int(q, 4);
    r->volume = store_col_int(q, 5);
    str_copy(r->unit, sizeof r->unit, store_col_text(q, 6));
    r->start = store_col_date(q, 7);
    r->run_end = store_col_date(q, 8);
}

/* What an open assignment takes from two other tables, read whole and
 * joined here by binary search on the assignment id (store/idmap.h): a
 * lookup per assignment in each (a correlated subquery and a LEFT JOIN)
 * cost four fifths of the budget control of the national bench's region,
 * the two reads in key order a few per cent. Columns: id, a, b. */
static void pair_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_idval *p = row;
    (void)ud;
    p->id = store_col_int(q, 0);
    p->a = store_col_int(q, 1);
    p->b = store_col_int(q, 2);
}

typedef struct {
    const store_idmap *use, *months;
    int (*fn)(void *ud, const void *row);
    void *ud;
} open_join;

static int open_relay(void *ud, const void *row)
{
    const open_join *j = ud;
    store_bc_assignment_row r = *(const store_bc_assignment_row *)row;
    const store_idval *u = store_idmap_find(j->use, r.id), *m = store_idmap_find(j->months, r.id);
    if (u)
        r.used = u->a, r.used_base = u->b;
    if (m)
        r.months = (uint32_t)m->a;
    return j->fn(j->ud, &r);
}

jr_status store_begroting_open_assignments(jr_store *st, jr_date first, jr_date last, int32_t year,
                                           const char *gemeente,
                                           int (*fn)(void *ud, const void *row), void *ud,
                                           jr_error *err)
{
    store_idmap use = {0}, months = {0};
    /* assignment_use in its key order; an assignment's
       spend_year row is one per year (it has one municipality and one
       provider), a key range of the year's municipality */
    jr_status rc = store_idmap_read(
        store_prepare(st,
                      "SELECT assignment_id, used_cents, used_base FROM assignment_use"
                      " ORDER BY assignment_id",
                      err),
        pair_from_row, &use, err);
    if (rc == JR_OK) {
        static const char *const sql[2] = {
            "SELECT assignment_id, months, 0 FROM spend_year WHERE year = ?1 AND ?2 IS NULL",
            "SELECT assignment_id, months, 0 FROM spend_year WHERE year = ?1 AND gemeente = ?2"};
        jr_stmt *q = store_prepare(st, sql[gemeente != NULL], err);
        if (q) {
            store_bind_int(q, 1, year);
            store_bind_text(q, 2, gemeente);
        }
        rc = store_idmap_read(q, pair_from_row, &months, err);
    }
    if (rc == JR_OK) {
        /* through the covering index assignment_open (migration 014): a
           municipality's active assignments as a range of it, the
           region's as every active one */
#define OPEN_COLS                                                                                  \
    "SELECT a.id, a.gemeente, a.product, a.is_budget, a.budget_cents, a.volume, a.unit,"           \
    " a.start_date, " STORE_RUN_END " FROM assignment a"
#define OPEN_WHERE                                                                                 \
    " WHERE a.status = 'actief' AND a.start_date <= ?2 AND " STORE_RUN_END " >= ?1"                \
    " AND a.end_date >= ?1"
        /* A municipality's as a range of the covering index; the region's
           in the table's own order, by id, with no sort: the joins to
           assignment_use and spend_year by id then walk their directories
           in order (in the index's order each look-up missed the cache:
           two fifths of the region's control on the national bench) */
        static const char *const sql[2] = {OPEN_COLS " NOT INDEXED" OPEN_WHERE " AND ?3 IS NULL",
                                           OPEN_COLS " INDEXED BY assignment_open" OPEN_WHERE
                                                     " AND a.gemeente = ?3"};
#undef OPEN_COLS
#undef OPEN_WHERE
        jr_stmt *q = store_prepare(st, sql[gemeente != NULL], err);
        if (!q) {
            rc = JR_EDB;
        } else {
            char f[JR_DATE_ISO_LEN], l[JR_DATE_ISO_LEN];
            store_bind_date(q, 1, first, f);
            store_bind_date(q, 2, last, l);
            store_bind_text(q, 3, gemeente);
            store_bc_assignment_row r;
            open_join j = {&use, &months, fn, ud};
            rc = store_each(q, assignment_from_row, NULL, &r, open_relay, &j, err);
        }
    }
    store_idmap_free(&use);
    store_idmap_free(&months);
    return rc;
}

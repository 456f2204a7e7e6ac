/*
 * figures_sum.c (store): the care summary (see figures_sum.h).
 */
#include "figures_sum.h"
#include "run_sql.h"

#include "../core/sbuf.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    jr_care_run *v;
    size_t n, cap;
    bool nomem;
} run_list;

static void run_from_row(const void *ud, jr_stmt *q, void *row)
{
    jr_care_run *r = row;
    (void)ud;
    str_copy(r->gemeente, sizeof r->gemeente, store_col_text(q, 0));
    r->kind = runs_kind(store_col_text(q, 1));
    r->start = store_col_date(q, 2);
    r->end = store_col_date(q, 3);
}

static int run_keep(void *ud, const void *row)
{
    run_list *l = ud;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        jr_care_run *v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            l->nomem = true;
            return 1;
        }
        l->v = v, l->cap = cap;
    }
    l->v[l->n++] = *(const jr_care_run *)row;
    return 0;
}

static jr_status add_year(jr_store *st, const jr_care_year *y, int sign, jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "INSERT INTO care_youth_sum (year, gemeente, months_any, months_ambulant,"
        " months_verblijf, months_started, youths) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
        " ON CONFLICT (year, gemeente, months_any, months_ambulant, months_verblijf,"
        " months_started) DO UPDATE SET youths = care_youth_sum.youths + excluded.youths",
        err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, y->year);
    store_bind_text(q, 2, y->gemeente);
    store_bind_int(q, 3, y->any);
    store_bind_int(q, 4, y->ambulant);
    store_bind_int(q, 5, y->verblijf);
    store_bind_int(q, 6, y->started);
    store_bind_int(q, 7, sign);
    return store_step_done(q, err);
}

static jr_status add_run(jr_store *st, const jr_care_run *r, int sign, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO care_run_sum (gemeente, start_month, end_month, runs)"
                               " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (gemeente, start_month,"
                               " end_month) DO UPDATE SET runs = care_run_sum.runs + excluded.runs",
                               err);
    if (!q)
        return JR_EDB;
    char a[8], b[8];
    store_bind_text(q, 1, r->gemeente);
    store_bind_text(q, 2, month_format(date_month(r->start), a));
    store_bind_text(q, 3, month_format(date_month(r->end), b));
    store_bind_int(q, 4, sign);
    return store_step_done(q, err);
}

jr_status store_care_sum_youth(jr_store *st, int64_t youth_id, int sign, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT a.gemeente, a.category, a.start_date, " STORE_RUN_END
                               " FROM assignment a WHERE a.youth_id = ?"
                               " AND a.status <> 'ingetrokken'",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, youth_id);
    run_list l = {0};
    jr_care_run row;
    jr_status rc = store_each(q, run_from_row, NULL, &row, run_keep, &l, err);
    if (rc == JR_OK && l.nomem)
        rc = jr_fail(err, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
    size_t cap = rc == JR_OK ? runs_years_needed(l.v, l.n) : 0;
    jr_care_year *years = cap ? malloc(cap * sizeof *years) : NULL;
    if (cap && !years)
        rc = jr_fail(err, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
    size_t ny = rc == JR_OK && cap ? runs_year_fold(l.v, l.n, years, cap) : 0;
    for (size_t i = 0; rc == JR_OK && i < ny; i++)
        rc = add_year(st, &years[i], sign, err);
    for (size_t i = 0; rc == JR_OK && i < l.n; i++)
        if (runs_has_days(&l.v[i]))
            rc = add_run(st, &l.v[i], sign, err);
    free(years);
    free(l.v);
    return rc;
}

jr_status store_care_youth_of(jr_store *st, int64_t id, int64_t *youth, jr_error *err)
{
    *youth = 0;
    jr_stmt *q = store_prepare(st, "SELECT youth_id FROM assignment WHERE id = ?", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    jr_status rc = store_step_one(q, err);
    if (rc == JR_OK) {
        *youth = store_col_int(q, 0);
        store_reset(q);
    }
    return rc == JR_ENOTFOUND ? JR_OK : rc;
}

static void youth_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_care_youth_row *r = row;
    (void)ud;
    r->y.year = (int)store_col_int(q, 0);
    str_copy(r->y.gemeente, sizeof r->y.gemeente, store_col_text(q, 1));
    r->y.any = (uint16_t)store_col_int(q, 2);
    r->y.ambulant = (uint16_t)store_col_int(q, 3);
    r->y.verblijf = (uint16_t)store_col_int(q, 4);
    r->y.started = (uint16_t)store_col_int(q, 5);
    r->youths = store_col_int(q, 6);
}

jr_status store_care_youths_each(jr_store *st, int year, const char *gemeente,
                                 int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
#define YOUTHS_SELECT                                                                              \
    "SELECT year, gemeente, months_any, months_ambulant, months_verblijf, months_started,"         \
    " youths FROM care_youth_sum WHERE year = ?1 AND youths <> 0"
    static const char *const sql[2] = {YOUTHS_SELECT " AND ?2 IS NULL",
                                       YOUTHS_SELECT " AND gemeente = ?2"};
#undef YOUTHS_SELECT
    jr_stmt *q = store_prepare(st, sql[gemeente != NULL], err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, year);
    store_bind_text(q, 2, gemeente);
    store_care_youth_row row;
    return store_each(q, youth_from_row, NULL, &row, fn, ud, err);
}

static void run_sum_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_care_run_row *r = row;
    (void)ud;
    str_copy(r->gemeente, sizeof r->gemeente, store_col_text(q, 0));
    if (!month_parse(store_col_text(q, 1), &r->start) ||
        !month_parse(store_col_text(q, 2), &r->end))
        r->start = 1, r->end = 0; /* not a run: counts nowhere */
    r->runs = store_col_int(q, 3);
}

jr_status store_care_runs_each(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                               int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
#define RUNS_SELECT                                                                                \
    "SELECT gemeente, start_month, end_month, runs FROM care_run_sum"                              \
    " WHERE start_month <= ?2 AND end_month >= ?1 AND runs <> 0"
    static const char *const sql[2] = {RUNS_SELECT " AND ?3 IS NULL",
                                       RUNS_SELECT " AND gemeente = ?3"};
#undef RUNS_SELECT
    jr_stmt *q = store_prepare(st, sql[gemeente != NULL], err);
    if (!q)
        return JR_EDB;
    char f[8], l[8];
    store_bind_text(q, 1, month_format(first, f));
    store_bind_text(q, 2, month_format(last, l));
    store_bind_text(q, 3, gemeente);
    store_care_run_row row;
    return store_each(q, run_sum_from_row, NULL, &row, fn, ud, err);
}

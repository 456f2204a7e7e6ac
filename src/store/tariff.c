/*
 * tariff.c (store): the tables of the tariff model (see tariff.h). Each
 * statement is a string literal given to store_prepare, prepared once per
 * store.
 */
#include "tariff.h"

#include "../core/sbuf.h"

#include <string.h>

#define YEAR_COLS                                                                                  \
    "SELECT year, cao, ova_bp, pcc_bp, index_method, wage_weight_bp, example, source,"             \
    " updated_by, updated_at FROM tariff_norm_years"

static void year_from_row(const void *ud, jr_stmt *q, void *row)
{
    jr_tariff_norms *n = row;
    (void)ud;
    memset(n, 0, sizeof *n);
    n->year = (int32_t)store_col_int(q, 0);
    str_copy(n->cao, sizeof n->cao, store_col_text(q, 1));
    n->ova_bp = store_col_int(q, 2);
    n->pcc_bp = store_col_int(q, 3);
    tariff_index_method_parse(store_col_text(q, 4), &n->method);
    n->wage_weight_bp = store_col_int(q, 5);
    n->example = store_col_int(q, 6) != 0;
    str_copy(n->source, sizeof n->source, store_col_text(q, 7));
}

jr_status store_tariff_norms_get(jr_store *st, int32_t year, jr_tariff_norms *out,
                                 store_tariff_meta *meta, jr_error *err)
{
    jr_stmt *q = store_prepare(st, YEAR_COLS " WHERE year = ?1", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, year);
    jr_status rc = store_step_one(q, err);
    if (rc != JR_OK)
        return rc;
    year_from_row(NULL, q, out);
    if (meta) {
        str_copy(meta->updated_by, sizeof meta->updated_by, store_col_text(q, 8));
        str_copy(meta->updated_at, sizeof meta->updated_at, store_col_text(q, 9));
    }
    store_reset(q);

    q = store_prepare(st,
                      "SELECT code, scale, step, monthly_salary_cents, holiday_bp, year_end_bp,"
                      " employer_bp, hours_per_fte, overhead_bp, other_cents, example"
                      " FROM tariff_norm_fg WHERE year = ?1 ORDER BY code",
                      err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, year);
    store_step_result r;
    while ((r = store_step(q, err)) == STORE_ROW) {
        if (out->nfg >= JR_TARIFF_MAX_FG)
            continue;
        jr_tariff_fg_norm *f = &out->fg[out->nfg++];
        memset(f, 0, sizeof *f);
        str_copy(f->code, sizeof f->code, store_col_text(q, 0));
        f->scale = store_col_int(q, 1);
        f->step = store_col_int(q, 2);
        f->monthly_salary = store_col_int(q, 3);
        f->holiday_bp = store_col_int(q, 4);
        f->year_end_bp = store_col_int(q, 5);
        f->employer_bp = store_col_int(q, 6);
        f->hours_per_fte = store_col_int(q, 7);
        f->overhead_bp = store_col_int(q, 8);
        f->other_costs = store_col_int(q, 9);
        f->example = store_col_int(q, 10) != 0;
    }
    store_reset(q);
    if (r == STORE_ERROR)
        return JR_EDB;

    q = store_prepare(st,
                      "SELECT code, staff_fg, fte_x100, group_size, overhead_bp, other_cents,"
                      " accommodation_cents, occupancy_bp, example"
                      " FROM tariff_norm_intensity WHERE year = ?1 ORDER BY code",
                      err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, year);
    while ((r = store_step(q, err)) == STORE_ROW) {
        if (out->nint >= JR_TARIFF_MAX_INT)
            continue;
        jr_tariff_int_norm *i = &out->in[out->nint++];
        memset(i, 0, sizeof *i);
        str_copy(i->code, sizeof i->code, store_col_text(q, 0));
        str_copy(i->staff_fg, sizeof i->staff_fg, store_col_text(q, 1));
        i->fte_x100 = store_col_int(q, 2);
        i->group_size = store_col_int(q, 3);
        i->overhead_bp = store_col_int(q, 4);
        i->other_costs = store_col_int(q, 5);
        i->accommodation = store_col_int(q, 6);
        i->occupancy_bp = store_col_int(q, 7);
        i->example = store_col_int(q, 8) != 0;
    }
    store_reset(q);
    return r == STORE_ERROR ? JR_EDB : JR_OK;
}

jr_status store_tariff_years(jr_store *st, int (*fn)(void *ud, const void *row), void *ud,
                             jr_error *err)
{
    jr_stmt *q = store_prepare(st, YEAR_COLS " ORDER BY year", err);
    if (!q)
        return JR_EDB;
    jr_tariff_norms row;
    return store_each(q, year_from_row, NULL, &row, fn, ud, err);
}

jr_status store_tariff_year_put(jr_store *st, const jr_tariff_norms *n, const char *actor,
                                jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "INSERT INTO tariff_norm_years (year, cao, ova_bp, pcc_bp, index_method, wage_weight_bp,"
        " example, source, updated_by, updated_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
        " ON CONFLICT (year) DO UPDATE SET cao = ?2, ova_bp = ?3, pcc_bp = ?4,"
        " index_method = ?5, wage_weight_bp = ?6, example = ?7, source = ?8, updated_by = ?9,"
        " updated_at = ?10",
        err);
    if (!q)
        return JR_EDB;
    char now[STORE_TS_LEN];
    store_bind_int(q, 1, n->year);
    store_bind_text(q, 2, n->cao);
    store_bind_int(q, 3, n->ova_bp);
    store_bind_int(q, 4, n->pcc_bp);
    store_bind_text(q, 5, tariff_index_method_name(n->method));
    store_bind_int(q, 6, n->wage_weight_bp);
    store_bind_int(q, 7, n->example ? 1 : 0);
    store_bind_text(q, 8, n->source);
    store_bind_text(q, 9, actor ? actor : "onbekend");
    store_bind_text(q, 10, store_timestamp(0, now));
    return store_step_done(q, err);
}

jr_status store_tariff_fg_put(jr_store *st, int32_t year, const jr_tariff_fg_norm *f, jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "INSERT INTO tariff_norm_fg (year, code, scale, step, monthly_salary_cents, holiday_bp,"
        " year_end_bp, employer_bp, hours_per_fte, overhead_bp, other_cents, example)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
        " ON CONFLICT (year, code) DO UPDATE SET scale = ?3, step = ?4,"
        " monthly_salary_cents = ?5, holiday_bp = ?6, year_end_bp = ?7, employer_bp = ?8,"
        " hours_per_fte = ?9, overhead_bp = ?10, other_cents = ?11, example = ?12",
        err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, year);
    store_bind_text(q, 2, f->code);
    store_bind_int(q, 3, f->scale);
    store_bind_int(q, 4, f->step);
    store_bind_int(q, 5, f->monthly_salary);
    store_bind_int(q, 6, f->holiday_bp);
    store_bind_int(q, 7, f->year_end_bp);
    store_bind_int(q, 8, f->employer_bp);
    store_bind_int(q, 9, f->hours_per_fte);
    store_bind_int(q, 10, f->overhead_bp);
    store_bind_int(q, 11, f->other_costs);
    store_bind_int(q, 12, f->example ? 1 : 0);
    return store_step_done(q, err);
}

jr_status store_tariff_int_put(jr_store *st, int32_t year, const jr_tariff_int_norm *i,
                               jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "INSERT INTO tariff_norm_intensity (year, code, staff_fg, fte_x100, group_size,"
        " overhead_bp, other_cents, accommodation_cents, occupancy_bp, example)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
        " ON CONFLICT (year, code) DO UPDATE SET staff_fg = ?3, fte_x100 = ?4,"
        " group_size = ?5, overhead_bp = ?6, other_cents = ?7, accommodation_cents = ?8,"
        " occupancy_bp = ?9, example = ?10",
        err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, year);
    store_bind_text(q, 2, i->code);
    store_bind_text(q, 3, i->staff_fg);
    store_bind_int(q, 4, i->fte_x100);
    store_bind_int(q, 5, i->group_size);
    store_bind_int(q, 6, i->overhead_bp);
    store_bind_int(q, 7, i->other_costs);
    store_bind_int(q, 8, i->accommodation);
    store_bind_int(q, 9, i->occupancy_bp);
    store_bind_int(q, 10, i->example ? 1 : 0);
    return store_step_done(q, err);
}

jr_status store_tariff_norms_replace(jr_store *st, const jr_tariff_norms *n, const char *actor,
                                     jr_error *err)
{
    jr_status rc = store_tariff_year_put(st, n, actor, err);
    if (rc != JR_OK)
        return rc;
    jr_stmt *q = store_prepare(st, "DELETE FROM tariff_norm_fg WHERE year = ?1", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, n->year);
    if ((rc = store_step_done(q, err)) != JR_OK)
        return rc;
    q = store_prepare(st, "DELETE FROM tariff_norm_intensity WHERE year = ?1", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, n->year);
    if ((rc = store_step_done(q, err)) != JR_OK)
        return rc;
    for (int k = 0; rc == JR_OK && k < n->nfg; k++)
        rc = store_tariff_fg_put(st, n->year, &n->fg[k], err);
    for (int k = 0; rc == JR_OK && k < n->nint; k++)
        rc = store_tariff_int_put(st, n->year, &n->in[k], err);
    return rc;
}

jr_status store_tariff_adoption_add(jr_store *st, store_tariff_adoption *a, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO tariff_adoptions (year, basis, products, total_cents,"
                               " adopted_by, adopted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, a->year);
    store_bind_text(q, 2, a->basis);
    store_bind_int(q, 3, a->products);
    store_bind_int(q, 4, a->total_cents);
    store_bind_text(q, 5, a->adopted_by);
    store_bind_text(q, 6, store_timestamp(0, a->adopted_at));
    jr_status rc = store_step_done(q, err);
    if (rc == JR_OK)
        a->id = store_last_id(st);
    return rc;
}

jr_status store_tariff_adoption_last(jr_store *st, int32_t year, store_tariff_adoption *out,
                                     jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT id, year, basis, products, total_cents, adopted_by,"
                               " adopted_at FROM tariff_adoptions WHERE year = ?1"
                               " ORDER BY id DESC LIMIT 1",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, year);
    jr_status rc = store_step_one(q, err);
    if (rc != JR_OK)
        return rc;
    memset(out, 0, sizeof *out);
    out->id = store_col_int(q, 0);
    out->year = (int32_t)store_col_int(q, 1);
    str_copy(out->basis, sizeof out->basis, store_col_text(q, 2));
    out->products = store_col_int(q, 3);
    out->total_cents = store_col_int(q, 4);
    str_copy(out->adopted_by, sizeof out->adopted_by, store_col_text(q, 5));
    str_copy(out->adopted_at, sizeof out->adopted_at, store_col_text(q, 6));
    store_reset(q);
    return JR_OK;
}

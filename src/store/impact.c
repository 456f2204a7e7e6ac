/*
 * impact.c (store): the reads of the impact analysis (see impact.h). Each
 * statement is a string literal given to store_prepare, prepared once per
 * store.
 */
#include "impact.h"

#include <stdio.h>
#include <string.h>

/* each: steps q to its end, handing every row to conv then fn */
static jr_status each(jr_stmt *q, void (*conv)(jr_stmt *, void *), void *row,
                      int (*fn)(void *, const void *), void *ud, jr_error *err)
{
    for (;;) {
        store_step_result r = store_step(q, err);
        if (r == STORE_DONE)
            break;
        if (r == STORE_ERROR) {
            store_reset(q);
            return JR_EDB;
        }
        conv(q, row);
        if (fn(ud, row) != 0)
            break;
    }
    store_reset(q);
    return JR_OK;
}

/* the lines stepped in row order, a batch's together: its municipality and
   provider are read once per batch */
jr_status store_impact_lines(jr_store *st, int32_t year, int (*fn)(void *ud, const void *row),
                             void *ud, jr_error *err)
{
    /* the batches of the year's months by their period (decl_batch_period),
       each one's lines by the primary key's range. The status is read, not
       tested in SQL: a test on it there makes SQLite build an automatic
       index on the status instead of reading the range (and the rejected
       lines are a few per cent) */
    jr_stmt *q = store_prepare(
        st,
        "SELECT b.id, b.gemeente, b.provider_id, l.status, l.assignment_id, l.product, l.unit,"
        " l.volume, l.amount_cents, l.credit"
        " FROM decl_batch b JOIN decl_line l ON l.id BETWEEN b.first_line AND b.last_line"
        " WHERE b.period >= ?1 AND b.period <= ?2",
        err);
    if (!q)
        return JR_EDB;
    char lo[8], hi[8], gemeente[8] = "";
    snprintf(lo, sizeof lo, "%04d-01", (int)year);
    snprintf(hi, sizeof hi, "%04d-12", (int)year);
    store_bind_text(q, 1, lo);
    store_bind_text(q, 2, hi);
    store_imp_line l;
    memset(&l, 0, sizeof l);
    l.gemeente = gemeente;
    int64_t batch = -1;
    for (;;) {
        store_step_result sr = store_step(q, err);
        if (sr == STORE_DONE)
            break;
        if (sr == STORE_ERROR) {
            store_reset(q);
            return JR_EDB;
        }
        const char *status = store_col_text(q, 3);
        if (status[0] != 'A' || status[1])
            continue;
        int64_t b = store_col_int(q, 0);
        if (b != batch) {
            batch = b;
            snprintf(gemeente, sizeof gemeente, "%s", store_col_text(q, 1));
            l.provider_id = store_col_int(q, 2);
        }
        l.assignment_id = store_col_null(q, 4) ? 0 : store_col_int(q, 4);
        l.product = store_col_text(q, 5);
        l.unit = store_col_text(q, 6);
        l.volume = store_col_int(q, 7);
        l.amount_cents = store_col_int(q, 8);
        l.credit = store_col_int(q, 9) != 0;
        if (fn(ud, &l) != 0)
            break;
    }
    store_reset(q);
    return JR_OK;
}

static void budget_from(jr_stmt *q, void *row)
{
    store_imp_budget *b = row;
    b->id = store_col_int(q, 0);
    b->budget_cents = store_col_int(q, 1);
    b->kb = store_col_text(q, 2);
}

jr_status store_impact_budgets(jr_store *st, int64_t lo, int64_t hi,
                               int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *q =
        store_prepare(st,
                      "SELECT a.id, a.budget_cents,"
                      " CASE WHEN a.quote_id IS NULL THEN COALESCE(r.budget, '') ELSE '' END"
                      " FROM assignment a LEFT JOIN referral r ON r.id = a.referral_id"
                      " WHERE a.id BETWEEN ?1 AND ?2 AND a.is_budget = 1",
                      err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, lo);
    store_bind_int(q, 2, hi);
    store_imp_budget row;
    return each(q, budget_from, &row, fn, ud, err);
}

jr_status store_impact_max_ids(jr_store *st, int64_t *assignment, int64_t *provider, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT (SELECT COALESCE(MAX(id), 0) FROM assignment),"
                               " (SELECT COALESCE(MAX(id), 0) FROM provider)",
                               err);
    if (!q)
        return JR_EDB;
    jr_status rc = store_step_one(q, err);
    if (rc != JR_OK)
        return rc == JR_ENOTFOUND ? JR_EDB : rc;
    *assignment = store_col_int(q, 0);
    *provider = store_col_int(q, 1);
    store_reset(q);
    return JR_OK;
}

static void provider_from(jr_stmt *q, void *row)
{
    store_imp_provider *p = row;
    p->id = store_col_int(q, 0);
    p->agb = store_col_text(q, 1);
    p->name = store_col_text(q, 2);
}

jr_status store_impact_providers(jr_store *st, int (*fn)(void *ud, const void *row), void *ud,
                                 jr_error *err)
{
    jr_stmt *q = store_prepare(st, "SELECT id, agb, name FROM provider", err);
    if (!q)
        return JR_EDB;
    store_imp_provider row;
    return each(q, provider_from, &row, fn, ud, err);
}

jr_status store_impact_provider_id(jr_store *st, const char *agb, int64_t *id, jr_error *err)
{
    jr_stmt *q = store_prepare(st, "SELECT id FROM provider WHERE agb = ?1", err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, agb);
    jr_status rc = store_step_one(q, err);
    if (rc != JR_OK)
        return rc;
    *id = store_col_int(q, 0);
    store_reset(q);
    return JR_OK;
}

static void scenario_from(jr_stmt *q, void *row)
{
    store_imp_scenario *s = row;
    s->name = store_col_text(q, 0);
    s->scenario = store_col_text(q, 1);
    s->saved_by = store_col_text(q, 2);
    s->saved_at = store_col_text(q, 3);
}

jr_status store_impact_scenario_put(jr_store *st, const char *name, const char *scenario,
                                    const char *saved_by, bool *replaced, jr_error *err)
{
    jr_stmt *q = store_prepare(st, "SELECT 1 FROM impact_scenario WHERE name = ?1", err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, name);
    bool had = false;
    jr_status rc = store_step_exists(q, &had, err);
    if (rc != JR_OK)
        return rc;
    if (replaced)
        *replaced = had;
    q = had ? store_prepare(st,
                            "UPDATE impact_scenario SET scenario = ?2, saved_by = ?3, saved_at = ?4"
                            " WHERE name = ?1",
                            err)
            : store_prepare(st,
                            "INSERT INTO impact_scenario (name, scenario, saved_by, saved_at)"
                            " VALUES (?1, ?2, ?3, ?4)",
                            err);
    if (!q)
        return JR_EDB;
    char ts[STORE_TS_LEN];
    store_bind_text(q, 1, name);
    store_bind_text(q, 2, scenario);
    store_bind_text(q, 3, saved_by);
    store_bind_text(q, 4, store_timestamp(0, ts));
    return store_step_done(q, err);
}

jr_status store_impact_scenario_get(jr_store *st, const char *name,
                                    int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(
        st, "SELECT name, scenario, saved_by, saved_at FROM impact_scenario WHERE name = ?1", err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, name);
    jr_status rc = store_step_one(q, err);
    if (rc != JR_OK)
        return rc;
    store_imp_scenario row;
    scenario_from(q, &row);
    fn(ud, &row);
    store_reset(q);
    return JR_OK;
}

jr_status store_impact_scenario_list(jr_store *st, int (*fn)(void *ud, const void *row), void *ud,
                                     jr_error *err)
{
    jr_stmt *q = store_prepare(
        st, "SELECT name, scenario, saved_by, saved_at FROM impact_scenario ORDER BY name", err);
    if (!q)
        return JR_EDB;
    store_imp_scenario row;
    return each(q, scenario_from, &row, fn, ud, err);
}

jr_status store_impact_scenario_delete(jr_store *st, const char *name, jr_error *err)
{
    jr_stmt *q = store_prepare(st, "SELECT 1 FROM impact_scenario WHERE name = ?1", err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, name);
    bool had = false;
    jr_status rc = store_step_exists(q, &had, err);
    if (rc != JR_OK)
        return rc;
    if (!had)
        return JR_ENOTFOUND;
    q = store_prepare(st, "DELETE FROM impact_scenario WHERE name = ?1", err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, name);
    return store_step_done(q, err);
}

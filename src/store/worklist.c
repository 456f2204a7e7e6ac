/*
 * worklist.c: the SQL of the work lists' key queries (see worklist.h).
 * Each binds its filters, steps to at most limit rows and collects the
 * first column as the keys.
 */
#include "worklist.h"

#include "../core/sbuf.h"

/* keys_ids: steps q, collecting column 0 as ids (at most limit) */
static jr_status keys_ids(jr_stmt *q, int limit, int64_t *ids, int *n, jr_error *err)
{
    store_step_result r = STORE_DONE;
    *n = 0;
    while (*n < limit && (r = store_step(q, err)) == STORE_ROW)
        ids[(*n)++] = store_col_int(q, 0);
    store_reset(q);
    return r == STORE_ERROR ? JR_EDB : JR_OK;
}

/* keys_numbers: steps q, collecting column 0 as numbers (at most limit) */
static jr_status keys_numbers(jr_stmt *q, int limit, char (*numbers)[STORE_WORKLIST_NUMBER], int *n,
                              jr_error *err)
{
    store_step_result r = STORE_DONE;
    *n = 0;
    while (*n < limit && (r = store_step(q, err)) == STORE_ROW) {
        str_copy(numbers[*n], STORE_WORKLIST_NUMBER, store_col_text(q, 0));
        (*n)++;
    }
    store_reset(q);
    return r == STORE_ERROR ? JR_EDB : JR_OK;
}

jr_status store_worklist_open_quotes(jr_store *st, bool for_provider, const char *gemeente,
                                     const char *agb, int limit, int64_t *ids, int *n,
                                     jr_error *err)
{
    *n = 0;
    jr_stmt *q = store_prepare(st,
                               "SELECT q.id FROM quote q JOIN referral r ON r.id = q.referral_id"
                               " JOIN provider p ON p.id = q.provider_id"
                               " WHERE (q.status = 'aangevraagd' OR (?1 = 0 AND"
                               " q.status = 'beantwoord')) AND (?2 IS NULL OR r.gemeente = ?2)"
                               " AND (?3 IS NULL OR p.agb = ?3) ORDER BY q.id DESC LIMIT ?4",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, for_provider);
    store_bind_text(q, 2, gemeente);
    store_bind_text(q, 3, agb);
    store_bind_int(q, 4, limit);
    return keys_ids(q, limit, ids, n, err);
}

jr_status store_worklist_awaiting_start(jr_store *st, const char *gemeente, const char *agb,
                                        int limit, char (*numbers)[STORE_WORKLIST_NUMBER], int *n,
                                        jr_error *err)
{
    *n = 0;
    jr_stmt *q = store_prepare(st,
                               "SELECT a.number FROM assignment a"
                               " JOIN provider p ON p.id = a.provider_id"
                               " WHERE a.status = 'actief' AND a.care_start IS NULL"
                               " AND (?1 IS NULL OR a.gemeente = ?1)"
                               " AND (?2 IS NULL OR p.agb = ?2) ORDER BY a.id DESC LIMIT ?3",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, gemeente);
    store_bind_text(q, 2, agb);
    store_bind_int(q, 3, limit);
    return keys_numbers(q, limit, numbers, n, err);
}

jr_status store_worklist_budgets_over(jr_store *st, int64_t permille, const char *gemeente,
                                      const char *agb, int limit,
                                      char (*numbers)[STORE_WORKLIST_NUMBER], int *n, jr_error *err)
{
    *n = 0;
    jr_stmt *q =
        store_prepare(st,
                      "SELECT a.number FROM assignment a"
                      " JOIN provider p ON p.id = a.provider_id"
                      " JOIN assignment_use u ON u.assignment_id = a.id"
                      " WHERE a.status = 'actief' AND a.is_budget = 1"
                      " AND a.budget_cents > 0 AND u.used_cents * 1000 > a.budget_cents * ?4"
                      " AND (?1 IS NULL OR a.gemeente = ?1)"
                      " AND (?2 IS NULL OR p.agb = ?2) ORDER BY a.id DESC LIMIT ?3",
                      err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, gemeente);
    store_bind_text(q, 2, agb);
    store_bind_int(q, 3, limit);
    store_bind_int(q, 4, permille);
    return keys_numbers(q, limit, numbers, n, err);
}

/*
 * worklist.c: the lists of the work waiting for a user (see worklist.h).
 *
 * Each list first collects the keys of its rows (at most JR_WORKLIST_MAX)
 * with one scoped query, then reads each record through its own service
 * (quote_get, assignment_get), so the records look the same everywhere.
 */
#include "worklist.h"

#include "../core/sbuf.h"
#include "../domain/budget.h"

#include <string.h>

/* worklist_begin: checks the role and narrows the filters to the scope;
 * *none when the principal sees nothing. */
static jr_status worklist_begin(const jr_ctx *ctx, int *limit, const char **gemeente,
                                const char **agb, bool *none, jr_error *err)
{
    if (*limit < 1)
        *limit = 1;
    if (*limit > JR_WORKLIST_MAX)
        *limit = JR_WORKLIST_MAX;
    *gemeente = NULL;
    *agb = NULL;
    return svc_list_scope(ctx, gemeente, agb, none, err);
}

jr_status worklist_open_quotes(const jr_ctx *ctx, int limit, jr_row_fn fn, void *ud, jr_error *err)
{
    const char *gemeente, *agb;
    bool none;
    jr_status rc = worklist_begin(ctx, &limit, &gemeente, &agb, &none, err);
    if (rc != JR_OK || none)
        return rc;
    jr_stmt *s = store_prepare(ctx->store,
                               "SELECT q.id FROM quote q JOIN referral r ON r.id = q.referral_id"
                               " JOIN provider p ON p.id = q.provider_id"
                               " WHERE (q.status = 'aangevraagd' OR (?1 = 0 AND"
                               " q.status = 'beantwoord')) AND (?2 IS NULL OR r.gemeente = ?2)"
                               " AND (?3 IS NULL OR p.agb = ?3) ORDER BY q.id DESC LIMIT ?4",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, ctx->who.role == JR_ROLE_AANBIEDER);
    store_bind_text(s, 2, gemeente);
    store_bind_text(s, 3, agb);
    store_bind_int(s, 4, limit);
    int64_t ids[JR_WORKLIST_MAX];
    int n = 0;
    store_step_result r = STORE_DONE;
    while (n < limit && (r = store_step(s, err)) == STORE_ROW)
        ids[n++] = store_col_int(s, 0);
    store_reset(s);
    if (n < limit && r == STORE_ERROR)
        return JR_EDB;
    for (int i = 0; i < n; i++) {
        jr_quote q;
        if ((rc = quote_get(ctx, ids[i], &q, err)) != JR_OK)
            return rc;
        if (fn(ud, &q))
            break;
    }
    return JR_OK;
}

/* worklist_assignments: the assignments the query sql (binding gemeente ?1,
 * agb ?2, limit ?3) names by number. */
static jr_status worklist_assignments(const jr_ctx *ctx, const char *sql, int limit, jr_row_fn fn,
                                      void *ud, jr_error *err)
{
    const char *gemeente, *agb;
    bool none;
    jr_status rc = worklist_begin(ctx, &limit, &gemeente, &agb, &none, err);
    if (rc != JR_OK || none)
        return rc;
    jr_stmt *s = store_prepare(ctx->store, sql, err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, gemeente);
    store_bind_text(s, 2, agb);
    store_bind_int(s, 3, limit);
    char numbers[JR_WORKLIST_MAX][24];
    int n = 0;
    store_step_result r = STORE_DONE;
    while (n < limit && (r = store_step(s, err)) == STORE_ROW)
        str_copy(numbers[n++], sizeof numbers[0], store_col_text(s, 0));
    store_reset(s);
    if (n < limit && r == STORE_ERROR)
        return JR_EDB;
    for (int i = 0; i < n; i++) {
        jr_assignment a;
        if ((rc = assignment_get(ctx, numbers[i], &a, err)) != JR_OK)
            return rc;
        if (fn(ud, &a))
            break;
    }
    return JR_OK;
}

jr_status worklist_awaiting_start(const jr_ctx *ctx, int limit, jr_row_fn fn, void *ud,
                                  jr_error *err)
{
    return worklist_assignments(ctx,
                                "SELECT a.number FROM assignment a"
                                " JOIN provider p ON p.id = a.provider_id"
                                " WHERE a.status = 'actief' AND a.care_start IS NULL"
                                " AND (?1 IS NULL OR a.gemeente = ?1)"
                                " AND (?2 IS NULL OR p.agb = ?2) ORDER BY a.id DESC LIMIT ?3",
                                limit, fn, ud, err);
}

jr_status worklist_budgets_nearly_spent(const jr_ctx *ctx, int limit, jr_row_fn fn, void *ud,
                                        jr_error *err)
{
    return worklist_assignments(
        ctx,
        "SELECT a.number FROM assignment a"
        " JOIN provider p ON p.id = a.provider_id"
        " JOIN assignment_use u ON u.assignment_id = a.id"
        " WHERE a.status = 'actief' AND a.is_budget = 1"
        " AND a.budget_cents > 0 AND u.used_cents * 1000 > a.budget_cents * " JR_STR(
            LEDGER_NEARLY_SPENT_PERMILLE) " AND (?1 IS NULL OR a.gemeente = ?1)"
                                          " AND (?2 IS NULL OR p.agb = ?2) ORDER BY a.id DESC "
                                          "LIMIT ?3",
        limit, fn, ud, err);
}

jr_status worklist_rejected_lines(const jr_ctx *ctx, int limit, jr_row_fn fn, void *ud,
                                  jr_error *err)
{
    const char *gemeente, *agb;
    bool none;
    jr_status rc = worklist_begin(ctx, &limit, &gemeente, &agb, &none, err);
    if (rc != JR_OK || none)
        return rc;
    jr_stmt *s = store_prepare(ctx->store,
                               "SELECT " DECL_OUTCOME_COLS ", b.id, b.number, b.gemeente, p.agb,"
                               " b.period FROM decl_line l JOIN decl_batch b ON b.id = l.batch_id"
                               " JOIN provider p ON p.id = b.provider_id WHERE l.status = 'R'"
                               " AND (?1 IS NULL OR b.gemeente = ?1) AND (?2 IS NULL OR"
                               " p.agb = ?2) ORDER BY l.id DESC LIMIT ?3",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, gemeente);
    store_bind_text(s, 2, agb);
    store_bind_int(s, 3, limit);
    store_step_result r = STORE_DONE;
    while ((r = store_step(s, err)) == STORE_ROW) {
        jr_rejected_line l;
        memset(&l, 0, sizeof l);
        decl_outcome_from_row(NULL, s, &l.line);
        l.batch_id = store_col_int(s, 12);
        str_copy(l.batch_number, sizeof l.batch_number, store_col_text(s, 13));
        str_copy(l.gemeente, sizeof l.gemeente, store_col_text(s, 14));
        str_copy(l.agb, sizeof l.agb, store_col_text(s, 15));
        month_parse(store_col_text(s, 16), &l.period);
        if (fn(ud, &l))
            break;
    }
    store_reset(s);
    return r == STORE_ERROR ? JR_EDB : JR_OK;
}

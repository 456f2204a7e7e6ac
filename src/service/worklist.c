/*
 * worklist.c: the lists of the work waiting for a user (see worklist.h).
 *
 * Each list first collects the keys of its rows (at most JR_WORKLIST_MAX)
 * with one scoped query of the store (store/worklist.h), then reads each record through its own
 * service (quote_get, assignment_get), so the records look the same everywhere.
 */
#include "worklist.h"

#include "../core/sbuf.h"
#include "../domain/budget.h"
#include "../store/declarations.h"
#include "../store/worklist.h"

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
    int64_t ids[JR_WORKLIST_MAX];
    int n;
    rc = store_worklist_open_quotes(ctx->store, ctx->who.role == JR_ROLE_AANBIEDER, gemeente, agb,
                                    limit, ids, &n, err);
    for (int i = 0; rc == JR_OK && i < n; i++) {
        jr_quote q;
        if ((rc = quote_get(ctx, ids[i], &q, err)) == JR_OK && fn(ud, &q))
            break;
    }
    return rc;
}

/* worklist_assignments: each assignment of numbers[0..n) through assignment_get */
static jr_status worklist_assignments(const jr_ctx *ctx, char (*numbers)[STORE_WORKLIST_NUMBER],
                                      int n, jr_row_fn fn, void *ud, jr_error *err)
{
    for (int i = 0; i < n; i++) {
        jr_assignment a;
        jr_status rc = assignment_get(ctx, numbers[i], &a, err);
        if (rc != JR_OK)
            return rc;
        if (fn(ud, &a))
            break;
    }
    return JR_OK;
}

jr_status worklist_awaiting_start(const jr_ctx *ctx, int limit, jr_row_fn fn, void *ud,
                                  jr_error *err)
{
    const char *gemeente, *agb;
    bool none;
    jr_status rc = worklist_begin(ctx, &limit, &gemeente, &agb, &none, err);
    if (rc != JR_OK || none)
        return rc;
    char numbers[JR_WORKLIST_MAX][STORE_WORKLIST_NUMBER];
    int n;
    rc = store_worklist_awaiting_start(ctx->store, gemeente, agb, limit, numbers, &n, err);
    return rc == JR_OK ? worklist_assignments(ctx, numbers, n, fn, ud, err) : rc;
}

jr_status worklist_budgets_nearly_spent(const jr_ctx *ctx, int limit, jr_row_fn fn, void *ud,
                                        jr_error *err)
{
    const char *gemeente, *agb;
    bool none;
    jr_status rc = worklist_begin(ctx, &limit, &gemeente, &agb, &none, err);
    if (rc != JR_OK || none)
        return rc;
    char numbers[JR_WORKLIST_MAX][STORE_WORKLIST_NUMBER];
    int n;
    rc = store_worklist_budgets_over(ctx->store, LEDGER_NEARLY_SPENT_PERMILLE, gemeente, agb, limit,
                                     numbers, &n, err);
    return rc == JR_OK ? worklist_assignments(ctx, numbers, n, fn, ud, err) : rc;
}

typedef struct {
    jr_row_fn fn;
    void *ud;
} rejected_to;

static int rejected_each(void *ud, const void *row)
{
    const rejected_to *to = ud;
    const store_decl_rejected_row *r = row;
    jr_rejected_line l;
    memset(&l, 0, sizeof l);
    decl_outcome_from_line(&r->l, &l.line);
    l.batch_id = r->batch_id;
    str_copy(l.batch_number, sizeof l.batch_number, r->batch_number);
    str_copy(l.gemeente, sizeof l.gemeente, r->gemeente);
    str_copy(l.agb, sizeof l.agb, r->agb);
    l.period = r->period;
    return to->fn(to->ud, &l);
}

jr_status worklist_rejected_lines(const jr_ctx *ctx, int limit, jr_row_fn fn, void *ud,
                                  jr_error *err)
{
    const char *gemeente, *agb;
    bool none;
    jr_status rc = worklist_begin(ctx, &limit, &gemeente, &agb, &none, err);
    if (rc != JR_OK || none)
        return rc;
    rejected_to to = {fn, ud};
    return store_decl_rejected_lines(ctx->store, gemeente, agb, limit, rejected_each, &to, err);
}

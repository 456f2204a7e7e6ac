/*
 * figures_bench.c (store): the queries of the benchmark, ambulantisering,
 * quotes and the most expensive youths (see figures_bench.h). Each
 * statement is a string literal given to store_prepare, prepared once per
 * store; the grouped and the total form of a query share their text
 * through the macros below.
 */
#include "figures_bench.h"
#include "run_sql.h"

#include "../core/sbuf.h"

#include <stdlib.h>
#include <string.h>

/* an accepted line's signed amount (credits minus), 0 for a rejected one */
#define FB_SIGNED                                                                                  \
    "(CASE WHEN l.status <> 'A' THEN 0 WHEN l.credit = 1 THEN -l.amount_cents"                     \
    " ELSE l.amount_cents END)"

static void bind_days(jr_stmt *q, jr_date first, jr_date last, const char *gemeente,
                      const char *agb, char f[JR_DATE_ISO_LEN], char l[JR_DATE_ISO_LEN])
{
    store_bind_date(q, 1, first, f);
    store_bind_date(q, 2, last, l);
    store_bind_text(q, 3, gemeente);
    store_bind_text(q, 4, agb);
}

static void run_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_fb_run *r = row;
    (void)ud;
    str_copy(r->gemeente, sizeof r->gemeente, store_col_text(q, 0));
    str_copy(r->category, sizeof r->category, store_col_text(q, 1));
    r->youth_id = store_col_int(q, 2);
    r->start = store_col_date(q, 3);
    r->end = store_col_date(q, 4);
}

jr_status store_fb_runs_each(jr_store *st, jr_date first, jr_date last, const char *gemeente,
                             const char *agb, int (*fn)(void *ud, const void *row), void *ud,
                             jr_error *err)
{
    /* every column is in the index; a run never ends after its end_date,
       so end_date >= ?1 is necessary and bounds a municipality's range */
#define RUNS_SELECT                                                                                \
    "SELECT a.gemeente, a.category, a.youth_id, a.start_date, " STORE_RUN_END                      \
    " FROM assignment a INDEXED BY assignment_run"                                                 \
    " WHERE a.status <> 'ingetrokken' AND a.start_date <= ?2 AND " STORE_RUN_END " >= ?1"          \
    " AND a.end_date >= ?1 AND (CAST(?4 AS TEXT) IS NULL OR a.provider_id IN"                      \
    " (SELECT p.id FROM provider p WHERE p.agb = ?4))"
    static const char *const sql[2] = {RUNS_SELECT " AND ?3 IS NULL",
                                       RUNS_SELECT " AND a.gemeente = ?3"};
#undef RUNS_SELECT
    jr_stmt *q = store_prepare(st, sql[gemeente != NULL], err);
    if (!q)
        return JR_EDB;
    char f[JR_DATE_ISO_LEN], l[JR_DATE_ISO_LEN];
    bind_days(q, first, last, gemeente, agb, f, l);
    store_fb_run row;
    return store_each(q, run_from_row, NULL, &row, fn, ud, err);
}

static void product_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_fb_product_cents *r = row;
    (void)ud;
    str_copy(r->key, sizeof r->key, store_col_text(q, 0));
    str_copy(r->product, sizeof r->product, store_col_text(q, 1));
    r->cents = store_col_int(q, 2);
}

static void bind_months(jr_stmt *q, jr_month first, jr_month last, const char *gemeente,
                        const char *agb, char f[8], char l[8])
{
    store_bind_text(q, 1, month_format(first, f));
    store_bind_text(q, 2, month_format(last, l));
    store_bind_text(q, 3, gemeente);
    store_bind_text(q, 4, agb);
}

/* the summary rows s of months ?1..?2: of municipality ?3 (spend_month,
 * a range of its key) or, ?3 NULL, of the region (spend_region_month);
 * provider ?4 optional */
#define FB_SUMMARY_GEMEENTE                                                                        \
    " FROM spend_month s WHERE s.gemeente = ?3 AND s.month BETWEEN ?1 AND ?2"
#define FB_SUMMARY_REGION                                                                          \
    " FROM spend_region_month s WHERE s.month BETWEEN ?1 AND ?2 AND ?3 IS NULL"
#define FB_SUMMARY_AGB                                                                             \
    " AND (CAST(?4 AS TEXT) IS NULL OR s.provider_id IN"                                           \
    " (SELECT p.id FROM provider p WHERE p.agb = ?4))"

/* The summary's rows summed here per (month, product) or per product: a
 * GROUP BY over them sorted every row of a municipality's year (a
 * provider each) in SQLite's sorter, most of the benchmark's time on the
 * national bench; the groups are a few dozen, so a small table in memory
 * sums them in one pass. */
typedef struct {
    store_fb_product_cents *v;
    size_t n, cap;
    bool by_month, nomem;
} product_sums;

static int product_sum(void *ud, const void *row)
{
    product_sums *ps = ud;
    const store_fb_product_cents *r = row;
    const char *key = ps->by_month ? r->key : "";
    for (size_t i = ps->n; i-- > 0;) /* the last group first: rows come in month order */
        if (strcmp(ps->v[i].product, r->product) == 0 && strcmp(ps->v[i].key, key) == 0) {
            ps->v[i].cents += r->cents;
            return 0;
        }
    if (ps->n == ps->cap) {
        size_t cap = ps->cap ? 2 * ps->cap : 64;
        store_fb_product_cents *v = realloc(ps->v, cap * sizeof *v);
        if (!v) {
            ps->nomem = true;
            return 1;
        }
        ps->v = v, ps->cap = cap;
    }
    store_fb_product_cents *g = &ps->v[ps->n++];
    *g = *r;
    str_copy(g->key, sizeof g->key, key);
    return 0;
}

static int product_cmp(const void *x, const void *y)
{
    const store_fb_product_cents *a = x, *b = y;
    int c = strcmp(a->key, b->key);
    return c ? c : strcmp(a->product, b->product);
}

/* Without a provider, the summary per product (migration 022) holds the
 * same sums without the provider: a few rows per month instead of one per
 * provider and product (a national year: 1.6 million rows of spend_month
 * against some 3,000), summed here all the same. */
static const char *const product_sql[2] = {
    "SELECT s.month, s.product, s.amount_cents FROM spend_product_month s"
    " WHERE s.gemeente = '' AND s.month BETWEEN ?1 AND ?2 AND ?3 IS NULL AND ?4 IS NULL",
    "SELECT s.month, s.product, s.amount_cents FROM spend_product_month s"
    " WHERE s.gemeente = ?3 AND s.month BETWEEN ?1 AND ?2 AND ?4 IS NULL"};

static jr_status product_list(jr_store *st, const char *const sql[2], bool by_month, jr_month first,
                              jr_month last, const char *gemeente, const char *agb,
                              int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *q =
        store_prepare(st, agb ? sql[gemeente != NULL] : product_sql[gemeente != NULL], err);
    if (!q)
        return JR_EDB;
    char f[8], l[8];
    bind_months(q, first, last, gemeente, agb, f, l);
    store_fb_product_cents row;
    product_sums ps = {NULL, 0, 0, by_month, false};
    jr_status rc = store_each(q, product_from_row, NULL, &row, product_sum, &ps, err);
    if (rc == JR_OK && ps.nomem)
        rc = jr_fail(err, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
    if (rc == JR_OK && ps.n > 1)
        qsort(ps.v, ps.n, sizeof *ps.v, product_cmp);
    for (size_t i = 0; rc == JR_OK && i < ps.n; i++)
        if (fn(ud, &ps.v[i]))
            break;
    free(ps.v);
    return rc;
}

/* the summary rows of the months, as they lie in the table's key */
#define PRODUCT_ROWS(src) "SELECT s.month, s.product, s.amount_cents" src FB_SUMMARY_AGB

jr_status store_fb_product_cents_each(jr_store *st, jr_month first, jr_month last,
                                      const char *gemeente, const char *agb,
                                      int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    static const char *const sql[2] = {PRODUCT_ROWS(FB_SUMMARY_REGION),
                                       PRODUCT_ROWS(FB_SUMMARY_GEMEENTE)};
    return product_list(st, sql, false, first, last, gemeente, agb, fn, ud, err);
}

jr_status store_fb_product_months(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                                  const char *agb, int (*fn)(void *ud, const void *row), void *ud,
                                  jr_error *err)
{
    static const char *const sql[2] = {PRODUCT_ROWS(FB_SUMMARY_REGION),
                                       PRODUCT_ROWS(FB_SUMMARY_GEMEENTE)};
    return product_list(st, sql, true, first, last, gemeente, agb, fn, ud, err);
}
#undef PRODUCT_ROWS

static void youths_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_fb_youths *r = row;
    (void)ud;
    str_copy(r->key, sizeof r->key, store_col_text(q, 0));
    r->youths = store_col_int(q, 1);
}

jr_status store_fb_spend_youths_each(jr_store *st, jr_month first, jr_month last, const char *agb,
                                     int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    if (first / 12 != last / 12 || last < first)
        return jr_fail(err, JR_EINVAL, "period_invalid", "period",
                       "De uitgaven tellen jeugdigen per kalenderjaar: de maanden liggen in "
                       "twee jaren.");
    int64_t bits = 0; /* the months' bits (bit m-1 for month m) */
    for (jr_month m = first; m <= last; m++)
        bits |= (int64_t)1 << (m % 12);
    /* one youth row per municipality ('' for the region) and year
       (spend_youth) counts without a distinct; a provider's own youths are
       the distinct youths of its assignment rows (spend_year) */
    static const char *const sql[2] = {
        "SELECT gemeente, COUNT(*) FROM spend_youth WHERE year = ?1 AND months & ?2 <> 0"
        " AND ?3 IS NULL GROUP BY gemeente",
        "SELECT y.gemeente, COUNT(DISTINCT y.youth_id) FROM spend_year y WHERE y.year = ?1"
        " AND y.months & ?2 <> 0 AND y.provider_id IN (SELECT p.id FROM provider p"
        " WHERE p.agb = ?3) GROUP BY y.gemeente"
        " UNION ALL SELECT '', COUNT(DISTINCT y.youth_id) FROM spend_year y WHERE y.year = ?1"
        " AND y.months & ?2 <> 0 AND y.provider_id IN (SELECT p.id FROM provider p"
        " WHERE p.agb = ?3)"};
    jr_stmt *q = store_prepare(st, sql[agb != NULL], err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, first / 12);
    store_bind_int(q, 2, bits);
    store_bind_text(q, 3, agb);
    store_fb_youths row;
    return store_each(q, youths_from_row, NULL, &row, fn, ud, err);
}

static void quote_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_fb_quote *r = row;
    (void)ud;
    r->id = store_col_int(q, 0);
    str_copy(r->referrer_type, sizeof r->referrer_type, store_col_text(q, 1));
    str_copy(r->route, sizeof r->route, store_col_text(q, 2));
    str_copy(r->agb, sizeof r->agb, store_col_text(q, 3));
    str_copy(r->provider_name, sizeof r->provider_name, store_col_text(q, 4));
    str_copy(r->status, sizeof r->status, store_col_text(q, 5));
    r->requested = store_col_date(q, 6);
    r->answered = store_col_date(q, 7);
    r->youth_id = store_col_int(q, 8);
}

jr_status store_fb_quotes_each(jr_store *st, jr_date first, jr_date last, const char *gemeente,
                               const char *agb, int (*fn)(void *ud, const void *row), void *ud,
                               jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "SELECT q.id, r.referrer_type, r.route, p.agb, p.name, q.status, q.requested_date,"
        " q.answered_date, r.youth_id FROM quote q JOIN referral r ON r.id = q.referral_id"
        " JOIN provider p ON p.id = q.provider_id"
        " WHERE q.requested_date >= ?1 AND q.requested_date <= ?2"
        " AND (CAST(?3 AS TEXT) IS NULL OR r.gemeente = ?3)"
        " AND (CAST(?4 AS TEXT) IS NULL OR p.agb = ?4) ORDER BY q.id",
        err);
    if (!q)
        return JR_EDB;
    char f[JR_DATE_ISO_LEN], l[JR_DATE_ISO_LEN];
    bind_days(q, first, last, gemeente, agb, f, l);
    store_fb_quote row;
    return store_each(q, quote_from_row, NULL, &row, fn, ud, err);
}

static void youth_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_fb_youth *y = row;
    (void)ud;
    y->youth_id = store_col_int(q, 0);
    str_copy(y->bsn, sizeof y->bsn, store_col_text(q, 1));
    str_copy(y->gemeente, sizeof y->gemeente, store_col_text(q, 2));
    y->cents = store_col_int(q, 3);
    y->assignments = store_col_int(q, 4);
}

/* the batch's provider is agb's (?5), or any when ?5 is NULL */
#define FB_BATCH_OF_AGB                                                                            \
    " AND (CAST(?5 AS TEXT) IS NULL OR b.provider_id IN"                                           \
    " (SELECT pv.id FROM provider pv WHERE pv.agb = ?5))"

jr_status store_fb_expensive_each(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                                  const char *agb, int64_t limit,
                                  int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    /* summed per youth id over the lines alone (the batches first, by
       their month); only the top ones meet their youth rows */
    jr_stmt *q = store_prepare(
        st,
        "SELECT x.youth_id, y.bsn, y.gemeente, x.amount, x.n FROM (SELECT l.youth_id,"
        " SUM(" FB_SIGNED ") AS amount,"
        " COUNT(DISTINCT CASE WHEN l.status = 'A' THEN l.assignment_id END) AS n"
        " FROM decl_batch b INDEXED BY decl_batch_period CROSS JOIN decl_line l"
        " ON l.id BETWEEN b.first_line AND b.last_line"
        " WHERE b.period >= ?1 AND b.period <= ?2"
        " AND (CAST(?3 AS TEXT) IS NULL OR b.gemeente = ?3)" FB_BATCH_OF_AGB
        " AND l.youth_id IS NOT NULL"
        " GROUP BY l.youth_id HAVING amount > 0 ORDER BY amount DESC, l.youth_id LIMIT ?4) x"
        " JOIN youth y ON y.id = x.youth_id ORDER BY x.amount DESC, x.youth_id",
        err);
    if (!q)
        return JR_EDB;
    char f[8], l[8];
    store_bind_text(q, 1, month_format(first, f));
    store_bind_text(q, 2, month_format(last, l));
    store_bind_text(q, 3, gemeente);
    store_bind_int(q, 4, limit);
    store_bind_text(q, 5, agb);
    store_fb_youth row;
    return store_each(q, youth_from_row, NULL, &row, fn, ud, err);
}

static void youth_assignment_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_fb_youth_assignment *a = row;
    (void)ud;
    a->assignment_id = store_col_int(q, 0);
    str_copy(a->number, sizeof a->number, store_col_text(q, 1));
    str_copy(a->agb, sizeof a->agb, store_col_text(q, 2));
    str_copy(a->provider_name, sizeof a->provider_name, store_col_text(q, 3));
    str_copy(a->product, sizeof a->product, store_col_text(q, 4));
    a->is_budget = store_col_int(q, 5) != 0;
    str_copy(a->budget, sizeof a->budget, store_col_text(q, 6));
    str_copy(a->route, sizeof a->route, store_col_text(q, 7));
    str_copy(a->status, sizeof a->status, store_col_text(q, 8));
    a->start = store_col_date(q, 9);
    a->end = store_col_date(q, 10);
    a->cents = store_col_int(q, 11);
}

jr_status store_fb_youth_assignments_each(jr_store *st, int64_t youth_id, jr_month first,
                                          jr_month last, const char *gemeente, const char *agb,
                                          int (*fn)(void *ud, const void *row), void *ud,
                                          jr_error *err)
{
    /* a youth's accepted lines lie in the batches of its assignments'
       providers (a provider declares for its own assignments only), so
       only those providers' batches of the months are walked, by the
       index decl_batch_scope (provider, municipality, month), instead of
       every line of the months */
    jr_stmt *q = store_prepare(
        st,
        "SELECT a.id, a.number, p.agb, p.name, a.product, a.is_budget, COALESCE(r.budget, ''),"
        " COALESCE(r.route, ''), a.status, a.start_date, a.end_date, SUM(" FB_SIGNED ")"
        " FROM decl_batch b INDEXED BY decl_batch_scope CROSS JOIN decl_line l"
        " ON l.id BETWEEN b.first_line AND b.last_line JOIN assignment a ON a.id = l.assignment_id"
        " JOIN provider p ON p.id = a.provider_id LEFT JOIN referral r ON r.id = a.referral_id"
        " WHERE b.period >= ?1 AND b.period <= ?2"
        " AND (CAST(?3 AS TEXT) IS NULL OR b.gemeente = ?3)" FB_BATCH_OF_AGB " AND l.youth_id = ?4"
        " AND b.provider_id IN (SELECT y.provider_id FROM assignment y WHERE y.youth_id = ?4)"
        " GROUP BY a.id, a.number, p.agb, p.name, a.product, a.is_budget, r.budget, r.route,"
        " a.status, a.start_date, a.end_date"
        " HAVING SUM(CASE WHEN l.status = 'A' THEN 1 ELSE 0 END) > 0"
        " ORDER BY SUM(" FB_SIGNED ") DESC, a.number",
        err);
    if (!q)
        return JR_EDB;
    char f[8], l[8];
    store_bind_text(q, 1, month_format(first, f));
    store_bind_text(q, 2, month_format(last, l));
    store_bind_text(q, 3, gemeente);
    store_bind_int(q, 4, youth_id);
    store_bind_text(q, 5, agb);
    store_fb_youth_assignment row;
    return store_each(q, youth_assignment_from_row, NULL, &row, fn, ud, err);
}

/*
 * figures.c (store): the aggregate queries of the monitor's first figures
 * (see figures.h). Each statement is a string literal given to
 * store_prepare, prepared once per store.
 */
#include "figures.h"
#include "run_sql.h"

#include "../core/sbuf.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static void referral_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_fig_referral_row *r = row;
    (void)ud;
    str_copy(r->referrer_type, sizeof r->referrer_type, store_col_text(q, 0));
    str_copy(r->route, sizeof r->route, store_col_text(q, 1));
    str_copy(r->budget, sizeof r->budget, store_col_text(q, 2));
    r->n = store_col_int(q, 3);
}

jr_status store_figures_referrals(jr_store *st, jr_date first, jr_date last, const char *gemeente,
                                  const char *agb, store_fig_fn fn, void *ud, jr_error *err)
{
    /* a municipality's referrals of the period through the covering index
       referral_period (migration 011), the region's by their date */
#define REFERRAL_SELECT                                                                            \
    "SELECT r.referrer_type, r.route, COALESCE(r.budget, ''), COUNT(*) FROM referral r"            \
    " WHERE r.referral_date >= ?1 AND r.referral_date <= ?2"                                       \
    " AND (CAST(?4 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM assignment a JOIN provider p"         \
    " ON p.id = a.provider_id WHERE a.referral_id = r.id AND p.agb = ?4))"
#define REFERRAL_GROUP                                                                             \
    " GROUP BY r.referrer_type, r.route, COALESCE(r.budget, '')"                                   \
    " ORDER BY r.referrer_type, r.route, COALESCE(r.budget, '')"
    static const char *const sql[2] = {REFERRAL_SELECT " AND ?3 IS NULL" REFERRAL_GROUP,
                                       REFERRAL_SELECT " AND r.gemeente = ?3" REFERRAL_GROUP};
#undef REFERRAL_SELECT
#undef REFERRAL_GROUP
    /* Whole months without a provider (every reporting period; a provider's
       own referrals are those that led to one of its assignments, which
       the summary does not know): the month rows of referral_month
       (migration 015), a key range of the municipality or every
       municipality's rows of the months for the region. */
    static const char *const month_sql[2] = {
        "SELECT m.referrer_type, m.route, m.budget, SUM(m.referrals) FROM referral_month m"
        " WHERE m.month BETWEEN ?1 AND ?2 AND ?3 IS NULL"
        " GROUP BY m.referrer_type, m.route, m.budget ORDER BY m.referrer_type, m.route, m.budget",
        "SELECT m.referrer_type, m.route, m.budget, SUM(m.referrals) FROM referral_month m"
        " WHERE m.gemeente = ?3 AND m.month BETWEEN ?1 AND ?2"
        " GROUP BY m.referrer_type, m.route, m.budget ORDER BY m.referrer_type, m.route, m.budget"};
    if (!agb && month_first_day(date_month(first)) == first &&
        month_last_day(date_month(last)) == last) {
        jr_stmt *m = store_prepare(st, month_sql[gemeente != NULL], err);
        if (!m)
            return JR_EDB;
        char f[8], l[8];
        store_bind_text(m, 1, month_format(date_month(first), f));
        store_bind_text(m, 2, month_format(date_month(last), l));
        store_bind_text(m, 3, gemeente);
        store_fig_referral_row r;
        return store_each(m, referral_from_row, NULL, &r, fn, ud, err);
    }
    jr_stmt *q = store_prepare(st, sql[gemeente != NULL], err);
    if (!q)
        return JR_EDB;
    char f[JR_DATE_ISO_LEN], l[JR_DATE_ISO_LEN];
    store_bind_date(q, 1, first, f);
    store_bind_date(q, 2, last, l);
    store_bind_text(q, 3, gemeente);
    store_bind_text(q, 4, agb);
    store_fig_referral_row r;
    return store_each(q, referral_from_row, NULL, &r, fn, ud, err);
}

jr_status store_spend_month_add(jr_store *st, const store_spend_month_row *rows, size_t n,
                                jr_error *err)
{
    static const char *const sql[2] = {
        "INSERT INTO spend_month (gemeente, month, provider_id, product, amount_cents, lines)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
        " ON CONFLICT (gemeente, month, provider_id, product) DO UPDATE SET"
        " amount_cents = amount_cents + excluded.amount_cents, lines = lines + excluded.lines",
        "INSERT INTO spend_region_month (month, provider_id, product, amount_cents, lines)"
        " VALUES (?2, ?3, ?4, ?5, ?6)"
        " ON CONFLICT (month, provider_id, product) DO UPDATE SET"
        " amount_cents = amount_cents + excluded.amount_cents, lines = lines + excluded.lines"};
    for (size_t i = 0; i < n; i++) {
        const store_spend_month_row *r = &rows[i];
        bool region = r->gemeente[0] == '\0';
        jr_stmt *q = store_prepare(st, sql[region], err);
        if (!q)
            return JR_EDB;
        char m[8];
        if (!region)
            store_bind_text(q, 1, r->gemeente);
        store_bind_text(q, 2, month_format(r->month, m));
        store_bind_int(q, 3, r->provider_id);
        store_bind_text(q, 4, r->product);
        store_bind_int(q, 5, r->amount);
        store_bind_int(q, 6, r->lines);
        jr_status rc = store_step_done(q, err);
        if (rc != JR_OK)
            return rc;
    }
    return JR_OK;
}

jr_status store_spend_product_add(jr_store *st, const store_spend_month_row *rows, size_t n,
                                  jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "INSERT INTO spend_product_month (gemeente, month, product, amount_cents, lines)"
        " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (gemeente, month, product) DO UPDATE SET"
        " amount_cents = amount_cents + excluded.amount_cents, lines = lines + excluded.lines",
        err);
    if (!q)
        return JR_EDB;
    for (size_t i = 0; i < n; i++) {
        const store_spend_month_row *r = &rows[i];
        char m[8];
        store_reset(q);
        store_bind_text(q, 1, r->gemeente);
        store_bind_text(q, 2, month_format(r->month, m));
        store_bind_text(q, 3, r->product);
        store_bind_int(q, 4, r->amount);
        store_bind_int(q, 5, r->lines);
        jr_status rc = store_step_done(q, err);
        if (rc != JR_OK)
            return rc;
    }
    return JR_OK;
}

jr_status store_spend_year_add(jr_store *st, const store_spend_year_row *rows, size_t n,
                               jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "INSERT INTO spend_year (year, gemeente, provider_id, assignment_id, youth_id, months,"
        " amount_cents) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (year, gemeente, provider_id, assignment_id) DO UPDATE SET"
        " months = months | excluded.months, amount_cents = amount_cents + excluded.amount_cents",
        err);
    if (!q)
        return JR_EDB;
    for (size_t i = 0; i < n; i++) {
        const store_spend_year_row *r = &rows[i];
        store_reset(q);
        store_bind_int(q, 1, r->year);
        store_bind_text(q, 2, r->gemeente);
        store_bind_int(q, 3, r->provider_id);
        store_bind_int(q, 4, r->assignment_id);
        store_bind_int(q, 5, r->youth_id);
        store_bind_int(q, 6, r->months);
        store_bind_int(q, 7, r->amount);
        jr_status rc = store_step_done(q, err);
        if (rc != JR_OK)
            return rc;
    }
    return JR_OK;
}

jr_status store_spend_youth_add(jr_store *st, const store_spend_youth_row *rows, size_t n,
                                jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO spend_youth (year, gemeente, youth_id, months)"
                               " VALUES (?, ?, ?, ?) ON CONFLICT (year, gemeente, youth_id)"
                               " DO UPDATE SET months = months | excluded.months",
                               err);
    if (!q)
        return JR_EDB;
    for (size_t i = 0; i < n; i++) {
        const store_spend_youth_row *r = &rows[i];
        store_reset(q);
        store_bind_int(q, 1, r->year);
        store_bind_text(q, 2, r->gemeente);
        store_bind_int(q, 3, r->youth_id);
        store_bind_int(q, 4, r->months);
        jr_status rc = store_step_done(q, err);
        if (rc != JR_OK)
            return rc;
    }
    return JR_OK;
}

/* The months first..last as the summary's (year, months) rows select them:
 * the years y1..y2, and the month bits of the first year (m1) and of the
 * last (m2); a year between them has all twelve. When y1 = y2, m1 holds
 * the months of that one year. */
typedef struct {
    int64_t y1, y2, m1, m2;
} month_span;

static int64_t month_bits(int from, int to) /* months from..to (0..11) of one year */
{
    int64_t bits = 0;
    for (int m = from; m <= to; m++)
        bits |= (int64_t)1 << m;
    return bits;
}

static month_span span_of(jr_month first, jr_month last)
{
    month_span s = {first / 12, last / 12, 0, 0};
    if (s.y1 == s.y2) {
        s.m1 = s.m2 = month_bits(first % 12, last % 12);
    } else {
        s.m1 = month_bits(first % 12, 11);
        s.m2 = month_bits(0, last % 12);
    }
    return s;
}

/* The summary rows s of months ?1..?2 of municipality ?3 (spend_month) or,
 * ?3 NULL, of the region (spend_region_month: the municipalities summed),
 * each a range of the table's key; provider ?4 optional. */
#define SPEND_OF_GEMEENTE " FROM spend_month s WHERE s.gemeente = ?3 AND s.month BETWEEN ?1 AND ?2"
#define SPEND_OF_REGION " FROM spend_region_month s WHERE s.month BETWEEN ?1 AND ?2 AND ?3 IS NULL"
#define SPEND_OF_AGB                                                                               \
    " AND (CAST(?4 AS TEXT) IS NULL OR s.provider_id IN"                                           \
    " (SELECT p.id FROM provider p WHERE p.agb = ?4))"

static void bind_spend(jr_stmt *q, jr_month first, jr_month last, const char *gemeente,
                       const char *agb)
{
    char f[8], l[8];
    store_bind_text(q, 1, month_format(first, f));
    store_bind_text(q, 2, month_format(last, l));
    store_bind_text(q, 3, gemeente);
    store_bind_text(q, 4, agb);
}

/* provider ?3 (optional) of a year row y */
#define SPEND_YEAR_AGB                                                                             \
    " AND (CAST(?3 AS TEXT) IS NULL OR y.provider_id IN"                                           \
    " (SELECT p.id FROM provider p WHERE p.agb = ?3))"

/* spend_count: the one count of sql, with ?1 the year, ?2 its months, ?3
   the provider's AGB and ?4 the municipality (NULL: any); sql names all four */
static jr_status spend_count(jr_store *st, const char *sql, const month_span *sp,
                             const char *gemeente, const char *agb, int64_t *out, jr_error *err)
{
    jr_stmt *c = store_prepare(st, sql, err);
    if (!c)
        return JR_EDB;
    store_bind_int(c, 1, sp->y1);
    store_bind_int(c, 2, sp->m1);
    store_bind_text(c, 3, agb);
    store_bind_text(c, 4, gemeente);
    jr_status rc = store_step_one(c, err);
    if (rc == JR_ENOTFOUND)
        rc = jr_fail(err, JR_EDB, "db", "", "De telling gaf geen uitkomst.");
    if (rc != JR_OK)
        return rc;
    *out = store_col_int(c, 0);
    store_reset(c);
    return JR_OK;
}

/* spend_counts_span: the distinct youths and assignments of a span of
   years (none of the monitor's periods is one): the year rows whose months
   meet the first year's months ?3, the last's ?4 and every month of a year
   between */
static jr_status spend_counts_span(jr_store *st, const month_span *sp, const char *gemeente,
                                   const char *agb, store_fig_spend_total *out, jr_error *err)
{
    jr_stmt *c = store_prepare(
        st,
        "SELECT COUNT(DISTINCT y.youth_id), COUNT(DISTINCT y.assignment_id) FROM spend_year y"
        " WHERE y.year BETWEEN ?1 AND ?2 AND (CAST(?5 AS TEXT) IS NULL OR y.gemeente = ?5)"
        " AND (CAST(?6 AS TEXT) IS NULL OR y.provider_id IN"
        " (SELECT p.id FROM provider p WHERE p.agb = ?6))"
        " AND y.months & (CASE WHEN y.year = ?1 THEN ?3 WHEN y.year = ?2 THEN ?4 ELSE 4095 END)"
        " <> 0",
        err);
    if (!c)
        return JR_EDB;
    store_bind_int(c, 1, sp->y1);
    store_bind_int(c, 2, sp->y2);
    store_bind_int(c, 3, sp->m1);
    store_bind_int(c, 4, sp->m2);
    store_bind_text(c, 5, gemeente);
    store_bind_text(c, 6, agb);
    jr_status rc = store_step_one(c, err);
    if (rc == JR_ENOTFOUND)
        rc = jr_fail(err, JR_EDB, "db", "", "De telling gaf geen uitkomst.");
    if (rc != JR_OK)
        return rc;
    out->youths = store_col_int(c, 0);
    out->assignments = store_col_int(c, 1);
    store_reset(c);
    return JR_OK;
}

jr_status store_figures_spend_total(jr_store *st, jr_month first, jr_month last,
                                    const char *gemeente, const char *agb,
                                    store_fig_spend_total *out, jr_error *err)
{
    static const char *const sum[2] = {
        "SELECT COALESCE(SUM(s.amount_cents), 0)" SPEND_OF_REGION SPEND_OF_AGB,
        "SELECT COALESCE(SUM(s.amount_cents), 0)" SPEND_OF_GEMEENTE SPEND_OF_AGB};
    jr_stmt *q = store_prepare(st, sum[gemeente != NULL], err);
    if (!q)
        return JR_EDB;
    bind_spend(q, first, last, gemeente, agb);
    jr_status rc = store_step_one(q, err);
    if (rc == JR_ENOTFOUND) /* an aggregate always has its one row */
        rc = jr_fail(err, JR_EDB, "db", "", "De telling gaf geen uitkomst.");
    if (rc != JR_OK)
        return rc;
    out->cents = store_col_int(q, 0);
    store_reset(q);

    month_span sp = span_of(first, last);
    if (sp.y1 != sp.y2)
        return spend_counts_span(st, &sp, gemeente, agb, out, err);
    /* One year, as every reporting period is. Assignments: the year rows
       whose months meet the period's; an assignment is one municipality's
       and one provider's, so within a year each is one row and a count of
       rows is a count of assignments. Youths: the youth rows of the
       municipality (or the region's, gemeente ''), one per youth and year;
       for one provider's production, the distinct youths of its rows. */
    static const char *const asg[2] = {
        "SELECT COUNT(*) FROM spend_year y WHERE y.year = ?1 AND ?4 IS NULL" SPEND_YEAR_AGB
        " AND y.months & ?2 <> 0",
        "SELECT COUNT(*) FROM spend_year y WHERE y.year = ?1 AND y.gemeente = ?4" SPEND_YEAR_AGB
        " AND y.months & ?2 <> 0"};
    rc = spend_count(st, asg[gemeente != NULL], &sp, gemeente, agb, &out->assignments, err);
    if (rc != JR_OK)
        return rc;
    if (agb) {
        static const char *const own[2] = {
            "SELECT COUNT(DISTINCT y.youth_id) FROM spend_year y WHERE y.year = ?1"
            " AND ?4 IS NULL" SPEND_YEAR_AGB " AND y.months & ?2 <> 0",
            "SELECT COUNT(DISTINCT y.youth_id) FROM spend_year y WHERE y.year = ?1"
            " AND y.gemeente = ?4" SPEND_YEAR_AGB " AND y.months & ?2 <> 0"};
        return spend_count(st, own[gemeente != NULL], &sp, gemeente, agb, &out->youths, err);
    }
    return spend_count(st,
                       "SELECT COUNT(*) FROM spend_youth WHERE year = ?1 AND months & ?2 <> 0"
                       " AND gemeente = COALESCE(?4, '') AND (?3 IS NULL)",
                       &sp, gemeente, agb, &out->youths, err);
}

/* The summary's rows of a period summed here per product and provider
 * id, and only the sums named with their provider's AGB code and name: a
 * GROUP BY over them sorted every row of a municipality's year (a row per
 * month, provider and product: some 95,000 for the national bench's
 * Zwolle) in SQLite's sorter, and the groups are a few thousand. */
typedef struct {
    char product[8];
    int64_t provider_id;
    jr_cents cents;
} spend_group;

typedef struct {
    spend_group *v;
    size_t n, cap;
    uint32_t *slots; /* group index + 1; 0 empty */
    size_t nslots;   /* a power of two, more than twice n */
    bool nomem;
} spend_groups;

typedef struct {
    int64_t id;
    char agb[9];
    char name[96];
} spend_provider;

typedef struct {
    spend_provider *v;
    size_t n, cap;
    bool nomem;
} spend_providers;

static size_t group_slot(const spend_groups *g, const char *product, int64_t provider_id)
{
    uint64_t h = (uint64_t)provider_id * 0x9E3779B97F4A7C15ull;
    for (const char *c = product; *c; c++)
        h = (h ^ (unsigned char)*c) * 1099511628211ull;
    size_t i = (size_t)(h >> 17) & (g->nslots - 1);
    while (g->slots[i]) {
        const spend_group *x = &g->v[g->slots[i] - 1];
        if (x->provider_id == provider_id && strcmp(x->product, product) == 0)
            break;
        i = (i + 1) & (g->nslots - 1);
    }
    return i;
}

static bool groups_grow(spend_groups *g)
{
    if (g->n + 1 > g->cap) {
        size_t cap = g->cap ? 2 * g->cap : 1024;
        spend_group *v = realloc(g->v, cap * sizeof *v);
        if (!v)
            return false;
        g->v = v, g->cap = cap;
    }
    if (2 * (g->n + 1) >= g->nslots) {
        size_t nslots = g->nslots ? 2 * g->nslots : 4096;
        uint32_t *slots = calloc(nslots, sizeof *slots);
        if (!slots)
            return false;
        free(g->slots);
        g->slots = slots, g->nslots = nslots;
        for (size_t k = 0; k < g->n; k++)
            g->slots[group_slot(g, g->v[k].product, g->v[k].provider_id)] = (uint32_t)(k + 1);
    }
    return true;
}

typedef struct {
    char product[8];
    int64_t provider_id;
    jr_cents cents;
} spend_cell;

static void cell_from_row(const void *ud, jr_stmt *q, void *row)
{
    spend_cell *r = row;
    (void)ud;
    str_copy(r->product, sizeof r->product, store_col_text(q, 0));
    r->provider_id = store_col_int(q, 1);
    r->cents = store_col_int(q, 2);
}

static int group_add(void *ud, const void *row)
{
    spend_groups *g = ud;
    const spend_cell *r = row;
    if (!groups_grow(g)) {
        g->nomem = true;
        return 1;
    }
    size_t i = group_slot(g, r->product, r->provider_id);
    if (!g->slots[i]) {
        spend_group *x = &g->v[g->n];
        memset(x, 0, sizeof *x);
        str_copy(x->product, sizeof x->product, r->product);
        x->provider_id = r->provider_id;
        g->slots[i] = (uint32_t)++g->n;
    }
    g->v[g->slots[i] - 1].cents += r->cents;
    return 0;
}

static void provider_from_row(const void *ud, jr_stmt *q, void *row)
{
    spend_provider *r = row;
    (void)ud;
    r->id = store_col_int(q, 0);
    str_copy(r->agb, sizeof r->agb, store_col_text(q, 1));
    str_copy(r->name, sizeof r->name, store_col_text(q, 2));
}

static int provider_add(void *ud, const void *row)
{
    spend_providers *p = ud;
    if (p->n == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 256;
        spend_provider *v = realloc(p->v, cap * sizeof *v);
        if (!v) {
            p->nomem = true;
            return 1;
        }
        p->v = v, p->cap = cap;
    }
    p->v[p->n++] = *(const spend_provider *)row;
    return 0;
}

static const spend_provider *provider_find(const spend_providers *p, int64_t id)
{
    size_t lo = 0, hi = p->n; /* in id order */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->v[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < p->n && p->v[lo].id == id ? &p->v[lo] : NULL;
}

typedef struct {
    const spend_group *g;
    const spend_provider *p;
} named_group;

static int named_cmp(const void *x, const void *y)
{
    const named_group *a = x, *b = y;
    int c = strcmp(a->g->product, b->g->product);
    return c ? c : strcmp(a->p->agb, b->p->agb);
}

jr_status store_figures_spend_groups(jr_store *st, jr_month first, jr_month last,
                                     const char *gemeente, const char *agb, store_fig_fn fn,
                                     void *ud, jr_error *err)
{
#define SPEND_CELLS(src) "SELECT s.product, s.provider_id, s.amount_cents" src SPEND_OF_AGB
    static const char *const sql[2] = {SPEND_CELLS(SPEND_OF_REGION),
                                       SPEND_CELLS(SPEND_OF_GEMEENTE)};
#undef SPEND_CELLS
    jr_stmt *q = store_prepare(st, sql[gemeente != NULL], err);
    if (!q)
        return JR_EDB;
    bind_spend(q, first, last, gemeente, agb);
    spend_groups g = {0};
    spend_providers pv = {0};
    named_group *named = NULL;
    spend_cell cell;
    jr_status rc = store_each(q, cell_from_row, NULL, &cell, group_add, &g, err);
    if (rc == JR_OK && !g.nomem && g.n) {
        jr_stmt *p = store_prepare(st, "SELECT id, agb, name FROM provider ORDER BY id", err);
        spend_provider prow;
        rc = p ? store_each(p, provider_from_row, NULL, &prow, provider_add, &pv, err) : JR_EDB;
    }
    size_t nn = 0;
    if (rc == JR_OK && !g.nomem && !pv.nomem && g.n) {
        named = malloc(g.n * sizeof *named);
        if (!named)
            g.nomem = true;
        for (size_t i = 0; named && i < g.n; i++) {
            const spend_provider *pr = provider_find(&pv, g.v[i].provider_id);
            if (pr) /* as the join with the provider rows did */
                named[nn++] = (named_group){&g.v[i], pr};
        }
        if (nn > 1)
            qsort(named, nn, sizeof *named, named_cmp);
    }
    if (rc == JR_OK && (g.nomem || pv.nomem))
        rc = jr_fail(err, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
    for (size_t i = 0; rc == JR_OK && i < nn; i++) {
        store_fig_spend_row r;
        memset(&r, 0, sizeof r);
        str_copy(r.product, sizeof r.product, named[i].g->product);
        str_copy(r.agb, sizeof r.agb, named[i].p->agb);
        str_copy(r.provider_name, sizeof r.provider_name, named[i].p->name);
        r.cents = named[i].g->cents;
        if (fn(ud, &r))
            break;
    }
    free(named);
    free(pv.v);
    free(g.v);
    free(g.slots);
    return rc;
}

/*
 * figures.c (store): the aggregate queries of the monitor's first figures
 * (see figures.h). Each statement is a string literal given to
 * store_prepare, prepared once per store.
 */
#include "figures.h"
#include "run_sql.h"

#include "../core/sbuf.h"

jr_status store_figures_volume(jr_store *st, jr_date first, jr_date last, const char *gemeente,
                               const char *agb, store_fig_volume *out, jr_error *err)
{
    /* Through the covering index assignment_run (migration 011): a
       municipality's assignments ending on or after the first day (a run
       never ends after its end_date, so that is necessary), never the wide
       rows; the region's read the whole index. */
#define VOLUME_SELECT                                                                              \
    "SELECT COUNT(DISTINCT a.youth_id), COUNT(*),"                                                 \
    " COALESCE(SUM(CASE WHEN a.start_date >= ?1 THEN 1 ELSE 0 END), 0),"                           \
    " COALESCE(SUM(CASE WHEN " STORE_RUN_END " <= ?2 THEN 1 ELSE 0 END), 0)"                       \
    " FROM assignment a INDEXED BY assignment_run"                                                 \
    " WHERE a.status <> 'ingetrokken' AND a.start_date <= ?2 AND " STORE_RUN_END " >= ?1"          \
    " AND a.end_date >= ?1 AND (CAST(?4 AS TEXT) IS NULL OR a.provider_id IN"                      \
    " (SELECT p.id FROM provider p WHERE p.agb = ?4))"
    static const char *const sql[2] = {VOLUME_SELECT " AND ?3 IS NULL",
                                       VOLUME_SELECT " AND a.gemeente = ?3"};
#undef VOLUME_SELECT
    jr_stmt *q = store_prepare(st, sql[gemeente != NULL], err);
    if (!q)
        return JR_EDB;
    char f[JR_DATE_ISO_LEN], l[JR_DATE_ISO_LEN];
    store_bind_date(q, 1, first, f);
    store_bind_date(q, 2, last, l);
    store_bind_text(q, 3, gemeente);
    store_bind_text(q, 4, agb);
    jr_status rc = store_step_one(q, err);
    if (rc == JR_ENOTFOUND) /* an aggregate always has its one row */
        rc = jr_fail(err, JR_EDB, "db", "", "De telling gaf geen uitkomst.");
    if (rc != JR_OK)
        return rc;
    out->youths = store_col_int(q, 0);
    out->active = store_col_int(q, 1);
    out->started = store_col_int(q, 2);
    out->ended = store_col_int(q, 3);
    store_reset(q);
    return JR_OK;
}

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

static void spend_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_fig_spend_row *r = row;
    (void)ud;
    str_copy(r->product, sizeof r->product, store_col_text(q, 0));
    str_copy(r->agb, sizeof r->agb, store_col_text(q, 1));
    str_copy(r->provider_name, sizeof r->provider_name, store_col_text(q, 2));
    r->cents = store_col_int(q, 3);
}

jr_status store_figures_spend_groups(jr_store *st, jr_month first, jr_month last,
                                     const char *gemeente, const char *agb, store_fig_fn fn,
                                     void *ud, jr_error *err)
{
    /* summed per product and provider id first; only the sums meet the
       provider rows */
#define SPEND_GROUPS(src)                                                                          \
    "SELECT x.product, p.agb, p.name, x.amount FROM (SELECT s.product, s.provider_id,"             \
    " SUM(s.amount_cents) AS amount" src SPEND_OF_AGB " GROUP BY s.product, s.provider_id) x"      \
    " JOIN provider p ON p.id = x.provider_id ORDER BY x.product, p.agb"
    static const char *const sql[2] = {SPEND_GROUPS(SPEND_OF_REGION),
                                       SPEND_GROUPS(SPEND_OF_GEMEENTE)};
#undef SPEND_GROUPS
    jr_stmt *q = store_prepare(st, sql[gemeente != NULL], err);
    if (!q)
        return JR_EDB;
    bind_spend(q, first, last, gemeente, agb);
    store_fig_spend_row r;
    return store_each(q, spend_from_row, NULL, &r, fn, ud, err);
}

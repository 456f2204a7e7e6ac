/*
 * test_services.c: the services end to end over a real SQLite store.
 *
 * Every test gets a fresh database in its own temporary directory, the
 * shipped region catalog ($JEUGDREGIO_CONFIG) and a context acting as
 * "test" on a fixed today (2026-01-15), so nothing depends on the real date.
 * Declarations go in the way users send them: a CSV file written to the
 * temporary directory, imported by decl_csv_import (or read by
 * decl_csv_read into a decl_session where a test needs the session).
 *
 * "Changes nothing" is always asserted by comparing row counts (and the
 * assignment's used_cents) before and after.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../unit/unit_support.h"

#include "config/region.h"
#include "io/decl_csv.h"
#include "service/assignment.h"
#include "service/care.h"
#include "service/declaration.h"
#include "service/provider.h"
#include "service/quote.h"
#include "service/referrals.h"
#include "service/settlement.h"
#include "service/worklist.h"
#include "service/youth.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- assertions ---------------------------------------------------------- */

/* assert_i64_equal comes with unit_support.h */

/* assert_ok: the call returned JR_OK; otherwise print the service's message.
 * Inside the call `err` is a fresh jr_error the macro provides. */
#define assert_ok(call)                                                                            \
    do {                                                                                           \
        jr_error e_;                                                                               \
        jr_error_clear(&e_);                                                                       \
        jr_error *err = &e_;                                                                       \
        jr_status s_ = (call);                                                                     \
        if (s_ != JR_OK)                                                                           \
            fail_msg("%s failed: %s [%s] %s", #call, jr_status_name(s_), e_.code, e_.message);     \
    } while (0)

/* assert_refused: the call returned status with error code errcode. The call
 * uses the test's own `jr_error *err`. */
#define assert_refused(call, status, errcode)                                                      \
    do {                                                                                           \
        jr_error_clear(err);                                                                       \
        jr_status s_ = (call);                                                                     \
        if (s_ != (status) || strcmp(err->code, (errcode)) != 0)                                   \
            fail_msg("%s: got %s [%s] %s, expected %s [%s]", #call, jr_status_name(s_), err->code, \
                     err->message, jr_status_name(status), (errcode));                             \
    } while (0)

#define assert_contains(haystack, needle)                                                          \
    do {                                                                                           \
        if (strstr((haystack), (needle)) == NULL)                                                  \
            fail_msg("'%s' does not contain '%s'", (haystack), (needle));                          \
    } while (0)

/* ---- the fixture: a fresh store per test ---------------------------------- */

#define TODAY "2026-01-15"
#define AGB_A "12345678"
#define AGB_B "87654321"
#define BSN_1 "123456782"
#define BSN_2 "111111110"
#define ZWOLLE "0193"
#define DEVENTER "0150"

typedef struct {
    char dir[64];
    jr_store *store;
    jr_ctx ctx;
    char number[24]; /* the assignment of setup_budget */
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    if (unit_store_open(f->dir, "services", &f->store) != 0) {
        free(f);
        return -1;
    }
    f->ctx.store = f->store;
    f->ctx.cat = unit_catalog();
    f->ctx.actor = "test";
    f->ctx.today = D(TODAY);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    unit_store_remove(f->dir, f->store);
    free(f);
    return 0;
}

/* ---- building data through the services ----------------------------------- */

/* a provider contracted for every functiegroep (lot P1) from 2024 on */
static void provider_contracted(fx *f, const char *agb)
{
    assert_ok(provider_add(&f->ctx, agb, "Jeugdzorg De Linde", "instelling", NULL, err));
    assert_ok(contract_add(&f->ctx, agb, "P1", "*", D("2024-01-01"), JR_DATE_NONE, NULL, err));
}

static void youth(fx *f, const char *bsn, const char *gemeente)
{
    assert_ok(youth_add(&f->ctx, bsn, D("2015-03-01"), gemeente, NULL, err));
}

static jr_referral_req budget_req(const char *type, const char *kb, const char *date)
{
    jr_referral_req r;
    memset(&r, 0, sizeof r);
    snprintf(r.referrer_type, sizeof r.referrer_type, "%s", type);
    r.route = JR_ROUTE_BUDGET;
    snprintf(r.budget, sizeof r.budget, "%s", kb);
    snprintf(r.result, sizeof r.result, "De jeugdige gaat weer naar school.");
    r.date = D(date);
    return r;
}

static jr_referral_req quote_req(const char *type, const char *date)
{
    jr_referral_req r = budget_req(type, "", date);
    r.route = JR_ROUTE_QUOTE;
    return r;
}

static int64_t refer(fx *f, const char *bsn, const jr_referral_req *req)
{
    int64_t id = 0;
    assert_ok(referral_create(&f->ctx, bsn, req, "Dr. Jansen", &id, err));
    return id;
}

/* a budget assignment kb for bsn at agb from start, care started on start */
static void budget_assignment(fx *f, const char *agb, const char *bsn, const char *kb,
                              const char *start, char number[24])
{
    jr_referral_req req = budget_req("01", kb, start);
    int64_t rid = refer(f, bsn, &req);
    assert_ok(assignment_create(&f->ctx, rid, agb, D(start), JR_DATE_NONE, number, err));
    assert_ok(care_start(&f->ctx, number, agb, D(start), err));
}

/* The standard case: provider A (lot P1), youth 1 in Zwolle, KB3 from the
 * toegang, assigned to A from 2025-03-01 (until 2026-02-28), care started
 * the same day. The number lands in f->number. */
static void setup_budget(fx *f)
{
    provider_contracted(f, AGB_A);
    youth(f, BSN_1, ZWOLLE);
    budget_assignment(f, AGB_A, BSN_1, "KB3", "2025-03-01", f->number);
}

static jr_assignment get_assignment(fx *f, const char *number)
{
    jr_assignment a;
    assert_ok(assignment_get(&f->ctx, number, &a, err));
    return a;
}

/* ---- counting rows ---------------------------------------------------------- */

/* count: the single integer sql (a string literal: statements are cached by
 * pointer) yields. */
static int64_t count(fx *f, const char *sql)
{
    jr_error err;
    jr_stmt *q = store_prepare(f->store, sql, &err);
    if (!q || store_step(q, &err) != STORE_ROW)
        fail_msg("%s: %s", sql, err.message);
    int64_t n = store_col_int(q, 0);
    store_reset(q);
    return n;
}

typedef struct {
    int64_t lines, batches, audit, assignments, ledger_events, used_cents;
} snapshot;

static snapshot take_snapshot(fx *f, const char *number)
{
    snapshot s;
    s.lines = count(f, "SELECT count(*) FROM decl_line");
    s.batches = count(f, "SELECT count(*) FROM decl_batch");
    s.audit = count(f, "SELECT count(*) FROM audit");
    s.assignments = count(f, "SELECT count(*) FROM assignment");
    s.ledger_events = count(f, "SELECT count(*) FROM ledger_event");
    s.used_cents = number && number[0] ? get_assignment(f, number).ledger.used : 0;
    return s;
}

static void assert_unchanged(const snapshot *before, const snapshot *after)
{
    assert_i64_equal(after->lines, before->lines);
    assert_i64_equal(after->batches, before->batches);
    assert_i64_equal(after->audit, before->audit);
    assert_i64_equal(after->assignments, before->assignments);
    assert_i64_equal(after->ledger_events, before->ledger_events);
    assert_i64_equal(after->used_cents, before->used_cents);
}

/* ---- declaration CSV files ------------------------------------------------ */

#define FIELD 48
typedef struct {
    char number[FIELD], agb[FIELD], gemeente[FIELD], period[FIELD], dagtekening[FIELD], ref[FIELD],
        assignment[FIELD], bsn[FIELD], category[FIELD], product[FIELD], begin[FIELD], end[FIELD],
        volume[FIELD], unit[FIELD], tariff[FIELD], amount[FIELD], dc[FIELD], credit_ref[FIELD];
} csv_row;

#define SET(field, value) snprintf((field), FIELD, "%s", (value))

/* the catalog tariff of product on date, in cents */
static jr_cents tariff_of(const char *product, const char *date)
{
    const jr_product *p = catalog_product(unit_catalog(), product);
    jr_cents t;
    if (!p || !product_tariff(p, D(date), &t))
        fail_msg("no tariff for %s on %s", product, date);
    return t;
}

/* A correct debit line: `hours` hours of functiegroep `product` for all of
 * March 2025 on assignment `number` (youth 1, Zwolle, provider A), at the
 * catalog tariff, in batch D2025-03. */
static csv_row hours_line(const char *number, const char *ref, const char *product, int hours)
{
    csv_row r;
    memset(&r, 0, sizeof r);
    SET(r.number, "D2025-03");
    SET(r.agb, AGB_A);
    SET(r.gemeente, ZWOLLE);
    SET(r.period, "2025-03");
    SET(r.dagtekening, "2025-04-05");
    SET(r.ref, ref);
    SET(r.assignment, number);
    SET(r.bsn, BSN_1);
    SET(r.category, "45");
    SET(r.product, product);
    SET(r.begin, "2025-03-01");
    SET(r.end, "2025-03-31");
    snprintf(r.volume, FIELD, "%d", hours);
    SET(r.unit, "04");
    jr_cents t = tariff_of(product, "2025-03-01");
    money_format_plain(t, r.tariff);
    money_format_plain(t * hours, r.amount);
    SET(r.dc, "D");
    return r;
}

/* a credit line cancelling debit `debit`, with its own ref, in batch `batch` */
static csv_row credit_of(const csv_row *debit, const char *ref, const char *credit_ref,
                         const char *batch)
{
    csv_row r = *debit;
    SET(r.number, batch);
    SET(r.ref, ref);
    SET(r.dc, "C");
    SET(r.credit_ref, credit_ref);
    return r;
}

static void write_row(FILE *out, const csv_row *r)
{
    fprintf(out, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", r->number, r->agb,
            r->gemeente, r->period, r->dagtekening, r->ref, r->assignment, r->bsn, r->category,
            r->product, r->begin, r->end, r->volume, r->unit, r->tariff, r->amount, r->dc,
            r->credit_ref);
}

/* write_csv: the header and rows into the fixture's directory; the path
 * lands in path. */
static void write_csv(fx *f, const char *name, const csv_row *rows, int n, char path[256])
{
    snprintf(path, 256, "%s/%s", f->dir, name);
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    fprintf(out, "%s\n", decl_csv_header());
    for (int i = 0; i < n; i++)
        write_row(out, &rows[i]);
    fclose(out);
}

/* write_text: a file with exactly this text (for malformed input) */
static void write_text(fx *f, const char *name, const char *text, char path[256])
{
    snprintf(path, 256, "%s/%s", f->dir, name);
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    fputs(text, out);
    fclose(out);
}

#define MAX_BATCHES 8
typedef struct {
    jr_status rc;
    jr_error err;
    int nbatches;
    jr_decl_batch_summary batch[MAX_BATCHES];
} import_result;

static int collect_batch(void *ud, const jr_decl_batch_summary *b)
{
    import_result *r = ud;
    if (r->nbatches < MAX_BATCHES)
        r->batch[r->nbatches] = *b;
    r->nbatches++;
    return 0;
}

/* import_file: the file through decl_csv_import, the import call of
 * `jeugdregio declare` and of the API (one session, committed when it
 * reads without a file-level fault), its batches as reported. */
static import_result import_file(fx *f, const char *path)
{
    import_result r;
    memset(&r, 0, sizeof r);
    jr_error_clear(&r.err);
    FILE *in = fopen(path, "rb");
    assert_non_null(in);
    decl_import_report rep = {collect_batch, NULL, &r};
    r.rc = decl_csv_import(&f->ctx, in, path, path, &rep, &r.err);
    if (r.rc != JR_OK)
        r.nbatches = 0;
    fclose(in);
    return r;
}

static import_result import_rows(fx *f, const char *name, const csv_row *rows, int n)
{
    char path[256];
    write_csv(f, name, rows, n, path);
    return import_file(f, path);
}

#define assert_imported(r)                                                                         \
    do {                                                                                           \
        if ((r).rc != JR_OK)                                                                       \
            fail_msg("import failed: %s [%s] %s", jr_status_name((r).rc), (r).err.code,            \
                     (r).err.message);                                                             \
    } while (0)

/* line_code: the reason code of the newest stored line with this ref */
static void line_code(fx *f, const char *ref, char code[8])
{
    jr_error err;
    jr_stmt *q = store_prepare(
        f->store, "SELECT code FROM decl_line WHERE ref = ? ORDER BY id DESC LIMIT 1", &err);
    assert_non_null(q);
    store_bind_text(q, 1, ref);
    if (store_step(q, &err) != STORE_ROW)
        fail_msg("no stored line with ref %s", ref);
    snprintf(code, 8, "%s", store_col_text(q, 0));
    store_reset(q);
}

#define assert_line_code(f, ref, expected)                                                         \
    do {                                                                                           \
        char c_[8];                                                                                \
        line_code((f), (ref), c_);                                                                 \
        if (strcmp(c_, (expected)) != 0)                                                           \
            fail_msg("line %s has code %s (%s), expected %s (%s)", (ref), c_,                      \
                     decl_code_message(c_), (expected), decl_code_message(expected));              \
    } while (0)

/* ======================================================================== */
/* providers and contracts                                                  */
/* ======================================================================== */

static void provider_add_refuses_an_agb_that_is_not_8_digits(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    assert_refused(provider_add(&f->ctx, "1234567", "Kort", "instelling", NULL, err), JR_EINVAL,
                   "agb_invalid");
    assert_refused(provider_add(&f->ctx, "1234567a", "Letter", "instelling", NULL, err), JR_EINVAL,
                   "agb_invalid");
    assert_refused(provider_add(&f->ctx, "123456789", "Lang", "instelling", NULL, err), JR_EINVAL,
                   "agb_invalid");
    assert_i64_equal(count(f, "SELECT count(*) FROM provider"), 0);
    assert_i64_equal(count(f, "SELECT count(*) FROM audit"), 0);
}

static void provider_add_refuses_a_duplicate_agb_as_conflict(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    assert_ok(provider_add(&f->ctx, AGB_A, "Eerste", "instelling", NULL, err));
    snapshot before = take_snapshot(f, NULL);
    assert_refused(provider_add(&f->ctx, AGB_A, "Tweede", "vrijgevestigde", NULL, err),
                   JR_ECONFLICT, "agb_exists");
    snapshot after = take_snapshot(f, NULL);
    assert_unchanged(&before, &after);
    jr_provider p;
    assert_ok(provider_find(&f->ctx, AGB_A, &p, err));
    assert_string_equal(p.name, "Eerste");
}

static void contract_add_refuses_an_unknown_lot(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    assert_ok(provider_add(&f->ctx, AGB_A, "Aanbieder", "instelling", NULL, err));
    assert_refused(
        contract_add(&f->ctx, AGB_A, "P9", "*", D("2025-01-01"), JR_DATE_NONE, NULL, err),
        JR_EINVAL, "lot_unknown");
    assert_i64_equal(count(f, "SELECT count(*) FROM contract"), 0);
}

static void contract_add_refuses_a_product_outside_the_lot(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    assert_ok(provider_add(&f->ctx, AGB_A, "Aanbieder", "instelling", NULL, err));
    /* FG2 is ambulant (P1), not wonen/verblijf (P2) */
    assert_refused(
        contract_add(&f->ctx, AGB_A, "P2", "FG2", D("2025-01-01"), JR_DATE_NONE, NULL, err),
        JR_EINVAL, "product_not_in_lot");
    assert_refused(
        contract_add(&f->ctx, AGB_A, "P1", "FG9", D("2025-01-01"), JR_DATE_NONE, NULL, err),
        JR_EINVAL, "product_unknown");
    assert_i64_equal(count(f, "SELECT count(*) FROM contract"), 0);
}

typedef struct {
    int n;
    char products[16][8];
} contract_list_acc;

static int collect_contract(void *ud, const void *row)
{
    contract_list_acc *acc = ud;
    const jr_contract *c = row;
    if (acc->n < 16)
        snprintf(acc->products[acc->n], 8, "%s", c->product);
    acc->n++;
    return 0;
}

static void contract_add_star_adds_every_product_of_the_lot(void **state)
{
    fx *f = *state;
    assert_ok(provider_add(&f->ctx, AGB_A, "Aanbieder", "instelling", NULL, err));
    int n = 0;
    assert_ok(contract_add(&f->ctx, AGB_A, "P1", "*", D("2025-01-01"), JR_DATE_NONE, &n, err));
    const jr_lot *lot = catalog_lot_of(unit_catalog(), "45F01");
    assert_non_null(lot);
    assert_string_equal(lot->code, "P1");
    assert_int_equal(n, lot->nproducts);
    contract_list_acc acc;
    memset(&acc, 0, sizeof acc);
    assert_ok(contract_list(&f->ctx, AGB_A, collect_contract, &acc, err));
    assert_int_equal(acc.n, lot->nproducts);
    for (int i = 0; i < lot->nproducts; i++) /* listed ordered by product, as in the lot */
        assert_string_equal(acc.products[i], lot->products[i]);
    /* a single product by its short code */
    assert_ok(contract_add(&f->ctx, AGB_A, "P3", "CRISIS", D("2025-01-01"), JR_DATE_NONE, &n, err));
    assert_int_equal(n, 1);
    assert_i64_equal(count(f, "SELECT count(*) FROM contract"), lot->nproducts + 1);
}

/* ======================================================================== */
/* youths                                                                   */
/* ======================================================================== */

static void youth_add_refuses_a_bsn_failing_the_11_check(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    assert_refused(youth_add(&f->ctx, "123456789", D("2015-03-01"), ZWOLLE, NULL, err), JR_EINVAL,
                   "bsn_invalid");
    assert_refused(youth_add(&f->ctx, "000000000", D("2015-03-01"), ZWOLLE, NULL, err), JR_EINVAL,
                   "bsn_invalid");
    assert_refused(youth_add(&f->ctx, "12345678", D("2015-03-01"), ZWOLLE, NULL, err), JR_EINVAL,
                   "bsn_invalid");
    assert_i64_equal(count(f, "SELECT count(*) FROM youth"), 0);
    assert_ok(youth_add(&f->ctx, BSN_1, D("2015-03-01"), ZWOLLE, NULL, err));
}

static void youth_add_refuses_a_municipality_outside_the_region(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    /* 0363 is Amsterdam: a real CBS code, not in IJsselland */
    assert_refused(youth_add(&f->ctx, BSN_1, D("2015-03-01"), "0363", NULL, err), JR_EINVAL,
                   "gemeente_unknown");
    assert_i64_equal(count(f, "SELECT count(*) FROM youth"), 0);
}

static void youth_add_refuses_a_duplicate_bsn_as_conflict(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    youth(f, BSN_1, ZWOLLE);
    snapshot before = take_snapshot(f, NULL);
    assert_refused(youth_add(&f->ctx, BSN_1, D("2016-01-01"), DEVENTER, NULL, err), JR_ECONFLICT,
                   "bsn_exists");
    snapshot after = take_snapshot(f, NULL);
    assert_unchanged(&before, &after);
    jr_youth y;
    assert_ok(youth_find(&f->ctx, BSN_1, &y, err));
    assert_string_equal(y.gemeente, ZWOLLE);
}

/* ======================================================================== */
/* referral route rules                                                     */
/* ======================================================================== */

static void referral_gp_may_choose_kb1(void **state)
{
    fx *f = *state;
    youth(f, BSN_1, ZWOLLE);
    jr_referral_req req = budget_req("02", "KB1", "2025-05-01");
    int64_t id = refer(f, BSN_1, &req);
    jr_referral r;
    assert_ok(referral_get(&f->ctx, id, &r, err));
    assert_string_equal(r.status, "open");
    assert_string_equal(r.gemeente, ZWOLLE);
    assert_string_equal(r.req.budget, "KB1");
    assert_int_equal(r.req.route, JR_ROUTE_BUDGET);
}

static void referral_gp_may_not_choose_kb3(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    youth(f, BSN_1, ZWOLLE);
    jr_referral_req req = budget_req("02", "KB3", "2025-05-01");
    assert_refused(referral_create(&f->ctx, BSN_1, &req, NULL, NULL, err), JR_EINVAL,
                   "route_not_allowed");
    assert_contains(err->message, "KB3");
    assert_i64_equal(count(f, "SELECT count(*) FROM referral"), 0);
}

static void referral_gi_may_not_choose_a_budget(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    youth(f, BSN_1, ZWOLLE);
    jr_referral_req req = budget_req("04", "KB1", "2025-05-01");
    assert_refused(referral_create(&f->ctx, BSN_1, &req, NULL, NULL, err), JR_EINVAL,
                   "route_not_allowed");
    assert_i64_equal(count(f, "SELECT count(*) FROM referral"), 0);
}

static void referral_gi_may_ask_a_quote(void **state)
{
    fx *f = *state;
    youth(f, BSN_1, ZWOLLE);
    jr_referral_req req = quote_req("04", "2025-05-01");
    int64_t id = refer(f, BSN_1, &req);
    jr_referral r;
    assert_ok(referral_get(&f->ctx, id, &r, err));
    assert_int_equal(r.req.route, JR_ROUTE_QUOTE);
    assert_string_equal(r.status, "open");
}

static void referral_toegang_may_refer_to_verblijf(void **state)
{
    fx *f = *state;
    youth(f, BSN_1, ZWOLLE);
    jr_referral_req req = budget_req("01", "", "2025-05-01");
    req.route = JR_ROUTE_VERBLIJF;
    snprintf(req.product, sizeof req.product, "WMIDDEN");
    req.volume = 30;
    int64_t id = refer(f, BSN_1, &req);
    jr_referral r;
    assert_ok(referral_get(&f->ctx, id, &r, err));
    assert_int_equal(r.req.route, JR_ROUTE_VERBLIJF);
    assert_string_equal(r.req.product, "44W04"); /* stored as the iJw code */
    assert_i64_equal(r.req.volume, 30);
}

/* ======================================================================== */
/* assignments                                                              */
/* ======================================================================== */

static void assignment_budget_is_the_kb_amount_of_the_start_year(void **state)
{
    fx *f = *state;
    provider_contracted(f, AGB_A);
    youth(f, BSN_1, ZWOLLE);
    char number[24];
    budget_assignment(f, AGB_A, BSN_1, "KB3", "2024-06-01", number);
    jr_assignment a = get_assignment(f, number);
    assert_true(a.grant.is_budget);
    assert_i64_equal(a.grant.budget, 500000); /* KB3 in 2024: 5000.00 (the region's figure) */
    assert_i64_equal(a.ledger.granted, 500000);
    assert_i64_equal(a.ledger.used, 0);
    assert_int_equal(a.grant.end, D("2025-05-31")); /* 12 months */
    assert_string_equal(a.gemeente, ZWOLLE);
    assert_string_equal(a.status, "actief");
}

static void assignment_budget_starting_in_2025_gets_the_derived_amount(void **state)
{
    fx *f = *state;
    provider_contracted(f, AGB_A);
    youth(f, BSN_1, ZWOLLE);
    char number[24];
    budget_assignment(f, AGB_A, BSN_1, "KB3", "2025-03-01", number);
    jr_assignment a = get_assignment(f, number);
    /* 2025 has no figure of its own: 5000.00 x (1 + 3.85 % OVA) = 5192.50 */
    assert_i64_equal(a.grant.budget, 519250);
    jr_cents expected;
    assert_true(budget_amount(catalog_budget(unit_catalog(), "KB3"), D("2025-03-01"), &expected));
    assert_i64_equal(a.grant.budget, expected);
    assert_int_equal(a.grant.end, D("2026-02-28"));
}

static void assignment_refuses_a_provider_without_contract(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    assert_ok(provider_add(&f->ctx, AGB_A, "Zonder contract", "instelling", NULL, err));
    /* contracted, but only for crisis: no functiegroep for an ambulant budget */
    assert_ok(provider_add(&f->ctx, AGB_B, "Alleen crisis", "instelling", NULL, err));
    assert_ok(contract_add(&f->ctx, AGB_B, "P3", "*", D("2024-01-01"), JR_DATE_NONE, NULL, err));
    youth(f, BSN_1, ZWOLLE);
    jr_referral_req req = budget_req("01", "KB2", "2025-02-20");
    int64_t rid = refer(f, BSN_1, &req);
    snapshot before = take_snapshot(f, NULL);
    char number[24];
    assert_refused(
        assignment_create(&f->ctx, rid, AGB_A, D("2025-03-01"), JR_DATE_NONE, number, err),
        JR_EINVAL, "provider_not_contracted");
    assert_refused(
        assignment_create(&f->ctx, rid, AGB_B, D("2025-03-01"), JR_DATE_NONE, number, err),
        JR_EINVAL, "provider_not_contracted");
    snapshot after = take_snapshot(f, NULL);
    assert_unchanged(&before, &after);
    jr_referral r;
    assert_ok(referral_get(&f->ctx, rid, &r, err));
    assert_string_equal(r.status, "open");
}

static void assignment_refuses_a_referral_already_assigned(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    provider_contracted(f, AGB_A);
    provider_contracted(f, AGB_B);
    youth(f, BSN_1, ZWOLLE);
    jr_referral_req req = budget_req("01", "KB2", "2025-02-20");
    int64_t rid = refer(f, BSN_1, &req);
    char number[24], second[24];
    assert_ok(assignment_create(&f->ctx, rid, AGB_A, D("2025-03-01"), JR_DATE_NONE, number, err));
    jr_referral r;
    assert_ok(referral_get(&f->ctx, rid, &r, err));
    assert_string_equal(r.status, "toegewezen");
    snapshot before = take_snapshot(f, NULL);
    assert_refused(
        assignment_create(&f->ctx, rid, AGB_B, D("2025-03-01"), JR_DATE_NONE, second, err),
        JR_ECONFLICT, "referral_not_open");
    snapshot after = take_snapshot(f, NULL);
    assert_unchanged(&before, &after);
}

static void assignment_refuses_a_quote_referral(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    provider_contracted(f, AGB_A);
    youth(f, BSN_1, ZWOLLE);
    jr_referral_req req = quote_req("04", "2025-02-20");
    int64_t rid = refer(f, BSN_1, &req);
    char number[24];
    assert_refused(
        assignment_create(&f->ctx, rid, AGB_A, D("2025-03-01"), JR_DATE_NONE, number, err),
        JR_EINVAL, "referral_needs_quote");
    assert_i64_equal(count(f, "SELECT count(*) FROM assignment"), 0);
}

/* ======================================================================== */
/* quotes                                                                   */
/* ======================================================================== */

static void quote_accepted_becomes_a_budget_assignment_and_rejects_the_other(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    provider_contracted(f, AGB_A);
    provider_contracted(f, AGB_B);
    youth(f, BSN_1, ZWOLLE);
    jr_referral_req req = quote_req("04", "2025-06-02");
    int64_t rid = refer(f, BSN_1, &req);
    const char *agbs[] = {AGB_A, AGB_B};
    int64_t ids[2];
    assert_ok(quote_request(&f->ctx, rid, agbs, 2, ids, err));

    /* A: 10 hours FG2 and 5.5 hours FG4 for 6 months */
    jr_quote_line la[2];
    memset(la, 0, sizeof la);
    snprintf(la[0].product, sizeof la[0].product, "FG2");
    la[0].centi_hours = 1000;
    snprintf(la[1].product, sizeof la[1].product, "45F04");
    la[1].centi_hours = 550;
    jr_cents total_a = 0;
    assert_ok(quote_answer(&f->ctx, ids[0], AGB_A, la, 2, 6, "Plan A", &total_a, err));
    jr_cents fg2 = tariff_of("45F02", "2025-06-02"), fg4 = tariff_of("45F04", "2025-06-02");
    assert_i64_equal(la[0].tariff, fg2);
    assert_i64_equal(la[1].tariff, fg4);
    assert_i64_equal(total_a, 10 * fg2 + fg4 * 550 / 100);
    assert_i64_equal(total_a, 81000 + 59400); /* 10 x 81.00 + 5.5 x 108.00 */

    /* B: 20 hours FG3 */
    jr_quote_line lb[1];
    memset(lb, 0, sizeof lb);
    snprintf(lb[0].product, sizeof lb[0].product, "FG3");
    lb[0].centi_hours = 2000;
    jr_cents total_b = 0;
    assert_ok(quote_answer(&f->ctx, ids[1], AGB_B, lb, 1, 12, "Plan B", &total_b, err));
    assert_i64_equal(total_b, 20 * tariff_of("45F03", "2025-06-02"));

    char number[24];
    assert_ok(quote_accept(&f->ctx, ids[0], D("2025-07-01"), number, err));
    jr_assignment a = get_assignment(f, number);
    assert_true(a.grant.is_budget);
    assert_i64_equal(a.grant.budget, total_a);
    assert_string_equal(a.agb, AGB_A);
    assert_int_equal(a.grant.start, D("2025-07-01"));
    assert_int_equal(a.grant.end, D("2025-12-31")); /* the quote's 6 months */
    assert_i64_equal(a.quote_id, ids[0]);

    jr_quote qa, qb;
    assert_ok(quote_get(&f->ctx, ids[0], &qa, err));
    assert_ok(quote_get(&f->ctx, ids[1], &qb, err));
    assert_string_equal(qa.status, "geaccepteerd");
    assert_string_equal(qa.assignment, number);
    assert_string_equal(qb.status, "afgewezen");
    assert_true(qb.reason[0] != '\0');
    jr_referral r;
    assert_ok(referral_get(&f->ctx, rid, &r, err));
    assert_string_equal(r.status, "toegewezen");
    /* the rejected one cannot be accepted any more */
    char other[24];
    assert_refused(quote_accept(&f->ctx, ids[1], D("2025-07-01"), other, err), JR_ECONFLICT,
                   "quote_not_answered");
}

static void quote_reject_needs_a_reason(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    provider_contracted(f, AGB_A);
    youth(f, BSN_1, ZWOLLE);
    jr_referral_req req = quote_req("01", "2025-06-02");
    int64_t rid = refer(f, BSN_1, &req);
    const char *agbs[] = {AGB_A};
    int64_t id;
    assert_ok(quote_request(&f->ctx, rid, agbs, 1, &id, err));
    int64_t audit_before = count(f, "SELECT count(*) FROM audit");
    assert_refused(quote_reject(&f->ctx, id, NULL, err), JR_EINVAL, "reason_missing");
    assert_refused(quote_reject(&f->ctx, id, "", err), JR_EINVAL, "reason_missing");
    assert_i64_equal(count(f, "SELECT count(*) FROM audit"), audit_before);
    jr_quote q;
    assert_ok(quote_get(&f->ctx, id, &q, err));
    assert_string_equal(q.status, "aangevraagd");
    assert_ok(quote_reject(&f->ctx, id, "Te duur voor het beoogde resultaat.", err));
    assert_ok(quote_get(&f->ctx, id, &q, err));
    assert_string_equal(q.status, "afgewezen");
    assert_string_equal(q.reason, "Te duur voor het beoogde resultaat.");
}

/* ======================================================================== */
/* care start and stop                                                      */
/* ======================================================================== */

static void care_start_by_another_provider_answers_not_found(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    provider_contracted(f, AGB_A);
    provider_contracted(f, AGB_B);
    youth(f, BSN_1, ZWOLLE);
    jr_referral_req req = budget_req("01", "KB3", "2025-02-20");
    int64_t rid = refer(f, BSN_1, &req);
    char number[24];
    assert_ok(assignment_create(&f->ctx, rid, AGB_A, D("2025-03-01"), JR_DATE_NONE, number, err));
    assert_refused(care_start(&f->ctx, number, AGB_B, D("2025-03-01"), err), JR_ENOTFOUND,
                   "assignment_unknown");
    assert_refused(care_stop(&f->ctx, number, AGB_B, D("2025-03-01"), "31", err), JR_ENOTFOUND,
                   "assignment_unknown");
    assert_int_equal(get_assignment(f, number).care_start, JR_DATE_NONE);
}

static void care_stop_before_care_start_is_refused(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    provider_contracted(f, AGB_A);
    youth(f, BSN_1, ZWOLLE);
    jr_referral_req req = budget_req("01", "KB3", "2025-02-20");
    int64_t rid = refer(f, BSN_1, &req);
    char number[24];
    assert_ok(assignment_create(&f->ctx, rid, AGB_A, D("2025-03-01"), JR_DATE_NONE, number, err));
    assert_refused(care_stop(&f->ctx, number, AGB_A, D("2025-03-20"), "31", err), JR_ECONFLICT,
                   "care_not_started");
    assert_ok(care_start(&f->ctx, number, AGB_A, D("2025-03-10"), err));
    assert_refused(care_stop(&f->ctx, number, AGB_A, D("2025-03-05"), "31", err), JR_EINVAL,
                   "date_outside_care");
    assert_int_equal(get_assignment(f, number).care_stop, JR_DATE_NONE);
    assert_ok(care_stop(&f->ctx, number, AGB_A, D("2025-09-30"), "31", err));
    jr_assignment a = get_assignment(f, number);
    assert_int_equal(a.care_stop, D("2025-09-30"));
    assert_string_equal(a.stop_reason, "31");
}

static void care_stop_with_an_unknown_reason_code_is_refused(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    setup_budget(f);
    assert_refused(care_stop(&f->ctx, f->number, AGB_A, D("2025-09-30"), "99", err), JR_EINVAL,
                   "reason_invalid");
    assert_refused(care_stop(&f->ctx, f->number, AGB_A, D("2025-09-30"), NULL, err), JR_EINVAL,
                   "reason_invalid");
    assert_int_equal(get_assignment(f, f->number).care_stop, JR_DATE_NONE);
}

static void care_stop_next_follows_only_a_temporary_stop(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    setup_budget(f); /* care started 2025-03-01 */
    /* nothing to follow yet */
    assert_refused(care_stop_next(&f->ctx, f->number, AGB_A, D("2025-05-31"), "31", err),
                   JR_ECONFLICT, "9415");
    assert_ok(care_stop(&f->ctx, f->number, AGB_A, D("2025-04-30"), "20", err));
    assert_refused(care_stop_next(&f->ctx, f->number, AGB_A, D("2025-04-29"), "31", err), JR_EINVAL,
                   "9414");
    assert_refused(care_stop_next(&f->ctx, f->number, AGB_A, D("2025-05-31"), "20", err),
                   JR_ECONFLICT, "9413");
    assert_int_equal(get_assignment(f, f->number).care_stop, D("2025-04-30"));
    assert_ok(care_stop_next(&f->ctx, f->number, AGB_A, D("2025-05-31"), "31", err));
    jr_assignment a = get_assignment(f, f->number);
    assert_int_equal(a.care_stop, D("2025-05-31"));
    assert_string_equal(a.stop_reason, "31");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM stop_history WHERE state = 'vervangen'"
                              " AND reason = '20'"),
                     1);
    /* a definitive stop is the last one */
    assert_refused(care_stop_next(&f->ctx, f->number, AGB_A, D("2025-06-30"), "31", err),
                   JR_ECONFLICT, "9415");
    /* withdrawn: only the current stop, by its date */
    assert_refused(care_stop_delete(&f->ctx, f->number, AGB_A, D("2025-04-30"), err), JR_ECONFLICT,
                   "9063");
    assert_ok(care_stop_delete(&f->ctx, f->number, AGB_A, D("2025-05-31"), err));
    assert_int_equal(get_assignment(f, f->number).care_stop, JR_DATE_NONE);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM stop_history WHERE state = 'vervallen'"), 1);
}

/* ======================================================================== */
/* the life of an assignment                                                */
/* ======================================================================== */

/* The worklist's "nearly spent" list and the ledger's nearly_spent flag
 * follow the same rule: more than 90 % of the budget used, not exactly 90 %. */
static int count_nearly_spent(void *ud, const void *row)
{
    const jr_assignment *a = row;
    int *n = ud;
    *n += ledger_nearly_spent(&a->ledger) ? 1 : 1000; /* a row the rule would not show */
    return 0;
}

static void worklist_nearly_spent_follows_the_ledger_rule(void **state)
{
    fx *f = *state;
    setup_budget(f);
    csv_row rows[] = {hours_line(f->number, "R1", "45F02", 10)}; /* 810.00 */
    assert_imported(import_rows(f, "march.csv", rows, 1));
    assert_ok(assignment_change(&f->ctx, f->number, 90000, JR_DATE_NONE, "01", err));
    jr_assignment a = get_assignment(f, f->number);
    assert_false(ledger_nearly_spent(&a.ledger)); /* exactly 90 % */
    int n = 0;
    assert_ok(worklist_budgets_nearly_spent(&f->ctx, 10, count_nearly_spent, &n, err));
    assert_int_equal(n, 0);
    assert_ok(assignment_change(&f->ctx, f->number, 89999, JR_DATE_NONE, "01", err));
    a = get_assignment(f, f->number);
    assert_true(ledger_nearly_spent(&a.ledger));
    assert_ok(worklist_budgets_nearly_spent(&f->ctx, 10, count_nearly_spent, &n, err));
    assert_int_equal(n, 1);
}

static void assignment_change_below_what_was_used_is_refused(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    setup_budget(f);
    csv_row rows[] = {hours_line(f->number, "R1", "45F02", 10)}; /* 810.00 */
    import_result r = import_rows(f, "march.csv", rows, 1);
    assert_imported(r);
    assert_i64_equal(get_assignment(f, f->number).ledger.used, 81000);
    snapshot before = take_snapshot(f, f->number);
    assert_refused(assignment_change(&f->ctx, f->number, 80999, JR_DATE_NONE, "01", err), JR_EINVAL,
                   "below_used");
    snapshot after = take_snapshot(f, f->number);
    assert_unchanged(&before, &after);
    assert_i64_equal(get_assignment(f, f->number).grant.budget, 519250);
    /* exactly what was used is allowed */
    assert_ok(assignment_change(&f->ctx, f->number, 81000, JR_DATE_NONE, "01", err));
    jr_assignment a = get_assignment(f, f->number);
    assert_i64_equal(a.grant.budget, 81000);
    assert_i64_equal(ledger_remaining(&a.ledger), 0);
}

typedef struct {
    int n;
    jr_ledger_event ev[8];
} event_acc;

static int collect_event(void *ud, const void *row)
{
    event_acc *acc = ud;
    if (acc->n < 8)
        acc->ev[acc->n] = *(const jr_ledger_event *)row;
    acc->n++;
    return 0;
}

static void assignment_end_releases_the_remainder(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    setup_budget(f);
    csv_row rows[] = {hours_line(f->number, "R1", "45F02", 10)}; /* 810.00 */
    assert_imported(import_rows(f, "march.csv", rows, 1));
    assert_ok(assignment_end(&f->ctx, f->number, D("2025-04-30"), "doel bereikt", err));
    jr_assignment a = get_assignment(f, f->number);
    assert_string_equal(a.status, "beeindigd");
    assert_int_equal(a.grant.end, D("2025-04-30"));
    assert_i64_equal(a.ledger.granted, 519250);
    assert_i64_equal(a.ledger.used, 81000);
    assert_i64_equal(a.ledger.released, 519250 - 81000);
    assert_i64_equal(ledger_remaining(&a.ledger), 0);

    event_acc acc;
    memset(&acc, 0, sizeof acc);
    assert_ok(ledger_events(&f->ctx, f->number, collect_event, &acc, err));
    assert_int_equal(acc.n, 2);
    assert_string_equal(acc.ev[0].kind, "toegekend");
    assert_i64_equal(acc.ev[0].cents, 519250);
    assert_string_equal(acc.ev[1].kind, "vrijgevallen");
    assert_i64_equal(acc.ev[1].cents, 519250 - 81000);
    assert_int_equal(acc.ev[1].date, D("2025-04-30"));
    /* an ended assignment cannot be ended again */
    assert_refused(assignment_end(&f->ctx, f->number, D("2025-04-30"), "", err), JR_ECONFLICT,
                   "assignment_not_active");
}

static void assignment_withdrawn_rejects_later_lines_with_9384(void **state)
{
    fx *f = *state;
    setup_budget(f);
    assert_ok(assignment_withdraw(&f->ctx, f->number, err));
    assert_string_equal(get_assignment(f, f->number).status, "ingetrokken");
    csv_row rows[] = {hours_line(f->number, "R1", "45F02", 10)};
    import_result r = import_rows(f, "march.csv", rows, 1);
    assert_imported(r);
    assert_i64_equal(r.batch[0].n_accepted, 0);
    assert_i64_equal(r.batch[0].n_rejected, 1);
    assert_line_code(f, "R1", "9384");
    assert_i64_equal(get_assignment(f, f->number).ledger.used, 0);
}

/* ======================================================================== */
/* declarations                                                             */
/* ======================================================================== */

static void declaration_accepted_lines_raise_used_cents(void **state)
{
    fx *f = *state;
    setup_budget(f);
    csv_row rows[] = {hours_line(f->number, "R1", "45F02", 10), /* 10 x 81.00 */
                      hours_line(f->number, "R2", "45F04", 2)}; /* 2 x 108.00 */
    import_result r = import_rows(f, "march.csv", rows, 2);
    assert_imported(r);
    assert_int_equal(r.nbatches, 1);
    assert_string_equal(r.batch[0].number, "D2025-03");
    assert_false(r.batch[0].replayed);
    assert_i64_equal(r.batch[0].n_accepted, 2);
    assert_i64_equal(r.batch[0].n_rejected, 0);
    assert_i64_equal(r.batch[0].accepted_amount, 81000 + 21600);
    assert_line_code(f, "R1", "8001");
    assert_line_code(f, "R2", "8001");
    jr_assignment a = get_assignment(f, f->number);
    assert_i64_equal(a.ledger.used, 81000 + 21600);
    assert_i64_equal(ledger_remaining(&a.ledger), 519250 - 102600);
    assert_i64_equal(a.used_base, 12 * 60); /* minutes */
}

static void declaration_reimport_of_the_same_file_changes_nothing(void **state)
{
    fx *f = *state;
    setup_budget(f);
    csv_row good = hours_line(f->number, "R1", "45F02", 10);
    csv_row bad = hours_line(f->number, "R2", "45F03", 5);
    SET(bad.tariff, "90.00"); /* not the catalog tariff: 0611 */
    SET(bad.amount, "450.00");
    csv_row rows[] = {good, bad};
    char path[256];
    write_csv(f, "march.csv", rows, 2, path);
    import_result first = import_file(f, path);
    assert_imported(first);
    assert_false(first.batch[0].replayed);
    snapshot before = take_snapshot(f, f->number);

    import_result again = import_file(f, path);
    assert_imported(again);
    assert_int_equal(again.nbatches, 1);
    assert_true(again.batch[0].replayed);
    assert_i64_equal(again.batch[0].batch_id, first.batch[0].batch_id);
    assert_i64_equal(again.batch[0].n_accepted, 1);
    assert_i64_equal(again.batch[0].n_rejected, 1);
    snapshot after = take_snapshot(f, f->number);
    assert_unchanged(&before, &after);
}

/* A file that mixes batches received before with new ones reports each in
 * file order, with its own id and whether it was replayed (the session keeps
 * them as runs of consecutive ids: each break must come out right). */
static void declaration_mixed_replayed_and_new_batches_report_in_order(void **state)
{
    fx *f = *state;
    setup_budget(f);
    /* one open debit per assignment, product and begin date (9389): a product each */
    csv_row a = hours_line(f->number, "R1", "45F01", 1);
    csv_row b = hours_line(f->number, "R2", "45F02", 2);
    SET(b.number, "D2025-03-B");
    csv_row first_rows[] = {a, b};
    import_result first = import_rows(f, "first.csv", first_rows, 2);
    assert_imported(first);
    assert_int_equal(first.nbatches, 2);
    assert_i64_equal(first.batch[1].batch_id, first.batch[0].batch_id + 1);

    csv_row c = hours_line(f->number, "R3", "45F03", 3);
    SET(c.number, "D2025-03-C");
    csv_row d = hours_line(f->number, "R4", "45F04", 4);
    SET(d.number, "D2025-03-D");
    csv_row e = hours_line(f->number, "R5", "45F05", 5);
    SET(e.number, "D2025-03-E");
    /* b's id is the highest so far: c's comes right after it */
    csv_row rows[] = {b, c, a, d, e};
    import_result r = import_rows(f, "mixed.csv", rows, 5);
    assert_imported(r);
    assert_int_equal(r.nbatches, 5);
    const char *numbers[] = {"D2025-03-B", "D2025-03-C", "D2025-03", "D2025-03-D", "D2025-03-E"};
    const bool replayed[] = {true, false, true, false, false};
    const int hours[] = {2, 3, 1, 4, 5};
    const char *products[] = {"45F02", "45F03", "45F01", "45F04", "45F05"};
    jr_cents total = 0;
    for (int i = 0; i < 5; i++) {
        jr_cents amount = tariff_of(products[i], "2025-03-01") * hours[i];
        total += amount;
        assert_string_equal(r.batch[i].number, numbers[i]);
        assert_int_equal(r.batch[i].replayed, replayed[i]);
        assert_i64_equal(r.batch[i].n_accepted, 1);
        assert_i64_equal(r.batch[i].accepted_amount, amount);
    }
    assert_i64_equal(r.batch[0].batch_id, first.batch[1].batch_id);
    assert_i64_equal(r.batch[1].batch_id, first.batch[1].batch_id + 1);
    assert_i64_equal(r.batch[2].batch_id, first.batch[0].batch_id);
    assert_i64_equal(r.batch[3].batch_id, r.batch[1].batch_id + 1);
    assert_i64_equal(r.batch[4].batch_id, r.batch[3].batch_id + 1);
    assert_i64_equal(get_assignment(f, f->number).ledger.used, total);
}

/* A stop zorg moves later or earlier as long as no accepted line lies after
 * the new stop (iJw 9385); lines before it are no obstacle. */
static void care_stop_change_refuses_only_lines_after_the_new_stop(void **state)
{
    fx *f = *state;
    setup_budget(f);
    csv_row rows[] = {hours_line(f->number, "R1", "45F02", 2)}; /* 2025-03-01..31 */
    import_result r = import_rows(f, "maart.csv", rows, 1);
    assert_imported(r);
    assert_line_code(f, "R1", "8001");
    assert_ok(care_stop(&f->ctx, f->number, AGB_A, D("2025-04-30"), "31", err));
    assert_ok(care_stop_change(&f->ctx, f->number, AGB_A, D("2025-05-31"), "31", err));
    assert_int_equal(get_assignment(f, f->number).care_stop, D("2025-05-31"));
    jr_error e;
    jr_error_clear(&e);
    assert_int_equal(care_stop_change(&f->ctx, f->number, AGB_A, D("2025-03-15"), "31", &e),
                     JR_ECONFLICT);
    assert_string_equal(e.code, "9385");
    assert_int_equal(get_assignment(f, f->number).care_stop, D("2025-05-31"));
}

/* valid_bsn: the i-th BSN (11-proof) from a fixed range, for tests that need many youths */
static void valid_bsn(int i, char out[10])
{
    for (int base = 20000000 + i * 13;; base++) {
        int s = 0, v = base;
        for (int k = 7; k >= 0; k--, v /= 10)
            s += (v % 10) * (9 - k);
        if (s % 11 == 10)
            continue;
        snprintf(out, 10, "%08d%d", base, s % 11);
        return;
    }
}

/* A provider with many assignments in the municipality: a batch of far fewer
 * lines reads the assignments it names one by one (more than 16 assignments
 * per line), a larger batch scans them all; either way every line is
 * checked against its own assignment. */
static void declaration_small_batch_of_a_large_provider_checks_each_line(void **state)
{
    fx *f = *state;
    provider_contracted(f, AGB_A);
    enum { N = 40 };
    char numbers[N][24];
    for (int i = 0; i < N; i++) {
        char bsn[10];
        valid_bsn(i, bsn);
        youth(f, bsn, ZWOLLE);
        budget_assignment(f, AGB_A, bsn, "KB3", "2025-03-01", numbers[i]);
    }
    /* 2 lines: 40 assignments > 2 x 16, looked up one by one */
    csv_row a = hours_line(numbers[7], "S1", "45F02", 2);
    csv_row b = hours_line(numbers[31], "S2", "45F02", 3);
    valid_bsn(7, a.bsn);
    valid_bsn(30, b.bsn); /* not the BSN of assignment 31: 8187 */
    csv_row small[] = {a, b};
    import_result r = import_rows(f, "klein.csv", small, 2);
    assert_imported(r);
    assert_line_code(f, "S1", "8001");
    assert_line_code(f, "S2", "8187");
    assert_i64_equal(get_assignment(f, numbers[7]).ledger.used, 2 * 8100);
    /* 3 lines of another batch: 40 <= 3 x 16, scanned */
    csv_row rows[3];
    for (int i = 0; i < 3; i++) {
        char ref[8];
        snprintf(ref, sizeof ref, "T%d", i);
        rows[i] = hours_line(numbers[10 + i], ref, "45F03", 1);
        SET(rows[i].number, "D2025-03-T");
        valid_bsn(10 + i, rows[i].bsn);
    }
    SET(rows[2].bsn, BSN_1); /* a BSN of no assignment here: 8187 */
    r = import_rows(f, "groot.csv", rows, 3);
    assert_imported(r);
    assert_line_code(f, "T0", "8001");
    assert_line_code(f, "T1", "8001");
    assert_line_code(f, "T2", "8187");
    assert_i64_equal(get_assignment(f, numbers[10]).ledger.used, tariff_of("45F03", "2025-03-01"));
}

/* A replayed batch reports the totals it was stored with. */
static void declaration_replayed_batch_reports_its_stored_amount(void **state)
{
    fx *f = *state;
    setup_budget(f);
    csv_row rows[] = {hours_line(f->number, "R1", "45F02", 10)};
    char path[256];
    write_csv(f, "march.csv", rows, 1, path);
    import_result first = import_file(f, path);
    assert_imported(first);
    assert_i64_equal(first.batch[0].accepted_amount, 81000);
    import_result again = import_file(f, path);
    assert_imported(again);
    assert_true(again.batch[0].replayed);
    assert_i64_equal(again.batch[0].n_accepted, 1);
    /*
     * Regression, fixed (src/service/declaration.c, open_batch): for a replayed batch the
     * summary copies n_accepted and n_rejected from decl_batch but leaves
     * accepted_amount at 0, so `jeugdregio declare` prints "1 geaccepteerd
     * (€ 0,00) ... (al eerder ontvangen: niets gewijzigd)" for a batch that
     * was accepted for € 810,00. Expected 81000, actual 0.
     */
    assert_i64_equal(again.batch[0].accepted_amount, first.batch[0].accepted_amount);
}

/* The CSV reader hashes batches in its own thread; a session fed line by
 * line (as the JW323 reader and the API do) hashes them itself. Both must
 * give the same hash, or a batch sent once as CSV and again another way
 * would be taken for new content (9333) instead of recognised. */
static void batch_hash_is_the_same_from_the_csv_reader_and_from_the_session(void **state)
{
    fx *f = *state;
    setup_budget(f);
    csv_row rows[] = {hours_line(f->number, "R1", "45F02", 4),
                      hours_line(f->number, "R2", "45F04", 1)};
    rows[1].dc[0] = 'C'; /* a credit of R1, so that every field is hashed */
    SET(rows[1].credit_ref, "R1");
    SET(rows[1].product, "45F02");
    money_format_plain(4 * tariff_of("45F02", "2025-03-01"), rows[1].amount);
    money_format_plain(tariff_of("45F02", "2025-03-01"), rows[1].tariff);
    SET(rows[1].volume, "4");
    assert_imported(import_rows(f, "maart.csv", rows, 2));
    int64_t lines = count(f, "SELECT count(*) FROM decl_line");

    /* the same batch, line by line into a session that hashes it itself */
    jr_decl_batch b;
    memset(&b, 0, sizeof b);
    SET(b.number, "D2025-03");
    SET(b.agb, AGB_A);
    SET(b.gemeente, ZWOLLE);
    b.period = M("2025-03");
    b.dagtekening = D("2025-04-05");
    jr_decl_line l[2];
    memset(l, 0, sizeof l);
    for (int i = 0; i < 2; i++) {
        SET(l[i].ref, rows[i].ref);
        SET(l[i].assignment, f->number);
        SET(l[i].bsn, BSN_1);
        SET(l[i].category, "45");
        SET(l[i].product, "45F02");
        l[i].begin = D("2025-03-01");
        l[i].end = D("2025-03-31");
        l[i].volume = 4;
        SET(l[i].unit, "04");
        l[i].tariff = tariff_of("45F02", "2025-03-01");
        l[i].amount = 4 * l[i].tariff;
    }
    l[1].credit = true;
    SET(l[1].credit_ref, "R1");
    jr_error e, *err = &e;
    jr_decl_session *s = NULL;
    assert_ok(decl_session_begin(&f->ctx, "regels", &s, err));
    assert_ok(decl_session_add(s, &b, &l[0], err));
    assert_ok(decl_session_add(s, &b, &l[1], err));
    assert_ok(decl_session_commit(s, err));
    assert_true(decl_session_batch(s, 0)->replayed);
    decl_session_free(s);
    assert_i64_equal(count(f, "SELECT count(*) FROM decl_line"), lines);

    /* one field other: the same number now names other content */
    l[0].volume = 3;
    l[0].amount = 3 * l[0].tariff;
    assert_ok(decl_session_begin(&f->ctx, "regels", &s, err));
    assert_ok(decl_session_add(s, &b, &l[0], err));
    assert_ok(decl_session_add(s, &b, &l[1], err));
    assert_refused(decl_session_commit(s, err), JR_EINVAL, "9333");
    decl_session_free(s);
}

static void declaration_same_batch_number_with_other_content_is_refused_whole(void **state)
{
    fx *f = *state;
    setup_budget(f);
    csv_row first[] = {hours_line(f->number, "R1", "45F02", 10)};
    assert_imported(import_rows(f, "march.csv", first, 1));
    snapshot before = take_snapshot(f, f->number);

    /* a new, valid batch first, then D2025-03 again with 12 hours instead of 10 */
    csv_row fresh = hours_line(f->number, "R9", "45F04", 1);
    SET(fresh.number, "D2025-03-extra");
    csv_row changed = hours_line(f->number, "R1", "45F02", 12);
    csv_row second[] = {fresh, changed};
    import_result r = import_rows(f, "march-changed.csv", second, 2);
    assert_int_equal(r.rc, JR_EINVAL);
    assert_string_equal(r.err.code, "9333");
    assert_contains(r.err.message, "D2025-03");
    snapshot after = take_snapshot(f, f->number);
    assert_unchanged(&before, &after);
}

/* the import's report, event by event: "B number" for a batch (with "+"
 * when replayed), "L ref code" for each of its lines */
typedef struct {
    char events[16][48];
    int n;
    int stop_after_batches; /* 0: never stop */
    int batches;
} report_log;

static void report_event(report_log *g, const char *text)
{
    if (g->n < 16)
        snprintf(g->events[g->n], sizeof g->events[0], "%s", text);
    g->n++;
}

static int report_batch(void *ud, const jr_decl_batch_summary *b)
{
    report_log *g = ud;
    char e[48];
    snprintf(e, sizeof e, "B %s%s", b->number, b->replayed ? "+" : "");
    report_event(g, e);
    return g->stop_after_batches && ++g->batches >= g->stop_after_batches;
}

static int report_line(void *ud, const void *row)
{
    const jr_decl_outcome *o = row;
    char e[48];
    snprintf(e, sizeof e, "L %s %s", o->ref, o->code);
    report_event(ud, e);
    return 0;
}

static jr_status import_reported(fx *f, const char *path, report_log *g, bool lines, jr_error *err)
{
    FILE *in = fopen(path, "rb");
    assert_non_null(in);
    decl_import_report rep = {report_batch, lines ? report_line : NULL, g};
    jr_status rc = decl_csv_import(&f->ctx, in, path, "test:report", &rep, err);
    fclose(in);
    return rc;
}

static void declaration_import_reports_each_batch_then_its_lines(void **state)
{
    fx *f = *state;
    setup_budget(f);
    csv_row a = hours_line(f->number, "R1", "45F01", 1);
    csv_row a2 = hours_line(f->number, "R2", "45F01", 1); /* 9389: a's debit is open */
    csv_row b = hours_line(f->number, "R3", "45F02", 2);
    SET(b.number, "D2025-03-B");
    csv_row rows[] = {a, a2, b};
    char path[256];
    write_csv(f, "report.csv", rows, 3, path);

    report_log g = {0};
    assert_ok(import_reported(f, path, &g, true, err));
    assert_int_equal(g.n, 5);
    assert_string_equal(g.events[0], "B D2025-03");
    assert_string_equal(g.events[1], "L R1 8001");
    assert_string_equal(g.events[2], "L R2 9389");
    assert_string_equal(g.events[3], "B D2025-03-B");
    assert_string_equal(g.events[4], "L R3 8001");
    assert_i64_equal(count(f, "SELECT count(*) FROM decl_batch WHERE source = 'test:report'"), 2);

    /* again: the same batches, replayed, with the lines stored the first time */
    memset(&g, 0, sizeof g);
    assert_ok(import_reported(f, path, &g, true, err));
    assert_int_equal(g.n, 5);
    assert_string_equal(g.events[0], "B D2025-03+");
    assert_string_equal(g.events[2], "L R2 9389");
    assert_string_equal(g.events[3], "B D2025-03-B+");

    /* without a line callback no line is read; a batch callback can stop the report */
    memset(&g, 0, sizeof g);
    g.stop_after_batches = 1;
    assert_ok(import_reported(f, path, &g, false, err));
    assert_int_equal(g.n, 1);
    assert_string_equal(g.events[0], "B D2025-03+");

    /* a file-level fault: nothing stored, nothing reported */
    csv_row c = hours_line(f->number, "R4", "45F03", 1);
    SET(c.number, "D2025-03-C");
    SET(c.agb, "99999999");
    csv_row bad[] = {c};
    write_csv(f, "bad.csv", bad, 1, path);
    memset(&g, 0, sizeof g);
    jr_error e;
    jr_error_clear(&e);
    assert_int_equal(import_reported(f, path, &g, true, &e), JR_EINVAL);
    assert_string_equal(e.code, "agb_unknown");
    assert_int_equal(g.n, 0);
    assert_i64_equal(count(f, "SELECT count(*) FROM decl_batch WHERE source = 'test:report'"), 2);
}

static void declaration_unknown_agb_refuses_the_whole_file(void **state)
{
    fx *f = *state;
    setup_budget(f);
    snapshot before = take_snapshot(f, f->number);
    csv_row good = hours_line(f->number, "R1", "45F02", 10);
    csv_row stranger = hours_line(f->number, "R2", "45F02", 10);
    SET(stranger.number, "X1");
    SET(stranger.agb, "99999999");
    csv_row rows[] = {good, stranger};
    import_result r = import_rows(f, "mixed.csv", rows, 2);
    assert_int_equal(r.rc, JR_EINVAL);
    assert_contains(r.err.message, "99999999");
    assert_contains(r.err.message, "mixed.csv:3");
    snapshot after = take_snapshot(f, f->number);
    assert_unchanged(&before, &after);
    /*
     * Regression, fixed (src/io/decl_csv.c, decl_csv_read): when decl_session_add fails it
     * re-prefixes the message with jr_fail(err, rc, err->code, err->field,
     * ...), passing err's own code and field buffers as the sources of the
     * snprintf calls that overwrite them (overlapping copy, undefined
     * behaviour; with glibc both come out empty). Every file-level fault
     * found mid-file (agb_unknown, 9333, batch_split, batch_header) loses
     * its code and field, so `declare --json` reports "code":"".
     * Expected "agb_unknown" / "agb", actual "" / "".
     */
    assert_string_equal(r.err.code, "agb_unknown");
    assert_string_equal(r.err.field, "agb");
}

/* The header, one good line (line 2), then `bad` as line 3. */
static void assert_malformed_refused(fx *f, const char *name, const char *bad, const char *where)
{
    csv_row good = hours_line(f->number, "R1", "45F02", 10);
    char text[2048];
    int n = snprintf(text, sizeof text, "%s\n", decl_csv_header());
    FILE *mem = fmemopen(text + n, sizeof text - (size_t)n, "w");
    assert_non_null(mem);
    write_row(mem, &good);
    fputs(bad, mem);
    fclose(mem);
    char path[256];
    write_text(f, name, text, path);
    snapshot before = take_snapshot(f, f->number);
    import_result r = import_file(f, path);
    if (r.rc != JR_EINVAL)
        fail_msg("%s: expected the file to be refused, got %s", name, jr_status_name(r.rc));
    assert_contains(r.err.message, name);
    assert_contains(r.err.message, where);
    snapshot after = take_snapshot(f, f->number);
    assert_unchanged(&before, &after);
}

/* big_file: n lines of one batch (refs R0.., one hour of 45F01 each: the
 * first is accepted, the others repeat its open debit), with the row at
 * index bad (0-based; -1: none) replaced by text */
static void big_file(fx *f, const char *name, int n, int bad, const char *text, char path[256])
{
    snprintf(path, 256, "%s/%s", f->dir, name);
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    fprintf(out, "%s\n", decl_csv_header());
    for (int i = 0; i < n; i++) {
        if (i == bad) {
            fprintf(out, "%s\n", text);
            continue;
        }
        char ref[16];
        snprintf(ref, sizeof ref, "R%d", i);
        csv_row r = hours_line(f->number, ref, "45F01", 1);
        SET(r.number, "D-BIG");
        write_row(out, &r);
    }
    fclose(out);
}

/* Files longer than the reader's ring of parsed rows (4 x 256): a fault
 * found by the reader late, or by the session early while the reader is
 * far ahead, refuses the whole file, names the line, stores nothing and
 * leaves no reader behind (the test would hang). */
static void declaration_faults_in_long_files_refuse_them_whole(void **state)
{
    fx *f = *state;
    setup_budget(f);
    snapshot before = take_snapshot(f, f->number);
    char path[256];
    big_file(f, "late.csv", 3000, 2500, "D-BIG,kapot", path);
    import_result r = import_file(f, path);
    assert_int_equal(r.rc, JR_EINVAL);
    assert_string_equal(r.err.code, "csv_columns");
    assert_contains(r.err.message, "late.csv:2502");
    snapshot after = take_snapshot(f, f->number);
    assert_unchanged(&before, &after);

    /* the first row names an unknown provider: the session refuses it */
    char stranger[512];
    csv_row x = hours_line(f->number, "X0", "45F01", 1);
    SET(x.number, "X1");
    SET(x.agb, "99999999");
    FILE *mem = fmemopen(stranger, sizeof stranger, "w");
    assert_non_null(mem);
    write_row(mem, &x);
    fclose(mem);
    stranger[strcspn(stranger, "\n")] = '\0';
    big_file(f, "early.csv", 5000, 0, stranger, path);
    r = import_file(f, path);
    assert_int_equal(r.rc, JR_EINVAL);
    assert_string_equal(r.err.code, "agb_unknown");
    assert_contains(r.err.message, "early.csv:2");
    after = take_snapshot(f, f->number);
    assert_unchanged(&before, &after);

    /* and the same long file without the fault is read whole */
    big_file(f, "good.csv", 3000, -1, "", path);
    r = import_file(f, path);
    assert_imported(r);
    assert_int_equal(r.nbatches, 1);
    assert_i64_equal(r.batch[0].n_accepted + r.batch[0].n_rejected, 3000);
}

static void declaration_malformed_csv_refuses_the_whole_file_naming_the_line(void **state)
{
    fx *f = *state;
    setup_budget(f);
    char row[1024];
    const char *nr = f->number;
    snprintf(row, sizeof row,
             "D2025-03,12345678,0193,2025-03,2025-04-05,R2,%s,123456782,45,45F04,2025-03-01,"
             "2025-03-31,1,04,108.00,\"108.00,D,\n",
             nr);
    assert_malformed_refused(f, "quote.csv", row, "regel 3");
    snprintf(row, sizeof row,
             "D2025-03,12345678,0193,2025-03,2025-04-05,R2,%s,123456782,45,45F04,2025-03-01,"
             "2025-03-31,1,04,108.00,108.00,D\n",
             nr);
    assert_malformed_refused(f, "columns.csv", row, "columns.csv:3");
    snprintf(row, sizeof row,
             "D2025-03,12345678,0193,2025-03,2025-04-05,R2,%s,123456782,45,45F04,2025-02-30,"
             "2025-03-31,1,04,108.00,108.00,D,\n",
             nr);
    assert_malformed_refused(f, "date.csv", row, "date.csv:3: kolom begindatum");
    snprintf(row, sizeof row,
             "D2025-03,12345678,0193,2025-03,2025-04-05,R2,%s,123456782,45,45F04,2025-03-01,"
             "2025-03-31,1,04,108.00,\"12,50\",D,\n",
             nr);
    assert_malformed_refused(f, "amount.csv", row, "amount.csv:3: kolom bedrag");
    assert_i64_equal(count(f, "SELECT count(*) FROM decl_line"), 0);
}

static void credit_cancels_exactly_one_accepted_line(void **state)
{
    fx *f = *state;
    setup_budget(f);
    csv_row debit = hours_line(f->number, "R1", "45F02", 10);
    assert_imported(import_rows(f, "march.csv", &debit, 1));
    assert_i64_equal(get_assignment(f, f->number).ledger.used, 81000);

    csv_row credits[] = {credit_of(&debit, "C1", "R1", "K2025-03"),
                         credit_of(&debit, "C2", "R1", "K2025-03"),
                         credit_of(&debit, "C3", "ONBEKEND", "K2025-03")};
    import_result r = import_rows(f, "credits.csv", credits, 3);
    assert_imported(r);
    assert_line_code(f, "C1", "8001");
    assert_line_code(f, "C2", "9390"); /* R1 was credited already */
    assert_line_code(f, "C3", "8017"); /* no such debit */
    assert_i64_equal(r.batch[0].n_accepted, 1);
    assert_i64_equal(r.batch[0].n_rejected, 2);
    assert_i64_equal(r.batch[0].accepted_amount, -81000);
    jr_assignment a = get_assignment(f, f->number);
    assert_i64_equal(a.ledger.used, 0);
    assert_i64_equal(a.used_base, 0);

    /* after the credit the same period may be declared again */
    csv_row again = hours_line(f->number, "R1b", "45F02", 9);
    SET(again.number, "D2025-03-b");
    assert_imported(import_rows(f, "march-b.csv", &again, 1));
    assert_line_code(f, "R1b", "8001");
    assert_i64_equal(get_assignment(f, f->number).ledger.used, 9 * 8100);
}

/* 9389 across batches: an open debit lies in a batch of the same provider,
 * municipality and month (the scope the session reads when it opens a
 * batch), sent in an earlier file or earlier in the same file; another month
 * is another scope; a credit in between frees the key again. */
static void open_debit_is_found_in_earlier_batches_of_the_same_scope(void **state)
{
    fx *f = *state;
    setup_budget(f);
    csv_row first = hours_line(f->number, "R1", "45F02", 4);
    assert_imported(import_rows(f, "maart-1.csv", &first, 1));
    assert_line_code(f, "R1", "8001");

    /* a second file: the same key in another March batch is refused; April is
       free; two batches of one file: the second meets the first's debit */
    csv_row second[] = {
        hours_line(f->number, "R2", "45F02", 4), hours_line(f->number, "A1", "45F02", 4),
        hours_line(f->number, "R3", "45F04", 1), hours_line(f->number, "R4", "45F04", 1)};
    SET(second[0].number, "D2025-03-b");
    SET(second[1].number, "D2025-04");
    SET(second[1].period, "2025-04");
    SET(second[1].begin, "2025-04-01");
    SET(second[1].end, "2025-04-30");
    SET(second[1].dagtekening, "2025-05-05");
    SET(second[2].number, "D2025-03-c");
    SET(second[3].number, "D2025-03-d");
    assert_imported(import_rows(f, "maart-2.csv", second, 4));
    assert_line_code(f, "R2", "9389");
    assert_line_code(f, "A1", "8001");
    assert_line_code(f, "R3", "8001");
    assert_line_code(f, "R4", "9389");

    /* a credit of R1, then the same key again in a later batch of the file */
    csv_row third[] = {credit_of(&first, "K1", "R1", "K2025-03"),
                       hours_line(f->number, "R5", "45F02", 3)};
    SET(third[1].number, "D2025-03-e");
    assert_imported(import_rows(f, "maart-3.csv", third, 2));
    assert_line_code(f, "K1", "8001");
    assert_line_code(f, "R5", "8001");
    assert_i64_equal(get_assignment(f, f->number).ledger.used,
                     (4 + 3) * tariff_of("45F02", "2025-03-01") + tariff_of("45F04", "2025-03-01"));

    /* credit and again within one batch: the credit frees the key at once */
    csv_row fourth[] = {credit_of(&third[1], "K2", "R5", "D2025-03-f"),
                        hours_line(f->number, "R6", "45F02", 2),
                        hours_line(f->number, "R7", "45F02", 2)};
    SET(fourth[1].number, "D2025-03-f");
    SET(fourth[2].number, "D2025-03-f");
    assert_imported(import_rows(f, "maart-4.csv", fourth, 3));
    assert_line_code(f, "K2", "8001");
    assert_line_code(f, "R6", "8001");
    assert_line_code(f, "R7", "9389");
}

/* a residential assignment of 31 etmalen in March 2025 for bsn at agb,
 * care started; the number lands in number */
static void bed_assignment(fx *f, const char *agb, const char *bsn, char number[24])
{
    jr_referral_req req = budget_req("01", "", "2025-02-20");
    req.route = JR_ROUTE_VERBLIJF;
    snprintf(req.product, sizeof req.product, "WMIDDEN");
    req.volume = 31;
    int64_t rid = refer(f, bsn, &req);
    assert_ok(assignment_create(&f->ctx, rid, agb, D("2025-03-01"), D("2025-03-31"), number, err));
    assert_ok(care_start(&f->ctx, number, agb, D("2025-03-01"), err));
}

/* n etmalen of 44W04 in March 2025 on assignment number, from agb */
static csv_row bed_line(const char *number, const char *agb, const char *bsn, const char *ref,
                        int n)
{
    csv_row r = hours_line(number, ref, "44W04", 1);
    SET(r.agb, agb);
    SET(r.bsn, bsn);
    SET(r.category, "44");
    snprintf(r.volume, FIELD, "%d", n);
    SET(r.unit, "14");
    jr_cents t = tariff_of("44W04", "2025-03-01");
    money_format_plain(t, r.tariff);
    money_format_plain(t * n, r.amount);
    return r;
}

/* JR09 over all of a youth's beds: a youth with residential assignments at
 * two providers has no more etmalen in March than it has nights, whoever
 * declares them; a youth with one residential assignment is checked against
 * its own lines only. */
static void beds_of_one_youth_at_two_providers_fit_in_the_month(void **state)
{
    fx *f = *state;
    assert_ok(provider_add(&f->ctx, AGB_A, "Gezinshuis A", "instelling", NULL, err));
    assert_ok(provider_add(&f->ctx, AGB_B, "Leefgroep B", "instelling", NULL, err));
    assert_ok(contract_add(&f->ctx, AGB_A, "P2", "*", D("2024-01-01"), JR_DATE_NONE, NULL, err));
    assert_ok(contract_add(&f->ctx, AGB_B, "P2", "*", D("2024-01-01"), JR_DATE_NONE, NULL, err));
    youth(f, BSN_1, ZWOLLE);
    youth(f, BSN_2, ZWOLLE);
    char a1[24], b1[24], a2[24];
    bed_assignment(f, AGB_A, BSN_1, a1);
    bed_assignment(f, AGB_B, BSN_1, b1);
    bed_assignment(f, AGB_A, BSN_2, a2);

    csv_row rows[] = {bed_line(a1, AGB_A, BSN_1, "A1", 20), bed_line(a2, AGB_A, BSN_2, "A2", 31),
                      bed_line(b1, AGB_B, BSN_1, "B1", 12), bed_line(b1, AGB_B, BSN_1, "B2", 11)};
    SET(rows[2].number, "DB2025-03");
    SET(rows[3].number, "DB2025-03");
    assert_imported(import_rows(f, "maart.csv", rows, 4));
    assert_line_code(f, "A1", "8001");
    assert_line_code(f, "A2", "8001"); /* one bed: all 31 nights */
    assert_line_code(f, "B1", "JR09"); /* 20 + 12 > 31 */
    assert_line_code(f, "B2", "8001"); /* 20 + 11 = 31 */
}

/* a residential assignment over start..end of March 2025 for bsn at agb,
 * care started on start; the number lands in number */
static void bed_assignment_in(fx *f, const char *agb, const char *bsn, const char *start,
                              const char *end, char number[24])
{
    jr_referral_req req = budget_req("01", "", "2025-02-20");
    req.route = JR_ROUTE_VERBLIJF;
    snprintf(req.product, sizeof req.product, "WMIDDEN");
    req.volume = D(end) - D(start) + 1; /* every night of the period */
    int64_t rid = refer(f, bsn, &req);
    assert_ok(assignment_create(&f->ctx, rid, agb, D(start), D(end), number, err));
    assert_ok(care_start(&f->ctx, number, agb, D(start), err));
}

/* JR09 per night, not per month: beds of one youth 1..10 and 5..15 March
 * (21 etmalen, well within March's 31) share nights 5..10 and the second is
 * refused, also when both come in one file of one provider; beds 1..10 and
 * 11..20 touch and both are accepted; after the first bed is credited, the
 * overlapping one is accepted. */
static void beds_of_one_youth_may_not_share_a_night(void **state)
{
    fx *f = *state;
    assert_ok(provider_add(&f->ctx, AGB_A, "Gezinshuis A", "instelling", NULL, err));
    assert_ok(provider_add(&f->ctx, AGB_B, "Leefgroep B", "instelling", NULL, err));
    assert_ok(contract_add(&f->ctx, AGB_A, "P2", "*", D("2024-01-01"), JR_DATE_NONE, NULL, err));
    assert_ok(contract_add(&f->ctx, AGB_B, "P2", "*", D("2024-01-01"), JR_DATE_NONE, NULL, err));
    youth(f, BSN_1, ZWOLLE);
    youth(f, BSN_2, ZWOLLE);
    char a1[24], a2[24], b1[24], b2[24];
    bed_assignment_in(f, AGB_A, BSN_1, "2025-03-01", "2025-03-10", a1);
    bed_assignment_in(f, AGB_A, BSN_1, "2025-03-05", "2025-03-15", a2);
    bed_assignment_in(f, AGB_A, BSN_2, "2025-03-01", "2025-03-10", b1);
    bed_assignment_in(f, AGB_B, BSN_2, "2025-03-11", "2025-03-20", b2);

    csv_row rows[] = {bed_line(a1, AGB_A, BSN_1, "O1", 10), bed_line(a2, AGB_A, BSN_1, "O2", 11),
                      bed_line(b1, AGB_A, BSN_2, "T1", 10), bed_line(b2, AGB_B, BSN_2, "T2", 10)};
    SET(rows[0].end, "2025-03-10");
    SET(rows[1].begin, "2025-03-05");
    SET(rows[1].end, "2025-03-15");
    SET(rows[2].end, "2025-03-10");
    SET(rows[3].begin, "2025-03-11");
    SET(rows[3].end, "2025-03-20");
    SET(rows[3].number, "DB2025-03");
    assert_imported(import_rows(f, "maart.csv", rows, 4));
    assert_line_code(f, "O1", "8001");
    assert_line_code(f, "O2", "JR09"); /* nights 5..10 twice: 21 etmalen in 15 nights */
    assert_line_code(f, "T1", "8001");
    assert_line_code(f, "T2", "8001"); /* 10th and 11th: touching, no night shared */

    /* credit the first bed: its nights are free again */
    csv_row again[] = {credit_of(&rows[0], "O1C", "O1", "K2025-03"), rows[1]};
    SET(again[1].ref, "O2B");
    SET(again[1].number, "K2025-03");
    assert_imported(import_rows(f, "maart-2.csv", again, 2));
    assert_line_code(f, "O1C", "8001");
    assert_line_code(f, "O2B", "8001");
}

static void budget_check_rejects_the_line_that_would_exceed_earlier_lines_stand(void **state)
{
    fx *f = *state;
    provider_contracted(f, AGB_A);
    youth(f, BSN_1, ZWOLLE);
    jr_referral_req req = budget_req("02", "KB1", "2025-02-20"); /* 1038.50 in 2025 */
    int64_t rid = refer(f, BSN_1, &req);
    char number[24];
    assert_ok(assignment_create(&f->ctx, rid, AGB_A, D("2025-03-01"), JR_DATE_NONE, number, err));
    assert_ok(care_start(&f->ctx, number, AGB_A, D("2025-03-01"), err));
    assert_i64_equal(get_assignment(f, number).ledger.granted, 103850);

    csv_row rows[] = {hours_line(number, "R1", "45F02", 10), /* 810.00: fits */
                      hours_line(number, "R2", "45F04", 3),  /* 324.00: 1134.00 > 1038.50 */
                      hours_line(number, "R3", "45F01", 2)}; /* 116.32: 926.32 fits */
    import_result r = import_rows(f, "march.csv", rows, 3);
    assert_imported(r);
    assert_line_code(f, "R1", "8001");
    assert_line_code(f, "R2", "9369");
    assert_line_code(f, "R3", "8001");
    assert_i64_equal(r.batch[0].n_accepted, 2);
    assert_i64_equal(r.batch[0].n_rejected, 1);
    jr_assignment a = get_assignment(f, number);
    assert_i64_equal(a.ledger.used, 81000 + 11632);
    assert_true(a.ledger.used <= a.ledger.granted);
}

typedef struct {
    int n;
    jr_settle_row rows[16];
} settle_acc;

static int collect_settle(void *ud, const void *row)
{
    settle_acc *acc = ud;
    if (acc->n < 16)
        acc->rows[acc->n] = *(const jr_settle_row *)row;
    acc->n++;
    return 0;
}

static void assert_settle_row(const jr_settle_row *r, const char *gemeente, const char *agb,
                              const char *product, jr_cents accepted, int64_t n_acc, int64_t n_rej)
{
    assert_string_equal(r->gemeente, gemeente);
    assert_string_equal(r->agb, agb);
    assert_string_equal(r->product, product);
    assert_i64_equal(r->accepted, accepted);
    assert_i64_equal(r->n_accepted, n_acc);
    assert_i64_equal(r->n_rejected, n_rej);
}

static void settle_period_totals_per_gemeente_provider_and_product(void **state)
{
    fx *f = *state;
    provider_contracted(f, AGB_A);
    provider_contracted(f, AGB_B);
    youth(f, BSN_1, ZWOLLE);
    youth(f, BSN_2, DEVENTER);
    char na[24], nb[24];
    budget_assignment(f, AGB_A, BSN_1, "KB3", "2025-03-01", na);
    budget_assignment(f, AGB_B, BSN_2, "KB3", "2025-03-01", nb);

    /* A in Zwolle: FG2 accepted, FG3 at a wrong tariff */
    csv_row a1 = hours_line(na, "A1", "45F02", 10);
    csv_row a2 = hours_line(na, "A2", "45F03", 2);
    SET(a2.tariff, "88.00");
    SET(a2.amount, "176.00");
    /* B in Deventer: FG2 and FG4 accepted, FG4 credited in a second batch */
    csv_row b1 = hours_line(nb, "B1", "45F02", 4);
    csv_row b2 = hours_line(nb, "B2", "45F04", 1);
    csv_row *bs[] = {&b1, &b2};
    for (int i = 0; i < 2; i++) {
        SET(bs[i]->number, "DB2025-03");
        SET(bs[i]->agb, AGB_B);
        SET(bs[i]->gemeente, DEVENTER);
        SET(bs[i]->bsn, BSN_2);
    }
    csv_row b3 = credit_of(&b2, "B3", "B2", "KB2025-03");
    csv_row rows[] = {a1, a2, b1, b2, b3};
    import_result r = import_rows(f, "march.csv", rows, 5);
    assert_imported(r);
    assert_int_equal(r.nbatches, 3);

    settle_acc acc;
    memset(&acc, 0, sizeof acc);
    assert_ok(settle_period(&f->ctx, M("2025-03"), NULL, NULL, collect_settle, &acc, err));
    assert_int_equal(acc.n, 4);
    assert_settle_row(&acc.rows[0], DEVENTER, AGB_B, "45F02", 4 * 8100, 1, 0);
    assert_settle_row(&acc.rows[1], DEVENTER, AGB_B, "45F04", 10800 - 10800, 2, 0);
    assert_settle_row(&acc.rows[2], ZWOLLE, AGB_A, "45F02", 10 * 8100, 1, 0);
    assert_settle_row(&acc.rows[3], ZWOLLE, AGB_A, "45F03", 0, 0, 1);

    /* the totals equal the sum of accepted lines, debits minus credits */
    assert_i64_equal(count(f, "SELECT SUM(CASE WHEN credit = 1 THEN -amount_cents ELSE"
                              " amount_cents END) FROM decl_line WHERE status = 'A'"),
                     4 * 8100 + 10 * 8100);
    /* and each municipality's total is what its assignments used */
    assert_i64_equal(get_assignment(f, na).ledger.used, 10 * 8100);
    assert_i64_equal(get_assignment(f, nb).ledger.used, 4 * 8100);

    /* filtered by municipality, and an empty period */
    memset(&acc, 0, sizeof acc);
    assert_ok(settle_period(&f->ctx, M("2025-03"), ZWOLLE, NULL, collect_settle, &acc, err));
    assert_int_equal(acc.n, 2);
    memset(&acc, 0, sizeof acc);
    assert_ok(settle_period(&f->ctx, M("2025-04"), NULL, NULL, collect_settle, &acc, err));
    assert_int_equal(acc.n, 0);
}

/* ======================================================================== */
/* audit                                                                    */
/* ======================================================================== */

typedef struct {
    int n;
    jr_audit_row rows[64];
} audit_acc;

static int collect_audit(void *ud, const void *row)
{
    audit_acc *acc = ud;
    if (acc->n < 64)
        acc->rows[acc->n] = *(const jr_audit_row *)row;
    acc->n++;
    return 0;
}

static bool has_action(const audit_acc *acc, const char *action, const char *actor)
{
    for (int i = 0; i < acc->n && i < 64; i++)
        if (strcmp(acc->rows[i].action, action) == 0 && strcmp(acc->rows[i].actor, actor) == 0)
            return true;
    return false;
}

static void every_change_appears_in_the_audit_log_with_the_actor(void **state)
{
    fx *f = *state;
    jr_error e, *err = &e;
    setup_budget(f); /* provider, contracts, youth, referral, assignment, care start */
    provider_contracted(f, AGB_B);
    csv_row rows[] = {hours_line(f->number, "R1", "45F02", 10)};
    assert_imported(import_rows(f, "march.csv", rows, 1));
    assert_ok(assignment_change(&f->ctx, f->number, 600000, JR_DATE_NONE, "01", err));
    assert_ok(care_stop(&f->ctx, f->number, AGB_A, D("2025-09-30"), "31", err));
    assert_ok(assignment_end(&f->ctx, f->number, D("2025-09-30"), "klaar", err));

    /* a quote flow by someone else */
    jr_ctx other = f->ctx;
    other.actor = "consulent";
    youth(f, BSN_2, DEVENTER);
    jr_referral_req req = quote_req("04", "2025-06-02");
    int64_t rid;
    assert_ok(referral_create(&other, BSN_2, &req, NULL, &rid, err));
    const char *agbs[] = {AGB_A, AGB_B};
    int64_t ids[2];
    assert_ok(quote_request(&other, rid, agbs, 2, ids, err));
    jr_quote_line l = {"FG2", 1000, 0, 0};
    assert_ok(quote_answer(&other, ids[0], AGB_A, &l, 1, 6, "Plan", NULL, err));
    assert_ok(quote_reject(&other, ids[1], "Geen capaciteit.", err));
    char qn[24];
    assert_ok(quote_accept(&other, ids[0], D("2025-07-01"), qn, err));
    assert_ok(assignment_withdraw(&other, qn, err));

    /* refused calls leave no trace */
    int64_t before = count(f, "SELECT count(*) FROM audit");
    assert_refused(provider_add(&f->ctx, AGB_A, "Dubbel", "instelling", NULL, err), JR_ECONFLICT,
                   "agb_exists");
    assert_refused(youth_add(&f->ctx, "123456789", D("2015-01-01"), ZWOLLE, NULL, err), JR_EINVAL,
                   "bsn_invalid");
    assert_i64_equal(count(f, "SELECT count(*) FROM audit"), before);

    audit_acc acc;
    memset(&acc, 0, sizeof acc);
    assert_ok(audit_list(&f->ctx, NULL, NULL, NULL, 1000, collect_audit, &acc, err));
    assert_true(acc.n <= 64);
    assert_i64_equal(acc.n, before);
    const char *by_test[] = {"aanbieder.toegevoegd",  "contract.toegevoegd",
                             "jeugdige.toegevoegd",   "verwijzing.aangemaakt",
                             "toewijzing.aangemaakt", "zorg.gestart",
                             "declaratie.ontvangen",  "toewijzing.gewijzigd",
                             "zorg.gestopt",          "toewijzing.beeindigd"};
    for (size_t i = 0; i < sizeof by_test / sizeof by_test[0]; i++)
        if (!has_action(&acc, by_test[i], "test"))
            fail_msg("no audit row %s by test", by_test[i]);
    const char *by_other[] = {"verwijzing.aangemaakt", "offerte.aangevraagd",
                              "offerte.beantwoord",    "offerte.afgewezen",
                              "offerte.geaccepteerd",  "toewijzing.aangemaakt",
                              "toewijzing.ingetrokken"};
    for (size_t i = 0; i < sizeof by_other / sizeof by_other[0]; i++)
        if (!has_action(&acc, by_other[i], "consulent"))
            fail_msg("no audit row %s by consulent", by_other[i]);
    for (int i = 0; i < acc.n; i++) {
        assert_true(strcmp(acc.rows[i].actor, "test") == 0 ||
                    strcmp(acc.rows[i].actor, "consulent") == 0);
        assert_true(acc.rows[i].at[0] != '\0');
    }
    /* the log names the youth's record, never the BSN */
    for (int i = 0; i < acc.n; i++) {
        assert_null(strstr(acc.rows[i].detail, BSN_1));
        assert_null(strstr(acc.rows[i].entity_id, BSN_1));
    }
    /* filtered by actor */
    memset(&acc, 0, sizeof acc);
    assert_ok(audit_list(&f->ctx, NULL, NULL, "consulent", 1000, collect_audit, &acc, err));
    /* referral, 2 requests, answer, reject, assignment and acceptance, withdrawal */
    assert_int_equal(acc.n, 8);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(provider_add_refuses_an_agb_that_is_not_8_digits),
        T(provider_add_refuses_a_duplicate_agb_as_conflict),
        T(contract_add_refuses_an_unknown_lot),
        T(contract_add_refuses_a_product_outside_the_lot),
        T(contract_add_star_adds_every_product_of_the_lot),
        T(youth_add_refuses_a_bsn_failing_the_11_check),
        T(youth_add_refuses_a_municipality_outside_the_region),
        T(youth_add_refuses_a_duplicate_bsn_as_conflict),
        T(referral_gp_may_choose_kb1),
        T(referral_gp_may_not_choose_kb3),
        T(referral_gi_may_not_choose_a_budget),
        T(referral_gi_may_ask_a_quote),
        T(referral_toegang_may_refer_to_verblijf),
        T(assignment_budget_is_the_kb_amount_of_the_start_year),
        T(assignment_budget_starting_in_2025_gets_the_derived_amount),
        T(assignment_refuses_a_provider_without_contract),
        T(assignment_refuses_a_referral_already_assigned),
        T(assignment_refuses_a_quote_referral),
        T(quote_accepted_becomes_a_budget_assignment_and_rejects_the_other),
        T(quote_reject_needs_a_reason),
        T(care_start_by_another_provider_answers_not_found),
        T(care_stop_before_care_start_is_refused),
        T(care_stop_with_an_unknown_reason_code_is_refused),
        T(care_stop_next_follows_only_a_temporary_stop),
        T(assignment_change_below_what_was_used_is_refused),
        T(worklist_nearly_spent_follows_the_ledger_rule),
        T(assignment_end_releases_the_remainder),
        T(assignment_withdrawn_rejects_later_lines_with_9384),
        T(declaration_accepted_lines_raise_used_cents),
        T(declaration_reimport_of_the_same_file_changes_nothing),
        T(declaration_replayed_batch_reports_its_stored_amount),
        T(declaration_mixed_replayed_and_new_batches_report_in_order),
        T(declaration_small_batch_of_a_large_provider_checks_each_line),
        T(care_stop_change_refuses_only_lines_after_the_new_stop),
        T(declaration_same_batch_number_with_other_content_is_refused_whole),
        T(batch_hash_is_the_same_from_the_csv_reader_and_from_the_session),
        T(declaration_import_reports_each_batch_then_its_lines),
        T(declaration_unknown_agb_refuses_the_whole_file),
        T(declaration_malformed_csv_refuses_the_whole_file_naming_the_line),
        T(declaration_faults_in_long_files_refuse_them_whole),
        T(credit_cancels_exactly_one_accepted_line),
        T(open_debit_is_found_in_earlier_batches_of_the_same_scope),
        T(beds_of_one_youth_at_two_providers_fit_in_the_month),
        T(beds_of_one_youth_may_not_share_a_night),
        T(budget_check_rejects_the_line_that_would_exceed_earlier_lines_stand),
        T(settle_period_totals_per_gemeente_provider_and_product),
        T(every_change_appears_in_the_audit_log_with_the_actor),
    };
#undef T
    return cmocka_run_group_tests(tests, unit_catalog_setup, NULL);
}

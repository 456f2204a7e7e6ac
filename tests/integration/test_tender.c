/*
 * test_tender.c: a tender through the service (service/tender.h) over a
 * real store, from creation to contracts with the clock moved day by day
 * over each phase's edges, and a later entry after it:
 *   dates: publication 2026-02-01, questions until 02-14, registration
 *   until 02-28, assessment 03-02 .. 03-13, award from 03-16, standstill
 *   20 days, contracts from 04-06; lot P1 (45F02, 45F03), lot P4 (45D01);
 *   criteria Kwaliteit 60 % minimum 6, Visie 40 % minimum 5.
 *   registrations on P1: 11111111 (its own, a provider), 22222222 (by rsj
 *   on behalf, a combination with subcontractor 33333333; not a provider
 *   yet), 44444444 (by rsj).
 *   scores: 11111111 6 and 5 (exactly the minimums: passes, 60x60 + 40x50
 *   = 5600); 22222222 7+8 by two assessors (7.5) and 9 (75x60 + 90x40 =
 *   8100); 44444444 5 and 9 (a tenth under 6 is under: 5.0 fails).
 * Every refusal changes nothing; every change is in the audit log.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../unit/unit_support.h"

#include "service/provider.h"
#include "service/tender.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define assert_ok(call)                                                                            \
    do {                                                                                           \
        jr_error e_;                                                                               \
        jr_error_clear(&e_);                                                                       \
        jr_error *err = &e_;                                                                       \
        jr_status s_ = (call);                                                                     \
        if (s_ != JR_OK)                                                                           \
            fail_msg("%s failed: %s [%s] %s", #call, jr_status_name(s_), e_.code, e_.message);     \
    } while (0)

/* refused: call fails with status st and code (err holds it after) */
#define assert_refused(call, st, code_)                                                            \
    do {                                                                                           \
        jr_error_clear(&e);                                                                        \
        jr_error *err = &e;                                                                        \
        jr_status s_ = (call);                                                                     \
        if (s_ != (st) || strcmp(e.code, code_) != 0)                                              \
            fail_msg("%s: %s [%s] %s, expected %s [%s]", #call, jr_status_name(s_), e.code,        \
                     e.message, jr_status_name(st), code_);                                        \
    } while (0)

typedef struct {
    char dir[64];
    jr_store *store;
    jr_ctx ctx;
} fx;

static fx F;

static jr_ctx as(jr_role role, const char *agb, const char *today)
{
    jr_ctx c = F.ctx;
    memset(&c.who, 0, sizeof c.who);
    c.who.role = role;
    snprintf(c.who.agb, sizeof c.who.agb, "%s", agb ? agb : "");
    c.actor = role == JR_ROLE_AANBIEDER ? "aanbieder" : role_name(role);
    c.today = D(today);
    return c;
}

static jr_tender_spec spec(void)
{
    jr_tender_spec s;
    memset(&s, 0, sizeof s);
    strcpy(s.name, "Ambulant 2026");
    s.d = (jr_tender_dates){D("2026-02-01"),
                            D("2026-02-14"),
                            D("2026-02-28"),
                            D("2026-03-02"),
                            D("2026-03-13"),
                            D("2026-03-16"),
                            20,
                            D("2026-04-06"),
                            D("2029-12-31")};
    s.nlots = 2;
    strcpy(s.lots[0].lot, "P1");
    s.lots[0].nproducts = 2;
    strcpy(s.lots[0].products[0], "FG2"); /* the short code works too */
    strcpy(s.lots[0].products[1], "45F03");
    strcpy(s.lots[1].lot, "P4");
    s.lots[1].nproducts = 1;
    strcpy(s.lots[1].products[0], "45D01");
    s.ncrit = 2;
    strcpy(s.crit[0].name, "Kwaliteit");
    s.crit[0].c = (jr_tender_crit){60, 6};
    strcpy(s.crit[1].name, "Visie");
    s.crit[1].c = (jr_tender_crit){40, 5};
    return s;
}

static jr_treg_spec reg(int64_t lot, const char *agb, const char *name)
{
    jr_treg_spec s;
    memset(&s, 0, sizeof s);
    s.lot_id = lot;
    strcpy(s.agb, agb);
    strcpy(s.name, name);
    strcpy(s.kind, "instelling");
    s.nproducts = 2;
    strcpy(s.products[0], "45F02");
    strcpy(s.products[1], "45F03");
    s.capacity[0] = 30;
    s.capacity[1] = -1;
    return s;
}

static int count_row(void *ud, const void *row)
{
    (void)row;
    (*(int *)ud)++;
    return 0;
}

typedef struct {
    int n;
    jr_treg_view v[8];
} regs;

static int reg_row(void *ud, const void *row)
{
    regs *r = ud;
    if (r->n < 8)
        r->v[r->n++] = *(const jr_treg_view *)row;
    return 0;
}

typedef struct {
    int n;
    char agb[16][9];
    char product[16][8];
    jr_date start[16];
} contracts;

static int contract_row(void *ud, const void *row)
{
    contracts *c = ud;
    const jr_contract *k = row;
    if (c->n < 16) {
        strcpy(c->agb[c->n], k->agb);
        strcpy(c->product[c->n], k->product);
        c->start[c->n] = k->start;
        c->n++;
    }
    return 0;
}

static int audit_count(const char *entity, const char *id)
{
    int n = 0;
    jr_ctx sys = as(JR_ROLE_SYSTEM, NULL, "2026-01-01");
    assert_ok(audit_list(&sys, entity, id, NULL, 1000, count_row, &n, err));
    return n;
}

static void test_tender_whole(void **state)
{
    (void)state;
    jr_error e;
    jr_ctx sys = as(JR_ROLE_SYSTEM, NULL, "2026-01-10");
    assert_ok(provider_add(&sys, "11111111", "De Linde", "instelling", NULL, err));
    assert_ok(provider_add(&sys, "44444444", "Het Anker", "instelling", NULL, err));

    /* creation: a bad spec is refused whole and stores nothing */
    jr_ctx rsj = as(JR_ROLE_RSJ, NULL, "2026-01-10");
    jr_tender_spec bad = spec();
    bad.crit[1].c.weight = 39;
    bad.d.standstill_days = 19;
    strcpy(bad.lots[1].products[0], "45F02"); /* not in P4 */
    jr_invalid_list list;
    jr_error_collect(&e, &list);
    assert_int_equal(tender_create(&rsj, &bad, NULL, &e), JR_EINVAL);
    assert_int_equal(list.n, 3);
    int n = 0;
    assert_ok(tender_list(&rsj, count_row, &n, err));
    assert_int_equal(n, 0);
    jr_tender_spec s = spec();
    jr_ctx lezer = as(JR_ROLE_LEZER, NULL, "2026-01-10");
    assert_refused(tender_create(&lezer, &s, NULL, err), JR_EFORBIDDEN, "forbidden");
    int64_t tid = 0;
    assert_ok(tender_create(&rsj, &s, &tid, err));
    jr_tender_view v;
    assert_ok(tender_get(&rsj, tid, &v, err));
    assert_int_equal(v.nlots, 2);
    assert_string_equal(v.lots[0].l.products[0], "45F02");
    assert_int_equal(v.phase, JR_TP_CONCEPT);
    int64_t l1 = v.lots[0].l.id, l4 = v.lots[1].l.id;

    /* before publication only the regional roles see it */
    jr_ctx a1 = as(JR_ROLE_AANBIEDER, "11111111", "2026-01-31");
    assert_refused(tender_get(&a1, tid, &v, err), JR_ENOTFOUND, "tender_unknown");
    n = 0;
    assert_ok(tender_list(&a1, count_row, &n, err));
    assert_int_equal(n, 0);
    a1.today = D("2026-02-01");
    assert_ok(tender_get(&a1, tid, &v, err));
    lezer.today = D("2026-02-01");
    assert_ok(tender_get(&lezer, tid, &v, err));
    assert_int_equal(v.phase, JR_TP_NVI);

    /* questions: on the last day of the nota van inlichtingen, not the day after */
    int64_t q1 = 0;
    a1.today = D("2026-02-14");
    assert_ok(tender_ask(&a1, tid, "Mag een combinatie inschrijven?", &q1, err));
    assert_refused(tender_ask(&lezer, tid, "Mag ik ook?", NULL, err), JR_EFORBIDDEN, "forbidden");
    a1.today = D("2026-02-15");
    assert_refused(tender_ask(&a1, tid, "Nog een?", NULL, err), JR_EINVAL, "phase_closed");
    assert_non_null(
        strstr(e.message, "nota van inlichtingen, van 2026-02-01 tot en met 2026-02-14"));
    /* the question is not public until answered; the asker sees its own */
    jr_ctx a2 = as(JR_ROLE_AANBIEDER, "44444444", "2026-02-15");
    n = 0;
    assert_ok(tender_questions(&a2, tid, count_row, &n, err));
    assert_int_equal(n, 0);
    n = 0;
    assert_ok(tender_questions(&a1, tid, count_row, &n, err));
    assert_int_equal(n, 1);
    rsj.today = D("2026-02-20");
    assert_ok(tender_answer(&rsj, tid, q1, "Ja, met een hoofdaannemer.", err));
    n = 0;
    assert_ok(tender_questions(&a2, tid, count_row, &n, err));
    assert_int_equal(n, 1);

    /* registrations: its own, not another's; on behalf of an applicant; a combination */
    int64_t r1 = 0, r2 = 0, r3 = 0;
    a1.today = D("2026-02-28");
    jr_treg_spec rs = reg(l1, "11111111", "De Linde");
    assert_ok(tender_register(&a1, &rs, &r1, err));
    assert_refused(tender_register(&a1, &rs, NULL, err), JR_ECONFLICT, "registration_exists");
    jr_treg_spec other = reg(l1, "44444444", "Het Anker");
    assert_refused(tender_register(&a1, &other, NULL, err), JR_EFORBIDDEN, "forbidden_agb");
    jr_treg_spec wrong = reg(l4, "11111111", "De Linde");
    assert_refused(tender_register(&a1, &wrong, NULL, err), JR_EINVAL, "product_not_in_lot");
    rsj.today = D("2026-02-28");
    jr_treg_spec comb = reg(l1, "22222222", "Combinatie Zwolle");
    comb.nsubs = 1;
    strcpy(comb.subs[0].agb, "33333333");
    strcpy(comb.subs[0].name, "Praktijk Onder");
    assert_ok(tender_register(&rsj, &comb, &r2, err));
    assert_ok(tender_register(&rsj, &other, &r3, err));
    /* the day after the deadline */
    rsj.today = D("2026-03-01");
    jr_treg_spec late = reg(l1, "55555555", "Te laat");
    assert_refused(tender_register(&rsj, &late, NULL, err), JR_EINVAL, "phase_closed");

    /* scores: not before the assessment, a motivation required, not by a provider */
    assert_refused(tender_score(&rsj, r1, 1, 6, "goed", err), JR_EINVAL, "phase_not_open");
    rsj.today = D("2026-03-02");
    assert_refused(tender_score(&rsj, r1, 1, 6, "  ", err), JR_EINVAL, "motivation_missing");
    assert_refused(tender_score(&rsj, r1, 3, 6, "goed", err), JR_EINVAL, "criterion_unknown");
    assert_refused(tender_score(&rsj, r1, 1, 11, "goed", err), JR_EINVAL, "score_invalid");
    a1.today = D("2026-03-02");
    assert_refused(tender_score(&a1, r1, 1, 10, "zelf", err), JR_EFORBIDDEN, "forbidden");
    assert_ok(tender_score(&rsj, r1, 1, 6, "Voldoet precies", err));
    assert_ok(tender_score(&rsj, r1, 2, 5, "Voldoet precies", err));
    jr_ctx rsj2 = rsj;
    rsj2.actor = "beoordelaar2";
    rsj.today = rsj2.today = D("2026-03-13");
    assert_ok(tender_score(&rsj, r2, 1, 7, "Goed plan", err));
    assert_ok(tender_score(&rsj2, r2, 1, 8, "Sterk plan", err));
    assert_ok(tender_score(&rsj, r2, 2, 9, "Heldere visie", err));
    assert_ok(tender_score(&rsj, r3, 1, 5, "Onder de maat", err));
    /* r3's second criterion still missing: the award is refused, naming it */
    rsj.today = D("2026-03-16");
    assert_refused(tender_award(&rsj, l1, JR_DATE_NONE, NULL, NULL, err), JR_EINVAL,
                   "assessment_incomplete");
    assert_non_null(strstr(e.message, "44444444: 1 criteria zonder score"));
    /* ... and a score after the assessment closed is refused */
    assert_refused(tender_score(&rsj, r3, 2, 9, "Te laat", err), JR_EINVAL, "phase_closed");
    rsj.today = D("2026-03-13");
    assert_ok(tender_score(&rsj, r3, 2, 9, "Heldere visie", err));

    /* the provider sees its own registration, without its result before the award */
    regs mine = {0};
    assert_ok(tender_registrations(&a1, tid, 0, reg_row, &mine, err));
    assert_int_equal(mine.n, 1);
    assert_string_equal(mine.v[0].r.agb, "11111111");
    assert_false(mine.v[0].has_result);
    assert_refused(tender_scores(&a1, r1, count_row, &n, err), JR_EFORBIDDEN, "scores_not_yet");
    assert_refused(tender_registration_get(&a1, r2, &mine.v[1], err), JR_ENOTFOUND,
                   "registration_unknown");
    assert_refused(tender_registrations(&lezer, tid, 0, reg_row, &mine, err), JR_EFORBIDDEN,
                   "forbidden");

    /* the award: not the day before its date; then 2 awarded, 1 rejected */
    rsj.today = D("2026-03-15");
    assert_refused(tender_award(&rsj, l1, JR_DATE_NONE, NULL, NULL, err), JR_EINVAL,
                   "phase_not_open");
    rsj.today = D("2026-03-16");
    int awarded = 0, rejected = 0;
    /* the decision's date: not in the future, not before the award date */
    assert_refused(tender_award(&rsj, l1, D("2026-03-17"), NULL, NULL, err), JR_EINVAL,
                   "sent_on_invalid");
    assert_refused(tender_award(&rsj, l1, D("2026-03-15"), NULL, NULL, err), JR_EINVAL,
                   "sent_on_invalid");
    assert_ok(tender_award(&rsj, l1, JR_DATE_NONE, &awarded, &rejected, err));
    assert_int_equal(awarded, 2);
    assert_int_equal(rejected, 1);
    assert_refused(tender_award(&rsj, l1, JR_DATE_NONE, NULL, NULL, err), JR_ECONFLICT,
                   "lot_awarded");
    regs all = {0};
    assert_ok(tender_registrations(&rsj, tid, l1, reg_row, &all, err));
    assert_int_equal(all.n, 3);
    /* by AGB: 11111111 exactly at both minimums passes with 5600 */
    assert_string_equal(all.v[0].r.status, "gegund");
    assert_true(all.v[0].res.passes);
    assert_int_equal(all.v[0].res.weighted, 60 * 60 + 40 * 50);
    assert_string_equal(all.v[1].r.agb, "22222222");
    assert_int_equal(all.v[1].res.score_x10[0], 75);
    assert_int_equal(all.v[1].res.weighted, 60 * 75 + 40 * 90);
    assert_int_equal(all.v[1].nsubs, 1);
    assert_string_equal(all.v[2].r.status, "afgewezen");
    assert_true(all.v[2].res.below[0]);
    assert_false(all.v[2].res.below[1]);
    /* now the provider sees its result and its scores, without the assessors */
    a1.today = D("2026-03-16");
    assert_ok(tender_registration_get(&a1, r1, &mine.v[0], err));
    assert_true(mine.v[0].has_result);
    n = 0;
    assert_ok(tender_scores(&a1, r1, count_row, &n, err));
    assert_int_equal(n, 2);

    /* contracts: not on the standstill's last day (03-17 .. 04-05), then on 04-06 */
    rsj.today = D("2026-04-05");
    assert_refused(tender_contract(&rsj, l1, NULL, err), JR_EINVAL, "standstill_running");
    contracts k = {0};
    assert_ok(contract_list(&sys, NULL, contract_row, &k, err));
    assert_int_equal(k.n, 0);
    rsj.today = D("2026-04-06");
    int made = 0;
    assert_ok(tender_contract(&rsj, l1, &made, err));
    assert_int_equal(made, 4); /* two providers, two products each */
    assert_ok(contract_list(&sys, NULL, contract_row, &k, err));
    assert_int_equal(k.n, 4);
    for (int i = 0; i < k.n; i++) {
        assert_true(strcmp(k.agb[i], "11111111") == 0 || strcmp(k.agb[i], "22222222") == 0);
        assert_int_equal(k.start[i], D("2026-04-06"));
    }
    /* the applicant became a provider */
    jr_provider p;
    assert_ok(provider_find(&sys, "22222222", &p, err));
    assert_string_equal(p.name, "Combinatie Zwolle");
    assert_refused(tender_contract(&rsj, l1, NULL, err), JR_ECONFLICT, "lot_contracted");
    /* the dates are fixed now */
    jr_tender_dates d = spec().d;
    assert_refused(tender_set_dates(&rsj, tid, &d, "rectificatie", err), JR_ECONFLICT,
                   "tender_contracted");

    /* later entry: a registration after the contracts is round 2 */
    jr_ctx a2l = as(JR_ROLE_AANBIEDER, "44444444", "2026-06-01");
    jr_treg_spec again = reg(l1, "44444444", "Het Anker");
    int64_t r4 = 0;
    assert_ok(tender_register(&a2l, &again, &r4, err));
    jr_treg_view rv;
    assert_ok(tender_registration_get(&rsj, r4, &rv, err));
    assert_int_equal(rv.r.round, 2);
    rsj.today = D("2026-06-10");
    const char *grounds = "Raalte: geen aanbieder voor 45F03 met zorg daar op 2026-06-01.";
    /* admission needs an insufficiency as reason, and a passing assessment */
    assert_refused(tender_admission_decide(&rsj, r4, true, JR_AR_VOLDOENDE, grounds, NULL, err),
                   JR_EINVAL, "admission_reason");
    assert_refused(tender_admission_decide(&rsj, r4, true, JR_AR_SPREIDING, grounds, NULL, err),
                   JR_EINVAL, "assessment_incomplete");
    assert_refused(tender_admission_decide(&rsj, r4, true, JR_AR_SPREIDING, "kort", NULL, err),
                   JR_EINVAL, "grounds_missing");
    assert_refused(tender_admission_decide(&rsj, r1, true, JR_AR_SPREIDING, grounds, NULL, err),
                   JR_EINVAL, "not_later_entry");
    assert_ok(tender_score(&rsj, r4, 1, 7, "Verbeterd plan", err));
    assert_ok(tender_score(&rsj, r4, 2, 6, "Voldoende", err));
    made = 0;
    assert_ok(tender_admission_decide(&rsj, r4, true, JR_AR_SPREIDING, grounds, &made, err));
    assert_int_equal(made, 2);
    assert_ok(tender_registration_get(&rsj, r4, &rv, err));
    assert_string_equal(rv.r.status, "toegelaten");
    assert_true(rv.has_admission);
    assert_string_equal(rv.adm.reason, "spreiding");
    assert_refused(tender_admission_decide(&rsj, r4, false, JR_AR_VOLDOENDE, grounds, NULL, err),
                   JR_ECONFLICT, "decided");
    k.n = 0;
    assert_ok(contract_list(&sys, "44444444", contract_row, &k, err));
    assert_int_equal(k.n, 2);
    assert_int_equal(k.start[0], D("2026-06-10"));

    /* every change audited */
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)tid);
    assert_true(audit_count("aanbesteding", id) >=
                5); /* created, question, answer, award, contract */
    snprintf(id, sizeof id, "%lld", (long long)r2);
    assert_int_equal(audit_count("inschrijving", id),
                     1 + 3 + 1 + 1); /* reg, scores, award, contract */
    snprintf(id, sizeof id, "%lld", (long long)r4);
    assert_int_equal(audit_count("inschrijving", id), 1 + 2 + 1);
}

typedef struct {
    int n;
    store_supply_product p[8];
} supply_rows;

static int supply_row(void *ud, const void *row)
{
    supply_rows *s = ud;
    if (s->n < 8)
        s->p[s->n++] = *(const store_supply_product *)row;
    return 0;
}

/* supply after the whole tender: 45F02 contracted for three providers (two of the first round,
 * one admitted later), capacity 30 given by each, so 90 from three */
static void test_supply(void **state)
{
    (void)state;
    jr_error e;
    jr_ctx rsj = as(JR_ROLE_RSJ, NULL, "2026-06-10");
    supply_rows s = {0};
    assert_ok(tender_supply_products(&rsj, D("2026-06-10"), "FG2", supply_row, &s, err));
    assert_int_equal(s.n, 1);
    assert_string_equal(s.p[0].product, "45F02");
    assert_i64_equal(s.p[0].providers, 3);
    assert_i64_equal(s.p[0].capacity, 90);
    assert_i64_equal(s.p[0].with_capacity, 3);
    /* before the later entry's contract: two */
    s.n = 0;
    assert_ok(tender_supply_products(&rsj, D("2026-06-09"), "45F02", supply_row, &s, err));
    assert_i64_equal(s.p[0].providers, 2);
    jr_ctx a1 = as(JR_ROLE_AANBIEDER, "11111111", "2026-06-10");
    assert_refused(tender_supply_products(&a1, D("2026-06-10"), NULL, supply_row, &s, err),
                   JR_EFORBIDDEN, "forbidden");
    assert_refused(tender_supply_products(&rsj, D("2026-06-10"), "XX9", supply_row, &s, err),
                   JR_EINVAL, "product_unknown");
}

static int setup(void **state)
{
    (void)state;
    memset(&F, 0, sizeof F);
    if (unit_store_open(F.dir, "tender", &F.store) != 0)
        return -1;
    F.ctx.store = F.store;
    F.ctx.cat = unit_catalog();
    F.ctx.actor = "test";
    F.ctx.today = D("2026-01-10");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_store_remove(F.dir, F.store);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tender_whole),
        cmocka_unit_test(test_supply),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

/*
 * test_scope.c: roles and tenants in the service layer, and accounts.
 *
 * A small world is built as the system (two municipalities, two providers,
 * a youth and an assignment in each), then every role acts on its own and
 * on the other tenant's records: a foreign record answers "not found" as if
 * it did not exist, a role without the right gets "forbidden". Two matrices
 * hold the services to the pure rules of domain/access.h: every role x every
 * action at a service door that needs it (as access_may says), and every
 * role x every record of both tenants, one by one and in filtered lists (as
 * access_sees says; a filter narrows, never widens). The accounts
 * part covers Argon2id logins, the lock after repeated failures, sessions
 * and logout, and the moments (store_timestamps) a session's end, its idle
 * limit and a lock are compared with.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../unit/unit_support.h"

#include "config/region.h"
#include "service/assignment.h"
#include "service/auth.h"
#include "service/care.h"
#include "service/provider.h"
#include "service/quote.h"
#include "service/referrals.h"
#include "service/settlement.h"
#include "service/youth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ZWOLLE "0193"
#define DEVENTER "0150"
#define AGB_A "12345678"
#define AGB_B "87654321"
#define BSN_1 "123456782" /* Zwolle, assigned to A */
#define BSN_2 "111111110" /* Deventer, assigned to B */

typedef struct {
    char path[64];
    jr_store *store;
    jr_ctx sys;
    char asg1[24], asg2[24];
    int64_t ref1, ref2; /* the referrals behind asg1 and asg2 */
} world;

static void must(jr_status st, const jr_error *err)
{
    if (st != JR_OK)
        fail_msg("setup failed: %s %s", err->code, err->message);
}

static int setup(void **state)
{
    world *w = calloc(1, sizeof *w);
    snprintf(w->path, sizeof w->path, "/tmp/jr-scope-XXXXXX");
    int fd = mkstemp(w->path);
    if (fd < 0)
        return -1;
    close(fd);
    jr_error err;
    jr_error_clear(&err);
    must(store_open(w->path, &w->store, &err), &err);
    w->sys = (jr_ctx){
        .store = w->store, .cat = unit_catalog(), .actor = "test", .today = D("2026-01-15")};
    const jr_ctx *c = &w->sys;
    must(provider_add(c, AGB_A, "Aanbieder A", "instelling", NULL, &err), &err);
    must(provider_add(c, AGB_B, "Aanbieder B", "instelling", NULL, &err), &err);
    must(contract_add(c, AGB_A, "P1", "*", D("2024-01-01"), JR_DATE_NONE, NULL, &err), &err);
    must(contract_add(c, AGB_B, "P1", "*", D("2024-01-01"), JR_DATE_NONE, NULL, &err), &err);
    must(youth_add(c, BSN_1, D("2014-02-01"), ZWOLLE, NULL, &err), &err);
    must(youth_add(c, BSN_2, D("2013-03-01"), DEVENTER, NULL, &err), &err);
    jr_referral_req r = {.referrer_type = "01",
                         .route = JR_ROUTE_BUDGET,
                         .budget = "KB3",
                         .result = "weer naar school",
                         .date = D("2025-01-10")};
    must(referral_create(c, BSN_1, &r, NULL, &w->ref1, &err), &err);
    must(referral_create(c, BSN_2, &r, NULL, &w->ref2, &err), &err);
    must(assignment_create(c, w->ref1, AGB_A, D("2025-02-01"), JR_DATE_NONE, w->asg1, &err), &err);
    must(assignment_create(c, w->ref2, AGB_B, D("2025-02-01"), JR_DATE_NONE, w->asg2, &err), &err);
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    world *w = *state;
    store_close(w->store);
    char p[80];
    unlink(w->path);
    snprintf(p, sizeof p, "%s-wal", w->path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", w->path);
    unlink(p);
    free(w);
    return 0;
}

static jr_ctx as(const world *w, jr_role role, const char *tenant)
{
    jr_ctx c = w->sys;
    c.actor = role_name(role);
    c.who.role = role;
    if (role == JR_ROLE_AANBIEDER)
        snprintf(c.who.agb, sizeof c.who.agb, "%s", tenant);
    else if (tenant)
        snprintf(c.who.gemeente, sizeof c.who.gemeente, "%s", tenant);
    return c;
}

static int count_row(void *ud, const void *row)
{
    (void)row;
    (*(int *)ud)++;
    return 0;
}

#define assert_status(call, expected)                                                              \
    do {                                                                                           \
        jr_error e_;                                                                               \
        jr_error_clear(&e_);                                                                       \
        jr_error *err = &e_;                                                                       \
        jr_status s_ = (call);                                                                     \
        if (s_ != (expected))                                                                      \
            fail_msg("%s: %s (%s), expected %s", #call, jr_status_name(s_), e_.message,            \
                     jr_status_name(expected));                                                    \
    } while (0)

static void test_toegang_sees_only_its_municipality(void **state)
{
    world *w = *state;
    jr_ctx c = as(w, JR_ROLE_TOEGANG, ZWOLLE);
    jr_youth y;
    jr_assignment a;
    assert_status(youth_find(&c, BSN_1, &y, err), JR_OK);
    assert_status(youth_find(&c, BSN_2, &y, err), JR_ENOTFOUND);
    assert_status(assignment_get(&c, w->asg1, &a, err), JR_OK);
    assert_status(assignment_get(&c, w->asg2, &a, err), JR_ENOTFOUND);
    int n = 0;
    assert_status(assignment_list(&c, NULL, NULL, NULL, count_row, &n, err), JR_OK);
    assert_int_equal(n, 1);
    n = 0; /* asking for the other municipality widens nothing */
    assert_status(assignment_list(&c, DEVENTER, NULL, NULL, count_row, &n, err), JR_OK);
    assert_int_equal(n, 0);
    jr_referral_req r = {.referrer_type = "01",
                         .route = JR_ROUTE_BUDGET,
                         .budget = "KB1",
                         .result = "x",
                         .date = D("2025-03-01")};
    assert_status(referral_create(&c, BSN_2, &r, NULL, NULL, err), JR_ENOTFOUND);
    assert_status(referral_create(&c, BSN_1, &r, NULL, NULL, err), JR_OK);
    assert_status(youth_add(&c, "100000009", D("2015-01-01"), DEVENTER, NULL, err), JR_EFORBIDDEN);
    assert_status(assignment_end(&c, w->asg2, D("2025-06-01"), "", err), JR_ENOTFOUND);
}

static void test_toegang_may_not_do_what_providers_and_rsj_do(void **state)
{
    world *w = *state;
    jr_ctx c = as(w, JR_ROLE_TOEGANG, ZWOLLE);
    assert_status(provider_add(&c, "11112222", "X", "instelling", NULL, err), JR_EFORBIDDEN);
    assert_status(care_start(&c, w->asg1, AGB_A, D("2025-02-01"), err), JR_EFORBIDDEN);
    assert_status(audit_list(&c, NULL, NULL, NULL, 10, count_row, &(int){0}, err), JR_EFORBIDDEN);
}

static void test_gemeente_reads_but_does_not_refer(void **state)
{
    world *w = *state;
    jr_ctx c = as(w, JR_ROLE_GEMEENTE, ZWOLLE);
    jr_assignment a;
    assert_status(assignment_get(&c, w->asg1, &a, err), JR_OK);
    assert_status(assignment_get(&c, w->asg2, &a, err), JR_ENOTFOUND);
    jr_referral_req r = {.referrer_type = "01",
                         .route = JR_ROUTE_BUDGET,
                         .budget = "KB1",
                         .result = "x",
                         .date = D("2025-03-01")};
    assert_status(referral_create(&c, BSN_1, &r, NULL, NULL, err), JR_EFORBIDDEN);
}

static void test_provider_sees_only_its_own_clients(void **state)
{
    world *w = *state;
    jr_ctx c = as(w, JR_ROLE_AANBIEDER, AGB_A);
    jr_assignment a;
    jr_youth y;
    assert_status(assignment_get(&c, w->asg1, &a, err), JR_OK);
    assert_status(assignment_get(&c, w->asg2, &a, err), JR_ENOTFOUND);
    assert_status(youth_find(&c, BSN_1, &y, err), JR_OK);
    assert_status(youth_find(&c, BSN_2, &y, err), JR_ENOTFOUND);
    assert_status(care_start(&c, w->asg1, AGB_A, D("2025-02-01"), err), JR_OK);
    /* the other provider's assignment, even when naming that provider */
    assert_status(care_start(&c, w->asg2, AGB_B, D("2025-02-01"), err), JR_ENOTFOUND);
    int n = 0;
    assert_status(assignment_list(&c, NULL, AGB_B, NULL, count_row, &n, err), JR_OK);
    assert_int_equal(n, 0);
    jr_referral r;
    assert_status(referral_get(&c, 1, &r, err), JR_ENOTFOUND);
}

/* Referral lists are scoped in SQL (svc_gemeente_scope) the way svc_sees
 * scopes one record: every role sees the same rows both ways. */
static void test_referral_list_sees_what_svc_sees(void **state)
{
    world *w = *state;
    static const struct {
        jr_role role;
        const char *tenant;
        int all, bsn1, bsn2; /* rows listed: all, BSN_1's, BSN_2's */
        jr_status rc;
    } cases[] = {
        {JR_ROLE_SYSTEM, NULL, 2, 1, 1, JR_OK},     {JR_ROLE_BEHEERDER, NULL, 2, 1, 1, JR_OK},
        {JR_ROLE_TOEGANG, ZWOLLE, 1, 1, 0, JR_OK},  {JR_ROLE_GEMEENTE, DEVENTER, 1, 0, 1, JR_OK},
        {JR_ROLE_AANBIEDER, AGB_A, 0, 0, 0, JR_OK}, {JR_ROLE_LEZER, NULL, 0, 0, 0, JR_EFORBIDDEN},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        jr_ctx c = as(w, cases[i].role, cases[i].tenant);
        int n[3] = {0, 0, 0};
        const char *bsns[3] = {NULL, BSN_1, BSN_2};
        jr_status rc = JR_OK;
        for (int k = 0; k < 3; k++) {
            jr_error e;
            jr_error_clear(&e);
            rc = referral_list(&c, bsns[k], count_row, &n[k], &e);
            if (rc != cases[i].rc)
                fail_msg("%s: %s, expected %s", role_name(cases[i].role), jr_status_name(rc),
                         jr_status_name(cases[i].rc));
        }
        if (n[0] != cases[i].all || n[1] != cases[i].bsn1 || n[2] != cases[i].bsn2)
            fail_msg("%s: listed %d, %d, %d; expected %d, %d, %d", role_name(cases[i].role), n[0],
                     n[1], n[2], cases[i].all, cases[i].bsn1, cases[i].bsn2);
        /* the SQL scope and svc_sees agree for both municipalities */
        const char *g;
        bool any = svc_gemeente_scope(&c, &g);
        const char *both[2] = {ZWOLLE, DEVENTER};
        for (int k = 0; k < 2; k++)
            assert_int_equal(svc_sees(&c, both[k], NULL),
                             any && (g == NULL || strcmp(g, both[k]) == 0));
    }
}

static void test_lezer_gets_totals_only(void **state)
{
    world *w = *state;
    jr_ctx c = as(w, JR_ROLE_LEZER, NULL);
    jr_assignment a;
    jr_youth y;
    assert_status(assignment_get(&c, w->asg1, &a, err), JR_EFORBIDDEN);
    assert_status(youth_find(&c, BSN_1, &y, err), JR_EFORBIDDEN);
    jr_month m;
    assert_true(month_parse("2025-03", &m));
    assert_status(settle_period(&c, m, NULL, NULL, count_row, &(int){0}, err), JR_OK);
    assert_status(settle_lines(&c, m, NULL, NULL, NULL, count_row, &(int){0}, err), JR_EFORBIDDEN);
}

static void test_rsj_manages_providers_not_referrals(void **state)
{
    world *w = *state;
    jr_ctx c = as(w, JR_ROLE_RSJ, NULL);
    jr_assignment a;
    assert_status(provider_add(&c, "11112222", "Nieuwe aanbieder", "instelling", NULL, err), JR_OK);
    assert_status(assignment_get(&c, w->asg2, &a, err), JR_OK);
    assert_status(assignment_withdraw(&c, w->asg1, err), JR_EFORBIDDEN);
    assert_status(
        user_add(&c, "iemand", NULL, JR_ROLE_LEZER, NULL, NULL, "lang-genoeg-wachtwoord", err),
        JR_EFORBIDDEN);
}

/* ---- every role through every service door ---------------------------------- */

/* The principals of the matrices below: each role, bound to Zwolle or to
 * provider A where it is bound at all. */
static const struct {
    jr_role role;
    const char *tenant;
} principals[] = {
    {JR_ROLE_SYSTEM, NULL},    {JR_ROLE_BEHEERDER, NULL},  {JR_ROLE_RSJ, NULL},
    {JR_ROLE_TOEGANG, ZWOLLE}, {JR_ROLE_GEMEENTE, ZWOLLE}, {JR_ROLE_AANBIEDER, AGB_A},
    {JR_ROLE_LEZER, NULL},
};
#define NPRINCIPALS (sizeof principals / sizeof principals[0])

/* what a door should answer: forbidden without the right, not found for a
 * record outside the tenant, else OK */
static jr_status expected(const jr_ctx *c, jr_action action, bool sees)
{
    return !access_may(&c->who, action) ? JR_EFORBIDDEN : sees ? JR_OK : JR_ENOTFOUND;
}

static void expect_door(const jr_ctx *c, const char *door, jr_status got, jr_status want,
                        const jr_error *e)
{
    if (got != want)
        fail_msg("%s at %s: %s (%s), expected %s", role_name(c->who.role), door,
                 jr_status_name(got), e->message, jr_status_name(want));
}

/* Each action of the role table, through a service that needs it: the door
 * answers as access_may says, for every role. A service that checked the
 * wrong action, or none, fails here. */
static void test_every_role_every_action_at_a_service_door(void **state)
{
    world *w = *state;
    static const char *const new_agb[NPRINCIPALS] = {"22222221", "22222222", "22222223", "22222224",
                                                     "22222225", "22222226", "22222227"};
    static const char *const new_bsn[NPRINCIPALS] = {
        "200000019", "200000020", "200000032", "200000044", "200000056", "200000068", "200000081"};
    jr_month m;
    assert_true(month_parse("2025-03", &m));
    for (size_t i = 0; i < NPRINCIPALS; i++) {
        jr_ctx c = as(w, principals[i].role, principals[i].tenant);
        for (int a = 0; a < JR_ACTION_COUNT; a++) {
            jr_error e;
            jr_error_clear(&e);
            jr_status got = JR_OK, want = JR_OK;
            const char *door = "";
            jr_assignment asg;
            switch ((jr_action)a) {
            case JR_ACT_PROVIDER_WRITE:
                door = "provider_add";
                got = provider_add(&c, new_agb[i], "Nieuw", "instelling", NULL, &e);
                want = expected(&c, JR_ACT_PROVIDER_WRITE, true);
                break;
            case JR_ACT_YOUTH_WRITE:
                door = "youth_add";
                got = youth_add(&c, new_bsn[i], D("2015-01-01"), ZWOLLE, NULL, &e);
                want = access_may(&c.who, JR_ACT_YOUTH_WRITE) && access_sees(&c.who, ZWOLLE, NULL)
                           ? JR_OK
                           : JR_EFORBIDDEN;
                break;
            case JR_ACT_REFER: {
                jr_referral_req r = {.referrer_type = "01",
                                     .route = JR_ROUTE_BUDGET,
                                     .budget = "KB1",
                                     .result = "x",
                                     .date = D("2025-03-01")};
                door = "referral_create";
                got = referral_create(&c, BSN_1, &r, NULL, NULL, &e);
                want = expected(&c, JR_ACT_REFER, access_sees(&c.who, ZWOLLE, NULL));
                break;
            }
            case JR_ACT_PROVIDE:
                /* the first role that may starts the care; the same start
                   again changes nothing */
                door = "care_start";
                got = care_start(&c, w->asg1, AGB_A, D("2025-02-01"), &e);
                want = expected(&c, JR_ACT_PROVIDE, access_sees(&c.who, ZWOLLE, AGB_A));
                break;
            case JR_ACT_PERSONAL_READ:
                door = "assignment_get";
                got = assignment_get(&c, w->asg1, &asg, &e);
                want = expected(&c, JR_ACT_PERSONAL_READ, access_sees(&c.who, ZWOLLE, AGB_A));
                break;
            case JR_ACT_SETTLE_READ:
                door = "settle_period";
                got = settle_period(&c, m, NULL, NULL, count_row, &(int){0}, &e);
                want = expected(&c, JR_ACT_SETTLE_READ, true);
                break;
            case JR_ACT_AUDIT_READ:
                door = "audit_list";
                got = audit_list(&c, NULL, NULL, NULL, 10, count_row, &(int){0}, &e);
                want = expected(&c, JR_ACT_AUDIT_READ, true);
                break;
            case JR_ACT_USER_ADMIN:
                door = "user_list";
                got = user_list(&c, count_row, &(int){0}, &e);
                want = expected(&c, JR_ACT_USER_ADMIN, true);
                break;
            }
            expect_door(&c, door, got, want, &e);
            if (got == JR_EFORBIDDEN)
                assert_string_equal(e.code, "forbidden");
        }
    }
}

/* Every role against every record of both tenants, one by one and in
 * lists: a record is read as access_sees says, a list holds exactly the
 * records access_sees lets through, and a filter narrows, never widens
 * (a filter outside the scope gives an empty list). */
static void test_every_role_every_record_and_list(void **state)
{
    world *w = *state;
    jr_error err;
    jr_error_clear(&err);
    /* two quotes for Zwolle's youth: one to A, one to B */
    jr_referral_req qr = {.referrer_type = "01",
                          .route = JR_ROUTE_QUOTE,
                          .result = "weer naar school",
                          .date = D("2025-03-01")};
    int64_t qref, qid[2];
    must(referral_create(&w->sys, BSN_1, &qr, NULL, &qref, &err), &err);
    const char *agbs[] = {AGB_A, AGB_B};
    must(quote_request(&w->sys, qref, agbs, 2, qid, &err), &err);

    static const struct {
        const char *gemeente, *agb;
    } asg_of[2] = {{ZWOLLE, AGB_A}, {DEVENTER, AGB_B}},
      quote_of[2] = {{ZWOLLE, AGB_A}, {ZWOLLE, AGB_B}};
    const char *const asg[2] = {w->asg1, w->asg2};
    const char *const bsn[2] = {BSN_1, BSN_2};
    const int64_t ref[2] = {w->ref1, w->ref2};
    const char *const gem_filter[] = {NULL, ZWOLLE, DEVENTER};
    const char *const agb_filter[] = {NULL, AGB_A, AGB_B};

    for (size_t i = 0; i < NPRINCIPALS; i++) {
        jr_ctx c = as(w, principals[i].role, principals[i].tenant);
        jr_error e;
        for (int k = 0; k < 2; k++) {
            jr_assignment a;
            jr_youth y;
            jr_referral r;
            jr_quote q;
            bool sees_asg = access_sees(&c.who, asg_of[k].gemeente, asg_of[k].agb);
            jr_error_clear(&e);
            expect_door(&c, "assignment_get", assignment_get(&c, asg[k], &a, &e),
                        expected(&c, JR_ACT_PERSONAL_READ, sees_asg), &e);
            /* a youth is its municipality's, and its assigned provider's */
            jr_error_clear(&e);
            expect_door(&c, "youth_find", youth_find(&c, bsn[k], &y, &e),
                        expected(&c, JR_ACT_PERSONAL_READ, sees_asg), &e);
            /* a referral is its municipality's only */
            jr_error_clear(&e);
            expect_door(
                &c, "referral_get", referral_get(&c, ref[k], &r, &e),
                expected(&c, JR_ACT_PERSONAL_READ, access_sees(&c.who, asg_of[k].gemeente, NULL)),
                &e);
            jr_error_clear(&e);
            expect_door(&c, "quote_get", quote_get(&c, qid[k], &q, &e),
                        expected(&c, JR_ACT_PERSONAL_READ,
                                 access_sees(&c.who, quote_of[k].gemeente, quote_of[k].agb)),
                        &e);
        }
        bool may = access_may(&c.who, JR_ACT_PERSONAL_READ);
        for (size_t g = 0; g < sizeof gem_filter / sizeof gem_filter[0]; g++)
            for (size_t p = 0; p < sizeof agb_filter / sizeof agb_filter[0]; p++) {
                int want = 0;
                for (int k = 0; k < 2; k++)
                    want += access_sees(&c.who, asg_of[k].gemeente, asg_of[k].agb) &&
                            (!gem_filter[g] || strcmp(gem_filter[g], asg_of[k].gemeente) == 0) &&
                            (!agb_filter[p] || strcmp(agb_filter[p], asg_of[k].agb) == 0);
                int n = 0;
                jr_error_clear(&e);
                jr_status rc =
                    assignment_list(&c, gem_filter[g], agb_filter[p], NULL, count_row, &n, &e);
                expect_door(&c, "assignment_list", rc, may ? JR_OK : JR_EFORBIDDEN, &e);
                if (n != want)
                    fail_msg("%s: assignment_list(%s, %s) listed %d, expected %d",
                             role_name(c.who.role), gem_filter[g] ? gem_filter[g] : "-",
                             agb_filter[p] ? agb_filter[p] : "-", n, want);
            }
        for (size_t p = 0; p < sizeof agb_filter / sizeof agb_filter[0]; p++) {
            int want = 0;
            for (int k = 0; k < 2; k++)
                want += access_sees(&c.who, quote_of[k].gemeente, quote_of[k].agb) &&
                        (!agb_filter[p] || strcmp(agb_filter[p], quote_of[k].agb) == 0);
            int n = 0;
            jr_error_clear(&e);
            jr_status rc = quote_list(&c, 0, agb_filter[p], count_row, &n, &e);
            expect_door(&c, "quote_list", rc, may ? JR_OK : JR_EFORBIDDEN, &e);
            if (n != want)
                fail_msg("%s: quote_list(%s) listed %d, expected %d", role_name(c.who.role),
                         agb_filter[p] ? agb_filter[p] : "-", n, want);
        }
    }
}

static void test_login_session_logout(void **state)
{
    world *w = *state;
    jr_ctx admin = as(w, JR_ROLE_BEHEERDER, NULL);
    assert_status(user_add(&admin, "toegang.zwolle", "Toegang Zwolle", JR_ROLE_TOEGANG, ZWOLLE,
                           NULL, "kort", err),
                  JR_EINVAL);
    assert_status(user_add(&admin, "toegang.zwolle", "Toegang Zwolle", JR_ROLE_TOEGANG, "9999",
                           NULL, "lang-genoeg-wachtwoord", err),
                  JR_EINVAL);
    assert_status(user_add(&admin, "toegang.zwolle", "Toegang Zwolle", JR_ROLE_TOEGANG, ZWOLLE,
                           NULL, "lang-genoeg-wachtwoord", err),
                  JR_OK);
    char token[JR_TOKEN_HEX], csrf[JR_TOKEN_HEX], csrf2[JR_TOKEN_HEX];
    jr_user u;
    assert_status(
        auth_login(&w->sys, "toegang.zwolle", "fout-wachtwoord", "127.0.0.1", token, csrf, &u, err),
        JR_EAUTH);
    assert_status(
        auth_login(&w->sys, "niemand", "lang-genoeg-wachtwoord", NULL, token, csrf, &u, err),
        JR_EAUTH);
    assert_status(auth_login(&w->sys, "toegang.zwolle", "lang-genoeg-wachtwoord", "127.0.0.1",
                             token, csrf, &u, err),
                  JR_OK);
    assert_int_equal(u.who.role, JR_ROLE_TOEGANG);
    assert_string_equal(u.who.gemeente, ZWOLLE);
    jr_user again;
    assert_status(auth_session(&w->sys, token, &again, csrf2, err), JR_OK);
    assert_string_equal(again.name, "toegang.zwolle");
    assert_string_equal(csrf, csrf2);
    /* the session acts with the user's scope */
    jr_ctx c = auth_ctx(&w->sys, &again);
    jr_assignment a;
    assert_status(assignment_get(&c, w->asg2, &a, err), JR_ENOTFOUND);
    assert_status(auth_logout(&w->sys, token, err), JR_OK);
    assert_status(auth_session(&w->sys, token, &again, NULL, err), JR_EAUTH);
    assert_status(auth_session(&w->sys, "not-a-token", &again, NULL, err), JR_EAUTH);
}

static void test_login_locks_after_repeated_failures(void **state)
{
    world *w = *state;
    jr_ctx admin = as(w, JR_ROLE_BEHEERDER, NULL);
    assert_status(
        user_add(&admin, "lezer1", NULL, JR_ROLE_LEZER, NULL, NULL, "lang-genoeg-wachtwoord", err),
        JR_OK);
    char token[JR_TOKEN_HEX], csrf[JR_TOKEN_HEX];
    jr_user u;
    for (int i = 0; i < JR_LOGIN_MAX_FAILS; i++)
        assert_status(auth_login(&w->sys, "lezer1", "fout", NULL, token, csrf, &u, err), JR_EAUTH);
    jr_error e;
    jr_error_clear(&e);
    /* the right password does not open a locked account */
    assert_int_equal(
        auth_login(&w->sys, "lezer1", "lang-genoeg-wachtwoord", NULL, token, csrf, &u, &e),
        JR_EAUTH);
    assert_string_equal(e.code, "login_locked");
    /* a new password (by the beheerder) opens it again */
    assert_status(user_set_password(&admin, "lezer1", "nieuw-lang-wachtwoord", err), JR_OK);
    assert_status(
        auth_login(&w->sys, "lezer1", "nieuw-lang-wachtwoord", NULL, token, csrf, &u, err), JR_OK);
    assert_status(user_set_active(&admin, "lezer1", false, err), JR_OK);
    assert_status(auth_session(&w->sys, token, &u, NULL, err), JR_EAUTH);
}

/* runs sql (a literal) with ?1 and ?2 bound to the texts a and b (NULL:
 * not bound); the first column of its first row, 0 when it has none */
static int64_t sql_int(jr_store *st, const char *sql, const char *a, const char *b)
{
    jr_error e;
    jr_error_clear(&e);
    jr_stmt *q = store_prepare(st, sql, &e);
    if (!q)
        fail_msg("%s: %s", sql, e.message);
    if (a)
        store_bind_text(q, 1, a);
    if (b)
        store_bind_text(q, 2, b);
    store_step_result r = store_step(q, &e);
    if (r == STORE_ERROR)
        fail_msg("%s: %s", sql, e.message);
    int64_t n = r == STORE_ROW ? store_col_int(q, 0) : 0;
    store_reset(q);
    return n;
}

/* Every moment the services store is a store_timestamp (ISO 8601 UTC with
 * milliseconds), and a session's end, its idle limit and a login lock are
 * compared with the moment of the call. */
static void test_session_and_lock_moments_are_bound_timestamps(void **state)
{
    world *w = *state;
    jr_ctx admin = as(w, JR_ROLE_BEHEERDER, NULL);
    assert_status(
        user_add(&admin, "lezer2", NULL, JR_ROLE_LEZER, NULL, NULL, "lang-genoeg-wachtwoord", err),
        JR_OK);
    char token[JR_TOKEN_HEX], csrf[JR_TOKEN_HEX];
    jr_user u;
    assert_status(
        auth_login(&w->sys, "lezer2", "lang-genoeg-wachtwoord", NULL, token, csrf, &u, err), JR_OK);
    /* the world's rows and the session: YYYY-MM-DDTHH:MM:SS.mmmZ */
    assert_int_equal(
        sql_int(w->store,
                "SELECT (SELECT count(*) FROM provider) + (SELECT count(*) FROM contract)"
                " + (SELECT count(*) FROM youth) + (SELECT count(*) FROM referral)"
                " + (SELECT count(*) FROM app_user) + 3 * (SELECT count(*) FROM app_session)"
                " - (SELECT count(*) FROM provider WHERE created_at LIKE ?1)"
                " - (SELECT count(*) FROM contract WHERE created_at LIKE ?1)"
                " - (SELECT count(*) FROM youth WHERE created_at LIKE ?1)"
                " - (SELECT count(*) FROM referral WHERE created_at LIKE ?1)"
                " - (SELECT count(*) FROM app_user WHERE created_at LIKE ?1)"
                " - (SELECT count(*) FROM app_session WHERE created_at LIKE ?1)"
                " - (SELECT count(*) FROM app_session WHERE expires_at LIKE ?1)"
                " - (SELECT count(*) FROM app_session WHERE last_seen LIKE ?1)",
                "____-__-__T__:__:__.___Z", NULL),
        0);
    /* it ends JR_SESSION_MAX_HOURS after the login */
    char lo[STORE_TS_LEN], hi[STORE_TS_LEN], at[STORE_TS_LEN];
    store_timestamp(JR_SESSION_MAX_HOURS * 3600 - 5, lo);
    store_timestamp(JR_SESSION_MAX_HOURS * 3600 + 5, hi);
    assert_int_equal(sql_int(w->store,
                             "SELECT count(*) FROM app_session WHERE expires_at > ?"
                             " AND expires_at < ?",
                             lo, hi),
                     1);
    /* last seen a little less than the idle limit ago: live, and seen now */
    store_timestamp(-(JR_SESSION_IDLE_MIN * 60 - 10), at);
    sql_int(w->store, "UPDATE app_session SET last_seen = ?", at, NULL);
    assert_status(auth_session(&w->sys, token, &u, NULL, err), JR_OK);
    store_timestamp(-5, lo);
    assert_int_equal(
        sql_int(w->store, "SELECT count(*) FROM app_session WHERE last_seen > ?", lo, NULL), 1);
    /* a little more than the idle limit ago: ended */
    store_timestamp(-(JR_SESSION_IDLE_MIN * 60 + 10), at);
    sql_int(w->store, "UPDATE app_session SET last_seen = ?", at, NULL);
    assert_status(auth_session(&w->sys, token, &u, NULL, err), JR_EAUTH);

    /* the lock lasts JR_LOGIN_LOCK_MIN minutes, and no longer */
    for (int i = 0; i < JR_LOGIN_MAX_FAILS; i++)
        assert_status(auth_login(&w->sys, "lezer2", "fout", NULL, token, csrf, &u, err), JR_EAUTH);
    store_timestamp(JR_LOGIN_LOCK_MIN * 60 - 5, lo);
    store_timestamp(JR_LOGIN_LOCK_MIN * 60 + 5, hi);
    assert_int_equal(sql_int(w->store,
                             "SELECT count(*) FROM app_user WHERE name = 'lezer2'"
                             " AND locked_until > ? AND locked_until < ?",
                             lo, hi),
                     1);
    jr_error e;
    jr_error_clear(&e);
    assert_int_equal(
        auth_login(&w->sys, "lezer2", "lang-genoeg-wachtwoord", NULL, token, csrf, &u, &e),
        JR_EAUTH);
    assert_string_equal(e.code, "login_locked");
    store_timestamp(-1, at);
    sql_int(w->store, "UPDATE app_user SET locked_until = ?", at, NULL);
    assert_status(
        auth_login(&w->sys, "lezer2", "lang-genoeg-wachtwoord", NULL, token, csrf, &u, err), JR_OK);
}

/* A role name this build does not know (a newer release's, a hand edit
 * past the CHECK) never reads as the zero role, the system's: the account
 * can neither keep its session nor log in again. */
static void test_unknown_stored_role_has_no_rights(void **state)
{
    world *w = *state;
    jr_ctx admin = as(w, JR_ROLE_BEHEERDER, NULL);
    assert_status(
        user_add(&admin, "lezer3", NULL, JR_ROLE_LEZER, NULL, NULL, "lang-genoeg-wachtwoord", err),
        JR_OK);
    char token[JR_TOKEN_HEX], csrf[JR_TOKEN_HEX];
    jr_user u;
    assert_status(
        auth_login(&w->sys, "lezer3", "lang-genoeg-wachtwoord", NULL, token, csrf, &u, err), JR_OK);
    sql_int(w->store, "PRAGMA ignore_check_constraints = 1", NULL, NULL);
    sql_int(w->store, "UPDATE app_user SET role = 'opperbaas' WHERE name = ?1", "lezer3", NULL);
    sql_int(w->store, "PRAGMA ignore_check_constraints = 0", NULL, NULL);
    u.who.role = JR_ROLE_SYSTEM;
    assert_status(auth_session(&w->sys, token, &u, NULL, err), JR_EAUTH);
    assert_status(
        auth_login(&w->sys, "lezer3", "lang-genoeg-wachtwoord", NULL, token, csrf, &u, err),
        JR_EAUTH);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_toegang_sees_only_its_municipality, setup, teardown),
        cmocka_unit_test_setup_teardown(test_toegang_may_not_do_what_providers_and_rsj_do, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_gemeente_reads_but_does_not_refer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_provider_sees_only_its_own_clients, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lezer_gets_totals_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_referral_list_sees_what_svc_sees, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rsj_manages_providers_not_referrals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_role_every_action_at_a_service_door, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_every_role_every_record_and_list, setup, teardown),
        cmocka_unit_test_setup_teardown(test_login_session_logout, setup, teardown),
        cmocka_unit_test_setup_teardown(test_login_locks_after_repeated_failures, setup, teardown),
        cmocka_unit_test_setup_teardown(test_session_and_lock_moments_are_bound_timestamps, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_unknown_stored_role_has_no_rights, setup, teardown),
    };
    return cmocka_run_group_tests(tests, unit_catalog_setup, NULL);
}

/*
 * test_scope.c: roles and tenants in the service layer, and accounts.
 *
 * A small world is built as the system (two municipalities, two providers,
 * a youth and an assignment in each), then every role acts on its own and
 * on the other tenant's records: a foreign record answers "not found" as if
 * it did not exist, a role without the right gets "forbidden". The accounts
 * part covers Argon2id logins, the lock after repeated failures, sessions
 * and logout.
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
    int64_t r1, r2;
    must(referral_create(c, BSN_1, &r, NULL, &r1, &err), &err);
    must(referral_create(c, BSN_2, &r, NULL, &r2, &err), &err);
    must(assignment_create(c, r1, AGB_A, D("2025-02-01"), JR_DATE_NONE, w->asg1, &err), &err);
    must(assignment_create(c, r2, AGB_B, D("2025-02-01"), JR_DATE_NONE, w->asg2, &err), &err);
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
        cmocka_unit_test_setup_teardown(test_login_session_logout, setup, teardown),
        cmocka_unit_test_setup_teardown(test_login_locks_after_repeated_failures, setup, teardown),
    };
    return cmocka_run_group_tests(tests, unit_catalog_setup, NULL);
}

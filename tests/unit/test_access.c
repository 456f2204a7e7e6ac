/*
 * test_access.c: the access rules at their edges: every role x every
 * action, every role x the tenants of a record (own, other and no
 * municipality, own and other provider), the narrowing of a list's filters
 * (a filter outside the scope gives an empty list), and the service
 * wrappers over a context (svc_may, svc_sees, svc_list_scope, svc_system),
 * which need no store.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/access.h"
#include "service/svc.h"
#include "unit_support.h"

#include <stdio.h>
#include <string.h>

#define OWN_GEM "0193"
#define OTHER_GEM "0150"
#define OWN_AGB "12345678"
#define OTHER_AGB "87654321"

static const jr_role every_role[] = {JR_ROLE_SYSTEM,  JR_ROLE_BEHEERDER, JR_ROLE_RSJ,
                                     JR_ROLE_TOEGANG, JR_ROLE_GEMEENTE,  JR_ROLE_AANBIEDER,
                                     JR_ROLE_LEZER};
#define NROLES (sizeof every_role / sizeof every_role[0])

/* the principal of role, bound to OWN_GEM or OWN_AGB as the role is */
static jr_principal who(jr_role role)
{
    jr_principal p;
    memset(&p, 0, sizeof p);
    p.role = role;
    if (role == JR_ROLE_TOEGANG || role == JR_ROLE_GEMEENTE)
        snprintf(p.gemeente, sizeof p.gemeente, "%s", OWN_GEM);
    if (role == JR_ROLE_AANBIEDER)
        snprintf(p.agb, sizeof p.agb, "%s", OWN_AGB);
    return p;
}

/* ---- roles ------------------------------------------------------------- */

static void test_role_names_round_trip(void **state)
{
    (void)state;
    static const char *const names[] = {"system",   "beheerder", "rsj",  "toegang",
                                        "gemeente", "aanbieder", "lezer"};
    assert_int_equal(JR_ROLE_COUNT, NROLES);
    for (size_t i = 0; i < NROLES; i++) {
        assert_string_equal(role_name(every_role[i]), names[i]);
        jr_role r = JR_ROLE_LEZER;
        if (every_role[i] == JR_ROLE_SYSTEM) {
            /* no user has the system role: it does not parse */
            assert_false(role_parse("system", &r));
            assert_int_equal(r, JR_ROLE_LEZER); /* untouched */
            continue;
        }
        assert_true(role_parse(names[i], &r));
        assert_int_equal(r, every_role[i]);
    }
    jr_role r = JR_ROLE_LEZER;
    assert_false(role_parse(NULL, &r));
    assert_false(role_parse("", &r));
    assert_false(role_parse("Beheerder", &r)); /* names are lower case */
    assert_false(role_parse("toegang ", &r));
    assert_int_equal(r, JR_ROLE_LEZER);
    assert_string_equal(role_name((jr_role)JR_ROLE_COUNT), "");
    assert_string_equal(role_name((jr_role)-1), "");
}

/* ---- every role x every action ----------------------------------------- */

static void test_every_role_every_action(void **state)
{
    (void)state;
    /* written out by role, independently of the table in access.c */
    static const struct {
        jr_role role;
        bool may[JR_ACTION_COUNT];
    } expect[] = {
        /*                    prov  youth  refer  provide pers.  settle audit  users */
        {JR_ROLE_SYSTEM, {true, true, true, true, true, true, true, true}},
        {JR_ROLE_BEHEERDER, {true, true, true, true, true, true, true, true}},
        {JR_ROLE_RSJ, {true, false, false, false, true, true, false, false}},
        {JR_ROLE_TOEGANG, {false, true, true, false, true, true, false, false}},
        {JR_ROLE_GEMEENTE, {false, false, false, false, true, true, false, false}},
        {JR_ROLE_AANBIEDER, {false, false, false, true, true, true, false, false}},
        {JR_ROLE_LEZER, {false, false, false, false, false, true, false, false}},
    };
    assert_int_equal(sizeof expect / sizeof expect[0], NROLES);
    for (size_t i = 0; i < NROLES; i++)
        for (int a = 0; a < JR_ACTION_COUNT; a++) {
            jr_principal p = who(expect[i].role);
            bool may = access_may(&p, (jr_action)a);
            if (may != expect[i].may[a])
                fail_msg("role %s, action %d: may is %d, expected %d", role_name(p.role), a, may,
                         expect[i].may[a]);
            jr_error err;
            memset(&err, 0, sizeof err);
            jr_status st = access_check(&p, (jr_action)a, &err);
            assert_int_equal(st, may ? JR_OK : JR_EFORBIDDEN);
            if (!may) {
                assert_string_equal(err.code, "forbidden");
                assert_string_equal(err.field, "");
                assert_non_null(strstr(err.message, role_name(p.role)));
            }
            /* the tenant does not change what a role may do */
            jr_principal bare = {.role = expect[i].role};
            assert_int_equal(access_may(&bare, (jr_action)a), may);
        }
}

static void test_refusal_names_role_and_action(void **state)
{
    (void)state;
    jr_principal p = who(JR_ROLE_LEZER);
    jr_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(access_check(&p, JR_ACT_PERSONAL_READ, &err), JR_EFORBIDDEN);
    assert_string_equal(err.message, "De rol lezer mag niet: persoonsgegevens inzien.");
    p = who(JR_ROLE_RSJ);
    assert_int_equal(access_check(&p, JR_ACT_USER_ADMIN, &err), JR_EFORBIDDEN);
    assert_string_equal(err.message, "De rol rsj mag niet: gebruikers beheren.");
}

/* values outside the enums are refused, even for the system role */
static void test_unknown_role_or_action_refused(void **state)
{
    (void)state;
    jr_error err;
    jr_principal sys = who(JR_ROLE_SYSTEM);
    assert_false(access_may(&sys, (jr_action)JR_ACTION_COUNT));
    assert_false(access_may(&sys, (jr_action)-1));
    assert_int_equal(access_check(&sys, (jr_action)JR_ACTION_COUNT, &err), JR_EFORBIDDEN);
    assert_string_equal(err.message, "De rol system mag niet: dit.");
    jr_principal odd = {.role = (jr_role)JR_ROLE_COUNT};
    for (int a = 0; a < JR_ACTION_COUNT; a++)
        assert_false(access_may(&odd, (jr_action)a));
    assert_false(access_sees(&odd, OWN_GEM, OWN_AGB));
    const char *g;
    assert_false(access_gemeente_scope(&odd, &g));
    assert_null(g);
}

/* ---- every role x the tenants of a record ------------------------------ */

static void test_every_role_sees(void **state)
{
    (void)state;
    /* the records: own municipality, other municipality, no municipality,
     * own provider, other provider (each bound to that one tenant only),
     * and an assignment's two tenants together */
    static const struct {
        const char *gemeente, *agb;
    } rec[] = {
        {OWN_GEM, NULL},   {OTHER_GEM, NULL},    {NULL, NULL},         {NULL, OWN_AGB},
        {NULL, OTHER_AGB}, {OWN_GEM, OTHER_AGB}, {OTHER_GEM, OWN_AGB},
    };
    static const struct {
        jr_role role;
        bool sees[7];
    } expect[] = {
        /*                    own    other  none   own-p  oth-p  own+op op+own-p */
        {JR_ROLE_SYSTEM, {true, true, true, true, true, true, true}},
        {JR_ROLE_BEHEERDER, {true, true, true, true, true, true, true}},
        {JR_ROLE_RSJ, {true, true, true, true, true, true, true}},
        {JR_ROLE_TOEGANG, {true, false, false, false, false, true, false}},
        {JR_ROLE_GEMEENTE, {true, false, false, false, false, true, false}},
        {JR_ROLE_AANBIEDER, {false, false, false, true, false, false, true}},
        {JR_ROLE_LEZER, {false, false, false, false, false, false, false}},
    };
    for (size_t i = 0; i < NROLES; i++)
        for (size_t k = 0; k < sizeof rec / sizeof rec[0]; k++) {
            jr_principal p = who(expect[i].role);
            bool sees = access_sees(&p, rec[k].gemeente, rec[k].agb);
            if (sees != expect[i].sees[k])
                fail_msg("role %s, record (%s, %s): sees is %d, expected %d", role_name(p.role),
                         rec[k].gemeente ? rec[k].gemeente : "-", rec[k].agb ? rec[k].agb : "-",
                         sees, expect[i].sees[k]);
        }
}

static void test_gemeente_scope(void **state)
{
    (void)state;
    for (size_t i = 0; i < NROLES; i++) {
        jr_principal p = who(every_role[i]);
        const char *g = "x";
        bool some = access_gemeente_scope(&p, &g);
        switch (p.role) {
        case JR_ROLE_SYSTEM:
        case JR_ROLE_BEHEERDER:
        case JR_ROLE_RSJ:
            assert_true(some);
            assert_null(g); /* every municipality */
            break;
        case JR_ROLE_TOEGANG:
        case JR_ROLE_GEMEENTE:
            assert_true(some);
            assert_ptr_equal(g, p.gemeente); /* its own, owned by the principal */
            break;
        case JR_ROLE_AANBIEDER:
        case JR_ROLE_LEZER:
            assert_false(some);
            assert_null(g);
            break;
        }
    }
}

/* a tenant-bound role without its tenant sees nothing, not the records
 * whose tenant is empty as well */
static void test_empty_tenant_sees_nothing(void **state)
{
    (void)state;
    jr_principal toegang = {.role = JR_ROLE_TOEGANG};
    jr_principal aanbieder = {.role = JR_ROLE_AANBIEDER};
    assert_false(access_sees(&toegang, "", NULL));
    assert_false(access_sees(&toegang, OWN_GEM, NULL));
    assert_false(access_sees(&aanbieder, NULL, ""));
    assert_false(access_sees(&aanbieder, NULL, OWN_AGB));
    const char *g;
    assert_false(access_gemeente_scope(&toegang, &g));
    assert_null(g);
    const char *gem = NULL, *agb = NULL;
    bool none = false;
    access_scope(&toegang, &gem, &agb, &none);
    assert_true(none);
    gem = NULL, agb = NULL, none = false;
    access_scope(&aanbieder, &gem, &agb, &none);
    assert_true(none);
}

/* ---- narrowing a list's filters ---------------------------------------- */

static void test_scope_narrows_every_role(void **state)
{
    (void)state;
    /* filters asked: none, own/other municipality, own/other provider */
    static const struct {
        const char *gemeente, *agb;
        bool other_gem, other_agb; /* the filter lies outside a tenant's scope */
    } ask[] = {{NULL, NULL, false, false},
               {OWN_GEM, NULL, false, false},
               {OTHER_GEM, NULL, true, false},
               {NULL, OWN_AGB, false, false},
               {NULL, OTHER_AGB, false, true}};
    for (size_t i = 0; i < NROLES; i++)
        for (size_t k = 0; k < sizeof ask / sizeof ask[0]; k++) {
            jr_principal p = who(every_role[i]);
            const char *gem = ask[k].gemeente, *agb = ask[k].agb;
            bool none = true;
            access_scope(&p, &gem, &agb, &none);
            switch (p.role) {
            case JR_ROLE_TOEGANG:
            case JR_ROLE_GEMEENTE:
                assert_ptr_equal(gem, p.gemeente); /* always its own */
                assert_ptr_equal(agb, ask[k].agb); /* a provider filter is kept */
                assert_int_equal(none, ask[k].other_gem);
                break;
            case JR_ROLE_AANBIEDER:
                assert_ptr_equal(agb, p.agb);
                assert_ptr_equal(gem, ask[k].gemeente);
                assert_int_equal(none, ask[k].other_agb);
                break;
            default: /* unrestricted: the filters as asked */
                assert_ptr_equal(gem, ask[k].gemeente);
                assert_ptr_equal(agb, ask[k].agb);
                assert_false(none);
                break;
            }
        }
}

/* ---- the service wrappers over a context -------------------------------- */

static jr_ctx ctx_of(jr_role role)
{
    jr_ctx c;
    memset(&c, 0, sizeof c);
    c.actor = "tester";
    c.today = D("2025-06-30");
    c.who = who(role);
    return c;
}

static void test_svc_wrappers_follow_the_principal(void **state)
{
    (void)state;
    for (size_t i = 0; i < NROLES; i++) {
        jr_ctx c = ctx_of(every_role[i]);
        for (int a = 0; a < JR_ACTION_COUNT; a++) {
            jr_error err;
            assert_int_equal(svc_may(&c, (jr_action)a, &err),
                             access_may(&c.who, (jr_action)a) ? JR_OK : JR_EFORBIDDEN);
        }
        assert_int_equal(svc_sees(&c, OWN_GEM, NULL), access_sees(&c.who, OWN_GEM, NULL));
        assert_int_equal(svc_sees(&c, NULL, OWN_AGB), access_sees(&c.who, NULL, OWN_AGB));
        const char *g1, *g2;
        assert_int_equal(svc_gemeente_scope(&c, &g1), access_gemeente_scope(&c.who, &g2));
        assert_ptr_equal(g1, g2);
    }
}

static void test_svc_list_scope(void **state)
{
    (void)state;
    jr_error err;
    /* a reader may not list personal data: refused, and nothing visible */
    jr_ctx lezer = ctx_of(JR_ROLE_LEZER);
    const char *gem = NULL, *agb = NULL;
    bool none = false;
    assert_int_equal(svc_list_scope(&lezer, &gem, &agb, &none, &err), JR_EFORBIDDEN);
    assert_true(none);
    /* a municipal role asking another municipality: allowed, and empty */
    jr_ctx toegang = ctx_of(JR_ROLE_TOEGANG);
    gem = OTHER_GEM, agb = NULL, none = false;
    assert_int_equal(svc_list_scope(&toegang, &gem, &agb, &none, &err), JR_OK);
    assert_true(none);
    assert_string_equal(gem, OWN_GEM);
    /* its own: allowed, narrowed, not empty */
    gem = NULL, none = true;
    assert_int_equal(svc_list_scope(&toegang, &gem, &agb, &none, &err), JR_OK);
    assert_false(none);
    assert_string_equal(gem, OWN_GEM);
    /* a provider asking another provider's lines: empty */
    jr_ctx aanbieder = ctx_of(JR_ROLE_AANBIEDER);
    gem = NULL, agb = OTHER_AGB, none = false;
    assert_int_equal(svc_list_scope(&aanbieder, &gem, &agb, &none, &err), JR_OK);
    assert_true(none);
    assert_string_equal(agb, OWN_AGB);
    /* the regional team: as asked */
    jr_ctx rsj = ctx_of(JR_ROLE_RSJ);
    gem = OTHER_GEM, agb = NULL, none = true;
    assert_int_equal(svc_list_scope(&rsj, &gem, &agb, &none, &err), JR_OK);
    assert_false(none);
    assert_string_equal(gem, OTHER_GEM);
}

static void test_svc_system_keeps_all_but_the_principal(void **state)
{
    (void)state;
    jr_ctx c = ctx_of(JR_ROLE_AANBIEDER);
    jr_ctx sys = svc_system(&c);
    assert_int_equal(sys.who.role, JR_ROLE_SYSTEM);
    assert_string_equal(sys.who.gemeente, "");
    assert_string_equal(sys.who.agb, "");
    assert_ptr_equal(sys.actor, c.actor);
    assert_ptr_equal(sys.store, c.store);
    assert_ptr_equal(sys.cat, c.cat);
    assert_int_equal(sys.today, c.today);
    /* the original is left as it was */
    assert_int_equal(c.who.role, JR_ROLE_AANBIEDER);
    assert_string_equal(c.who.agb, OWN_AGB);
    jr_error err;
    assert_int_equal(svc_may(&sys, JR_ACT_USER_ADMIN, &err), JR_OK);
    assert_true(svc_sees(&sys, OTHER_GEM, OTHER_AGB));
}

/* The monitor's figures: a reader sees aggregates everywhere, a municipal
 * role its own municipality whole and every other one (and the region) as
 * aggregates, the regional roles and a provider everything whole. */
static void test_figures_aggregate_every_role(void **state)
{
    (void)state;
    for (size_t i = 0; i < NROLES; i++) {
        jr_principal p = who(every_role[i]);
        bool municipal = p.role == JR_ROLE_TOEGANG || p.role == JR_ROLE_GEMEENTE;
        bool lezer = p.role == JR_ROLE_LEZER;
        assert_int_equal(access_figures_aggregate(&p, OWN_GEM), lezer);
        assert_int_equal(access_figures_aggregate(&p, OTHER_GEM), lezer || municipal);
        assert_int_equal(access_figures_aggregate(&p, NULL), lezer || municipal);
    }
    jr_principal none = who(JR_ROLE_GEMEENTE);
    none.gemeente[0] = '\0'; /* bound to no municipality: nothing whole */
    assert_true(access_figures_aggregate(&none, OWN_GEM));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_role_names_round_trip),
        cmocka_unit_test(test_every_role_every_action),
        cmocka_unit_test(test_refusal_names_role_and_action),
        cmocka_unit_test(test_unknown_role_or_action_refused),
        cmocka_unit_test(test_every_role_sees),
        cmocka_unit_test(test_gemeente_scope),
        cmocka_unit_test(test_empty_tenant_sees_nothing),
        cmocka_unit_test(test_scope_narrows_every_role),
        cmocka_unit_test(test_svc_wrappers_follow_the_principal),
        cmocka_unit_test(test_svc_list_scope),
        cmocka_unit_test(test_svc_system_keeps_all_but_the_principal),
        cmocka_unit_test(test_figures_aggregate_every_role),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_cm.c: contract management through the services
 * (service/contract_mgmt.h) on a real store: the municipality scope
 * refuses an assignment of a youth of another municipality with its own
 * code and changes nothing, and allows it again once the municipality is
 * in the scope (or the scope is empty); the scope's own refusals; the
 * escalation protocol in order with its audit rows; who may see and
 * change what (a provider its own details, waiting times and escalations,
 * never complaints or another's); a contract manager must be of role rsj;
 * the directory's filters and its newest waiting time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../unit/unit_support.h"

#include "service/assignment.h"
#include "service/auth.h"
#include "service/contract_mgmt.h"
#include "service/provider.h"
#include "service/referrals.h"
#include "service/youth.h"

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

#define assert_refused(call, status, errcode)                                                      \
    do {                                                                                           \
        jr_error e_;                                                                               \
        jr_error_clear(&e_);                                                                       \
        jr_error *err = &e_;                                                                       \
        jr_status s_ = (call);                                                                     \
        if (s_ != (status) || strcmp(e_.code, (errcode)) != 0)                                     \
            fail_msg("%s: got %s [%s] %s, expected %s [%s]", #call, jr_status_name(s_), e_.code,   \
                     e_.message, jr_status_name(status), (errcode));                               \
    } while (0)

#define A "73000001"
#define B "73000002"
#define ZWOLLE "0193"
#define DALFSEN "0148"

typedef struct {
    char dir[64];
    jr_store *store;
    jr_ctx ctx;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f || unit_store_open(f->dir, "cm", &f->store) != 0) {
        free(f);
        return -1;
    }
    f->ctx.store = f->store;
    f->ctx.cat = unit_catalog();
    f->ctx.actor = "test";
    f->ctx.today = D("2026-01-15");
    *state = f;
    assert_ok(provider_add(&f->ctx, A, "Jeugdzorg De Linde", "instelling", NULL, err));
    assert_ok(provider_add(&f->ctx, B, "Het Kompas", "instelling", NULL, err));
    assert_ok(contract_add(&f->ctx, A, "P1", "*", D("2024-01-01"), JR_DATE_NONE, NULL, err));
    assert_ok(contract_add(&f->ctx, B, "P1", "*", D("2024-01-01"), D("2024-12-31"), NULL, err));
    assert_ok(user_add(&f->ctx, "cm.een", "Contractmanager Een", JR_ROLE_RSJ, NULL, NULL,
                       "een-lang-wachtwoord", err));
    assert_ok(user_add(&f->ctx, "toegang.een", "Toegang Een", JR_ROLE_TOEGANG, ZWOLLE, NULL,
                       "een-lang-wachtwoord", err));
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    unit_store_remove(f->dir, f->store);
    free(f);
    return 0;
}

static jr_ctx as(fx *f, jr_role role, const char *gemeente, const char *agb)
{
    jr_ctx c = f->ctx;
    memset(&c.who, 0, sizeof c.who);
    c.who.role = role;
    snprintf(c.who.gemeente, sizeof c.who.gemeente, "%s", gemeente ? gemeente : "");
    snprintf(c.who.agb, sizeof c.who.agb, "%s", agb ? agb : "");
    c.actor = role_name(role);
    return c;
}

/* ---- scope ---- */

typedef struct {
    const jr_ctx *ctx;
    const char *const *codes;
    int n, done;
} scope_all;

/* count_fg: counts the functiegroep contracts cm_contracts lists */
static int count_fg(void *ud, const void *row)
{
    scope_all *s = ud;
    const jr_cm_contract *c = row;
    if (strncmp(c->c.product, "45F", 3) == 0)
        s->done++;
    return 0;
}

/* scope_fg: every functiegroep contract of A (found by id, the same ones cm_contracts
 * lists) for codes only */
static void scope_fg(fx *f, const char *const *codes, int n)
{
    int64_t ids[64];
    int k = 0;
    for (int64_t id = 1; id < 64; id++) {
        jr_cm_contract c;
        jr_error e;
        jr_error_clear(&e);
        if (cm_scope_get(&f->ctx, id, &c, &e) != JR_OK)
            continue;
        if (strcmp(c.c.agb, A) == 0 && strncmp(c.c.product, "45F", 3) == 0)
            ids[k++] = id;
    }
    assert_true(k >= 7);
    scope_all s = {&f->ctx, codes, n, 0};
    assert_ok(cm_contracts(&f->ctx, A, count_fg, &s, err));
    assert_int_equal(s.done, k);
    for (int i = 0; i < k; i++)
        assert_ok(cm_scope_set(&f->ctx, ids[i], codes, n, err));
}

static int64_t referral_of(fx *f, const char *bsn, const char *gemeente)
{
    assert_ok(youth_add(&f->ctx, bsn, D("2015-03-01"), gemeente, NULL, err));
    jr_referral_req r;
    memset(&r, 0, sizeof r);
    snprintf(r.referrer_type, sizeof r.referrer_type, "01");
    r.route = JR_ROUTE_BUDGET;
    snprintf(r.budget, sizeof r.budget, "KB3");
    snprintf(r.result, sizeof r.result, "Weer naar school.");
    r.date = D("2025-02-01");
    int64_t id = 0;
    assert_ok(referral_create(&f->ctx, bsn, &r, "Toegang", &id, err));
    return id;
}

static void scope_refuses_an_assignment_outside_it(void **state)
{
    fx *f = *state;
    const char *dalfsen[] = {DALFSEN};
    scope_fg(f, dalfsen, 1);
    int64_t rz = referral_of(f, "123456782", ZWOLLE);
    int64_t rd = referral_of(f, "111111110", DALFSEN);
    char number[24];
    assert_refused(assignment_create(&f->ctx, rz, A, D("2025-02-01"), JR_DATE_NONE, number, err),
                   JR_EINVAL, "provider_not_in_gemeente");
    jr_referral ref;
    assert_ok(referral_get(&f->ctx, rz, &ref, err));
    assert_string_equal(ref.status, "open"); /* nothing changed */
    /* a youth of Dalfsen: in the scope */
    assert_ok(assignment_create(&f->ctx, rd, A, D("2025-02-01"), JR_DATE_NONE, number, err));
    /* Zwolle and Dalfsen: accepted */
    const char *both[] = {ZWOLLE, DALFSEN};
    scope_fg(f, both, 2);
    assert_ok(assignment_create(&f->ctx, rz, A, D("2025-02-01"), JR_DATE_NONE, number, err));
    /* an empty scope is every municipality again */
    scope_fg(f, NULL, 0);
    jr_cm_contract c;
    assert_ok(cm_scope_get(&f->ctx, 1, &c, err));
    assert_int_equal(c.n, 0);
    /* B's contract ended: no contract at all is contract_covers' refusal, not the scope's */
    bool ok = false;
    jr_provider pb;
    assert_ok(provider_find(&f->ctx, B, &pb, err));
    assert_ok(cm_scope_covers(&f->ctx, pb.id, true, "", ZWOLLE, D("2025-02-01"), D("2025-02-01"),
                              &ok, err));
    assert_true(ok);
}

static void scope_set_refuses_and_audits(void **state)
{
    fx *f = *state;
    const char *bad[] = {"0363", ZWOLLE, ZWOLLE};
    jr_error e;
    jr_invalid_list inv;
    jr_error_collect(&e, &inv);
    assert_int_equal(cm_scope_set(&f->ctx, 1, bad, 3, &e), JR_EINVAL);
    assert_string_equal(e.code, "gemeente_unknown");
    assert_int_equal(inv.n, 2);
    assert_string_equal(inv.item[1].code, "gemeente_twice");
    jr_cm_contract c;
    assert_ok(cm_scope_get(&f->ctx, 1, &c, err));
    assert_int_equal(c.n, 0); /* nothing stored */
    assert_refused(cm_scope_set(&f->ctx, 9999, NULL, 0, err), JR_ENOTFOUND, "contract_unknown");
    jr_ctx t = as(f, JR_ROLE_TOEGANG, ZWOLLE, NULL);
    const char *z[] = {ZWOLLE};
    assert_refused(cm_scope_set(&t, 1, z, 1, err), JR_EFORBIDDEN, "forbidden");
    const char *two[] = {ZWOLLE, DALFSEN};
    assert_ok(cm_scope_set(&f->ctx, 1, two, 2, err));
    assert_ok(cm_scope_get(&f->ctx, 1, &c, err));
    assert_int_equal(c.n, 2);
    assert_string_equal(c.codes[0], DALFSEN); /* by code */
}

/* the newest audit row of entity/id */
typedef struct {
    jr_audit_row row;
    int n;
} audit_seen;

static int audit_take(void *ud, const void *row)
{
    audit_seen *s = ud;
    if (s->n++ == 0)
        s->row = *(const jr_audit_row *)row;
    return 0;
}

static audit_seen audit_of(fx *f, const char *entity, const char *id)
{
    audit_seen s;
    memset(&s, 0, sizeof s);
    jr_ctx b = as(f, JR_ROLE_BEHEERDER, NULL, NULL);
    assert_ok(audit_list(&b, entity, id, NULL, 100, audit_take, &s, err));
    return s;
}

static void scope_change_is_audited(void **state)
{
    fx *f = *state;
    const char *two[] = {ZWOLLE, DALFSEN};
    assert_ok(cm_scope_set(&f->ctx, 1, two, 2, err));
    assert_ok(cm_scope_set(&f->ctx, 1, NULL, 0, err));
    audit_seen s = audit_of(f, "contract", "1");
    assert_int_equal(s.n, 2);
    assert_string_equal(s.row.action, "contract.gemeenten");
    assert_non_null(strstr(s.row.detail, "alle gemeenten (was 0148,0193)"));
}

/* ---- escalations ---- */

static void escalation_follows_the_protocol(void **state)
{
    fx *f = *state;
    jr_ctx rsj = as(f, JR_ROLE_RSJ, NULL, NULL);
    int64_t id = 0;
    assert_refused(cm_escalation_open(&rsj, A, "geld", "x", D("2026-01-02"), NULL, &id, err),
                   JR_EINVAL, "kind_invalid");
    assert_refused(cm_escalation_open(&rsj, A, "kwaliteit", "", D("2026-01-02"), NULL, &id, err),
                   JR_EINVAL, "text_missing");
    assert_refused(cm_escalation_open(&rsj, A, "kwaliteit", "x", D("2026-01-16"), NULL, &id, err),
                   JR_EINVAL, "step_date_future");
    assert_ok(cm_escalation_open(&rsj, A, "kwaliteit", "Klachten over bereikbaarheid",
                                 D("2026-01-02"), "Signaal van een verwijzer", &id, err));
    assert_true(id > 0);
    assert_refused(cm_escalation_step(&rsj, id, "verbeterplan", D("2026-01-05"), NULL, err),
                   JR_ECONFLICT, "step_order");
    assert_refused(cm_escalation_step(&rsj, id, "gesprek", D("2026-01-01"), NULL, err), JR_EINVAL,
                   "step_date_before");
    assert_refused(cm_escalation_step(&rsj, id, "overleg", D("2026-01-05"), NULL, err), JR_EINVAL,
                   "step_unknown");
    assert_ok(cm_escalation_step(&rsj, id, "gesprek", D("2026-01-05"), "Gesprek", err));
    assert_ok(cm_escalation_step(&rsj, id, "verbeterplan", D("2026-01-05"), "Plan", err));
    assert_ok(cm_escalation_step(&rsj, id, "afgesloten", D("2026-01-10"), "Opgelost", err));
    assert_refused(cm_escalation_step(&rsj, id, "maatregel", D("2026-01-12"), NULL, err),
                   JR_ECONFLICT, "step_closed");
    jr_cm_escalation x;
    assert_ok(cm_escalation_get(&rsj, id, &x, err));
    assert_int_equal(x.nsteps, 4);
    assert_int_equal(x.steps[0].step, JR_ESC_SIGNAAL);
    assert_int_equal(x.steps[3].step, JR_ESC_AFGESLOTEN);
    assert_int_equal(x.e.step, JR_ESC_AFGESLOTEN);
    assert_string_equal(x.steps[1].note, "Gesprek");
    char idtxt[24];
    snprintf(idtxt, sizeof idtxt, "%lld", (long long)id);
    audit_seen s = audit_of(f, "escalation", idtxt);
    assert_int_equal(s.n, 4); /* opened, three steps */
    assert_string_equal(s.row.action, "escalatie.stap");
    /* the provider sees its own escalation, another provider nothing, a municipality no file */
    jr_ctx a = as(f, JR_ROLE_AANBIEDER, NULL, A);
    jr_ctx b = as(f, JR_ROLE_AANBIEDER, NULL, B);
    jr_ctx g = as(f, JR_ROLE_GEMEENTE, ZWOLLE, NULL);
    assert_ok(cm_escalation_get(&a, id, &x, err));
    assert_refused(cm_escalation_get(&b, id, &x, err), JR_ENOTFOUND, "escalation_unknown");
    assert_refused(cm_escalation_get(&g, id, &x, err), JR_EFORBIDDEN, "forbidden");
    assert_refused(cm_escalation_open(&a, A, "kwaliteit", "x", D("2026-01-02"), NULL, &id, err),
                   JR_EFORBIDDEN, "forbidden");
    assert_refused(cm_escalations(&b, A, NULL, NULL, err), JR_ENOTFOUND, "agb_unknown");
}

/* ---- who may ---- */

static void a_provider_keeps_its_own_details(void **state)
{
    fx *f = *state;
    jr_ctx a = as(f, JR_ROLE_AANBIEDER, NULL, A);
    jr_ctx t = as(f, JR_ROLE_TOEGANG, ZWOLLE, NULL);
    jr_cm_details d;
    memset(&d, 0, sizeof d);
    strcpy(d.phone, "038-123 4567");
    strcpy(d.email, "info@linde.nl");
    assert_ok(cm_details_set(&a, A, &d, err));
    assert_refused(cm_details_set(&a, B, &d, err), JR_ENOTFOUND, "agb_unknown");
    assert_refused(cm_details_set(&t, A, &d, err), JR_EFORBIDDEN, "forbidden");
    strcpy(d.email, "info-linde.nl");
    assert_refused(cm_details_set(&a, A, &d, err), JR_EINVAL, "email_invalid");
    jr_cm_head h;
    assert_ok(cm_file_head(&a, A, &h, err));
    assert_true(h.has_details);
    assert_string_equal(h.details.d.email, "info@linde.nl"); /* the refused change left it */
    assert_false(h.full);
    /* waiting times: the newest report by date counts */
    assert_ok(cm_waiting_report(&a, A, 6, D("2026-01-10"), err));
    assert_ok(cm_waiting_report(&a, A, 9, D("2026-01-03"), err)); /* an older report, later */
    assert_refused(cm_waiting_report(&a, A, 105, D("2026-01-10"), err), JR_EINVAL, "weeks_invalid");
    assert_refused(cm_waiting_report(&a, B, 1, D("2026-01-10"), err), JR_ENOTFOUND, "agb_unknown");
    assert_ok(cm_file_head(&a, A, &h, err));
    assert_int_equal(h.waiting.weeks, 6);
    /* complaints and notes are the region's */
    store_cm_complaint_row *c = calloc(1, sizeof *c);
    assert_non_null(c);
    c->received_on = D("2026-01-05");
    c->closed_on = JR_DATE_NONE;
    strcpy(c->complainant, "ouder");
    strcpy(c->subject, "Wachttijd");
    assert_refused(cm_complaint_add(&a, A, c, NULL, err), JR_EFORBIDDEN, "forbidden");
    assert_refused(cm_complaints(&a, A, NULL, NULL, err), JR_EFORBIDDEN, "forbidden");
    assert_refused(cm_notes(&a, A, NULL, NULL, err), JR_EFORBIDDEN, "forbidden");
    int64_t id = 0;
    assert_ok(cm_complaint_add(&f->ctx, A, c, &id, err));
    assert_refused(cm_complaint_close(&f->ctx, id, D("2026-01-04"), "x", err), JR_EINVAL,
                   "closed_before");
    assert_refused(cm_complaint_close(&f->ctx, id, D("2026-01-06"), "", err), JR_EINVAL,
                   "text_missing");
    assert_ok(cm_complaint_close(&f->ctx, id, D("2026-01-06"), "Teruggebeld", err));
    assert_refused(cm_complaint_close(&f->ctx, id, D("2026-01-07"), "x", err), JR_ECONFLICT,
                   "complaint_closed");
    strcpy(c->complainant, "Jan de Vries"); /* a name is no kind of complainant */
    assert_refused(cm_complaint_add(&f->ctx, A, c, NULL, err), JR_EINVAL, "complainant_invalid");
    free(c);
    /* the contract manager: a user of role rsj */
    assert_refused(cm_manager_set(&f->ctx, A, "toegang.een", err), JR_EINVAL, "user_not_rsj");
    assert_refused(cm_manager_set(&f->ctx, A, "niemand", err), JR_EINVAL, "user_unknown");
    assert_ok(cm_manager_set(&f->ctx, A, "cm.een", err));
    assert_ok(cm_file_head(&a, A, &h, err));
    assert_true(h.has_manager);
    assert_string_equal(h.manager.user, "cm.een");
    assert_refused(cm_manager_list(&a, NULL, NULL, NULL, err), JR_EFORBIDDEN, "forbidden");
    audit_seen s = audit_of(f, "provider", A);
    assert_string_equal(s.row.action, "aanbieder.contractmanager");
}

/* ---- the directory ---- */

typedef struct {
    int n;
    jr_cm_dir_entry last;
} dir_seen;

static int dir_take(void *ud, const void *row)
{
    dir_seen *s = ud;
    s->n++;
    s->last = *(const jr_cm_dir_entry *)row;
    return 0;
}

static dir_seen dir(const jr_ctx *ctx, const char *product, const char *gemeente, const char *name)
{
    dir_seen s;
    memset(&s, 0, sizeof s);
    jr_cm_dir_filter flt = {product, gemeente, name};
    assert_ok(cm_directory(ctx, &flt, dir_take, &s, err));
    return s;
}

static void the_directory_filters(void **state)
{
    fx *f = *state;
    jr_ctx pub = as(f, JR_ROLE_LEZER, NULL, NULL);
    /* B's contract ended in 2024: only A is in the directory */
    dir_seen s = dir(&pub, NULL, NULL, NULL);
    assert_int_equal(s.n, 1);
    assert_string_equal(s.last.agb, A);
    assert_true(s.last.keuzebudget);
    assert_true(s.last.all_gemeenten);
    assert_false(s.last.has_waiting);
    assert_int_equal(dir(&pub, "KB3", ZWOLLE, "linde").n, 1);
    assert_int_equal(dir(&pub, "ambulant", NULL, "LINDE").n, 1);
    assert_int_equal(dir(&pub, NULL, NULL, "kompas").n, 0);
    assert_int_equal(dir(&pub, "FG2", NULL, A).n, 1);
    /* A's functiegroepen for Dalfsen only: not in Zwolle, in Dalfsen */
    const char *dalfsen[] = {DALFSEN};
    scope_fg(f, dalfsen, 1);
    assert_int_equal(dir(&pub, "FG2", ZWOLLE, NULL).n, 0);
    s = dir(&pub, "FG2", DALFSEN, NULL);
    assert_int_equal(s.n, 1);
    assert_false(s.last.all_gemeenten);
    assert_int_equal(s.last.ngemeenten, 1);
    assert_string_equal(s.last.gemeenten[0], DALFSEN);
    jr_error e;
    jr_invalid_list inv;
    jr_error_collect(&e, &inv);
    jr_cm_dir_filter bad = {"XX9", "0363", NULL};
    assert_int_equal(cm_directory(&pub, &bad, dir_take, &s, &e), JR_EINVAL);
    assert_string_equal(e.code, "product_unknown");
    assert_int_equal(inv.n, 2);
    assert_string_equal(inv.item[1].code, "gemeente_unknown");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(scope_refuses_an_assignment_outside_it, setup, teardown),
        cmocka_unit_test_setup_teardown(scope_set_refuses_and_audits, setup, teardown),
        cmocka_unit_test_setup_teardown(scope_change_is_audited, setup, teardown),
        cmocka_unit_test_setup_teardown(escalation_follows_the_protocol, setup, teardown),
        cmocka_unit_test_setup_teardown(a_provider_keeps_its_own_details, setup, teardown),
        cmocka_unit_test_setup_teardown(the_directory_filters, setup, teardown),
    };
    return cmocka_run_group_tests_name("contract management", tests, unit_catalog_setup, NULL);
}

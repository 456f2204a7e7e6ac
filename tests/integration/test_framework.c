/*
 * test_framework.c: framework agreements, the change procedure and the
 * transformation covenant (service/framework.h) over a real store: the
 * 1 March deadline through the service on 28 February (accepted) and 1
 * March (refused, nothing stored, nothing audited), and on 29 February and
 * 1 March of a leap year; the current end after IJsselland's first
 * extension on 1 January 2025 moving the deadline to 1 March 2026; a
 * proposal through every state with its history and audit rows, refused
 * out of order and out of date; in werking only when the agreement was
 * extended on the extension date; who sees which proposal; contracts under
 * an agreement (lot, once); the covenant per provider; bad input refused
 * field by field with nothing changed.
 *
 * The fixture: providers 11111111 (contracts P1 FG2 and P2 44W01) and
 * 22222222 (P1 FG3); agreement 1 on P1 and 2 on P2, both 2023-01-01 to
 * 2024-12-31; agreement 3 on P4 from 2025-01-01 to 2028-12-31 (a leap
 * year).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../unit/unit_support.h"

#include "service/framework.h"
#include "service/provider.h"

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

typedef struct {
    char dir[64];
    jr_store *store;
    jr_ctx ctx;
    int64_t agr[3];
} fx;

static jr_ctx as(const fx *f, jr_role role, const char *tenant, const char *today)
{
    jr_ctx c = f->ctx;
    memset(&c.who, 0, sizeof c.who);
    c.who.role = role;
    if (role == JR_ROLE_AANBIEDER)
        snprintf(c.who.agb, sizeof c.who.agb, "%s", tenant ? tenant : "");
    else
        snprintf(c.who.gemeente, sizeof c.who.gemeente, "%s", tenant ? tenant : "");
    c.actor = role_name(role);
    if (today)
        c.today = D(today);
    return c;
}

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f || unit_store_open(f->dir, "framework", &f->store) != 0) {
        free(f);
        return -1;
    }
    f->ctx.store = f->store;
    f->ctx.cat = unit_catalog();
    f->ctx.actor = "test";
    f->ctx.today = D("2023-01-01");
    *state = f;
    assert_ok(provider_add(&f->ctx, "11111111", "De Linde", "instelling", NULL, err));
    assert_ok(provider_add(&f->ctx, "22222222", "Het Kompas", "instelling", NULL, err));
    int n;
    assert_ok(
        contract_add(&f->ctx, "11111111", "P1", "FG2", D("2023-01-01"), JR_DATE_NONE, &n, err));
    assert_ok(
        contract_add(&f->ctx, "11111111", "P2", "44W01", D("2023-01-01"), JR_DATE_NONE, &n, err));
    assert_ok(
        contract_add(&f->ctx, "22222222", "P1", "FG3", D("2023-01-01"), JR_DATE_NONE, &n, err));
    jr_ctx rsj = as(f, JR_ROLE_RSJ, NULL, "2023-01-01");
    assert_ok(framework_agreement_add(&rsj, "P1", "Ambulant 2023", D("2023-01-01"), D("2024-12-31"),
                                      &f->agr[0], err));
    assert_ok(framework_agreement_add(&rsj, "P2", "Verblijf 2023", D("2023-01-01"), D("2024-12-31"),
                                      &f->agr[1], err));
    assert_ok(framework_agreement_add(&rsj, "P4", "Dyslexie 2025", D("2025-01-01"), D("2028-12-31"),
                                      &f->agr[2], err));
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    unit_store_remove(f->dir, f->store);
    free(f);
    return 0;
}

static int count_row(void *ud, const void *row)
{
    (void)row;
    ++*(int *)ud;
    return 0;
}

static int audits(fx *f, const char *entity)
{
    int n = 0;
    assert_ok(audit_list(&f->ctx, entity, NULL, NULL, 1000, count_row, &n, err));
    return n;
}

static int proposals(const jr_ctx *c, int64_t agreement)
{
    int n = 0;
    assert_ok(framework_proposal_list(c, agreement, count_row, &n, err));
    return n;
}

static jr_fw_proposal_in text(int64_t agreement)
{
    jr_fw_proposal_in in = {agreement,
                            JR_FWK_RSJ,
                            NULL,
                            "Reistijd vergoeden",
                            "Reistijd boven 30 minuten declarabel.",
                            "Hulp blijft beschikbaar in de dorpen.",
                            "Reistijd vergoed.",
                            "Hogere uitgaven."};
    return in;
}

static void deadline_through_the_service(void **state)
{
    fx *f = *state;
    jr_fw_proposal_in in = text(f->agr[0]);
    /* 28 February 2024: the last day of the round of the end date 2024-12-31 */
    jr_ctx g = as(f, JR_ROLE_GEMEENTE, "0193", "2024-02-28");
    int64_t id = 0;
    assert_ok(framework_propose(&g, &in, &id, err));
    jr_fw_proposal *p = calloc(1, sizeof *p);
    assert_ok(framework_proposal_get(&g, id, p, err));
    assert_int_equal(p->kind, JR_FWK_GEMEENTE);
    assert_string_equal(p->proposer, "0193");
    assert_int_equal(p->submitted, D("2024-02-28"));
    assert_int_equal(p->target_end, D("2024-12-31"));
    assert_int_equal(p->effect, D("2025-01-01"));
    assert_int_equal(p->state, JR_FWP_INGEDIEND);
    free(p);
    /* 1 March 2024 (2024 is a leap year, so 29 February was still open): refused */
    int before = audits(f, "wijzigingsvoorstel");
    g.today = D("2024-02-29");
    assert_ok(framework_propose(&g, &in, NULL, err));
    g.today = D("2024-03-01");
    jr_error e;
    jr_error_clear(&e);
    assert_int_equal(framework_propose(&g, &in, NULL, &e), JR_EINVAL);
    assert_string_equal(e.code, "proposal_too_late");
    assert_non_null(strstr(e.message, "1 maart 2024"));
    assert_int_equal(proposals(&g, f->agr[0]), 2);
    assert_int_equal(audits(f, "wijzigingsvoorstel"), before + 1);
    /* the leap-year agreement ending 2028-12-31 */
    jr_ctx a = as(f, JR_ROLE_AANBIEDER, "11111111", "2028-02-29");
    in.agreement_id = f->agr[2];
    assert_ok(framework_propose(&a, &in, NULL, err));
    a.today = D("2028-03-01");
    jr_error_clear(&e);
    assert_int_equal(framework_propose(&a, &in, NULL, &e), JR_EINVAL);
    assert_string_equal(e.code, "proposal_too_late");
    /* before the agreement starts */
    a.today = D("2024-12-31");
    jr_error_clear(&e);
    assert_int_equal(framework_propose(&a, &in, NULL, &e), JR_EINVAL);
    assert_string_equal(e.code, "proposal_before_start");
}

static void extension_moves_the_end_and_the_deadline(void **state)
{
    fx *f = *state;
    jr_ctx rsj = as(f, JR_ROLE_RSJ, NULL, "2024-09-01");
    jr_fw_summary s;
    assert_ok(framework_agreement_get(&rsj, f->agr[0], &s, err));
    assert_int_equal(s.current_end, D("2024-12-31"));
    assert_int_equal(s.deadline, D("2024-03-01"));
    /* not the day after the end: refused, nothing stored */
    jr_error e;
    jr_invalid_list l;
    jr_error_collect(&e, &l);
    assert_int_equal(framework_extend(&rsj, f->agr[0], D("2025-02-01"), 0, "", &e), JR_EINVAL);
    assert_int_equal(l.n, 2);
    assert_string_equal(l.item[0].code, "extension_not_contiguous");
    assert_string_equal(l.item[1].code, "months_invalid");
    assert_ok(framework_agreement_get(&rsj, f->agr[0], &s, err));
    assert_int_equal(s.nextensions, 0);
    /* IJsselland's first extension: 1 January 2025, two years */
    int before = audits(f, "raamovereenkomst");
    assert_ok(framework_extend(&rsj, f->agr[0], D("2025-01-01"), 24, "Eerste verlenging", err));
    assert_int_equal(audits(f, "raamovereenkomst"), before + 1);
    assert_ok(framework_agreement_get(&rsj, f->agr[0], &s, err));
    assert_int_equal(s.nextensions, 1);
    assert_int_equal(s.current_end, D("2026-12-31"));
    assert_int_equal(s.deadline, D("2026-03-01"));
    assert_int_equal(s.next_extension, D("2027-01-01"));
    /* a proposal in 2025 now belongs to the round of 2026 */
    jr_ctx g = as(f, JR_ROLE_GEMEENTE, "0193", "2025-03-02");
    jr_fw_proposal_in in = text(f->agr[0]);
    int64_t id;
    assert_ok(framework_propose(&g, &in, &id, err));
    jr_fw_proposal *p = calloc(1, sizeof *p);
    assert_ok(framework_proposal_get(&g, id, p, err));
    assert_int_equal(p->effect, D("2027-01-01"));
    free(p);
    g.today = D("2026-02-28");
    assert_ok(framework_propose(&g, &in, NULL, err));
    g.today = D("2026-03-01");
    jr_error_clear(&e);
    assert_int_equal(framework_propose(&g, &in, NULL, &e), JR_EINVAL);
    /* the second extension follows the first */
    jr_error_clear(&e);
    assert_int_equal(framework_extend(&rsj, f->agr[0], D("2025-01-01"), 12, "", &e), JR_EINVAL);
    assert_ok(framework_extend(&rsj, f->agr[0], D("2027-01-01"), 12, "", err));
    assert_ok(framework_agreement_get(&rsj, f->agr[0], &s, err));
    assert_int_equal(s.current_end, D("2027-12-31"));
}

typedef struct {
    jr_fwp_state s[8];
    char note[8][64];
    int n;
} hist;

static int hist_row(void *ud, const void *row)
{
    hist *h = ud;
    const jr_fw_event *e = row;
    if (h->n < 8) {
        h->s[h->n] = e->state;
        snprintf(h->note[h->n], sizeof h->note[0], "%s", e->note);
        h->n++;
    }
    return 0;
}

static jr_fwp_state state_of(const jr_ctx *c, int64_t id)
{
    jr_fw_proposal *p = calloc(1, sizeof *p);
    assert_ok(framework_proposal_get(c, id, p, err));
    jr_fwp_state s = p->state;
    free(p);
    return s;
}

static void a_proposal_through_its_states(void **state)
{
    fx *f = *state;
    jr_ctx a = as(f, JR_ROLE_AANBIEDER, "11111111", "2024-01-20");
    jr_fw_proposal_in in = text(f->agr[1]);
    int64_t id, other;
    assert_ok(framework_propose(&a, &in, &id, err));
    jr_ctx a2 = as(f, JR_ROLE_AANBIEDER, "22222222", "2024-01-21");
    assert_ok(framework_propose(&a2, &in, &other, err));
    jr_ctx rsj = as(f, JR_ROLE_RSJ, NULL, "2024-03-15");
    jr_error e;
    /* a provider may not move it on */
    jr_error_clear(&e);
    assert_int_equal(framework_proposal_step(&a, id, JR_FWS_DISCUSS, JR_FWO_NONE, "", &e),
                     JR_EFORBIDDEN);
    /* out of order: a decision before the discussion, in werking before the decision */
    jr_error_clear(&e);
    assert_int_equal(
        framework_proposal_step(&rsj, id, JR_FWS_DECIDE, JR_FWO_AANGENOMEN, "Goed.", &e),
        JR_EINVAL);
    assert_string_equal(e.code, "step_out_of_order");
    jr_error_clear(&e);
    assert_int_equal(framework_proposal_step(&rsj, id, JR_FWS_EFFECT, JR_FWO_NONE, "", &e),
                     JR_EINVAL);
    assert_int_equal(state_of(&rsj, id), JR_FWP_INGEDIEND);
    assert_ok(framework_proposal_step(&rsj, id, JR_FWS_DISCUSS, JR_FWO_NONE, "Overleg.", err));
    assert_ok(framework_proposal_step(&rsj, other, JR_FWS_DISCUSS, JR_FWO_NONE, "", err));
    /* a decision needs its outcome and a reason: both named, nothing changed */
    jr_invalid_list l;
    jr_error_collect(&e, &l);
    assert_int_equal(framework_proposal_step(&rsj, id, JR_FWS_DECIDE, JR_FWO_NONE, " ", &e),
                     JR_EINVAL);
    assert_int_equal(l.n, 2);
    assert_string_equal(l.item[0].field, "outcome");
    assert_string_equal(l.item[1].field, "reason");
    assert_int_equal(state_of(&rsj, id), JR_FWP_IN_BESPREKING);
    /* the provider's own is visible to it, the other provider's is not, until decided */
    assert_ok(framework_proposal_get(&a, id, &(jr_fw_proposal){0}, err));
    jr_fw_proposal *p = calloc(1, sizeof *p);
    jr_error_clear(&e);
    assert_int_equal(framework_proposal_get(&a, other, p, &e), JR_ENOTFOUND);
    rsj.today = D("2024-06-20");
    assert_ok(framework_proposal_step(&rsj, id, JR_FWS_DECIDE, JR_FWO_AANGENOMEN,
                                      "Aangenomen: ontlast ouders.", err));
    assert_ok(framework_proposal_step(&rsj, other, JR_FWS_DECIDE, JR_FWO_AFGEWEZEN,
                                      "Afgewezen: past niet in het budget.", err));
    assert_ok(framework_proposal_get(&a, other, p, err));
    assert_int_equal(p->outcome, JR_FWO_AFGEWEZEN);
    assert_string_equal(p->reason, "Afgewezen: past niet in het budget.");
    free(p);
    /* in werking: not before 2025-01-01, not while the agreement is not extended */
    rsj.today = D("2024-12-31");
    jr_error_clear(&e);
    assert_int_equal(framework_proposal_step(&rsj, id, JR_FWS_EFFECT, JR_FWO_NONE, "", &e),
                     JR_EINVAL);
    assert_string_equal(e.code, "step_too_early");
    rsj.today = D("2025-01-01");
    jr_error_clear(&e);
    assert_int_equal(framework_proposal_step(&rsj, id, JR_FWS_EFFECT, JR_FWO_NONE, "", &e),
                     JR_EINVAL);
    assert_string_equal(e.code, "not_extended");
    jr_error_clear(&e);
    assert_int_equal(framework_proposal_step(&rsj, other, JR_FWS_EFFECT, JR_FWO_NONE, "", &e),
                     JR_EINVAL);
    assert_string_equal(e.code, "proposal_rejected");
    assert_ok(framework_extend(&rsj, f->agr[1], D("2025-01-01"), 24, "", err));
    rsj.today = D("2025-01-02");
    assert_ok(framework_proposal_step(&rsj, id, JR_FWS_EFFECT, JR_FWO_NONE, "", err));
    assert_int_equal(state_of(&rsj, id), JR_FWP_IN_WERKING);
    /* the history and the audit log */
    hist h;
    memset(&h, 0, sizeof h);
    assert_ok(framework_proposal_history(&a, id, hist_row, &h, err));
    assert_int_equal(h.n, 4);
    assert_int_equal(h.s[0], JR_FWP_INGEDIEND);
    assert_int_equal(h.s[1], JR_FWP_IN_BESPREKING);
    assert_string_equal(h.note[1], "Overleg.");
    assert_int_equal(h.s[2], JR_FWP_BESLOTEN);
    assert_int_equal(h.s[3], JR_FWP_IN_WERKING);
    char eid[24];
    snprintf(eid, sizeof eid, "%lld", (long long)id);
    int n = 0;
    assert_ok(audit_list(&f->ctx, "wijzigingsvoorstel", eid, NULL, 100, count_row, &n, err));
    assert_int_equal(n, 4);
    /* in werking is final */
    jr_error_clear(&e);
    assert_int_equal(framework_proposal_step(&rsj, id, JR_FWS_DISCUSS, JR_FWO_NONE, "", &e),
                     JR_EINVAL);
}

static void who_sees_which_proposal(void **state)
{
    fx *f = *state;
    jr_fw_proposal_in in = text(f->agr[0]);
    jr_ctx a1 = as(f, JR_ROLE_AANBIEDER, "11111111", "2024-02-01");
    jr_ctx a2 = as(f, JR_ROLE_AANBIEDER, "22222222", "2024-02-01");
    jr_ctx g = as(f, JR_ROLE_GEMEENTE, "0148", "2024-02-01");
    jr_ctx rsj = as(f, JR_ROLE_RSJ, NULL, "2024-02-01");
    int64_t mine, rsj_id;
    assert_ok(framework_propose(&a1, &in, &mine, err));
    assert_ok(framework_propose(&rsj, &in, &rsj_id, err));
    assert_int_equal(proposals(&rsj, 0), 2);
    assert_int_equal(proposals(&g, 0), 2); /* every proposal of the region */
    assert_int_equal(proposals(&a1, 0), 1);
    assert_int_equal(proposals(&a2, 0), 0);
    jr_ctx t = as(f, JR_ROLE_TOEGANG, "0193", "2024-02-01");
    jr_ctx lz = as(f, JR_ROLE_LEZER, NULL, "2024-02-01");
    int n = 0;
    jr_error e;
    jr_error_clear(&e);
    assert_int_equal(framework_proposal_list(&t, 0, count_row, &n, &e), JR_EFORBIDDEN);
    jr_error_clear(&e);
    assert_int_equal(framework_propose(&lz, &in, NULL, &e), JR_EFORBIDDEN);
    /* a beheerder names the proposer, which must exist */
    jr_ctx beh = as(f, JR_ROLE_BEHEERDER, NULL, "2024-02-01");
    in.kind = JR_FWK_AANBIEDER;
    in.proposer = "99999999";
    jr_error_clear(&e);
    assert_int_equal(framework_propose(&beh, &in, NULL, &e), JR_EINVAL);
    assert_string_equal(e.field, "proposer");
    in.proposer = "22222222";
    assert_ok(framework_propose(&beh, &in, NULL, err));
    assert_int_equal(proposals(&a2, 0), 1);
    /* a municipality proposes for itself, whatever it names */
    in.kind = JR_FWK_RSJ;
    int64_t gid;
    assert_ok(framework_propose(&g, &in, &gid, err));
    jr_fw_proposal *p = calloc(1, sizeof *p);
    assert_ok(framework_proposal_get(&rsj, gid, p, err));
    assert_int_equal(p->kind, JR_FWK_GEMEENTE);
    assert_string_equal(p->proposer, "0148");
    free(p);
}

static void bad_input_changes_nothing(void **state)
{
    fx *f = *state;
    jr_ctx g = as(f, JR_ROLE_GEMEENTE, "0193", "2024-02-01");
    jr_fw_proposal_in in = {f->agr[0], JR_FWK_RSJ, NULL, "", NULL, " ", "", NULL};
    jr_error e;
    jr_invalid_list l;
    jr_error_collect(&e, &l);
    int before = audits(f, "wijzigingsvoorstel");
    assert_int_equal(framework_propose(&g, &in, NULL, &e), JR_EINVAL);
    assert_int_equal(l.n, 5);
    static const char *const fields[5] = {"title", "description", "effect_youth",
                                          "effect_contractor", "effect_client"};
    for (int i = 0; i < 5; i++)
        assert_string_equal(l.item[i].field, fields[i]);
    assert_int_equal(proposals(&g, 0), 0);
    assert_int_equal(audits(f, "wijzigingsvoorstel"), before);
    /* an unknown agreement, lot, an end before the start */
    in = text(999);
    jr_error_clear(&e);
    assert_int_equal(framework_propose(&g, &in, NULL, &e), JR_EINVAL);
    assert_string_equal(e.code, "agreement_unknown");
    jr_ctx rsj = as(f, JR_ROLE_RSJ, NULL, "2024-02-01");
    jr_error_collect(&e, &l);
    assert_int_equal(
        framework_agreement_add(&rsj, "P9", "", D("2025-01-01"), D("2024-01-01"), NULL, &e),
        JR_EINVAL);
    assert_int_equal(l.n, 3);
    assert_string_equal(l.item[0].code, "lot_unknown");
    assert_string_equal(l.item[2].code, "end_before_start");
    jr_error_clear(&e);
    assert_int_equal(
        framework_agreement_add(&g, "P1", "x", D("2025-01-01"), D("2026-01-01"), NULL, &e),
        JR_EFORBIDDEN);
    int n = 0;
    assert_ok(framework_agreement_list(&g, count_row, &n, err));
    assert_int_equal(n, 3);
}

typedef struct {
    char agb[8][9];
    int64_t commitment[8];
    jr_fcov_status status[8];
    int n;
} st_seen;

static int st_row(void *ud, const void *row)
{
    st_seen *s = ud;
    const jr_cov_status *r = row;
    if (s->n < 8) {
        snprintf(s->agb[s->n], 9, "%s", r->agb);
        s->commitment[s->n] = r->commitment_id;
        s->status[s->n] = r->status;
        s->n++;
    }
    return 0;
}

static int con_row(void *ud, const void *row)
{
    st_seen *s = ud;
    const jr_fw_contract *c = row;
    if (s->n < 8)
        snprintf(s->agb[s->n++], 9, "%s", c->agb);
    return 0;
}

static void contracts_and_the_covenant(void **state)
{
    fx *f = *state;
    jr_ctx rsj = as(f, JR_ROLE_RSJ, NULL, "2025-06-01");
    /* contracts 1 (P1), 2 (P2), 3 (P1) */
    assert_ok(framework_contract_link(&rsj, f->agr[0], 1, err));
    assert_ok(framework_contract_link(&rsj, f->agr[0], 3, err));
    jr_error e;
    jr_error_clear(&e);
    assert_int_equal(framework_contract_link(&rsj, f->agr[0], 2, &e), JR_EINVAL);
    assert_string_equal(e.code, "contract_lot_mismatch");
    jr_error_clear(&e);
    assert_int_equal(framework_contract_link(&rsj, f->agr[0], 1, &e), JR_ECONFLICT);
    jr_error_clear(&e);
    assert_int_equal(framework_contract_link(&rsj, f->agr[0], 99, &e), JR_ENOTFOUND);
    st_seen c;
    memset(&c, 0, sizeof c);
    assert_ok(framework_contract_list(&rsj, f->agr[0], con_row, &c, err));
    assert_int_equal(c.n, 2);
    assert_string_equal(c.agb[0], "11111111");
    assert_string_equal(c.agb[1], "22222222");
    jr_fw_summary s;
    assert_ok(framework_agreement_get(&rsj, f->agr[0], &s, err));
    assert_int_equal(s.ncontracts, 2);
    /* the covenant */
    const char *lots[2] = {"P1", "P2"}, *dup[2] = {"P1", "P1"};
    int64_t cov, m1, m2;
    jr_error_clear(&e);
    assert_int_equal(covenant_add(&rsj, "Convenant", D("2023-03-15"), dup, 2, NULL, &e), JR_EINVAL);
    assert_string_equal(e.code, "lot_twice");
    assert_ok(covenant_add(&rsj, "Convenant", D("2023-03-15"), lots, 2, &cov, err));
    assert_ok(covenant_commitment_add(&rsj, cov, "Afschalen", "Binnen drie maanden.", &m1, err));
    assert_ok(covenant_commitment_add(&rsj, cov, "Wachttijd", "Onder de treeknorm.", &m2, err));
    assert_ok(covenant_status_set(&rsj, cov, m1, "11111111", JR_FCS_AFGESPROKEN, D("2023-04-01"),
                                  "", err));
    assert_ok(covenant_status_set(&rsj, cov, m1, "11111111", JR_FCS_GEREALISEERD, D("2025-05-01"),
                                  "70 %", err));
    /* an older status recorded later does not replace the newer one */
    assert_ok(covenant_status_set(&rsj, cov, m1, "11111111", JR_FCS_IN_UITVOERING, D("2024-01-01"),
                                  "", err));
    assert_ok(covenant_status_set(&rsj, cov, m2, "22222222", JR_FCS_NIET_GEREALISEERD,
                                  D("2025-06-01"), "16 weken", err));
    jr_invalid_list l;
    jr_error_collect(&e, &l);
    assert_int_equal(covenant_status_set(&rsj, cov, m2, "99999999", JR_FCS_GEREALISEERD,
                                         D("2025-06-02"), "", &e),
                     JR_EINVAL);
    assert_int_equal(l.n, 2);
    assert_string_equal(l.item[0].code, "agb_unknown");
    assert_string_equal(l.item[1].code, "date_future");
    jr_error_clear(&e);
    assert_int_equal(covenant_status_set(&rsj, cov, m2, "22222222", JR_FCS_GEREALISEERD,
                                         D("2023-03-14"), "", &e),
                     JR_EINVAL);
    assert_string_equal(e.code, "date_before_signed");
    jr_error_clear(&e);
    assert_int_equal(covenant_status_set(&rsj, cov + 1, m2, "22222222", JR_FCS_GEREALISEERD,
                                         D("2025-01-01"), "", &e),
                     JR_ENOTFOUND);
    st_seen seen;
    memset(&seen, 0, sizeof seen);
    assert_ok(covenant_statuses(&rsj, cov, st_row, &seen, err));
    assert_int_equal(seen.n, 2);
    assert_string_equal(seen.agb[0], "11111111");
    assert_int_equal(seen.status[0], JR_FCS_GEREALISEERD);
    assert_string_equal(seen.agb[1], "22222222");
    assert_int_equal(seen.status[1], JR_FCS_NIET_GEREALISEERD);
    /* a provider sees its own status only; a lezer nothing */
    jr_ctx a2 = as(f, JR_ROLE_AANBIEDER, "22222222", "2025-06-01");
    memset(&seen, 0, sizeof seen);
    assert_ok(covenant_statuses(&a2, cov, st_row, &seen, err));
    assert_int_equal(seen.n, 1);
    assert_string_equal(seen.agb[0], "22222222");
    jr_ctx lz = as(f, JR_ROLE_LEZER, NULL, "2025-06-01");
    jr_error_clear(&e);
    assert_int_equal(covenant_statuses(&lz, cov, st_row, &seen, &e), JR_EFORBIDDEN);
    jr_error_clear(&e);
    assert_int_equal(
        covenant_status_set(&a2, cov, m2, "22222222", JR_FCS_GEREALISEERD, D("2025-06-01"), "", &e),
        JR_EFORBIDDEN);
    assert_int_equal(audits(f, "convenant"), 1 + 2 + 4);
}

static void evaluations(void **state)
{
    fx *f = *state;
    jr_ctx rsj = as(f, JR_ROLE_RSJ, NULL, "2024-01-10");
    int64_t e1, e2;
    jr_error e;
    jr_error_clear(&e);
    assert_int_equal(framework_evaluation_add(&rsj, f->agr[0], D("2025-01-01"), "Na", NULL, &e),
                     JR_EINVAL);
    assert_string_equal(e.code, "date_outside_term");
    assert_ok(framework_evaluation_add(&rsj, f->agr[0], D("2023-12-01"), "Jaar 1", &e1, err));
    assert_ok(framework_evaluation_add(&rsj, f->agr[0], D("2024-12-01"), "Jaar 2", &e2, err));
    jr_fw_summary s;
    assert_ok(framework_agreement_get(&rsj, f->agr[0], &s, err));
    assert_true(s.has_next_eval);
    assert_int_equal(s.next_eval.id, e1);
    assert_true(s.next_eval_overdue); /* planned 2023-12-01, today 2024-01-10 */
    jr_error_clear(&e);
    assert_int_equal(framework_evaluation_hold(&rsj, f->agr[0], e1, D("2024-01-11"), "Goed", &e),
                     JR_EINVAL);
    assert_string_equal(e.code, "date_future");
    jr_error_clear(&e);
    assert_int_equal(framework_evaluation_hold(&rsj, f->agr[1], e1, D("2024-01-05"), "Goed", &e),
                     JR_ENOTFOUND);
    assert_ok(framework_evaluation_hold(&rsj, f->agr[0], e1, D("2024-01-05"), "Voortzetten", err));
    jr_error_clear(&e);
    assert_int_equal(
        framework_evaluation_hold(&rsj, f->agr[0], e1, D("2024-01-06"), "Nog eens", &e),
        JR_ECONFLICT);
    assert_ok(framework_agreement_get(&rsj, f->agr[0], &s, err));
    assert_int_equal(s.next_eval.id, e2);
    assert_false(s.next_eval_overdue);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(deadline_through_the_service, setup, teardown),
        cmocka_unit_test_setup_teardown(extension_moves_the_end_and_the_deadline, setup, teardown),
        cmocka_unit_test_setup_teardown(a_proposal_through_its_states, setup, teardown),
        cmocka_unit_test_setup_teardown(who_sees_which_proposal, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_input_changes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(contracts_and_the_covenant, setup, teardown),
        cmocka_unit_test_setup_teardown(evaluations, setup, teardown),
    };
    return cmocka_run_group_tests_name("framework", tests, unit_catalog_setup, NULL);
}

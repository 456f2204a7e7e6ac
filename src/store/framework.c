/*
 * framework.c (store): the tables of migration 019 (see framework.h). Each
 * statement is a string literal given to store_prepare, prepared once per
 * store.
 */
#include "framework.h"

#include "../core/sbuf.h"

#include <string.h>

static jr_status inserted(jr_store *st, jr_stmt *q, int64_t *id, jr_error *err)
{
    jr_status rc = store_step_done(q, err);
    if (rc == JR_OK && id)
        *id = store_last_id(st);
    return rc;
}

/* ---- agreements ---- */

#define AGR_COLS "SELECT id, lot, name, start_date, initial_end_date FROM framework_agreement"

static void agr_from_row(const void *ud, jr_stmt *q, void *row)
{
    jr_fw_agreement *a = row;
    (void)ud;
    memset(a, 0, sizeof *a);
    a->id = store_col_int(q, 0);
    str_copy(a->lot, sizeof a->lot, store_col_text(q, 1));
    str_copy(a->name, sizeof a->name, store_col_text(q, 2));
    a->start = store_col_date(q, 3);
    a->initial_end = store_col_date(q, 4);
}

jr_status store_fw_agreement_insert(jr_store *st, const jr_fw_agreement *a, const char *by,
                                    int64_t *id, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO framework_agreement (lot, name, start_date,"
                               " initial_end_date, created_by, created_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               err);
    if (!q)
        return JR_EDB;
    char b1[JR_DATE_ISO_LEN], b2[JR_DATE_ISO_LEN], now[STORE_TS_LEN];
    store_bind_text(q, 1, a->lot);
    store_bind_text(q, 2, a->name);
    store_bind_date(q, 3, a->start, b1);
    store_bind_date(q, 4, a->initial_end, b2);
    store_bind_text(q, 5, by);
    store_bind_text(q, 6, store_timestamp(0, now));
    return inserted(st, q, id, err);
}

jr_status store_fw_agreement_get(jr_store *st, int64_t id, jr_fw_agreement *out, jr_error *err)
{
    jr_stmt *q = store_prepare(st, AGR_COLS " WHERE id = ?1", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    return store_one(q, agr_from_row, NULL, out, err);
}

jr_status store_fw_agreement_list(jr_store *st, store_fw_fn fn, void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st, AGR_COLS " ORDER BY lot, start_date, id", err);
    if (!q)
        return JR_EDB;
    jr_fw_agreement a;
    return store_each(q, agr_from_row, NULL, &a, fn, ud, err);
}

/* ---- extensions ---- */

static void ext_from_row(const void *ud, jr_stmt *q, void *row)
{
    jr_fw_extension *e = row;
    (void)ud;
    memset(e, 0, sizeof *e);
    e->id = store_col_int(q, 0);
    e->agreement_id = store_col_int(q, 1);
    e->seq = (int32_t)store_col_int(q, 2);
    e->ext.effective = store_col_date(q, 3);
    e->ext.months = (int32_t)store_col_int(q, 4);
    str_copy(e->note, sizeof e->note, store_col_text(q, 5));
    str_copy(e->created_by, sizeof e->created_by, store_col_text(q, 6));
}

jr_status store_fw_extension_insert(jr_store *st, const jr_fw_extension *e, const char *by,
                                    jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO framework_extension (agreement_id, seq,"
                               " effective_date, months, note, created_by, created_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                               err);
    if (!q)
        return JR_EDB;
    char b[JR_DATE_ISO_LEN], now[STORE_TS_LEN];
    store_bind_int(q, 1, e->agreement_id);
    store_bind_int(q, 2, e->seq);
    store_bind_date(q, 3, e->ext.effective, b);
    store_bind_int(q, 4, e->ext.months);
    store_bind_text(q, 5, e->note);
    store_bind_text(q, 6, by);
    store_bind_text(q, 7, store_timestamp(0, now));
    return store_step_done(q, err);
}

jr_status store_fw_extension_list(jr_store *st, int64_t agreement_id, store_fw_fn fn, void *ud,
                                  jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT id, agreement_id, seq, effective_date, months, note,"
                               " created_by FROM framework_extension WHERE agreement_id = ?1"
                               " ORDER BY seq",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, agreement_id);
    jr_fw_extension e;
    return store_each(q, ext_from_row, NULL, &e, fn, ud, err);
}

jr_status store_fw_extension_on(jr_store *st, int64_t agreement_id, jr_date date, bool *out,
                                jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT 1 FROM framework_extension WHERE agreement_id = ?1"
                               " AND effective_date = ?2",
                               err);
    if (!q)
        return JR_EDB;
    char b[JR_DATE_ISO_LEN];
    store_bind_int(q, 1, agreement_id);
    store_bind_date(q, 2, date, b);
    return store_step_exists(q, out, err);
}

/* ---- evaluations ---- */

#define EVAL_COLS                                                                                  \
    "SELECT id, agreement_id, planned_date, subject, held_date, outcome FROM framework_evaluation"

static void eval_from_row(const void *ud, jr_stmt *q, void *row)
{
    jr_fw_evaluation *e = row;
    (void)ud;
    memset(e, 0, sizeof *e);
    e->id = store_col_int(q, 0);
    e->agreement_id = store_col_int(q, 1);
    e->planned = store_col_date(q, 2);
    str_copy(e->subject, sizeof e->subject, store_col_text(q, 3));
    e->held = store_col_date(q, 4);
    str_copy(e->outcome, sizeof e->outcome, store_col_text(q, 5));
}

jr_status store_fw_evaluation_insert(jr_store *st, const jr_fw_evaluation *e, int64_t *id,
                                     jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO framework_evaluation (agreement_id, planned_date,"
                               " subject) VALUES (?1, ?2, ?3)",
                               err);
    if (!q)
        return JR_EDB;
    char b[JR_DATE_ISO_LEN];
    store_bind_int(q, 1, e->agreement_id);
    store_bind_date(q, 2, e->planned, b);
    store_bind_text(q, 3, e->subject);
    return inserted(st, q, id, err);
}

jr_status store_fw_evaluation_get(jr_store *st, int64_t id, jr_fw_evaluation *out, jr_error *err)
{
    jr_stmt *q = store_prepare(st, EVAL_COLS " WHERE id = ?1", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    return store_one(q, eval_from_row, NULL, out, err);
}

jr_status store_fw_evaluation_hold(jr_store *st, int64_t id, jr_date held, const char *outcome,
                                   jr_error *err)
{
    jr_stmt *q = store_prepare(
        st, "UPDATE framework_evaluation SET held_date = ?2, outcome = ?3 WHERE id = ?1", err);
    if (!q)
        return JR_EDB;
    char b[JR_DATE_ISO_LEN];
    store_bind_int(q, 1, id);
    store_bind_date(q, 2, held, b);
    store_bind_text(q, 3, outcome);
    return store_step_done(q, err);
}

jr_status store_fw_evaluation_list(jr_store *st, int64_t agreement_id, store_fw_fn fn, void *ud,
                                   jr_error *err)
{
    jr_stmt *q =
        store_prepare(st, EVAL_COLS " WHERE agreement_id = ?1 ORDER BY planned_date, id", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, agreement_id);
    jr_fw_evaluation e;
    return store_each(q, eval_from_row, NULL, &e, fn, ud, err);
}

/* ---- contracts ---- */

static void con_from_row(const void *ud, jr_stmt *q, void *row)
{
    jr_fw_contract *c = row;
    (void)ud;
    memset(c, 0, sizeof *c);
    c->contract_id = store_col_int(q, 0);
    c->agreement_id = store_col_int(q, 1);
    str_copy(c->agb, sizeof c->agb, store_col_text(q, 2));
    str_copy(c->provider, sizeof c->provider, store_col_text(q, 3));
    str_copy(c->lot, sizeof c->lot, store_col_text(q, 4));
    str_copy(c->product, sizeof c->product, store_col_text(q, 5));
    c->start = store_col_date(q, 6);
    c->end = store_col_date(q, 7);
}

jr_status store_fw_contract_row(jr_store *st, int64_t contract_id, jr_fw_contract *out,
                                int64_t *agreement, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT c.id, COALESCE(fc.agreement_id, 0), p.agb, p.name, c.lot,"
                               " c.product, c.start_date, c.end_date FROM contract c"
                               " JOIN provider p ON p.id = c.provider_id"
                               " LEFT JOIN framework_contract fc ON fc.contract_id = c.id"
                               " WHERE c.id = ?1",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, contract_id);
    jr_status rc = store_step_one(q, err);
    if (rc != JR_OK)
        return rc;
    con_from_row(NULL, q, out);
    *agreement = out->agreement_id;
    store_reset(q);
    return JR_OK;
}

jr_status store_fw_contract_link(jr_store *st, int64_t agreement_id, int64_t contract_id,
                                 const char *by, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO framework_contract (contract_id, agreement_id,"
                               " linked_by, linked_at) VALUES (?1, ?2, ?3, ?4)",
                               err);
    if (!q)
        return JR_EDB;
    char now[STORE_TS_LEN];
    store_bind_int(q, 1, contract_id);
    store_bind_int(q, 2, agreement_id);
    store_bind_text(q, 3, by);
    store_bind_text(q, 4, store_timestamp(0, now));
    return store_step_done(q, err);
}

jr_status store_fw_contract_list(jr_store *st, int64_t agreement_id, store_fw_fn fn, void *ud,
                                 jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT c.id, fc.agreement_id, p.agb, p.name, c.lot, c.product,"
                               " c.start_date, c.end_date FROM framework_contract fc"
                               " JOIN contract c ON c.id = fc.contract_id"
                               " JOIN provider p ON p.id = c.provider_id"
                               " WHERE fc.agreement_id = ?1 ORDER BY p.agb, c.product, c.id",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, agreement_id);
    jr_fw_contract c;
    return store_each(q, con_from_row, NULL, &c, fn, ud, err);
}

jr_status store_fw_contract_count(jr_store *st, int64_t agreement_id, int64_t *n, jr_error *err)
{
    jr_stmt *q =
        store_prepare(st, "SELECT COUNT(*) FROM framework_contract WHERE agreement_id = ?1", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, agreement_id);
    jr_status rc = store_step_one(q, err);
    if (rc != JR_OK)
        return rc;
    *n = store_col_int(q, 0);
    store_reset(q);
    return JR_OK;
}

/* ---- proposals ---- */

#define PROP_COLS                                                                                  \
    "SELECT p.id, p.agreement_id, p.proposer_kind, p.proposer, p.submitted_date, p.target_end,"    \
    " p.effect_date, p.title, p.description, p.effect_youth, p.effect_contractor,"                 \
    " p.effect_client, p.state, p.outcome, p.reason, p.created_by, a.lot"                          \
    " FROM framework_proposal p JOIN framework_agreement a ON a.id = p.agreement_id"

static void prop_from_row(const void *ud, jr_stmt *q, void *row)
{
    jr_fw_proposal *p = row;
    (void)ud;
    memset(p, 0, sizeof *p);
    p->id = store_col_int(q, 0);
    p->agreement_id = store_col_int(q, 1);
    framework_proposer_parse(store_col_text(q, 2), &p->kind);
    str_copy(p->proposer, sizeof p->proposer, store_col_text(q, 3));
    p->submitted = store_col_date(q, 4);
    p->target_end = store_col_date(q, 5);
    p->effect = store_col_date(q, 6);
    str_copy(p->title, sizeof p->title, store_col_text(q, 7));
    str_copy(p->description, sizeof p->description, store_col_text(q, 8));
    str_copy(p->effect_youth, sizeof p->effect_youth, store_col_text(q, 9));
    str_copy(p->effect_contractor, sizeof p->effect_contractor, store_col_text(q, 10));
    str_copy(p->effect_client, sizeof p->effect_client, store_col_text(q, 11));
    framework_state_parse(store_col_text(q, 12), &p->state);
    p->outcome = JR_FWO_NONE;
    framework_outcome_parse(store_col_text(q, 13), &p->outcome);
    str_copy(p->reason, sizeof p->reason, store_col_text(q, 14));
    str_copy(p->created_by, sizeof p->created_by, store_col_text(q, 15));
    str_copy(p->lot, sizeof p->lot, store_col_text(q, 16));
}

jr_status store_fw_proposal_insert(jr_store *st, const jr_fw_proposal *p, int64_t *id,
                                   jr_error *err)
{
    jr_stmt *q =
        store_prepare(st,
                      "INSERT INTO framework_proposal (agreement_id, proposer_kind, proposer,"
                      " submitted_date, target_end, effect_date, title, description, effect_youth,"
                      " effect_contractor, effect_client, state, created_by)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                      err);
    if (!q)
        return JR_EDB;
    char b1[JR_DATE_ISO_LEN], b2[JR_DATE_ISO_LEN], b3[JR_DATE_ISO_LEN];
    store_bind_int(q, 1, p->agreement_id);
    store_bind_text(q, 2, framework_proposer_code(p->kind));
    store_bind_text(q, 3, p->proposer);
    store_bind_date(q, 4, p->submitted, b1);
    store_bind_date(q, 5, p->target_end, b2);
    store_bind_date(q, 6, p->effect, b3);
    store_bind_text(q, 7, p->title);
    store_bind_text(q, 8, p->description);
    store_bind_text(q, 9, p->effect_youth);
    store_bind_text(q, 10, p->effect_contractor);
    store_bind_text(q, 11, p->effect_client);
    store_bind_text(q, 12, framework_state_code(p->state));
    store_bind_text(q, 13, p->created_by);
    return inserted(st, q, id, err);
}

jr_status store_fw_proposal_get(jr_store *st, int64_t id, jr_fw_proposal *out, jr_error *err)
{
    jr_stmt *q = store_prepare(st, PROP_COLS " WHERE p.id = ?1", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    return store_one(q, prop_from_row, NULL, out, err);
}

jr_status store_fw_proposal_update(jr_store *st, const jr_fw_proposal *p, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "UPDATE framework_proposal SET state = ?2, outcome = ?3,"
                               " reason = ?4 WHERE id = ?1",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, p->id);
    store_bind_text(q, 2, framework_state_code(p->state));
    store_bind_text(q, 3, p->outcome == JR_FWO_NONE ? NULL : framework_outcome_code(p->outcome));
    store_bind_text(q, 4, p->outcome == JR_FWO_NONE ? NULL : p->reason);
    return store_step_done(q, err);
}

jr_status store_fw_proposal_list(jr_store *st, int64_t agreement_id, store_fw_fn fn, void *ud,
                                 jr_error *err)
{
    jr_stmt *q =
        store_prepare(st, PROP_COLS " WHERE (?1 = 0 OR p.agreement_id = ?1) ORDER BY p.id", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, agreement_id);
    jr_fw_proposal p;
    return store_each(q, prop_from_row, NULL, &p, fn, ud, err);
}

static void event_from_row(const void *ud, jr_stmt *q, void *row)
{
    jr_fw_event *e = row;
    (void)ud;
    memset(e, 0, sizeof *e);
    e->id = store_col_int(q, 0);
    e->proposal_id = store_col_int(q, 1);
    framework_state_parse(store_col_text(q, 2), &e->state);
    e->date = store_col_date(q, 3);
    str_copy(e->actor, sizeof e->actor, store_col_text(q, 4));
    str_copy(e->note, sizeof e->note, store_col_text(q, 5));
    str_copy(e->at, sizeof e->at, store_col_text(q, 6));
}

jr_status store_fw_event_insert(jr_store *st, const jr_fw_event *e, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO framework_proposal_event (proposal_id, state,"
                               " event_date, actor, note, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               err);
    if (!q)
        return JR_EDB;
    char b[JR_DATE_ISO_LEN], now[STORE_TS_LEN];
    store_bind_int(q, 1, e->proposal_id);
    store_bind_text(q, 2, framework_state_code(e->state));
    store_bind_date(q, 3, e->date, b);
    store_bind_text(q, 4, e->actor);
    store_bind_text(q, 5, e->note);
    store_bind_text(q, 6, store_timestamp(0, now));
    return store_step_done(q, err);
}

jr_status store_fw_event_list(jr_store *st, int64_t proposal_id, store_fw_fn fn, void *ud,
                              jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT id, proposal_id, state, event_date, actor, note, at"
                               " FROM framework_proposal_event WHERE proposal_id = ?1 ORDER BY id",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, proposal_id);
    jr_fw_event e;
    return store_each(q, event_from_row, NULL, &e, fn, ud, err);
}

/* ---- the covenant ---- */

static void cov_from_row(const void *ud, jr_stmt *q, void *row)
{
    jr_cov *c = row;
    (void)ud;
    memset(c, 0, sizeof *c);
    c->id = store_col_int(q, 0);
    str_copy(c->name, sizeof c->name, store_col_text(q, 1));
    c->signed_date = store_col_date(q, 2);
}

jr_status store_cov_insert(jr_store *st, const jr_cov *c, const char *by, int64_t *id,
                           jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO covenant (name, signed_date, created_by, created_at)"
                               " VALUES (?1, ?2, ?3, ?4)",
                               err);
    if (!q)
        return JR_EDB;
    char b[JR_DATE_ISO_LEN], now[STORE_TS_LEN];
    store_bind_text(q, 1, c->name);
    store_bind_date(q, 2, c->signed_date, b);
    store_bind_text(q, 3, by);
    store_bind_text(q, 4, store_timestamp(0, now));
    return inserted(st, q, id, err);
}

jr_status store_cov_get(jr_store *st, int64_t id, jr_cov *out, jr_error *err)
{
    jr_stmt *q = store_prepare(st, "SELECT id, name, signed_date FROM covenant WHERE id = ?1", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    return store_one(q, cov_from_row, NULL, out, err);
}

jr_status store_cov_list(jr_store *st, store_fw_fn fn, void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st, "SELECT id, name, signed_date FROM covenant ORDER BY id", err);
    if (!q)
        return JR_EDB;
    jr_cov c;
    return store_each(q, cov_from_row, NULL, &c, fn, ud, err);
}

jr_status store_cov_lot_insert(jr_store *st, int64_t covenant_id, const char *lot, jr_error *err)
{
    jr_stmt *q =
        store_prepare(st, "INSERT INTO covenant_lot (covenant_id, lot) VALUES (?1, ?2)", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, covenant_id);
    store_bind_text(q, 2, lot);
    return store_step_done(q, err);
}

static void lot_from_row(const void *ud, jr_stmt *q, void *row)
{
    (void)ud;
    str_copy(row, 16, store_col_text(q, 0));
}

jr_status store_cov_lot_list(jr_store *st, int64_t covenant_id, store_fw_fn fn, void *ud,
                             jr_error *err)
{
    jr_stmt *q =
        store_prepare(st, "SELECT lot FROM covenant_lot WHERE covenant_id = ?1 ORDER BY lot", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, covenant_id);
    char lot[16];
    return store_each(q, lot_from_row, NULL, lot, fn, ud, err);
}

static void commit_from_row(const void *ud, jr_stmt *q, void *row)
{
    jr_cov_commitment *c = row;
    (void)ud;
    memset(c, 0, sizeof *c);
    c->id = store_col_int(q, 0);
    c->covenant_id = store_col_int(q, 1);
    str_copy(c->title, sizeof c->title, store_col_text(q, 2));
    str_copy(c->description, sizeof c->description, store_col_text(q, 3));
}

jr_status store_cov_commitment_insert(jr_store *st, const jr_cov_commitment *c, int64_t *id,
                                      jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO covenant_commitment (covenant_id, title, description)"
                               " VALUES (?1, ?2, ?3)",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, c->covenant_id);
    store_bind_text(q, 2, c->title);
    store_bind_text(q, 3, c->description);
    return inserted(st, q, id, err);
}

jr_status store_cov_commitment_get(jr_store *st, int64_t id, jr_cov_commitment *out, jr_error *err)
{
    jr_stmt *q = store_prepare(
        st, "SELECT id, covenant_id, title, description FROM covenant_commitment WHERE id = ?1",
        err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    return store_one(q, commit_from_row, NULL, out, err);
}

jr_status store_cov_commitment_list(jr_store *st, int64_t covenant_id, store_fw_fn fn, void *ud,
                                    jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT id, covenant_id, title, description FROM"
                               " covenant_commitment WHERE covenant_id = ?1 ORDER BY id",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, covenant_id);
    jr_cov_commitment c;
    return store_each(q, commit_from_row, NULL, &c, fn, ud, err);
}

jr_status store_cov_status_insert(jr_store *st, const jr_cov_status *s, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO covenant_status (commitment_id, agb, status,"
                               " status_date, note, recorded_by, recorded_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                               err);
    if (!q)
        return JR_EDB;
    char b[JR_DATE_ISO_LEN], now[STORE_TS_LEN];
    store_bind_int(q, 1, s->commitment_id);
    store_bind_text(q, 2, s->agb);
    store_bind_text(q, 3, framework_cov_status_code(s->status));
    store_bind_date(q, 4, s->date, b);
    store_bind_text(q, 5, s->note);
    store_bind_text(q, 6, s->recorded_by);
    store_bind_text(q, 7, store_timestamp(0, now));
    return store_step_done(q, err);
}

static void status_from_row(const void *ud, jr_stmt *q, void *row)
{
    jr_cov_status *s = row;
    (void)ud;
    memset(s, 0, sizeof *s);
    s->id = store_col_int(q, 0);
    s->commitment_id = store_col_int(q, 1);
    str_copy(s->agb, sizeof s->agb, store_col_text(q, 2));
    str_copy(s->provider, sizeof s->provider, store_col_text(q, 3));
    framework_cov_status_parse(store_col_text(q, 4), &s->status);
    s->date = store_col_date(q, 5);
    str_copy(s->note, sizeof s->note, store_col_text(q, 6));
    str_copy(s->recorded_by, sizeof s->recorded_by, store_col_text(q, 7));
}

jr_status store_cov_status_current(jr_store *st, int64_t covenant_id, const char *agb,
                                   store_fw_fn fn, void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "SELECT s.id, s.commitment_id, s.agb, COALESCE(p.name, ''), s.status, s.status_date,"
        " s.note, s.recorded_by FROM covenant_status s"
        " JOIN covenant_commitment c ON c.id = s.commitment_id"
        " LEFT JOIN provider p ON p.agb = s.agb"
        " WHERE c.covenant_id = ?1 AND (CAST(?2 AS TEXT) IS NULL OR s.agb = ?2)"
        " AND NOT EXISTS (SELECT 1 FROM covenant_status t WHERE t.commitment_id = s.commitment_id"
        " AND t.agb = s.agb AND (t.status_date > s.status_date"
        " OR (t.status_date = s.status_date AND t.id > s.id)))"
        " ORDER BY s.agb, s.commitment_id",
        err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, covenant_id);
    store_bind_text(q, 2, agb);
    jr_cov_status s;
    return store_each(q, status_from_row, NULL, &s, fn, ud, err);
}

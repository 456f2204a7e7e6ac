/*
 * store/exchange.c: the SQL of the iJw exchange tables (see exchange.h):
 * the received-message log, the outbox with the JW319 decisions, and the
 * client names. One query per function, prepared from a string literal
 * (cached by the store), in the SQL SQLite and PostgreSQL share.
 */
#include "exchange.h"

#include "../core/sbuf.h"

#include <stdlib.h>
#include <string.h>

static char *dup_text(jr_stmt *q, int col)
{
    return strdup(store_col_text(q, col));
}

static jr_status no_memory(jr_error *err)
{
    return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
}

jr_status store_inbox_insert(jr_store *st, const store_inbox_new *m, int64_t *id, jr_error *err)
{
    char d[JR_DATE_ISO_LEN];
    jr_stmt *s = store_prepare(
        st,
        "INSERT INTO ijw_inbox (code, sender, receiver, ident, dagtekening, xsd_basis,"
        " xsd_bericht, content_hash, duplicate_of, source, answer_code, answer_ident, answer_date,"
        " answer, header_code, batch_id, decl_number, decl_total_cents, decl_total_dc, summary,"
        " received_at, actor)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, m->code);
    store_bind_text(s, 2, m->sender);
    store_bind_text(s, 3, m->receiver);
    store_bind_text(s, 4, m->ident);
    store_bind_text(s, 5, m->dagtekening);
    store_bind_text(s, 6, m->xsd_basis);
    store_bind_text(s, 7, m->xsd_bericht);
    store_bind_text(s, 8, m->content_hash);
    if (m->duplicate_of)
        store_bind_int(s, 9, m->duplicate_of);
    store_bind_text(s, 10, m->source);
    if (m->answer_code) {
        store_bind_text(s, 11, m->answer_code);
        store_bind_text(s, 12, m->answer_ident);
        store_bind_text(s, 13, date_format(m->answer_date, d));
    }
    store_bind_text(s, 14, m->answer);
    store_bind_text(s, 15, m->header_code);
    if (m->batch_id)
        store_bind_int(s, 16, m->batch_id);
    store_bind_text(s, 17, m->decl_number);
    if (m->decl_number) {
        store_bind_int(s, 18, m->decl_total);
        store_bind_text(s, 19, m->decl_dc);
    }
    store_bind_text(s, 20, m->summary);
    store_bind_text(s, 21, m->received_at);
    store_bind_text(s, 22, m->actor);
    jr_status rc = store_step_done(s, err);
    if (rc == JR_OK)
        *id = store_last_id(st);
    return rc;
}

jr_status store_inbox_find(jr_store *st, const char *sender, const char *code, const char *ident,
                           int64_t *id, char hash[65], jr_error *err)
{
    *id = 0;
    jr_stmt *q = store_prepare(st,
                               "SELECT id, content_hash FROM ijw_inbox WHERE sender = ? AND"
                               " code = ? AND ident = ? AND duplicate_of IS NULL",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, sender);
    store_bind_text(q, 2, code);
    store_bind_text(q, 3, ident);
    store_step_result r = store_step(q, err);
    if (r == STORE_ROW) {
        *id = store_col_int(q, 0);
        str_copy(hash, 65, store_col_text(q, 1));
    }
    store_reset(q);
    return r == STORE_ERROR ? JR_EDB : r == STORE_ROW ? JR_OK : JR_ENOTFOUND;
}

jr_status store_inbox_finish(jr_store *st, int64_t id, const char *answer, const char *summary,
                             const char *header_code, jr_error *err)
{
    jr_stmt *u = store_prepare(st,
                               "UPDATE ijw_inbox SET answer = ?, summary = ?, header_code = ?"
                               " WHERE id = ?",
                               err);
    if (!u)
        return JR_EDB;
    store_bind_text(u, 1, answer);
    store_bind_text(u, 2, summary);
    store_bind_text(u, 3, header_code);
    store_bind_int(u, 4, id);
    return store_step_done(u, err);
}

jr_status store_inbox_set_decl_code(jr_store *st, int64_t id, const char *code, jr_error *err)
{
    jr_stmt *u = store_prepare(st, "UPDATE ijw_inbox SET decl_code = ? WHERE id = ?", err);
    if (!u)
        return JR_EDB;
    store_bind_text(u, 1, code);
    store_bind_int(u, 2, id);
    return store_step_done(u, err);
}

jr_status store_inbox_answer_get(jr_store *st, int64_t id, store_inbox_answer *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    jr_stmt *q = store_prepare(st,
                               "SELECT answer_code, answer_ident, answer, summary, code"
                               " FROM ijw_inbox WHERE id = ?",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    store_step_result r = store_step(q, err);
    if (r != STORE_ROW) {
        store_reset(q);
        return r == STORE_ERROR ? JR_EDB : JR_ENOTFOUND;
    }
    str_copy(out->answer_code, sizeof out->answer_code, store_col_text(q, 0));
    str_copy(out->answer_ident, sizeof out->answer_ident, store_col_text(q, 1));
    if (!store_col_null(q, 2))
        out->answer = dup_text(q, 2);
    out->summary = dup_text(q, 3);
    str_copy(out->code, sizeof out->code, store_col_text(q, 4));
    bool lost = !out->summary || (!store_col_null(q, 2) && !out->answer);
    store_reset(q);
    if (lost) {
        store_inbox_answer_free(out);
        return no_memory(err);
    }
    return JR_OK;
}

void store_inbox_answer_free(store_inbox_answer *a)
{
    free(a->answer);
    free(a->summary);
    a->answer = a->summary = NULL;
}

jr_status store_inbox_decl_get(jr_store *st, int64_t id, store_inbox_decl *s, jr_error *err)
{
    memset(s, 0, sizeof *s);
    jr_stmt *q = store_prepare(st,
                               "SELECT sender, receiver, ident, dagtekening, xsd_basis,"
                               " xsd_bericht, answer_ident, answer_date, header_code, decl_code,"
                               " batch_id, decl_number, decl_total_cents, decl_total_dc"
                               " FROM ijw_inbox WHERE id = ?",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    store_step_result r = store_step(q, err);
    if (r != STORE_ROW) {
        store_reset(q);
        return r == STORE_ERROR ? JR_EDB : JR_ENOTFOUND;
    }
    str_copy(s->sender, sizeof s->sender, store_col_text(q, 0));
    str_copy(s->receiver, sizeof s->receiver, store_col_text(q, 1));
    s->ident = dup_text(q, 2);
    s->dagtekening = dup_text(q, 3);
    s->xsd_basis = dup_text(q, 4);
    s->xsd_bericht = dup_text(q, 5);
    str_copy(s->answer_ident, sizeof s->answer_ident, store_col_text(q, 6));
    date_parse(store_col_text(q, 7), &s->answer_date);
    str_copy(s->header_code, sizeof s->header_code, store_col_text(q, 8));
    str_copy(s->decl_code, sizeof s->decl_code, store_col_text(q, 9));
    s->batch_id = store_col_int(q, 10);
    str_copy(s->number, sizeof s->number, store_col_text(q, 11));
    s->total = store_col_int(q, 12);
    str_copy(s->total_dc, sizeof s->total_dc, store_col_text(q, 13));
    store_reset(q);
    if (!s->ident || !s->dagtekening || !s->xsd_basis || !s->xsd_bericht) {
        store_inbox_decl_free(s);
        return no_memory(err);
    }
    return JR_OK;
}

void store_inbox_decl_free(store_inbox_decl *d)
{
    free(d->ident);
    free(d->dagtekening);
    free(d->xsd_basis);
    free(d->xsd_bericht);
    d->ident = d->dagtekening = d->xsd_basis = d->xsd_bericht = NULL;
}

/* ---- ijw_outbox ---- */

jr_status store_outbox_insert(jr_store *st, const store_outbox_new *m, int64_t *id, jr_error *err)
{
    char d[JR_DATE_ISO_LEN];
    jr_stmt *s = store_prepare(st,
                               "INSERT INTO ijw_outbox (code, sender, receiver, ident, dagtekening,"
                               " body, nrecords, created_at, exported_at)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, m->code);
    store_bind_text(s, 2, m->sender);
    store_bind_text(s, 3, m->receiver);
    store_bind_text(s, 4, m->ident);
    store_bind_text(s, 5, date_format(m->dagtekening, d));
    store_bind_text(s, 6, m->body);
    store_bind_int(s, 7, m->nrecords);
    store_bind_text(s, 8, m->created_at);
    store_bind_text(s, 9, m->exported_at);
    jr_status rc = store_step_done(s, err);
    if (rc == JR_OK && id)
        *id = store_last_id(st);
    return rc;
}

jr_status store_outbox_find(jr_store *st, const char *code, const char *ident, const char *sender,
                            const char *receiver, int64_t *id, jr_error *err)
{
    *id = 0;
    jr_stmt *q = store_prepare(st,
                               "SELECT id FROM ijw_outbox WHERE code = ? AND ident = ? AND"
                               " sender = ? AND receiver = ?",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, code);
    store_bind_text(q, 2, ident);
    store_bind_text(q, 3, sender);
    store_bind_text(q, 4, receiver);
    store_step_result r = store_step(q, err);
    if (r == STORE_ROW)
        *id = store_col_int(q, 0);
    store_reset(q);
    return r == STORE_ERROR ? JR_EDB : r == STORE_ROW ? JR_OK : JR_ENOTFOUND;
}

jr_status store_outbox_set_retour(jr_store *st, int64_t id, const char *codes, const char *at,
                                  jr_error *err)
{
    jr_stmt *u = store_prepare(
        st, "UPDATE ijw_outbox SET retour_codes = ?, retour_at = ? WHERE id = ?", err);
    if (!u)
        return JR_EDB;
    store_bind_text(u, 1, codes);
    store_bind_text(u, 2, at);
    store_bind_int(u, 3, id);
    return store_step_done(u, err);
}

jr_status store_outbox_link_retour(jr_store *st, int64_t inbox_id, const char *code,
                                   const char *ident, const char *receiver, jr_error *err)
{
    jr_stmt *u = store_prepare(st,
                               "UPDATE ijw_outbox SET retour_inbox_id = ? WHERE code = ? AND"
                               " ident = ? AND receiver = ?",
                               err);
    if (!u)
        return JR_EDB;
    store_bind_int(u, 1, inbox_id);
    store_bind_text(u, 2, code);
    store_bind_text(u, 3, ident);
    store_bind_text(u, 4, receiver);
    return store_step_done(u, err);
}

jr_status store_outbox_set_exported(jr_store *st, int64_t id, const char *body, const char *at,
                                    jr_error *err)
{
    jr_stmt *u = store_prepare(
        st, "UPDATE ijw_outbox SET body = COALESCE(?, body), exported_at = ? WHERE id = ?", err);
    if (!u)
        return JR_EDB;
    store_bind_text(u, 1, body);
    store_bind_text(u, 2, at);
    store_bind_int(u, 3, id);
    return store_step_done(u, err);
}

/* ---- ijw_antwoord ---- */

jr_status store_antwoord_insert(jr_store *st, const store_antwoord_new *a, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "INSERT INTO ijw_antwoord (outbox_id, verzoek_id, antwoord, reden,"
                               " woonplaats, referentie) VALUES (?, ?, ?, ?, ?, ?)",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, a->outbox_id);
    store_bind_int(s, 2, a->verzoek_id);
    store_bind_text(s, 3, a->antwoord);
    store_bind_text(s, 4, a->reden);
    store_bind_text(s, 5, a->woonplaats);
    store_bind_text(s, 6, a->referentie);
    return store_step_done(s, err);
}

jr_status store_antwoord_next_pending(jr_store *st, const char *gemeente, store_antwoord_row *out,
                                      jr_error *err)
{
    memset(out, 0, sizeof *out);
    jr_stmt *q = store_prepare(st,
                               "SELECT o.id, o.sender, o.receiver, o.ident, o.dagtekening,"
                               " o.nrecords, o.body, a.outbox_id, a.antwoord,"
                               " COALESCE(a.reden, ''), COALESCE(a.woonplaats, ''), a.referentie"
                               " FROM ijw_outbox o LEFT JOIN ijw_antwoord a ON a.outbox_id = o.id"
                               " WHERE o.code = 'JW319' AND o.exported_at IS NULL"
                               " AND (?1 IS NULL OR o.sender = ?1) ORDER BY o.id LIMIT 1",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, gemeente);
    store_step_result r = store_step(q, err);
    if (r != STORE_ROW) {
        store_reset(q);
        return r == STORE_ERROR ? JR_EDB : JR_ENOTFOUND;
    }
    out->id = store_col_int(q, 0);
    str_copy(out->sender, sizeof out->sender, store_col_text(q, 1));
    str_copy(out->receiver, sizeof out->receiver, store_col_text(q, 2));
    str_copy(out->ident, sizeof out->ident, store_col_text(q, 3));
    date_parse(store_col_text(q, 4), &out->dagtekening);
    out->nrecords = (int)store_col_int(q, 5);
    out->body = dup_text(q, 6);
    out->has_decision = !store_col_null(q, 7);
    str_copy(out->antwoord, sizeof out->antwoord, store_col_text(q, 8));
    str_copy(out->reden, sizeof out->reden, store_col_text(q, 9));
    str_copy(out->woonplaats, sizeof out->woonplaats, store_col_text(q, 10));
    out->referentie = dup_text(q, 11);
    store_reset(q);
    if (!out->body || !out->referentie) {
        store_antwoord_row_free(out);
        return no_memory(err);
    }
    return JR_OK;
}

void store_antwoord_row_free(store_antwoord_row *r)
{
    free(r->body);
    free(r->referentie);
    r->body = r->referentie = NULL;
}

/* ---- ijw_verzoek ---- */

jr_status store_verzoek_insert(jr_store *st, const store_verzoek_new *v, int64_t *id, jr_error *err)
{
    jr_stmt *s = store_prepare(
        st,
        "INSERT INTO ijw_verzoek (kind, agb, gemeente, bsn, referentie, inbox_id, status, reden,"
        " woonplaats, message, referral_id, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, v->kind);
    store_bind_text(s, 2, v->agb);
    store_bind_text(s, 3, v->gemeente);
    store_bind_text(s, 4, v->bsn);
    store_bind_text(s, 5, v->referentie);
    store_bind_int(s, 6, v->inbox_id);
    store_bind_text(s, 7, v->status);
    store_bind_text(s, 8, v->reden);
    store_bind_text(s, 9, v->woonplaats);
    store_bind_text(s, 10, v->message);
    if (v->referral_id)
        store_bind_int(s, 11, v->referral_id);
    store_bind_text(s, 12, v->created_at);
    jr_status rc = store_step_done(s, err);
    if (rc == JR_OK)
        *id = store_last_id(st);
    return rc;
}

jr_status store_verzoek_referentie_taken(jr_store *st, const char *agb, const char *referentie,
                                         bool *taken, jr_error *err)
{
    jr_stmt *q =
        store_prepare(st, "SELECT 1 FROM ijw_verzoek WHERE agb = ? AND referentie = ?", err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, agb);
    store_bind_text(q, 2, referentie);
    return store_step_exists(q, taken, err);
}

/* a request v still under investigation: taken into it, and no assignment
 * came of its referral yet (a quote accepted) */
#define UNDER_INVESTIGATION                                                                        \
    "v.status = 'in_onderzoek' AND NOT EXISTS (SELECT 1 FROM assignment a"                         \
    " WHERE a.referral_id = v.referral_id)"

/* the quotes of v's referral: all of them, and those not decided yet */
#define QUOTES_OF_V                                                                                \
    "(SELECT COUNT(*) FROM quote q WHERE q.referral_id = v.referral_id),"                          \
    " (SELECT COUNT(*) FROM quote q WHERE q.referral_id = v.referral_id"                           \
    " AND q.status IN ('aangevraagd', 'beantwoord'))"

jr_status store_verzoek_open(jr_store *st, const char *agb, const char *bsn, bool *open,
                             jr_error *err)
{
    jr_stmt *q =
        store_prepare(st,
                      "SELECT 1 FROM ijw_verzoek v WHERE v.agb = ? AND v.bsn = ? AND"
                      " " UNDER_INVESTIGATION " AND NOT EXISTS (SELECT 1 FROM referral r WHERE"
                      " r.id = v.referral_id AND r.status = 'afgesloten')",
                      err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, agb);
    store_bind_text(q, 2, bsn);
    return store_step_exists(q, open, err);
}

jr_status store_verzoek_set_answer(jr_store *st, int64_t id, int64_t outbox_id, jr_error *err)
{
    jr_stmt *u = store_prepare(st, "UPDATE ijw_verzoek SET outbox_id = ? WHERE id = ?", err);
    if (!u)
        return JR_EDB;
    store_bind_int(u, 1, outbox_id);
    store_bind_int(u, 2, id);
    return store_step_done(u, err);
}

jr_status store_verzoek_get(jr_store *st, int64_t id, store_verzoek_row *r, jr_error *err)
{
    memset(r, 0, sizeof *r);
    jr_stmt *q = store_prepare(st,
                               "SELECT v.kind, v.agb, v.gemeente, v.bsn, v.referentie, v.status,"
                               " COALESCE(v.reden, ''), EXISTS (SELECT 1 FROM assignment a WHERE"
                               " a.referral_id = v.referral_id), " QUOTES_OF_V
                               " FROM ijw_verzoek v WHERE v.id = ?",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    store_step_result s = store_step(q, err);
    if (s == STORE_ROW) {
        str_copy(r->kind, sizeof r->kind, store_col_text(q, 0));
        str_copy(r->agb, sizeof r->agb, store_col_text(q, 1));
        str_copy(r->gemeente, sizeof r->gemeente, store_col_text(q, 2));
        str_copy(r->bsn, sizeof r->bsn, store_col_text(q, 3));
        str_copy(r->referentie, sizeof r->referentie, store_col_text(q, 4));
        str_copy(r->status, sizeof r->status, store_col_text(q, 5));
        str_copy(r->reden, sizeof r->reden, store_col_text(q, 6));
        r->assigned = store_col_int(q, 7) != 0;
        r->open_quotes = (int)store_col_int(q, 9);
    }
    store_reset(q);
    return s == STORE_ROW ? JR_OK : s == STORE_DONE ? JR_ENOTFOUND : JR_EDB;
}

jr_status store_verzoek_refuse(jr_store *st, int64_t id, const char *reden, const char *woonplaats,
                               const char *message, jr_error *err)
{
    jr_stmt *u = store_prepare(st,
                               "UPDATE ijw_verzoek SET status = 'afgewezen', reden = ?,"
                               " woonplaats = ?, message = ? WHERE id = ? AND"
                               " status = 'in_onderzoek'",
                               err);
    if (!u)
        return JR_EDB;
    store_bind_text(u, 1, reden);
    store_bind_text(u, 2, woonplaats);
    store_bind_text(u, 3, message);
    store_bind_int(u, 4, id);
    return store_step_done(u, err);
}

static void pending_from_row(const void *ud, jr_stmt *q, void *row)
{
    jr_req_pending *p = row;
    (void)ud;
    memset(p, 0, sizeof *p);
    p->id = store_col_int(q, 0);
    str_copy(p->kind, sizeof p->kind, store_col_text(q, 1));
    str_copy(p->agb, sizeof p->agb, store_col_text(q, 2));
    str_copy(p->gemeente, sizeof p->gemeente, store_col_text(q, 3));
    str_copy(p->referentie, sizeof p->referentie, store_col_text(q, 4));
    p->referral_id = store_col_int(q, 5);
    p->quotes = (int)store_col_int(q, 6);
    p->open_quotes = (int)store_col_int(q, 7);
    str_copy(p->created_at, sizeof p->created_at, store_col_text(q, 8));
    str_copy(p->message, sizeof p->message, store_col_text(q, 9));
}

jr_status store_verzoek_pending_each(jr_store *st, const char *gemeente, const char *agb,
                                     int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT v.id, v.kind, v.agb, v.gemeente, v.referentie,"
                               " COALESCE(v.referral_id, 0), " QUOTES_OF_V ", v.created_at,"
                               " v.message FROM ijw_verzoek v WHERE " UNDER_INVESTIGATION
                               " AND (?1 IS NULL OR v.gemeente = ?1)"
                               " AND (?2 IS NULL OR v.agb = ?2) ORDER BY v.id",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, gemeente);
    store_bind_text(q, 2, agb);
    jr_req_pending p;
    return store_each(q, pending_from_row, NULL, &p, fn, ud, err);
}

/* ---- ijw_toewijzing ---- */

#define TOEWIJZING_COLS                                                                            \
    "SELECT a.id, a.category, a.product, a.is_budget, a.budget_cents, a.volume, a.unit,"           \
    " a.frequency, a.start_date, a.end_date, a.status, a.created_at, t.sent_state,"                \
    " COALESCE(t.referentie, (SELECT v.referentie FROM ijw_verzoek v WHERE v.kind = 'VOT' AND"     \
    " v.referral_id = a.referral_id AND v.agb = p.agb ORDER BY v.id DESC LIMIT 1)),"               \
    " COALESCE(t.referentie_sent, 0), t.reden, a.gemeente, p.agb, a.youth_id,"                     \
    " MAX(substr(a.created_at, 1, 10), COALESCE((SELECT MAX(e.event_date) FROM ledger_event e"     \
    " WHERE e.assignment_id = a.id), '')),"                                                        \
    " (SELECT e.reason FROM ledger_event e WHERE e.assignment_id = a.id AND"                       \
    " e.kind = 'gewijzigd' ORDER BY e.id DESC LIMIT 1)"                                            \
    " FROM assignment a JOIN provider p ON p.id = a.provider_id"                                   \
    " LEFT JOIN ijw_toewijzing t ON t.assignment_id = a.id "

static void toewijzing_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_toewijzing_row *a = row;
    (void)ud;
    memset(a, 0, sizeof *a);
    a->id = store_col_int(q, 0);
    str_copy(a->category, sizeof a->category, store_col_text(q, 1));
    str_copy(a->product, sizeof a->product, store_col_text(q, 2));
    a->is_budget = store_col_int(q, 3) != 0;
    a->budget = store_col_int(q, 4);
    a->volume = store_col_int(q, 5);
    str_copy(a->unit, sizeof a->unit, store_col_text(q, 6));
    str_copy(a->frequency, sizeof a->frequency, store_col_text(q, 7));
    date_parse(store_col_text(q, 8), &a->start);
    date_parse(store_col_text(q, 9), &a->end);
    str_copy(a->status, sizeof a->status, store_col_text(q, 10));
    str_copy(a->created, sizeof a->created, store_col_text(q, 11));
    a->sent = !store_col_null(q, 12);
    str_copy(a->sent_state, sizeof a->sent_state, store_col_text(q, 12));
    str_copy(a->referentie, sizeof a->referentie, store_col_text(q, 13));
    a->referentie_sent = store_col_int(q, 14) != 0;
    str_copy(a->reden, sizeof a->reden, store_col_text(q, 15));
    str_copy(a->gemeente, sizeof a->gemeente, store_col_text(q, 16));
    str_copy(a->agb, sizeof a->agb, store_col_text(q, 17));
    a->youth_id = store_col_int(q, 18);
    a->changed = JR_DATE_NONE;
    const char *c = store_col_text(q, 19);
    if (strlen(c) >= 10)
        date_parse_n(c, 10, &a->changed);
    str_copy(a->change_reason, sizeof a->change_reason, store_col_text(q, 20));
}

jr_status store_toewijzing_each(jr_store *st, const char *gemeente,
                                int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               TOEWIJZING_COLS "WHERE (?1 IS NULL OR a.gemeente = ?1)"
                                               " ORDER BY a.gemeente, p.agb, a.youth_id, a.id",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, gemeente);
    store_toewijzing_row row;
    return store_each(q, toewijzing_from_row, NULL, &row, fn, ud, err);
}

jr_status store_toewijzing_of_client(jr_store *st, const char *gemeente, const char *agb,
                                     int64_t youth_id, int (*fn)(void *ud, const void *row),
                                     void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               TOEWIJZING_COLS "WHERE a.gemeente = ? AND p.agb = ? AND"
                                               " a.youth_id = ? ORDER BY a.id",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, gemeente);
    store_bind_text(q, 2, agb);
    store_bind_int(q, 3, youth_id);
    store_toewijzing_row row;
    return store_each(q, toewijzing_from_row, NULL, &row, fn, ud, err);
}

jr_status store_toewijzing_sent(jr_store *st, int64_t id, const char *state, int64_t outbox_id,
                                const char *at, jr_error *err)
{
    jr_stmt *u = store_prepare(
        st,
        "INSERT INTO ijw_toewijzing (assignment_id, sent_state, sent_outbox_id, sent_at,"
        " referentie_sent) VALUES (?1, ?2, ?3, ?4, 1)"
        " ON CONFLICT (assignment_id) DO UPDATE SET sent_state = ?2, sent_outbox_id = ?3,"
        " sent_at = ?4, referentie_sent = CASE WHEN ijw_toewijzing.referentie IS NULL THEN 0"
        " ELSE 1 END, reden = NULL",
        err);
    if (!u)
        return JR_EDB;
    store_bind_int(u, 1, id);
    store_bind_text(u, 2, state);
    store_bind_int(u, 3, outbox_id);
    store_bind_text(u, 4, at);
    return store_step_done(u, err);
}

jr_status store_client_name_get(jr_store *st, int64_t youth_id, store_client_name *out,
                                jr_error *err)
{
    memset(out, 0, sizeof *out);
    jr_stmt *q = store_prepare(st,
                               "SELECT y.bsn, y.birth_date, c.geslacht, c.achternaam,"
                               " c.voorvoegsel, c.voorletters FROM youth y"
                               " LEFT JOIN ijw_client c ON c.bsn = y.bsn WHERE y.id = ?",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, youth_id);
    store_step_result r = store_step(q, err);
    if (r == STORE_ROW) {
        str_copy(out->bsn, sizeof out->bsn, store_col_text(q, 0));
        date_parse(store_col_text(q, 1), &out->birth);
        out->has_name = !store_col_null(q, 3);
        str_copy(out->sex, sizeof out->sex, store_col_null(q, 2) ? "0" : store_col_text(q, 2));
        str_copy(out->last, sizeof out->last, store_col_text(q, 3));
        str_copy(out->prefix, sizeof out->prefix, store_col_text(q, 4));
        str_copy(out->initials, sizeof out->initials, store_col_text(q, 5));
    }
    store_reset(q);
    return r == STORE_ROW ? JR_OK : r == STORE_DONE ? JR_ENOTFOUND : JR_EDB;
}

jr_status store_toewijzing_mark_changed(jr_store *st, int64_t id, const char *referentie,
                                        jr_error *err)
{
    jr_stmt *u = store_prepare(st,
                               "INSERT INTO ijw_toewijzing (assignment_id, referentie,"
                               " referentie_sent, reden) VALUES (?1, ?2, 0, '12')"
                               " ON CONFLICT (assignment_id) DO UPDATE SET referentie = ?2,"
                               " referentie_sent = 0, reden = '12'",
                               err);
    if (!u)
        return JR_EDB;
    store_bind_int(u, 1, id);
    store_bind_text(u, 2, referentie);
    return store_step_done(u, err);
}

/* ---- the JW325 ---- */

/* ---- ijw_client ---- */

jr_status store_client_keep(jr_store *st, const char *bsn, const char *sex, const char *last,
                            const char *prefix, const char *initials, const char *at, jr_error *err)
{
    jr_stmt *s = store_prepare(
        st,
        "INSERT INTO ijw_client (bsn, geslacht, achternaam, voorvoegsel, voorletters, updated_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
        " ON CONFLICT (bsn) DO UPDATE SET geslacht = ?2, achternaam = ?3, voorvoegsel = ?4,"
        " voorletters = ?5, updated_at = ?6",
        err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, bsn);
    store_bind_text(s, 2, sex);
    store_bind_text(s, 3, last);
    store_bind_text(s, 4, prefix);
    store_bind_text(s, 5, initials);
    store_bind_text(s, 6, at);
    return store_step_done(s, err);
}

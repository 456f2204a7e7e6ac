/*
 * contract_mgmt.c (store): the contract management tables (see
 * contract_mgmt.h). Each statement is a string literal given to
 * store_prepare, prepared once per store.
 */
#include "contract_mgmt.h"

#include "../core/sbuf.h"

#include <string.h>

jr_status store_cm_contract_get(jr_store *st, int64_t id, jr_contract *out, int64_t *provider_id,
                                jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT c.id, p.agb, c.lot, c.product, c.start_date, c.end_date,"
                               " c.provider_id FROM contract c JOIN provider p"
                               " ON p.id = c.provider_id WHERE c.id = ?",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    jr_status rc = store_step_one(q, err);
    if (rc != JR_OK)
        return rc;
    memset(out, 0, sizeof *out);
    out->id = store_col_int(q, 0);
    str_copy(out->agb, sizeof out->agb, store_col_text(q, 1));
    str_copy(out->lot, sizeof out->lot, store_col_text(q, 2));
    str_copy(out->product, sizeof out->product, store_col_text(q, 3));
    out->start = store_col_date(q, 4);
    out->end = store_col_date(q, 5);
    *provider_id = store_col_int(q, 6);
    store_reset(q);
    return JR_OK;
}

jr_status store_cm_provider_by_id(jr_store *st, int64_t id, jr_provider *out, jr_error *err)
{
    jr_stmt *q = store_prepare(st, "SELECT id, agb, name, kind FROM provider WHERE id = ?", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    jr_status rc = store_step_one(q, err);
    if (rc != JR_OK)
        return rc;
    memset(out, 0, sizeof *out);
    out->id = store_col_int(q, 0);
    str_copy(out->agb, sizeof out->agb, store_col_text(q, 1));
    str_copy(out->name, sizeof out->name, store_col_text(q, 2));
    str_copy(out->kind, sizeof out->kind, store_col_text(q, 3));
    store_reset(q);
    return JR_OK;
}

jr_status store_cm_scope_set(jr_store *st, int64_t id, const char (*codes)[5], int n, jr_error *err)
{
    jr_stmt *q = store_prepare(st, "DELETE FROM contract_gemeente WHERE contract_id = ?", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    jr_status rc = store_step_done(q, err);
    for (int i = 0; i < n && rc == JR_OK; i++) {
        q = store_prepare(st, "INSERT INTO contract_gemeente (contract_id, gemeente) VALUES (?, ?)",
                          err);
        if (!q)
            return JR_EDB;
        store_bind_int(q, 1, id);
        store_bind_text(q, 2, codes[i]);
        rc = store_step_done(q, err);
    }
    return rc;
}

jr_status store_cm_scope_get(jr_store *st, int64_t id, char (*codes)[5], int cap, int *n,
                             jr_error *err)
{
    *n = 0;
    jr_stmt *q = store_prepare(
        st, "SELECT gemeente FROM contract_gemeente WHERE contract_id = ? ORDER BY gemeente", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    store_step_result r;
    while ((r = store_step(q, err)) == STORE_ROW)
        if (*n < cap)
            str_copy(codes[(*n)++], 5, store_col_text(q, 0));
    store_reset(q);
    return r == STORE_ERROR ? JR_EDB : JR_OK;
}

jr_status store_cm_covering(jr_store *st, int64_t provider_id, const char *product, jr_date from,
                            jr_date to, int64_t *ids, int cap, int *n, jr_error *err)
{
    *n = 0;
    jr_stmt *q = store_prepare(st,
                               "SELECT id FROM contract WHERE provider_id = ? AND product = ?"
                               " AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)"
                               " ORDER BY id",
                               err);
    if (!q)
        return JR_EDB;
    char f[JR_DATE_ISO_LEN], t[JR_DATE_ISO_LEN];
    store_bind_int(q, 1, provider_id);
    store_bind_text(q, 2, product);
    store_bind_text(q, 3, date_format(from, f));
    store_bind_text(q, 4, date_format(to, t));
    store_step_result r;
    while ((r = store_step(q, err)) == STORE_ROW)
        if (*n < cap)
            ids[(*n)++] = store_col_int(q, 0);
    store_reset(q);
    return r == STORE_ERROR ? JR_EDB : JR_OK;
}

/* ---- contract managers ---- */

jr_status store_cm_manager_set(jr_store *st, int64_t provider_id, int64_t user_id, const char *by,
                               jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO provider_manager (provider_id, user_id, assigned_by,"
                               " assigned_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (provider_id)"
                               " DO UPDATE SET user_id = ?2, assigned_by = ?3, assigned_at = ?4",
                               err);
    if (!q)
        return JR_EDB;
    char now[STORE_TS_LEN];
    store_bind_int(q, 1, provider_id);
    store_bind_int(q, 2, user_id);
    store_bind_text(q, 3, by);
    store_bind_text(q, 4, store_timestamp(0, now));
    return store_step_done(q, err);
}

#define MANAGER_COLS                                                                               \
    "SELECT p.agb, p.name, u.name, u.display_name, m.assigned_by, m.assigned_at"                   \
    " FROM provider_manager m JOIN provider p ON p.id = m.provider_id"                             \
    " JOIN app_user u ON u.id = m.user_id"

static void manager_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_cm_manager_row *r = row;
    (void)ud;
    memset(r, 0, sizeof *r);
    str_copy(r->agb, sizeof r->agb, store_col_text(q, 0));
    str_copy(r->provider, sizeof r->provider, store_col_text(q, 1));
    str_copy(r->user, sizeof r->user, store_col_text(q, 2));
    str_copy(r->display_name, sizeof r->display_name, store_col_text(q, 3));
    str_copy(r->assigned_by, sizeof r->assigned_by, store_col_text(q, 4));
    str_copy(r->assigned_at, sizeof r->assigned_at, store_col_text(q, 5));
}

jr_status store_cm_manager_get(jr_store *st, int64_t provider_id, store_cm_manager_row *out,
                               jr_error *err)
{
    jr_stmt *q = store_prepare(st, MANAGER_COLS " WHERE m.provider_id = ?", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, provider_id);
    return store_one(q, manager_from_row, NULL, out, err);
}

jr_status store_cm_manager_list(jr_store *st, const char *user,
                                int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               MANAGER_COLS " WHERE (CAST(?1 AS TEXT) IS NULL OR u.name = ?1)"
                                            " ORDER BY u.name, p.agb",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, user);
    store_cm_manager_row r;
    return store_each(q, manager_from_row, NULL, &r, fn, ud, err);
}

/* ---- contact details and waiting times ---- */

jr_status store_cm_details_put(jr_store *st, int64_t provider_id, const jr_cm_details *d,
                               const char *by, jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "INSERT INTO provider_details (provider_id, address, postcode, place, phone, email,"
        " website, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        " ON CONFLICT (provider_id) DO UPDATE SET address = ?2, postcode = ?3, place = ?4,"
        " phone = ?5, email = ?6, website = ?7, updated_by = ?8, updated_at = ?9",
        err);
    if (!q)
        return JR_EDB;
    char now[STORE_TS_LEN];
    store_bind_int(q, 1, provider_id);
    store_bind_text(q, 2, d->address);
    store_bind_text(q, 3, d->postcode);
    store_bind_text(q, 4, d->place);
    store_bind_text(q, 5, d->phone);
    store_bind_text(q, 6, d->email);
    store_bind_text(q, 7, d->website);
    store_bind_text(q, 8, by);
    store_bind_text(q, 9, store_timestamp(0, now));
    return store_step_done(q, err);
}

jr_status store_cm_details_get(jr_store *st, int64_t provider_id, store_cm_details_row *out,
                               jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT address, postcode, place, phone, email, website,"
                               " updated_by, updated_at FROM provider_details"
                               " WHERE provider_id = ?",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, provider_id);
    jr_status rc = store_step_one(q, err);
    if (rc != JR_OK)
        return rc;
    memset(out, 0, sizeof *out);
    str_copy(out->d.address, sizeof out->d.address, store_col_text(q, 0));
    str_copy(out->d.postcode, sizeof out->d.postcode, store_col_text(q, 1));
    str_copy(out->d.place, sizeof out->d.place, store_col_text(q, 2));
    str_copy(out->d.phone, sizeof out->d.phone, store_col_text(q, 3));
    str_copy(out->d.email, sizeof out->d.email, store_col_text(q, 4));
    str_copy(out->d.website, sizeof out->d.website, store_col_text(q, 5));
    str_copy(out->updated_by, sizeof out->updated_by, store_col_text(q, 6));
    str_copy(out->updated_at, sizeof out->updated_at, store_col_text(q, 7));
    store_reset(q);
    return JR_OK;
}

jr_status store_cm_waiting_add(jr_store *st, int64_t provider_id, int64_t weeks, jr_date on,
                               const char *by, int64_t *id, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO provider_waiting (provider_id, weeks, reported_on,"
                               " reported_by, created_at) VALUES (?, ?, ?, ?, ?)",
                               err);
    if (!q)
        return JR_EDB;
    char d[JR_DATE_ISO_LEN], now[STORE_TS_LEN];
    store_bind_int(q, 1, provider_id);
    store_bind_int(q, 2, weeks);
    store_bind_date(q, 3, on, d);
    store_bind_text(q, 4, by);
    store_bind_text(q, 5, store_timestamp(0, now));
    jr_status rc = store_step_done(q, err);
    if (rc == JR_OK && id)
        *id = store_last_id(st);
    return rc;
}

jr_status store_cm_waiting_latest(jr_store *st, int64_t provider_id, store_cm_waiting_row *out,
                                  jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT id, weeks, reported_on, reported_by FROM provider_waiting"
                               " WHERE provider_id = ? ORDER BY reported_on DESC, id DESC LIMIT 1",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, provider_id);
    jr_status rc = store_step_one(q, err);
    if (rc != JR_OK)
        return rc;
    out->id = store_col_int(q, 0);
    out->weeks = store_col_int(q, 1);
    out->reported_on = store_col_date(q, 2);
    str_copy(out->reported_by, sizeof out->reported_by, store_col_text(q, 3));
    store_reset(q);
    return JR_OK;
}

/* ---- complaints ---- */

jr_status store_cm_complaint_add(jr_store *st, int64_t provider_id, const store_cm_complaint_row *c,
                                 int64_t *id, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO provider_complaint (provider_id, received_on,"
                               " complainant, subject, handling, closed_on, created_by,"
                               " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               err);
    if (!q)
        return JR_EDB;
    char d1[JR_DATE_ISO_LEN], d2[JR_DATE_ISO_LEN], now[STORE_TS_LEN];
    store_bind_int(q, 1, provider_id);
    store_bind_date(q, 2, c->received_on, d1);
    store_bind_text(q, 3, c->complainant);
    store_bind_text(q, 4, c->subject);
    store_bind_text(q, 5, c->handling);
    store_bind_date(q, 6, c->closed_on, d2);
    store_bind_text(q, 7, c->created_by);
    store_bind_text(q, 8, store_timestamp(0, now));
    jr_status rc = store_step_done(q, err);
    if (rc == JR_OK && id)
        *id = store_last_id(st);
    return rc;
}

#define COMPLAINT_COLS                                                                             \
    "SELECT k.id, p.agb, k.received_on, k.complainant, k.subject, k.handling, k.closed_on,"        \
    " k.created_by FROM provider_complaint k JOIN provider p ON p.id = k.provider_id"

static void complaint_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_cm_complaint_row *r = row;
    (void)ud;
    r->id = store_col_int(q, 0);
    str_copy(r->agb, sizeof r->agb, store_col_text(q, 1));
    r->received_on = store_col_date(q, 2);
    str_copy(r->complainant, sizeof r->complainant, store_col_text(q, 3));
    str_copy(r->subject, sizeof r->subject, store_col_text(q, 4));
    str_copy(r->handling, sizeof r->handling, store_col_text(q, 5));
    r->closed_on = store_col_date(q, 6);
    str_copy(r->created_by, sizeof r->created_by, store_col_text(q, 7));
}

jr_status store_cm_complaint_get(jr_store *st, int64_t id, store_cm_complaint_row *out,
                                 jr_error *err)
{
    jr_stmt *q = store_prepare(st, COMPLAINT_COLS " WHERE k.id = ?", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    return store_one(q, complaint_from_row, NULL, out, err);
}

jr_status store_cm_complaint_close(jr_store *st, int64_t id, jr_date on, const char *handling,
                                   jr_error *err)
{
    jr_stmt *q = store_prepare(
        st, "UPDATE provider_complaint SET closed_on = ?, handling = ? WHERE id = ?", err);
    if (!q)
        return JR_EDB;
    char d[JR_DATE_ISO_LEN];
    store_bind_date(q, 1, on, d);
    store_bind_text(q, 2, handling);
    store_bind_int(q, 3, id);
    return store_step_done(q, err);
}

jr_status store_cm_complaint_list(jr_store *st, int64_t provider_id,
                                  int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(
        st, COMPLAINT_COLS " WHERE k.provider_id = ? ORDER BY k.received_on DESC, k.id DESC", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, provider_id);
    store_cm_complaint_row r;
    return store_each(q, complaint_from_row, NULL, &r, fn, ud, err);
}

/* ---- escalations ---- */

jr_status store_cm_escalation_add(jr_store *st, int64_t provider_id, const char *kind,
                                  const char *reason, jr_date on, const char *by, int64_t *id,
                                  jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO provider_escalation (provider_id, kind, reason, step,"
                               " step_on, created_by, created_at) VALUES (?, ?, ?, 'signaal', ?,"
                               " ?, ?)",
                               err);
    if (!q)
        return JR_EDB;
    char d[JR_DATE_ISO_LEN], now[STORE_TS_LEN];
    store_bind_int(q, 1, provider_id);
    store_bind_text(q, 2, kind);
    store_bind_text(q, 3, reason);
    store_bind_date(q, 4, on, d);
    store_bind_text(q, 5, by);
    store_bind_text(q, 6, store_timestamp(0, now));
    jr_status rc = store_step_done(q, err);
    if (rc == JR_OK)
        *id = store_last_id(st);
    return rc;
}

#define ESCALATION_COLS                                                                            \
    "SELECT e.id, p.agb, e.kind, e.reason, e.step, e.step_on, e.created_by"                        \
    " FROM provider_escalation e JOIN provider p ON p.id = e.provider_id"

static void escalation_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_cm_escalation_row *r = row;
    (void)ud;
    r->id = store_col_int(q, 0);
    str_copy(r->agb, sizeof r->agb, store_col_text(q, 1));
    str_copy(r->kind, sizeof r->kind, store_col_text(q, 2));
    str_copy(r->reason, sizeof r->reason, store_col_text(q, 3));
    r->step = JR_ESC_SIGNAAL;
    cm_step_parse(store_col_text(q, 4), &r->step);
    r->step_on = store_col_date(q, 5);
    str_copy(r->created_by, sizeof r->created_by, store_col_text(q, 6));
}

jr_status store_cm_escalation_get(jr_store *st, int64_t id, store_cm_escalation_row *out,
                                  jr_error *err)
{
    jr_stmt *q = store_prepare(st, ESCALATION_COLS " WHERE e.id = ?", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    return store_one(q, escalation_from_row, NULL, out, err);
}

jr_status store_cm_step_add(jr_store *st, int64_t id, jr_esc_step step, jr_date on,
                            const char *note, const char *by, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO provider_escalation_step (escalation_id, step,"
                               " step_on, note, recorded_by, recorded_at)"
                               " VALUES (?, ?, ?, ?, ?, ?)",
                               err);
    if (!q)
        return JR_EDB;
    char d[JR_DATE_ISO_LEN], now[STORE_TS_LEN];
    store_bind_int(q, 1, id);
    store_bind_text(q, 2, cm_step_name(step));
    store_bind_date(q, 3, on, d);
    store_bind_text(q, 4, note ? note : "");
    store_bind_text(q, 5, by);
    store_bind_text(q, 6, store_timestamp(0, now));
    jr_status rc = store_step_done(q, err);
    if (rc != JR_OK)
        return rc;
    q = store_prepare(st, "UPDATE provider_escalation SET step = ?, step_on = ? WHERE id = ?", err);
    if (!q)
        return JR_EDB;
    char d2[JR_DATE_ISO_LEN];
    store_bind_text(q, 1, cm_step_name(step));
    store_bind_date(q, 2, on, d2);
    store_bind_int(q, 3, id);
    return store_step_done(q, err);
}

jr_status store_cm_escalation_list(jr_store *st, int64_t provider_id,
                                   int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *q =
        store_prepare(st, ESCALATION_COLS " WHERE e.provider_id = ? ORDER BY e.id DESC", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, provider_id);
    store_cm_escalation_row r;
    return store_each(q, escalation_from_row, NULL, &r, fn, ud, err);
}

static void step_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_cm_step_row *r = row;
    (void)ud;
    r->step = JR_ESC_SIGNAAL;
    cm_step_parse(store_col_text(q, 0), &r->step);
    r->step_on = store_col_date(q, 1);
    str_copy(r->note, sizeof r->note, store_col_text(q, 2));
    str_copy(r->recorded_by, sizeof r->recorded_by, store_col_text(q, 3));
}

jr_status store_cm_step_list(jr_store *st, int64_t id, int (*fn)(void *ud, const void *row),
                             void *ud, jr_error *err)
{
    /* the protocol's order is the order the steps were recorded in */
    jr_stmt *q = store_prepare(st,
                               "SELECT step, step_on, note, recorded_by FROM"
                               " provider_escalation_step WHERE escalation_id = ?"
                               " ORDER BY step_on, recorded_at",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    store_cm_step_row r;
    return store_each(q, step_from_row, NULL, &r, fn, ud, err);
}

/* ---- notes ---- */

jr_status store_cm_note_add(jr_store *st, int64_t provider_id, jr_date on, const char *text,
                            const char *by, int64_t *id, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO provider_note (provider_id, note_on, text,"
                               " created_by, created_at) VALUES (?, ?, ?, ?, ?)",
                               err);
    if (!q)
        return JR_EDB;
    char d[JR_DATE_ISO_LEN], now[STORE_TS_LEN];
    store_bind_int(q, 1, provider_id);
    store_bind_date(q, 2, on, d);
    store_bind_text(q, 3, text);
    store_bind_text(q, 4, by);
    store_bind_text(q, 5, store_timestamp(0, now));
    jr_status rc = store_step_done(q, err);
    if (rc == JR_OK && id)
        *id = store_last_id(st);
    return rc;
}

static void note_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_cm_note_row *r = row;
    (void)ud;
    r->id = store_col_int(q, 0);
    r->note_on = store_col_date(q, 1);
    str_copy(r->text, sizeof r->text, store_col_text(q, 2));
    str_copy(r->created_by, sizeof r->created_by, store_col_text(q, 3));
}

jr_status store_cm_note_list(jr_store *st, int64_t provider_id,
                             int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT id, note_on, text, created_by FROM provider_note"
                               " WHERE provider_id = ? ORDER BY note_on DESC, id DESC",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, provider_id);
    store_cm_note_row r;
    return store_each(q, note_from_row, NULL, &r, fn, ud, err);
}

/* ---- the directory ---- */

static void offer_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_cm_offer_row *r = row;
    (void)ud;
    r->provider_id = store_col_int(q, 0);
    str_copy(r->agb, sizeof r->agb, store_col_text(q, 1));
    str_copy(r->name, sizeof r->name, store_col_text(q, 2));
    r->contract_id = store_col_int(q, 3);
    str_copy(r->product, sizeof r->product, store_col_text(q, 4));
}

jr_status store_cm_offers(jr_store *st, jr_date day, int (*fn)(void *ud, const void *row), void *ud,
                          jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT p.id, p.agb, p.name, c.id, c.product FROM contract c"
                               " JOIN provider p ON p.id = c.provider_id"
                               " WHERE c.start_date <= ?1 AND (c.end_date IS NULL OR"
                               " c.end_date >= ?1) ORDER BY p.name, p.agb, c.product, c.id",
                               err);
    if (!q)
        return JR_EDB;
    char d[JR_DATE_ISO_LEN];
    store_bind_date(q, 1, day, d);
    store_cm_offer_row r;
    return store_each(q, offer_from_row, NULL, &r, fn, ud, err);
}

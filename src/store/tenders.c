/*
 * tenders.c (store): the tender tables of migration 018 (see tenders.h).
 * Each statement is a string literal given to store_prepare, prepared once
 * per store.
 */
#include "tenders.h"

#include "../core/sbuf.h"

#include <string.h>

/* ---- tenders ---- */

#define TENDER_COLS                                                                                \
    "SELECT t.id, t.name, t.description, t.publication_date, t.qa_end, t.registration_end,"        \
    " t.assessment_start, t.assessment_end, t.award_date, t.standstill_days, t.contract_start,"    \
    " t.contract_end, t.created_by, t.created_at,"                                                 \
    " (SELECT MIN(l.awarded_on) FROM tender_lot l WHERE l.tender_id = t.id) FROM tender t"

static void tender_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_tender_row *r = row;
    (void)ud;
    memset(r, 0, sizeof *r);
    r->id = store_col_int(q, 0);
    str_copy(r->name, sizeof r->name, store_col_text(q, 1));
    str_copy(r->description, sizeof r->description, store_col_text(q, 2));
    r->d.publication = store_col_date(q, 3);
    r->d.qa_end = store_col_date(q, 4);
    r->d.registration_end = store_col_date(q, 5);
    r->d.assessment_start = store_col_date(q, 6);
    r->d.assessment_end = store_col_date(q, 7);
    r->d.award = store_col_date(q, 8);
    r->d.standstill_days = (int32_t)store_col_int(q, 9);
    r->d.contract_start = store_col_date(q, 10);
    r->d.contract_end = store_col_date(q, 11);
    str_copy(r->created_by, sizeof r->created_by, store_col_text(q, 12));
    str_copy(r->created_at, sizeof r->created_at, store_col_text(q, 13));
    r->first_award = store_col_date(q, 14);
}

static void bind_dates(jr_stmt *q, int first, const jr_tender_dates *d)
{
    char b[JR_DATE_ISO_LEN];
    store_bind_date(q, first, d->publication, b);
    store_bind_date(q, first + 1, d->qa_end, b);
    store_bind_date(q, first + 2, d->registration_end, b);
    store_bind_date(q, first + 3, d->assessment_start, b);
    store_bind_date(q, first + 4, d->assessment_end, b);
    store_bind_date(q, first + 5, d->award, b);
    store_bind_int(q, first + 6, d->standstill_days);
    store_bind_date(q, first + 7, d->contract_start, b);
    store_bind_date(q, first + 8, d->contract_end, b);
}

jr_status store_tender_insert(jr_store *st, const char *name, const char *description,
                              const jr_tender_dates *d, const char *by, int64_t *id, jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "INSERT INTO tender (name, description, publication_date, qa_end, registration_end,"
        " assessment_start, assessment_end, award_date, standstill_days, contract_start,"
        " contract_end, created_by, created_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        err);
    if (!q)
        return JR_EDB;
    char now[STORE_TS_LEN];
    store_bind_text(q, 1, name);
    store_bind_text(q, 2, description ? description : "");
    bind_dates(q, 3, d);
    store_bind_text(q, 12, by);
    store_bind_text(q, 13, store_timestamp(0, now));
    jr_status rc = store_step_done(q, err);
    if (rc == JR_OK && id)
        *id = store_last_id(st);
    return rc;
}

jr_status store_tender_set_dates(jr_store *st, int64_t id, const jr_tender_dates *d, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "UPDATE tender SET publication_date = ?1, qa_end = ?2,"
                               " registration_end = ?3, assessment_start = ?4,"
                               " assessment_end = ?5, award_date = ?6, standstill_days = ?7,"
                               " contract_start = ?8, contract_end = ?9 WHERE id = ?10",
                               err);
    if (!q)
        return JR_EDB;
    bind_dates(q, 1, d);
    store_bind_int(q, 10, id);
    return store_step_done(q, err);
}

jr_status store_tender_get(jr_store *st, int64_t id, store_tender_row *out, jr_error *err)
{
    jr_stmt *q = store_prepare(st, TENDER_COLS " WHERE t.id = ?1", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    return store_one(q, tender_from_row, NULL, out, err);
}

jr_status store_tender_list(jr_store *st, int (*fn)(void *ud, const void *row), void *ud,
                            jr_error *err)
{
    jr_stmt *q = store_prepare(st, TENDER_COLS " ORDER BY t.publication_date DESC, t.id DESC", err);
    if (!q)
        return JR_EDB;
    store_tender_row r;
    return store_each(q, tender_from_row, NULL, &r, fn, ud, err);
}

/* ---- lots ---- */

#define TLOT_COLS                                                                                  \
    "SELECT id, tender_id, lot, name, awarded_on, awarded_by, contracted_on FROM tender_lot"

static void tlot_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_tlot_row *r = row;
    (void)ud;
    memset(r, 0, sizeof *r);
    r->id = store_col_int(q, 0);
    r->tender_id = store_col_int(q, 1);
    str_copy(r->lot, sizeof r->lot, store_col_text(q, 2));
    str_copy(r->name, sizeof r->name, store_col_text(q, 3));
    r->awarded_on = store_col_date(q, 4);
    str_copy(r->awarded_by, sizeof r->awarded_by, store_col_text(q, 5));
    r->contracted_on = store_col_date(q, 6);
}

jr_status store_tlot_insert(jr_store *st, int64_t tender_id, const char *lot, const char *name,
                            int64_t *id, jr_error *err)
{
    jr_stmt *q =
        store_prepare(st, "INSERT INTO tender_lot (tender_id, lot, name) VALUES (?1, ?2, ?3)", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, tender_id);
    store_bind_text(q, 2, lot);
    store_bind_text(q, 3, name);
    jr_status rc = store_step_done(q, err);
    if (rc == JR_OK && id)
        *id = store_last_id(st);
    return rc;
}

jr_status store_tlot_product_insert(jr_store *st, int64_t lot_id, const char *product,
                                    jr_error *err)
{
    jr_stmt *q =
        store_prepare(st, "INSERT INTO tender_lot_product (lot_id, product) VALUES (?1, ?2)", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, lot_id);
    store_bind_text(q, 2, product);
    return store_step_done(q, err);
}

jr_status store_tlot_get(jr_store *st, int64_t lot_id, store_tlot_row *out, jr_error *err)
{
    jr_stmt *q = store_prepare(st, TLOT_COLS " WHERE id = ?1", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, lot_id);
    jr_status rc = store_step_one(q, err);
    if (rc != JR_OK)
        return rc;
    tlot_from_row(NULL, q, out);
    store_reset(q);
    q = store_prepare(
        st, "SELECT product FROM tender_lot_product WHERE lot_id = ?1 ORDER BY product", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, lot_id);
    store_step_result s;
    while ((s = store_step(q, err)) == STORE_ROW)
        if (out->nproducts < JR_TENDER_LOT_PRODUCTS) {
            str_copy(out->products[out->nproducts], sizeof out->products[0], store_col_text(q, 0));
            out->nproducts++;
        }
    store_reset(q);
    return s == STORE_ERROR ? JR_EDB : JR_OK;
}

jr_status store_tlot_list(jr_store *st, int64_t tender_id, int (*fn)(void *ud, const void *row),
                          void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st, TLOT_COLS " WHERE tender_id = ?1 ORDER BY lot", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, tender_id);
    store_tlot_row r;
    return store_each(q, tlot_from_row, NULL, &r, fn, ud, err);
}

jr_status store_tlot_set_awarded(jr_store *st, int64_t lot_id, jr_date on, const char *by,
                                 jr_error *err)
{
    jr_stmt *q = store_prepare(
        st, "UPDATE tender_lot SET awarded_on = ?1, awarded_by = ?2 WHERE id = ?3", err);
    if (!q)
        return JR_EDB;
    char b[JR_DATE_ISO_LEN];
    store_bind_date(q, 1, on, b);
    store_bind_text(q, 2, by);
    store_bind_int(q, 3, lot_id);
    return store_step_done(q, err);
}

jr_status store_tlot_set_contracted(jr_store *st, int64_t lot_id, jr_date on, jr_error *err)
{
    jr_stmt *q = store_prepare(st, "UPDATE tender_lot SET contracted_on = ?1 WHERE id = ?2", err);
    if (!q)
        return JR_EDB;
    char b[JR_DATE_ISO_LEN];
    store_bind_date(q, 1, on, b);
    store_bind_int(q, 2, lot_id);
    return store_step_done(q, err);
}

/* ---- criteria ---- */

static void tcrit_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_tcrit_row *r = row;
    (void)ud;
    memset(r, 0, sizeof *r);
    r->id = store_col_int(q, 0);
    r->tender_id = store_col_int(q, 1);
    r->seq = store_col_int(q, 2);
    str_copy(r->name, sizeof r->name, store_col_text(q, 3));
    r->c.weight = (int32_t)store_col_int(q, 4);
    r->c.min_score = (int32_t)store_col_int(q, 5);
}

jr_status store_tcrit_insert(jr_store *st, int64_t tender_id, int64_t seq, const char *name,
                             const jr_tender_crit *c, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO tender_criterion (tender_id, seq, name, weight,"
                               " min_score) VALUES (?1, ?2, ?3, ?4, ?5)",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, tender_id);
    store_bind_int(q, 2, seq);
    store_bind_text(q, 3, name);
    store_bind_int(q, 4, c->weight);
    store_bind_int(q, 5, c->min_score);
    return store_step_done(q, err);
}

jr_status store_tcrit_list(jr_store *st, int64_t tender_id, int (*fn)(void *ud, const void *row),
                           void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT id, tender_id, seq, name, weight, min_score FROM"
                               " tender_criterion WHERE tender_id = ?1 ORDER BY seq",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, tender_id);
    store_tcrit_row r;
    return store_each(q, tcrit_from_row, NULL, &r, fn, ud, err);
}

/* ---- questions ---- */

#define TQ_COLS                                                                                    \
    "SELECT id, tender_id, asked_by, asked_agb, asked_on, question, answer, answered_by,"          \
    " answered_on FROM tender_question"

static void tq_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_tquestion_row *r = row;
    (void)ud;
    memset(r, 0, sizeof *r);
    r->id = store_col_int(q, 0);
    r->tender_id = store_col_int(q, 1);
    str_copy(r->asked_by, sizeof r->asked_by, store_col_text(q, 2));
    str_copy(r->asked_agb, sizeof r->asked_agb, store_col_text(q, 3));
    r->asked_on = store_col_date(q, 4);
    str_copy(r->question, sizeof r->question, store_col_text(q, 5));
    r->answered = !store_col_null(q, 6);
    str_copy(r->answer, sizeof r->answer, store_col_text(q, 6));
    str_copy(r->answered_by, sizeof r->answered_by, store_col_text(q, 7));
    r->answered_on = store_col_date(q, 8);
}

jr_status store_tquestion_insert(jr_store *st, int64_t tender_id, const char *by, const char *agb,
                                 jr_date on, const char *question, int64_t *id, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO tender_question (tender_id, asked_by, asked_agb,"
                               " asked_on, question) VALUES (?1, ?2, ?3, ?4, ?5)",
                               err);
    if (!q)
        return JR_EDB;
    char b[JR_DATE_ISO_LEN];
    store_bind_int(q, 1, tender_id);
    store_bind_text(q, 2, by);
    store_bind_text(q, 3, agb && *agb ? agb : NULL);
    store_bind_date(q, 4, on, b);
    store_bind_text(q, 5, question);
    jr_status rc = store_step_done(q, err);
    if (rc == JR_OK && id)
        *id = store_last_id(st);
    return rc;
}

jr_status store_tquestion_answer(jr_store *st, int64_t id, const char *answer, const char *by,
                                 jr_date on, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "UPDATE tender_question SET answer = ?1, answered_by = ?2,"
                               " answered_on = ?3 WHERE id = ?4",
                               err);
    if (!q)
        return JR_EDB;
    char b[JR_DATE_ISO_LEN];
    store_bind_text(q, 1, answer);
    store_bind_text(q, 2, by);
    store_bind_date(q, 3, on, b);
    store_bind_int(q, 4, id);
    return store_step_done(q, err);
}

jr_status store_tquestion_get(jr_store *st, int64_t id, store_tquestion_row *out, jr_error *err)
{
    jr_stmt *q = store_prepare(st, TQ_COLS " WHERE id = ?1", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    return store_one(q, tq_from_row, NULL, out, err);
}

jr_status store_tquestion_list(jr_store *st, int64_t tender_id,
                               int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st, TQ_COLS " WHERE tender_id = ?1 ORDER BY id", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, tender_id);
    store_tquestion_row r;
    return store_each(q, tq_from_row, NULL, &r, fn, ud, err);
}

/* ---- registrations ---- */

#define TREG_COLS                                                                                  \
    "SELECT r.id, r.lot_id, l.tender_id, l.lot, r.agb, r.name, r.kind, r.round, r.status,"         \
    " r.registered_by, r.registered_on FROM tender_registration r"                                 \
    " JOIN tender_lot l ON l.id = r.lot_id"

static void treg_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_treg_row *r = row;
    (void)ud;
    memset(r, 0, sizeof *r);
    r->id = store_col_int(q, 0);
    r->lot_id = store_col_int(q, 1);
    r->tender_id = store_col_int(q, 2);
    str_copy(r->lot, sizeof r->lot, store_col_text(q, 3));
    str_copy(r->agb, sizeof r->agb, store_col_text(q, 4));
    str_copy(r->name, sizeof r->name, store_col_text(q, 5));
    str_copy(r->kind, sizeof r->kind, store_col_text(q, 6));
    r->round = (int32_t)store_col_int(q, 7);
    str_copy(r->status, sizeof r->status, store_col_text(q, 8));
    str_copy(r->registered_by, sizeof r->registered_by, store_col_text(q, 9));
    r->registered_on = store_col_date(q, 10);
}

jr_status store_treg_insert(jr_store *st, int64_t lot_id, const char *agb, const char *name,
                            const char *kind, int32_t round, const char *by, jr_date on,
                            int64_t *id, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO tender_registration (lot_id, agb, name, kind, round,"
                               " status, registered_by, registered_on)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, 'ingeschreven', ?6, ?7)",
                               err);
    if (!q)
        return JR_EDB;
    char b[JR_DATE_ISO_LEN];
    store_bind_int(q, 1, lot_id);
    store_bind_text(q, 2, agb);
    store_bind_text(q, 3, name);
    store_bind_text(q, 4, kind);
    store_bind_int(q, 5, round);
    store_bind_text(q, 6, by);
    store_bind_date(q, 7, on, b);
    jr_status rc = store_step_done(q, err);
    if (rc == JR_OK && id)
        *id = store_last_id(st);
    return rc;
}

jr_status store_treg_product_insert(jr_store *st, int64_t reg_id, const char *product,
                                    int64_t capacity, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO tender_registration_product (registration_id,"
                               " product, capacity) VALUES (?1, ?2, ?3)",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, reg_id);
    store_bind_text(q, 2, product);
    if (capacity >= 0)
        store_bind_int(q, 3, capacity);
    else
        store_bind_text(q, 3, NULL);
    return store_step_done(q, err);
}

jr_status store_tsub_insert(jr_store *st, int64_t reg_id, const char *agb, const char *name,
                            jr_error *err)
{
    jr_stmt *q = store_prepare(
        st, "INSERT INTO tender_subcontractor (registration_id, agb, name) VALUES (?1, ?2, ?3)",
        err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, reg_id);
    store_bind_text(q, 2, agb);
    store_bind_text(q, 3, name);
    return store_step_done(q, err);
}

jr_status store_treg_get(jr_store *st, int64_t id, store_treg_row *out, jr_error *err)
{
    jr_stmt *q = store_prepare(st, TREG_COLS " WHERE r.id = ?1", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    return store_one(q, treg_from_row, NULL, out, err);
}

jr_status store_treg_list(jr_store *st, int64_t tender_id, int64_t lot_id, const char *agb,
                          int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               TREG_COLS " WHERE (?1 = 0 OR l.tender_id = ?1)"
                                         " AND (?2 = 0 OR r.lot_id = ?2)"
                                         " AND (CAST(?3 AS TEXT) IS NULL OR r.agb = ?3)"
                                         " ORDER BY l.lot, r.round, r.agb",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, tender_id);
    store_bind_int(q, 2, lot_id);
    store_bind_text(q, 3, agb);
    store_treg_row r;
    return store_each(q, treg_from_row, NULL, &r, fn, ud, err);
}

jr_status store_treg_set_status(jr_store *st, int64_t id, const char *status, jr_error *err)
{
    jr_stmt *q = store_prepare(st, "UPDATE tender_registration SET status = ?1 WHERE id = ?2", err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, status);
    store_bind_int(q, 2, id);
    return store_step_done(q, err);
}

static void tprod_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_treg_product *r = row;
    (void)ud;
    memset(r, 0, sizeof *r);
    str_copy(r->product, sizeof r->product, store_col_text(q, 0));
    r->capacity = store_col_null(q, 1) ? -1 : store_col_int(q, 1);
}

jr_status store_treg_products(jr_store *st, int64_t reg_id, int (*fn)(void *ud, const void *row),
                              void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT product, capacity FROM tender_registration_product"
                               " WHERE registration_id = ?1 ORDER BY product",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, reg_id);
    store_treg_product r;
    return store_each(q, tprod_from_row, NULL, &r, fn, ud, err);
}

static void tsub_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_tsub_row *r = row;
    (void)ud;
    memset(r, 0, sizeof *r);
    str_copy(r->agb, sizeof r->agb, store_col_text(q, 0));
    str_copy(r->name, sizeof r->name, store_col_text(q, 1));
}

jr_status store_tsub_list(jr_store *st, int64_t reg_id, int (*fn)(void *ud, const void *row),
                          void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT agb, name FROM tender_subcontractor"
                               " WHERE registration_id = ?1 ORDER BY agb",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, reg_id);
    store_tsub_row r;
    return store_each(q, tsub_from_row, NULL, &r, fn, ud, err);
}

/* ---- scores ---- */

static void tscore_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_tscore_row *r = row;
    (void)ud;
    memset(r, 0, sizeof *r);
    r->registration_id = store_col_int(q, 0);
    r->criterion_id = store_col_int(q, 1);
    str_copy(r->assessor, sizeof r->assessor, store_col_text(q, 2));
    r->score = (int32_t)store_col_int(q, 3);
    str_copy(r->motivation, sizeof r->motivation, store_col_text(q, 4));
    r->scored_on = store_col_date(q, 5);
}

jr_status store_tscore_put(jr_store *st, const store_tscore_row *r, bool *replaced,
                           int32_t *old_score, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT score FROM tender_score WHERE registration_id = ?1"
                               " AND criterion_id = ?2 AND assessor = ?3",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, r->registration_id);
    store_bind_int(q, 2, r->criterion_id);
    store_bind_text(q, 3, r->assessor);
    jr_status rc = store_step_one(q, err);
    bool had = rc == JR_OK;
    if (had) {
        if (old_score)
            *old_score = (int32_t)store_col_int(q, 0);
        store_reset(q);
    } else if (rc != JR_ENOTFOUND)
        return rc;
    if (replaced)
        *replaced = had;
    q = store_prepare(st,
                      "INSERT INTO tender_score (registration_id, criterion_id, assessor, score,"
                      " motivation, scored_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                      " ON CONFLICT (registration_id, criterion_id, assessor) DO UPDATE SET"
                      " score = ?4, motivation = ?5, scored_on = ?6",
                      err);
    if (!q)
        return JR_EDB;
    char b[JR_DATE_ISO_LEN];
    store_bind_int(q, 1, r->registration_id);
    store_bind_int(q, 2, r->criterion_id);
    store_bind_text(q, 3, r->assessor);
    store_bind_int(q, 4, r->score);
    store_bind_text(q, 5, r->motivation);
    store_bind_date(q, 6, r->scored_on, b);
    return store_step_done(q, err);
}

jr_status store_tscore_list(jr_store *st, int64_t reg_id, int (*fn)(void *ud, const void *row),
                            void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT s.registration_id, s.criterion_id, s.assessor, s.score,"
                               " s.motivation, s.scored_on FROM tender_score s"
                               " JOIN tender_criterion c ON c.id = s.criterion_id"
                               " WHERE s.registration_id = ?1 ORDER BY c.seq, s.assessor",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, reg_id);
    store_tscore_row r;
    return store_each(q, tscore_from_row, NULL, &r, fn, ud, err);
}

/* ---- admission ---- */

jr_status store_tadmission_insert(jr_store *st, const store_tadmission_row *r, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO tender_admission (registration_id, decision, reason,"
                               " grounds, decided_by, decided_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               err);
    if (!q)
        return JR_EDB;
    char b[JR_DATE_ISO_LEN];
    store_bind_int(q, 1, r->registration_id);
    store_bind_text(q, 2, r->decision);
    store_bind_text(q, 3, r->reason);
    store_bind_text(q, 4, r->grounds);
    store_bind_text(q, 5, r->decided_by);
    store_bind_date(q, 6, r->decided_on, b);
    return store_step_done(q, err);
}

jr_status store_tadmission_get(jr_store *st, int64_t reg_id, store_tadmission_row *out,
                               jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT registration_id, decision, reason, grounds, decided_by,"
                               " decided_on FROM tender_admission WHERE registration_id = ?1",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, reg_id);
    jr_status rc = store_step_one(q, err);
    if (rc != JR_OK)
        return rc;
    memset(out, 0, sizeof *out);
    out->registration_id = store_col_int(q, 0);
    str_copy(out->decision, sizeof out->decision, store_col_text(q, 1));
    str_copy(out->reason, sizeof out->reason, store_col_text(q, 2));
    str_copy(out->grounds, sizeof out->grounds, store_col_text(q, 3));
    str_copy(out->decided_by, sizeof out->decided_by, store_col_text(q, 4));
    out->decided_on = store_col_date(q, 5);
    store_reset(q);
    return JR_OK;
}

/* ---- supply ---- */

static void supply_product_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_supply_product *r = row;
    (void)ud;
    memset(r, 0, sizeof *r);
    str_copy(r->product, sizeof r->product, store_col_text(q, 0));
    r->providers = store_col_int(q, 1);
    r->capacity = store_col_int(q, 2);
    r->with_capacity = store_col_int(q, 3);
}

jr_status store_supply_products(jr_store *st, jr_date date, const char *product,
                                int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    /* the capacity a contracted provider gave: its latest awarded or
       admitted registration for the product */
    jr_stmt *q =
        store_prepare(st,
                      "SELECT c.product, COUNT(DISTINCT c.provider_id),"
                      " COALESCE(SUM(k.capacity), 0), COUNT(k.capacity)"
                      " FROM (SELECT DISTINCT provider_id, product FROM contract"
                      "       WHERE start_date <= ?1 AND (end_date IS NULL OR end_date >= ?1)"
                      "       AND (CAST(?2 AS TEXT) IS NULL OR product = ?2)) c"
                      " JOIN provider p ON p.id = c.provider_id"
                      " LEFT JOIN (SELECT r.agb, rp.product, MAX(rp.capacity) AS capacity"
                      "            FROM tender_registration r"
                      "            JOIN tender_registration_product rp ON rp.registration_id = r.id"
                      "            WHERE r.status IN ('gegund', 'toegelaten', 'gecontracteerd')"
                      "            AND rp.capacity IS NOT NULL GROUP BY r.agb, rp.product) k"
                      "   ON k.agb = p.agb AND k.product = c.product"
                      " GROUP BY c.product ORDER BY c.product",
                      err);
    if (!q)
        return JR_EDB;
    char b[JR_DATE_ISO_LEN];
    store_bind_date(q, 1, date, b);
    store_bind_text(q, 2, product);
    store_supply_product r;
    return store_each(q, supply_product_from_row, NULL, &r, fn, ud, err);
}

static void supply_gemeente_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_supply_gemeente *r = row;
    (void)ud;
    memset(r, 0, sizeof *r);
    str_copy(r->product, sizeof r->product, store_col_text(q, 0));
    str_copy(r->gemeente, sizeof r->gemeente, store_col_text(q, 1));
    r->providers = store_col_int(q, 2);
    r->assignments = store_col_int(q, 3);
}

jr_status store_supply_gemeenten(jr_store *st, jr_date date, const char *product,
                                 int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    jr_stmt *q =
        store_prepare(st,
                      "SELECT c.product, a.gemeente, COUNT(DISTINCT c.provider_id), COUNT(a.id)"
                      " FROM (SELECT DISTINCT provider_id, product FROM contract"
                      "       WHERE start_date <= ?1 AND (end_date IS NULL OR end_date >= ?1)"
                      "       AND (CAST(?2 AS TEXT) IS NULL OR product = ?2)) c"
                      " JOIN assignment a ON a.provider_id = c.provider_id AND a.status = 'actief'"
                      "   AND a.start_date <= ?1 AND a.end_date >= ?1"
                      " GROUP BY c.product, a.gemeente ORDER BY c.product, a.gemeente",
                      err);
    if (!q)
        return JR_EDB;
    char b[JR_DATE_ISO_LEN];
    store_bind_date(q, 1, date, b);
    store_bind_text(q, 2, product);
    store_supply_gemeente r;
    return store_each(q, supply_gemeente_from_row, NULL, &r, fn, ud, err);
}

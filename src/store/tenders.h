/*
 * tenders.h (store): the tables of tenders and admission (migration 018):
 * tenders with their phase dates, lots and their products, criteria,
 * questions and answers, registrations with their products and
 * subcontractors, the assessors' scores, the decisions on later entry, and
 * the figures of supply (contracted providers per product on a date, from
 * the contract table). Only rows: the rules are domain/tender.h, who may
 * and what must hold service/tender.h.
 *
 * Ownership: rows are copied into the caller's structs; a list hands each
 * row to its callback in a buffer of its own, valid for that call only
 * (non-zero from the callback stops the list). A callback must not call
 * back into the same list.
 */
#ifndef JR_STORE_TENDERS_H
#define JR_STORE_TENDERS_H

#include "../domain/catalog.h"
#include "../domain/tender.h"
#include "store.h"

#include <stdint.h>

#define JR_TENDER_LOT_PRODUCTS JR_MAX_LOT_PRODUCTS /* every product of a catalog lot */

typedef struct {
    int64_t id;
    char name[128];
    char description[512];
    jr_tender_dates d;
    char created_by[64];
    char created_at[STORE_TS_LEN];
    jr_date first_award; /* the earliest award of a lot, JR_DATE_NONE: none */
} store_tender_row;

typedef struct {
    int64_t id, tender_id;
    char lot[16];
    char name[96];
    jr_date awarded_on, contracted_on;
    char awarded_by[64];
    int nproducts;
    char products[JR_TENDER_LOT_PRODUCTS][8];
} store_tlot_row;

typedef struct {
    int64_t id, tender_id, seq;
    char name[128];
    jr_tender_crit c;
} store_tcrit_row;

typedef struct {
    int64_t id, tender_id;
    char asked_by[64], asked_agb[9];
    jr_date asked_on;
    char question[1024];
    char answer[2048];
    bool answered;
    char answered_by[64];
    jr_date answered_on;
} store_tquestion_row;

typedef struct {
    int64_t id, lot_id, tender_id;
    char lot[16];
    char agb[9];
    char name[128];
    char kind[16];
    int32_t round;
    char status[16];
    char registered_by[64];
    jr_date registered_on;
} store_treg_row;

typedef struct {
    char product[8];
    int64_t capacity; /* -1: not given */
} store_treg_product;

typedef struct {
    char agb[9];
    char name[128];
} store_tsub_row;

typedef struct {
    int64_t registration_id, criterion_id;
    char assessor[64];
    int32_t score;
    char motivation[1024];
    jr_date scored_on;
} store_tscore_row;

typedef struct {
    int64_t registration_id;
    char decision[16];
    char reason[40];
    char grounds[2048];
    char decided_by[64];
    jr_date decided_on;
} store_tadmission_row;

/* tenders */
jr_status store_tender_insert(jr_store *st, const char *name, const char *description,
                              const jr_tender_dates *d, const char *by, int64_t *id, jr_error *err);
jr_status store_tender_set_dates(jr_store *st, int64_t id, const jr_tender_dates *d, jr_error *err);
/* store_tender_get: JR_ENOTFOUND (err untouched) when there is none. */
jr_status store_tender_get(jr_store *st, int64_t id, store_tender_row *out, jr_error *err);
/* store_tender_list: every tender, newest publication first. */
jr_status store_tender_list(jr_store *st, int (*fn)(void *ud, const void *row), void *ud,
                            jr_error *err);

/* lots */
jr_status store_tlot_insert(jr_store *st, int64_t tender_id, const char *lot, const char *name,
                            int64_t *id, jr_error *err);
jr_status store_tlot_product_insert(jr_store *st, int64_t lot_id, const char *product,
                                    jr_error *err);
/* store_tlot_get: the lot with its products; JR_ENOTFOUND when none. */
jr_status store_tlot_get(jr_store *st, int64_t lot_id, store_tlot_row *out, jr_error *err);
/* store_tlot_list: the lots of a tender by lot code (products not filled:
 * store_tlot_get for those). */
jr_status store_tlot_list(jr_store *st, int64_t tender_id, int (*fn)(void *ud, const void *row),
                          void *ud, jr_error *err);
jr_status store_tlot_set_awarded(jr_store *st, int64_t lot_id, jr_date on, const char *by,
                                 jr_error *err);
jr_status store_tlot_set_contracted(jr_store *st, int64_t lot_id, jr_date on, jr_error *err);

/* criteria */
jr_status store_tcrit_insert(jr_store *st, int64_t tender_id, int64_t seq, const char *name,
                             const jr_tender_crit *c, jr_error *err);
/* store_tcrit_list: by seq. */
jr_status store_tcrit_list(jr_store *st, int64_t tender_id, int (*fn)(void *ud, const void *row),
                           void *ud, jr_error *err);

/* questions */
jr_status store_tquestion_insert(jr_store *st, int64_t tender_id, const char *by, const char *agb,
                                 jr_date on, const char *question, int64_t *id, jr_error *err);
jr_status store_tquestion_answer(jr_store *st, int64_t id, const char *answer, const char *by,
                                 jr_date on, jr_error *err);
jr_status store_tquestion_get(jr_store *st, int64_t id, store_tquestion_row *out, jr_error *err);
jr_status store_tquestion_list(jr_store *st, int64_t tender_id,
                               int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

/* registrations */
jr_status store_treg_insert(jr_store *st, int64_t lot_id, const char *agb, const char *name,
                            const char *kind, int32_t round, const char *by, jr_date on,
                            int64_t *id, jr_error *err);
jr_status store_treg_product_insert(jr_store *st, int64_t reg_id, const char *product,
                                    int64_t capacity, jr_error *err);
jr_status store_tsub_insert(jr_store *st, int64_t reg_id, const char *agb, const char *name,
                            jr_error *err);
jr_status store_treg_get(jr_store *st, int64_t id, store_treg_row *out, jr_error *err);
/* store_treg_list: registrations of one lot (lot_id > 0) or of one tender
 * (tender_id > 0), of one AGB (NULL: all), by lot code, round and AGB. */
jr_status store_treg_list(jr_store *st, int64_t tender_id, int64_t lot_id, const char *agb,
                          int (*fn)(void *ud, const void *row), void *ud, jr_error *err);
jr_status store_treg_set_status(jr_store *st, int64_t id, const char *status, jr_error *err);
jr_status store_treg_products(jr_store *st, int64_t reg_id, int (*fn)(void *ud, const void *row),
                              void *ud, jr_error *err);
jr_status store_tsub_list(jr_store *st, int64_t reg_id, int (*fn)(void *ud, const void *row),
                          void *ud, jr_error *err);

/* scores */
/* store_tscore_put: inserts the score or replaces the same assessor's;
 * *replaced (may be NULL) set when there was one, *old_score its score. */
jr_status store_tscore_put(jr_store *st, const store_tscore_row *r, bool *replaced,
                           int32_t *old_score, jr_error *err);
/* store_tscore_list: the scores of a registration by criterion and assessor. */
jr_status store_tscore_list(jr_store *st, int64_t reg_id, int (*fn)(void *ud, const void *row),
                            void *ud, jr_error *err);

/* admission */
jr_status store_tadmission_insert(jr_store *st, const store_tadmission_row *r, jr_error *err);
jr_status store_tadmission_get(jr_store *st, int64_t reg_id, store_tadmission_row *out,
                               jr_error *err);

/* supply */
typedef struct {
    char product[8];
    int64_t providers;     /* contracted on the date */
    int64_t capacity;      /* the capacity they gave in their registrations */
    int64_t with_capacity; /* how many of them gave one */
} store_supply_product;

typedef struct {
    char product[8];
    char gemeente[5];
    int64_t providers;   /* contracted for product, with care in gemeente on the date */
    int64_t assignments; /* their active assignments in gemeente on the date */
} store_supply_gemeente;

/* store_supply_products: per product (NULL: every product with a contract)
 * the providers contracted on date. */
jr_status store_supply_products(jr_store *st, jr_date date, const char *product,
                                int (*fn)(void *ud, const void *row), void *ud, jr_error *err);
/* store_supply_gemeenten: per product and municipality the contracted
 * providers with an active assignment there on date. */
jr_status store_supply_gemeenten(jr_store *st, jr_date date, const char *product,
                                 int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

#endif

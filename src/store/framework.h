/*
 * framework.h (store): the tables of migration 019: framework agreements,
 * their extensions, evaluations and contracts, the change proposals with
 * their history, and the transformation covenant with its commitments
 * (afspraken) and their status per provider. The service
 * (service/framework.c) keeps the rules; these functions read and write
 * rows as they are given.
 *
 * Ownership: rows are copied into the caller's structs; a list hands each
 * row to its callback in a buffer of its own, valid for that call only
 * (non-zero from the callback stops the list). Text is cut to its buffer.
 */
#ifndef JR_STORE_FRAMEWORK_H
#define JR_STORE_FRAMEWORK_H

#include "../domain/framework.h"
#include "store.h"

#define JR_FW_TEXT_BUF (JR_FW_TEXT_MAX + 1)

typedef struct {
    int64_t id;
    char lot[16];
    char name[JR_FW_NAME_MAX + 1];
    jr_date start, initial_end;
} jr_fw_agreement;

typedef struct {
    int64_t id, agreement_id;
    int32_t seq;
    jr_fw_ext ext;
    char note[JR_FW_TEXT_BUF];
    char created_by[64];
} jr_fw_extension;

typedef struct {
    int64_t id, agreement_id;
    jr_date planned;
    char subject[JR_FW_NAME_MAX + 1];
    jr_date held; /* JR_DATE_NONE while not held */
    char outcome[JR_FW_TEXT_BUF];
} jr_fw_evaluation;

/* A contract under an agreement, with its provider. */
typedef struct {
    int64_t contract_id, agreement_id;
    char agb[9];
    char provider[128];
    char lot[16];
    char product[8];
    jr_date start, end;
} jr_fw_contract;

typedef struct {
    int64_t id, agreement_id;
    jr_fwp_proposer kind;
    char proposer[9]; /* CBS or AGB code; "" for the rsj */
    jr_date submitted, target_end, effect;
    char title[JR_FW_NAME_MAX + 1];
    char description[JR_FW_TEXT_BUF];
    char effect_youth[JR_FW_TEXT_BUF];
    char effect_contractor[JR_FW_TEXT_BUF];
    char effect_client[JR_FW_TEXT_BUF];
    jr_fwp_state state;
    jr_fwp_outcome outcome;
    char reason[JR_FW_TEXT_BUF];
    char created_by[64];
    char lot[16]; /* the agreement's, read along */
} jr_fw_proposal;

typedef struct {
    int64_t id, proposal_id;
    jr_fwp_state state;
    jr_date date;
    char actor[64];
    char note[JR_FW_TEXT_BUF];
    char at[STORE_TS_LEN];
} jr_fw_event;

typedef struct {
    int64_t id;
    char name[JR_FW_NAME_MAX + 1];
    jr_date signed_date;
} jr_cov;

typedef struct {
    int64_t id, covenant_id;
    char title[JR_FW_NAME_MAX + 1];
    char description[JR_FW_TEXT_BUF];
} jr_cov_commitment;

typedef struct {
    int64_t id, commitment_id;
    char agb[9];
    char provider[128]; /* the provider's name, "" when not registered */
    jr_fcov_status status;
    jr_date date;
    char note[JR_FW_TEXT_BUF];
    char recorded_by[64];
} jr_cov_status;

typedef int (*store_fw_fn)(void *ud, const void *row);

/* agreements */
jr_status store_fw_agreement_insert(jr_store *st, const jr_fw_agreement *a, const char *by,
                                    int64_t *id, jr_error *err);
/* JR_ENOTFOUND (err untouched) when there is none */
jr_status store_fw_agreement_get(jr_store *st, int64_t id, jr_fw_agreement *out, jr_error *err);
/* by lot and start, then id */
jr_status store_fw_agreement_list(jr_store *st, store_fw_fn fn, void *ud, jr_error *err);

/* extensions of an agreement by seq; the count in *n (may be NULL) */
jr_status store_fw_extension_insert(jr_store *st, const jr_fw_extension *e, const char *by,
                                    jr_error *err);
jr_status store_fw_extension_list(jr_store *st, int64_t agreement_id, store_fw_fn fn, void *ud,
                                  jr_error *err);
/* whether agreement_id has an extension taking effect on date */
jr_status store_fw_extension_on(jr_store *st, int64_t agreement_id, jr_date date, bool *out,
                                jr_error *err);

/* evaluations by planned date, then id */
jr_status store_fw_evaluation_insert(jr_store *st, const jr_fw_evaluation *e, int64_t *id,
                                     jr_error *err);
jr_status store_fw_evaluation_get(jr_store *st, int64_t id, jr_fw_evaluation *out, jr_error *err);
jr_status store_fw_evaluation_hold(jr_store *st, int64_t id, jr_date held, const char *outcome,
                                   jr_error *err);
jr_status store_fw_evaluation_list(jr_store *st, int64_t agreement_id, store_fw_fn fn, void *ud,
                                   jr_error *err);

/* contracts: the contract row itself (its lot) for a link; JR_ENOTFOUND
 * when there is none. The agreement a contract hangs under in *agreement
 * (0: none). */
jr_status store_fw_contract_row(jr_store *st, int64_t contract_id, jr_fw_contract *out,
                                int64_t *agreement, jr_error *err);
jr_status store_fw_contract_link(jr_store *st, int64_t agreement_id, int64_t contract_id,
                                 const char *by, jr_error *err);
/* the contracts under agreement_id by AGB, product and id */
jr_status store_fw_contract_list(jr_store *st, int64_t agreement_id, store_fw_fn fn, void *ud,
                                 jr_error *err);
jr_status store_fw_contract_count(jr_store *st, int64_t agreement_id, int64_t *n, jr_error *err);

/* proposals */
jr_status store_fw_proposal_insert(jr_store *st, const jr_fw_proposal *p, int64_t *id,
                                   jr_error *err);
jr_status store_fw_proposal_get(jr_store *st, int64_t id, jr_fw_proposal *out, jr_error *err);
/* sets state, outcome and reason of p->id */
jr_status store_fw_proposal_update(jr_store *st, const jr_fw_proposal *p, jr_error *err);
/* every proposal (agreement_id 0) or an agreement's, by id */
jr_status store_fw_proposal_list(jr_store *st, int64_t agreement_id, store_fw_fn fn, void *ud,
                                 jr_error *err);
jr_status store_fw_event_insert(jr_store *st, const jr_fw_event *e, jr_error *err);
jr_status store_fw_event_list(jr_store *st, int64_t proposal_id, store_fw_fn fn, void *ud,
                              jr_error *err);

/* the covenant */
jr_status store_cov_insert(jr_store *st, const jr_cov *c, const char *by, int64_t *id,
                           jr_error *err);
jr_status store_cov_get(jr_store *st, int64_t id, jr_cov *out, jr_error *err);
jr_status store_cov_list(jr_store *st, store_fw_fn fn, void *ud, jr_error *err);
jr_status store_cov_lot_insert(jr_store *st, int64_t covenant_id, const char *lot, jr_error *err);
/* the lots of a covenant as const char * rows, by code */
jr_status store_cov_lot_list(jr_store *st, int64_t covenant_id, store_fw_fn fn, void *ud,
                             jr_error *err);
jr_status store_cov_commitment_insert(jr_store *st, const jr_cov_commitment *c, int64_t *id,
                                      jr_error *err);
jr_status store_cov_commitment_get(jr_store *st, int64_t id, jr_cov_commitment *out, jr_error *err);
jr_status store_cov_commitment_list(jr_store *st, int64_t covenant_id, store_fw_fn fn, void *ud,
                                    jr_error *err);
jr_status store_cov_status_insert(jr_store *st, const jr_cov_status *s, jr_error *err);
/* the current status (the newest by date, then id) of each provider for
 * every commitment of covenant_id, by AGB then commitment; agb NULL: every
 * provider */
jr_status store_cov_status_current(jr_store *st, int64_t covenant_id, const char *agb,
                                   store_fw_fn fn, void *ud, jr_error *err);

#endif

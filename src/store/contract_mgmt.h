/*
 * contract_mgmt.h (store): the tables of contract management (migration
 * 021, docs/contract-management.md): contract_gemeente (a contract's
 * municipality scope), provider_manager, provider_details,
 * provider_waiting, provider_complaint, provider_escalation (+ _step) and
 * provider_note, in the SQL SQLite and PostgreSQL share. The service
 * (service/contract_mgmt.c) keeps the rules: who may, the protocol's
 * order, the checks of every field.
 *
 * Ownership: rows are copied into the caller's structs; a list hands each
 * row to its callback in a buffer of its own, valid for that call only
 * (non-zero from the callback stops the list).
 */
#ifndef JR_STORE_CONTRACT_MGMT_H
#define JR_STORE_CONTRACT_MGMT_H

#include "../domain/contract_mgmt.h"
#include "providers.h"
#include "store.h"

/* the most municipalities a scope holds (a region's) */
#define JR_CM_SCOPE_MAX 64

/* store_cm_contract_get: contract id in *out, its provider's id in
 * *provider_id; JR_ENOTFOUND (err untouched) when there is none. */
jr_status store_cm_contract_get(jr_store *st, int64_t id, jr_contract *out, int64_t *provider_id,
                                jr_error *err);
/* store_cm_provider_by_id: provider id in *out (JR_ENOTFOUND: none). */
jr_status store_cm_provider_by_id(jr_store *st, int64_t id, jr_provider *out, jr_error *err);
/* store_cm_scope_set: replaces the scope of contract id by codes[0..n). */
jr_status store_cm_scope_set(jr_store *st, int64_t id, const char (*codes)[5], int n,
                             jr_error *err);
/* store_cm_scope_get: the scope of contract id in codes (at most cap, by
 * code), their number in *n (0: every municipality). */
jr_status store_cm_scope_get(jr_store *st, int64_t id, char (*codes)[5], int cap, int *n,
                             jr_error *err);
/* store_cm_covering: the ids of provider_id's contracts for product that
 * run over all of from..to, the oldest cap of them (JR_CM_COVERING_MAX is
 * far above what one provider holds for one product on one date), their
 * number in *n. */
#define JR_CM_COVERING_MAX 256
jr_status store_cm_covering(jr_store *st, int64_t provider_id, const char *product, jr_date from,
                            jr_date to, int64_t *ids, int cap, int *n, jr_error *err);

/* A provider with its contract manager (user "" when none). */
typedef struct {
    char agb[9];
    char provider[128];
    char user[64];
    char display_name[128];
    char assigned_by[64];
    char assigned_at[STORE_TS_LEN];
} store_cm_manager_row;

/* store_cm_manager_set: user_id manages provider_id from now (replacing). */
jr_status store_cm_manager_set(jr_store *st, int64_t provider_id, int64_t user_id, const char *by,
                               jr_error *err);
/* store_cm_manager_get: the manager of provider_id (JR_ENOTFOUND: none). */
jr_status store_cm_manager_get(jr_store *st, int64_t provider_id, store_cm_manager_row *out,
                               jr_error *err);
/* store_cm_manager_list: fn(ud, const store_cm_manager_row *) for every
 * provider with a manager, of user (NULL: any), by user and AGB. */
jr_status store_cm_manager_list(jr_store *st, const char *user,
                                int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

typedef struct {
    jr_cm_details d;
    char updated_by[64];
    char updated_at[STORE_TS_LEN];
} store_cm_details_row;

jr_status store_cm_details_put(jr_store *st, int64_t provider_id, const jr_cm_details *d,
                               const char *by, jr_error *err);
/* JR_ENOTFOUND (err untouched) when the provider has no details. */
jr_status store_cm_details_get(jr_store *st, int64_t provider_id, store_cm_details_row *out,
                               jr_error *err);

typedef struct {
    int64_t id;
    int64_t weeks;
    jr_date reported_on;
    char reported_by[64];
} store_cm_waiting_row;

jr_status store_cm_waiting_add(jr_store *st, int64_t provider_id, int64_t weeks, jr_date on,
                               const char *by, int64_t *id, jr_error *err);
/* the newest report (JR_ENOTFOUND: none) */
jr_status store_cm_waiting_latest(jr_store *st, int64_t provider_id, store_cm_waiting_row *out,
                                  jr_error *err);

typedef struct {
    int64_t id;
    char agb[9];
    jr_date received_on;
    char complainant[16];
    char subject[JR_CM_TEXT_MAX + 1];
    char handling[JR_CM_TEXT_MAX + 1];
    jr_date closed_on; /* JR_DATE_NONE: open */
    char created_by[64];
} store_cm_complaint_row;

jr_status store_cm_complaint_add(jr_store *st, int64_t provider_id, const store_cm_complaint_row *c,
                                 int64_t *id, jr_error *err);
jr_status store_cm_complaint_get(jr_store *st, int64_t id, store_cm_complaint_row *out,
                                 jr_error *err);
jr_status store_cm_complaint_close(jr_store *st, int64_t id, jr_date on, const char *handling,
                                   jr_error *err);
/* newest first */
jr_status store_cm_complaint_list(jr_store *st, int64_t provider_id,
                                  int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

typedef struct {
    int64_t id;
    char agb[9];
    char kind[16];
    char reason[JR_CM_TEXT_MAX + 1];
    jr_esc_step step;
    jr_date step_on;
    char created_by[64];
} store_cm_escalation_row;

typedef struct {
    jr_esc_step step;
    jr_date step_on;
    char note[JR_CM_TEXT_MAX + 1];
    char recorded_by[64];
} store_cm_step_row;

jr_status store_cm_escalation_add(jr_store *st, int64_t provider_id, const char *kind,
                                  const char *reason, jr_date on, const char *by, int64_t *id,
                                  jr_error *err);
jr_status store_cm_escalation_get(jr_store *st, int64_t id, store_cm_escalation_row *out,
                                  jr_error *err);
/* store_cm_step_add: records step of escalation id and makes it current. */
jr_status store_cm_step_add(jr_store *st, int64_t id, jr_esc_step step, jr_date on,
                            const char *note, const char *by, jr_error *err);
/* newest first */
jr_status store_cm_escalation_list(jr_store *st, int64_t provider_id,
                                   int (*fn)(void *ud, const void *row), void *ud, jr_error *err);
/* in the protocol's order */
jr_status store_cm_step_list(jr_store *st, int64_t id, int (*fn)(void *ud, const void *row),
                             void *ud, jr_error *err);

typedef struct {
    int64_t id;
    jr_date note_on;
    char text[JR_CM_TEXT_MAX + 1];
    char created_by[64];
} store_cm_note_row;

jr_status store_cm_note_add(jr_store *st, int64_t provider_id, jr_date on, const char *text,
                            const char *by, int64_t *id, jr_error *err);
/* newest first */
jr_status store_cm_note_list(jr_store *st, int64_t provider_id,
                             int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

/* One contract in force on a date, with its provider (the directory). */
typedef struct {
    int64_t provider_id;
    char agb[9];
    char name[128];
    int64_t contract_id;
    char product[8];
} store_cm_offer_row;

/* store_cm_offers: fn(ud, const store_cm_offer_row *) for each contract in
 * force on day, by provider name, AGB and product. */
jr_status store_cm_offers(jr_store *st, jr_date day, int (*fn)(void *ud, const void *row), void *ud,
                          jr_error *err);

#endif

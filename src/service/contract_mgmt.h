/*
 * contract_mgmt.h (service): contract management (issue 12,
 * docs/contract-management.md): the municipality scope of a contract and
 * its check on an assignment, each provider's contract manager, the
 * provider file (dossier: contracts with their scope, complaints,
 * escalations along the protocol of domain/contract_mgmt.h, notes), the
 * provider's contact details and reported waiting times, and the provider
 * directory (zorgaanbiedersoverzicht) for referrers.
 *
 * Who may (the roles of domain/access.h):
 * - the scope of a contract, contract managers, complaints, escalations
 *   and notes: system, beheerder and rsj change them; every other role
 *   JR_EFORBIDDEN;
 * - the provider file: system, beheerder and rsj any provider's, whole;
 *   an aanbieder its own only (another's answers JR_ENOTFOUND, as if it
 *   did not exist), with its contracts, details, waiting time, contract
 *   manager and its own escalations (read only: the protocol's gesprek,
 *   verbeterplan and maatregel are with the provider, so it knows them),
 *   never complaints or notes (a complaint can point to the complainant;
 *   notes are the region's working notes); gemeente, toegang and lezer
 *   JR_EFORBIDDEN (they have the directory);
 * - contact details and waiting times: system, beheerder, rsj for any
 *   provider, an aanbieder for its own (another's: JR_ENOTFOUND);
 * - the directory: every role and the public page (no login), without
 *   personal data: providers, their contracted offer in force today, their
 *   municipalities, contact details and latest waiting time; no users, no
 *   youths.
 * Every change appends an audit row in the same transaction.
 */
#ifndef JR_CONTRACT_MGMT_H
#define JR_CONTRACT_MGMT_H

#include "../store/contract_mgmt.h"
#include "svc.h"

/* ---- municipality scope ---- */

/* cm_scope_set: the contract id is for the municipalities codes[0..n)
 * only (n == 0: every municipality of the region again). Each code must be
 * one of the region's (gemeente_unknown), none twice (gemeente_twice).
 * Unknown contract: JR_ENOTFOUND (contract_unknown). Audited
 * (contract.gemeenten, with the scope it replaced). */
jr_status cm_scope_set(const jr_ctx *ctx, int64_t id, const char *const *codes, int n,
                       jr_error *err);

/* A contract with its scope. */
typedef struct {
    jr_contract c;
    int n; /* 0: every municipality */
    char codes[JR_CM_SCOPE_MAX][5];
} jr_cm_contract;

/* cm_scope_get: contract id with its scope (every role that sees
 * contracts: all of them). */
jr_status cm_scope_get(const jr_ctx *ctx, int64_t id, jr_cm_contract *out, jr_error *err);
/* cm_contracts: fn(ud, const jr_cm_contract *) for each contract of agb. */
jr_status cm_contracts(const jr_ctx *ctx, const char *agb, jr_row_fn fn, void *ud, jr_error *err);

/* cm_scope_covers: may provider_id, by the scope of its contracts in
 * force over from..to for product (is_budget false) or for any
 * functiegroep (is_budget true: an ambulant budget), be assigned a youth
 * of gemeente? *out is false only when such contracts exist and none of
 * them includes gemeente; without any such contract it is true (that
 * refusal is contract_covers', checked before). The check every
 * assignment passes (service/assignment.c, assignment_insert). */
jr_status cm_scope_covers(const jr_ctx *ctx, int64_t provider_id, bool is_budget,
                          const char *product, const char *gemeente, jr_date from, jr_date to,
                          bool *out, jr_error *err);

/* ---- contract managers ---- */

/* cm_manager_set: user (an active account of role rsj: user_unknown,
 * user_not_rsj) manages provider agb from now on. Audited
 * (aanbieder.contractmanager, with the manager it replaced). */
jr_status cm_manager_set(const jr_ctx *ctx, const char *agb, const char *user, jr_error *err);
/* cm_manager_list: fn(ud, const store_cm_manager_row *) for each provider
 * with a contract manager, of user only when not NULL. rsj, beheerder. */
jr_status cm_manager_list(const jr_ctx *ctx, const char *user, jr_row_fn fn, void *ud,
                          jr_error *err);

/* ---- details and waiting times ---- */

/* cm_details_set: replaces provider agb's contact details by d (checked
 * by cm_details_check; texts too long refused). Audited
 * (aanbieder.gegevens). */
jr_status cm_details_set(const jr_ctx *ctx, const char *agb, const jr_cm_details *d, jr_error *err);
/* cm_waiting_report: provider agb reports a waiting time of weeks on
 * date. Audited (aanbieder.wachttijd). */
jr_status cm_waiting_report(const jr_ctx *ctx, const char *agb, int64_t weeks, jr_date date,
                            jr_error *err);

/* ---- the provider file ---- */

typedef struct {
    jr_provider p;
    bool has_details, has_manager, has_waiting;
    bool full; /* the principal sees complaints and notes */
    store_cm_details_row details;
    store_cm_manager_row manager;
    store_cm_waiting_row waiting;
} jr_cm_head;

/* cm_file_head: the provider, its details, manager and latest waiting time. */
jr_status cm_file_head(const jr_ctx *ctx, const char *agb, jr_cm_head *out, jr_error *err);

/* cm_complaint_add: a complaint about provider agb: received on c's
 * received_on (not in the future), from c's complainant (a kind, see
 * cm_complainant_valid), its subject (required) and handling, closed on
 * c's closed_on (JR_DATE_NONE: open; not before received_on). *id may be
 * NULL. Audited (klacht.toegevoegd). */
jr_status cm_complaint_add(const jr_ctx *ctx, const char *agb, const store_cm_complaint_row *c,
                           int64_t *id, jr_error *err);
/* cm_complaint_close: closes complaint id on date (handling: how it was
 * handled, required). Closing a closed one: JR_ECONFLICT
 * (complaint_closed). Audited (klacht.gesloten). */
jr_status cm_complaint_close(const jr_ctx *ctx, int64_t id, jr_date date, const char *handling,
                             jr_error *err);
/* cm_complaint_get: complaint id (rsj, beheerder; JR_ENOTFOUND complaint_unknown). */
jr_status cm_complaint_get(const jr_ctx *ctx, int64_t id, store_cm_complaint_row *out,
                           jr_error *err);
/* cm_complaints: fn(ud, const store_cm_complaint_row *), newest first. */
jr_status cm_complaints(const jr_ctx *ctx, const char *agb, jr_row_fn fn, void *ud, jr_error *err);

/* An escalation with its steps in the protocol's order. */
typedef struct {
    store_cm_escalation_row e;
    int nsteps;
    store_cm_step_row steps[JR_ESC_COUNT];
} jr_cm_escalation;

/* cm_escalation_open: a new escalation of provider agb of kind
 * (financieel, kwaliteit) for reason, opened with its signaal on date
 * (with note). Audited (escalatie.geopend). */
jr_status cm_escalation_open(const jr_ctx *ctx, const char *agb, const char *kind,
                             const char *reason, jr_date date, const char *note, int64_t *id,
                             jr_error *err);
/* cm_escalation_step: the next step of escalation id (cm_step_check: in
 * order, dates not going back, not in the future) with note. Audited
 * (escalatie.stap). */
jr_status cm_escalation_step(const jr_ctx *ctx, int64_t id, const char *step, jr_date date,
                             const char *note, jr_error *err);
/* cm_escalation_get: escalation id with its steps (as cm_escalations sees). */
jr_status cm_escalation_get(const jr_ctx *ctx, int64_t id, jr_cm_escalation *out, jr_error *err);
/* cm_escalations: fn(ud, const jr_cm_escalation *), newest first (the
 * JR_CM_ESCALATIONS_MAX newest). */
jr_status cm_escalations(const jr_ctx *ctx, const char *agb, jr_row_fn fn, void *ud, jr_error *err);

/* cm_note_add: a note in provider agb's file on date. Audited (notitie.toegevoegd). */
jr_status cm_note_add(const jr_ctx *ctx, const char *agb, jr_date date, const char *text,
                      int64_t *id, jr_error *err);
/* cm_notes: fn(ud, const store_cm_note_row *), newest first. */
jr_status cm_notes(const jr_ctx *ctx, const char *agb, jr_row_fn fn, void *ud, jr_error *err);

/* ---- the directory ---- */

/* the most escalations of one provider a file lists (the newest) */
#define JR_CM_ESCALATIONS_MAX 256

/* the most products one entry lists */
#define JR_CM_OFFER_MAX 48

typedef struct {
    const char *product;  /* a product (region or iJw code) or a kind: ambulant (every
                             functiegroep, so every keuzebudget), wonen, crisis, dyslexie;
                             NULL: any */
    const char *gemeente; /* CBS code; NULL: any */
    const char *name;     /* part of the name or the AGB code, any case; NULL: any */
} jr_cm_dir_filter;

/* One provider of the directory. */
typedef struct {
    char agb[9];
    char name[128];
    int nproducts;
    char products[JR_CM_OFFER_MAX][12]; /* the region's codes, catalog order */
    bool keuzebudget, crisis, dyslexie, wonen;
    bool all_gemeenten;
    int ngemeenten;
    char gemeenten[JR_CM_SCOPE_MAX][5];
    bool has_details, has_waiting;
    jr_cm_details details;
    int64_t waiting_weeks;
    jr_date waiting_on;
} jr_cm_dir_entry;

/* cm_directory: fn(ud, const jr_cm_dir_entry *) for each provider with a
 * contract in force today that fits f, by name. Refuses an unknown
 * product or kind (product_unknown) and a municipality not of the region
 * (gemeente_unknown). Every role (the public page too). */
jr_status cm_directory(const jr_ctx *ctx, const jr_cm_dir_filter *f, jr_row_fn fn, void *ud,
                       jr_error *err);

#endif

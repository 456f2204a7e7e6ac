/*
 * tender.h (service): tenders and admission (issue 12, docs/tenders.md):
 * a tender (aanbesteding) with lots, their products and quality criteria,
 * its phases (domain/tender.h) enforced on every action with the date the
 * context takes as today; questions and answers (nota van inlichtingen);
 * registrations per lot and product, alone or as a combination with
 * subcontractors; the assessors' scores with a motivation; the result of
 * each registration (who passes and why not); the award of a lot; its
 * contracts after the standstill, made by contract_add (service/provider.h)
 * for the main contractor of every awarded registration; later entry after
 * the first round, admitted or refused with a reason and the grounds, on
 * the figures of supply (contracted providers per product and municipality
 * on a date).
 *
 * Who may:
 * - create a tender, change its dates, answer questions, score, award,
 *   contract, decide on later entry, read the scores and the supply:
 *   system, beheerder, rsj; every other role JR_EFORBIDDEN;
 * - register: rsj and beheerder for any AGB (on behalf of an applicant, who
 *   need not be a contracted provider yet), an aanbieder for its own AGB
 *   only; ask a question: rsj, beheerder, aanbieder;
 * - see a tender (its lots, criteria, phases and the answered questions,
 *   without who asked): every role once it is published; before its
 *   publication only the regional roles (others: JR_ENOTFOUND);
 * - see registrations: the regional roles all; an aanbieder its own (as
 *   main contractor), with its result once its lot is awarded, and its own
 *   scores then (never the assessors' names, never another's); lezer,
 *   gemeente and toegang none (JR_EFORBIDDEN).
 * Every change appends an audit row in its transaction (entity
 * "aanbesteding" with the tender's id, or "inschrijving" with the
 * registration's).
 */
#ifndef JR_TENDER_H
#define JR_TENDER_H

#include "../domain/tender.h"
#include "../store/tenders.h"
#include "svc.h"

#define JR_TENDER_LOTS_MAX JR_MAX_LOTS
#define JR_TENDER_SUBS_MAX 8

typedef struct {
    char lot[16]; /* a lot code of the catalog */
    int nproducts;
    char products[JR_TENDER_LOT_PRODUCTS][8]; /* iJw or short codes of that lot */
} jr_tender_lot_spec;

typedef struct {
    char name[128];
    jr_tender_crit c;
} jr_tender_crit_spec;

typedef struct {
    char name[128];
    char description[512];
    jr_tender_dates d;
    int nlots;
    jr_tender_lot_spec lots[JR_TENDER_LOTS_MAX];
    int ncrit;
    jr_tender_crit_spec crit[JR_TENDER_CRIT_MAX];
} jr_tender_spec;

/* tender_may_manage / tender_may_register: the role checks of the
 * changes (JR_OK or JR_EFORBIDDEN), for an interface that reads a body
 * before calling the service, so that a role that may not is refused as
 * such whatever it sent. */
jr_status tender_may_manage(const jr_ctx *ctx, jr_error *err);
jr_status tender_may_register(const jr_ctx *ctx, jr_error *err);

/* tender_create: checks the whole spec (a name, the dates in order, the
 * lots known in the catalog and each product in its lot, at least one
 * product per lot, no lot twice, the criteria with weights summing to 100)
 * and stores it; every refusal collected. *id may be NULL. */
jr_status tender_create(const jr_ctx *ctx, const jr_tender_spec *s, int64_t *id, jr_error *err);

/* tender_set_dates: new phase dates (checked as at creation) with the
 * reason (required), audited with the old and new dates. Refused once a
 * lot is contracted. */
jr_status tender_set_dates(const jr_ctx *ctx, int64_t id, const jr_tender_dates *d,
                           const char *reason, jr_error *err);

/* One lot as the views show it. */
typedef struct {
    store_tlot_row l;
    int64_t registrations; /* first round */
    int64_t later;         /* later entry */
} jr_tender_lot_view;

typedef struct {
    store_tender_row t;
    jr_tender_phase phase;
    int nlots;
    jr_tender_lot_view lots[JR_TENDER_LOTS_MAX];
    int ncrit;
    store_tcrit_row crit[JR_TENDER_CRIT_MAX];
} jr_tender_view;

/* tender_get: the tender with its lots and criteria, as the principal may
 * see it (JR_ENOTFOUND when not). */
jr_status tender_get(const jr_ctx *ctx, int64_t id, jr_tender_view *out, jr_error *err);
/* tender_list: fn(ud, const jr_tender_view *) for each tender the
 * principal sees, newest first (lots and criteria filled). */
jr_status tender_list(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err);

/* questions */
jr_status tender_ask(const jr_ctx *ctx, int64_t tender_id, const char *question, int64_t *id,
                     jr_error *err);
/* tender_answer: question_id must be a question of tender_id (else
 * JR_ENOTFOUND). */
jr_status tender_answer(const jr_ctx *ctx, int64_t tender_id, int64_t question_id,
                        const char *answer, jr_error *err);
/* tender_questions: fn(ud, const store_tquestion_row *) for each question
 * the principal sees: the regional roles all with who asked; an aanbieder
 * the answered ones and its own; others the answered ones; asked_by and
 * asked_agb emptied for all but the regional roles (and the asker). */
jr_status tender_questions(const jr_ctx *ctx, int64_t tender_id, jr_row_fn fn, void *ud,
                           jr_error *err);

/* A registration to make. capacity[i] -1: not given. */
typedef struct {
    int64_t lot_id;
    char agb[9];
    char name[128];
    char kind[16]; /* instelling | vrijgevestigde */
    int nproducts;
    char products[JR_TENDER_LOT_PRODUCTS][8];
    int64_t capacity[JR_TENDER_LOT_PRODUCTS];
    int nsubs;
    store_tsub_row subs[JR_TENDER_SUBS_MAX];
} jr_treg_spec;

/* tender_register: a registration for a lot. Before the lot is awarded it
 * is of the first round and only in the registration phase; once the lot
 * is contracted it is later entry (round 2), decided by
 * tender_admission_decide; between award and contract refused. */
jr_status tender_register(const jr_ctx *ctx, const jr_treg_spec *s, int64_t *id, jr_error *err);

/* A registration as the views show it. */
typedef struct {
    store_treg_row r;
    int nproducts;
    store_treg_product products[JR_TENDER_LOT_PRODUCTS];
    int nsubs;
    store_tsub_row subs[JR_TENDER_SUBS_MAX];
    bool has_result; /* false: the principal may not see it yet */
    jr_tender_result res;
    int ncrit;
    store_tcrit_row crit[JR_TENDER_CRIT_MAX]; /* the criteria the result is of */
    bool has_admission;
    store_tadmission_row adm;
} jr_treg_view;

/* tender_registrations: fn(ud, const jr_treg_view *) for each registration
 * of the tender (lot_id 0: every lot) that the principal sees. */
jr_status tender_registrations(const jr_ctx *ctx, int64_t tender_id, int64_t lot_id, jr_row_fn fn,
                               void *ud, jr_error *err);
jr_status tender_registration_get(const jr_ctx *ctx, int64_t reg_id, jr_treg_view *out,
                                  jr_error *err);

/* tender_score: an assessor's (ctx->actor) score 0..10 on criterion seq
 * (1-based) of the registration's tender, with a motivation (required).
 * First round: only in the assessment phase and before the award; later
 * entry: until the decision. The same assessor again replaces the score
 * (audited with the old one). */
jr_status tender_score(const jr_ctx *ctx, int64_t reg_id, int64_t criterion_seq, int32_t score,
                       const char *motivation, jr_error *err);
/* tender_scores: fn(ud, const store_tscore_row *) for the scores of a
 * registration (assessor emptied for an aanbieder). */
jr_status tender_scores(const jr_ctx *ctx, int64_t reg_id, jr_row_fn fn, void *ud, jr_error *err);

/* tender_award: awards the lot from the award date on, when every
 * first-round registration has a score on every criterion: each passing
 * one gegund, the others afgewezen. sent_on is the day the award decision
 * was sent to the registrants (JR_DATE_NONE: today); the standstill runs
 * from the day after it. It may lie in the past (a decision entered after
 * it was sent), never before the award date nor after today. Counts in
 * *awarded, *rejected (may be NULL). */
jr_status tender_award(const jr_ctx *ctx, int64_t lot_id, jr_date sent_on, int *awarded,
                       int *rejected, jr_error *err);
/* tender_contract: after the standstill, contracts for each awarded
 * registration's products (the provider registered first when its AGB is
 * not yet one), from the contract start (or today, when later) to the
 * contract end. *contracts (may be NULL): the contract rows made. */
jr_status tender_contract(const jr_ctx *ctx, int64_t lot_id, int *contracts, jr_error *err);

/* tender_admission_decide: the decision on a later registration (admit:
 * toegelaten, else geweigerd) with its reason (domain/tender.h) and the
 * grounds; an admitted registration gets its contracts at once. */
jr_status tender_admission_decide(const jr_ctx *ctx, int64_t reg_id, bool admit,
                                  jr_admission_reason reason, const char *grounds, int *contracts,
                                  jr_error *err);

/* tender_supply_products / _gemeenten: the supply on date (product NULL:
 * every product) as store/tenders.h counts it; the regional roles only. */
jr_status tender_supply_products(const jr_ctx *ctx, jr_date date, const char *product, jr_row_fn fn,
                                 void *ud, jr_error *err);
jr_status tender_supply_gemeenten(const jr_ctx *ctx, jr_date date, const char *product,
                                  jr_row_fn fn, void *ud, jr_error *err);

#endif

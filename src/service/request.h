/*
 * request.h: a provider's request to the municipality (iJw: verzoek om
 * toewijzing, JW315; verzoek om wijziging, JW317) and the municipality's
 * decision on it, by the region's rules: granted (an assignment is made or
 * changed; a JW301 tells the provider), refused (with an iJw
 * RedenAfwijzingVerzoek and the rule in words; a JW319), or under
 * investigation (a quote process is opened; a JW319 now, the JW301 once a
 * quote is accepted).
 *
 * No rule is written twice: a request becomes a referral (referral_check
 * decides who may ask what) and an assignment (assignment_create /
 * assignment_change with assignment_plan's limits), with the requesting
 * referrer of the iJw Verwijzer. What a request adds is the translation of
 * an iJw product to a route (request_translate, domain/request.h): an aspecific product with a
 * Budget is the keuzebudget of that amount (a GP's must be KB1's or KB2's, a GI never has one: both
 * are refused naming the rule; an amount no keuzebudget has, asked by the municipality's own access
 * team, opens a quote); a product code with an Omvang is the verblijf, crisis or dyslexie product,
 * its volume the total over the period (Frequentie per dag / week / maand is multiplied out). A
 * refused or undecided request changes nothing else.
 *
 * The caller passes a context that may refer (the municipality deciding);
 * the request and its decision are recorded (ijw_verzoek) with the audit,
 * and a refusal or an investigation queues its JW319 with the exchange
 * service (exchange_answer_queue), written when it is exported.
 */
#ifndef JR_REQUEST_H
#define JR_REQUEST_H

#include "../domain/catalog.h"
#include "../domain/request.h"
#include "../store/exchange.h"
#include "svc.h"

/* A verzoek om toewijzing (one per requested product). */
typedef struct {
    char agb[9];
    char gemeente[5];
    char bsn[10];
    jr_date birth; /* to register a youth the region does not know yet */
    char referentie[64];
    char referrer_type[3];
    char referrer_name[96];
    char comment[256];
    jr_req_product product;
} jr_vot;

/* One assignment to change in a verzoek om wijziging. */
typedef struct {
    int64_t assignment_id;
    jr_date start; /* GewensteIngangsdatum */
    jr_date end;   /* JR_DATE_NONE: unchanged */
    bool has_budget;
    jr_cents budget;
    bool has_volume;
    int64_t volume;
} jr_vow_change;

/* A verzoek om wijziging: the client's assignments with the provider to
 * keep (unchanged), to change, and new products. */
typedef struct {
    char agb[9];
    char gemeente[5];
    char bsn[10];
    char referentie[64];
    char reason[2]; /* iJw RedenVerzoek */
    int nchanges;
    jr_vow_change changes[JR_VOW_MAX];
    int nnew;
    jr_req_product added[JR_VOW_MAX];
} jr_vow;

/* request_referentie_taken: has provider agb used referentie before (iJw 9347)? */
jr_status request_referentie_taken(const jr_ctx *ctx, const char *agb, const char *referentie,
                                   bool *taken, jr_error *err);
/* request_open: is a request of agb for bsn still under investigation (9374)? */
jr_status request_open(const jr_ctx *ctx, const char *agb, const char *bsn, bool *open,
                       jr_error *err);

/* request_vot: decides a verzoek om toewijzing received in inbox row inbox_id. */
jr_status request_vot(const jr_ctx *ctx, const jr_vot *v, int64_t inbox_id, jr_req_decision *out,
                      jr_error *err);
/* request_vow: decides a verzoek om wijziging, all or nothing. */
jr_status request_vow(const jr_ctx *ctx, const jr_vow *v, int64_t inbox_id, jr_req_decision *out,
                      jr_error *err);
/* request_pending: each jr_req_pending the caller sees (its own
 * municipality for an access worker), oldest first. */
jr_status request_pending(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err);

/* request_refuse: refuses request verzoek_id that is still under
 * investigation (a quote process opened on receipt and ended without an
 * assignment), with iJw RedenAfwijzingVerzoek reden (LDT_RedenAfwijzingVerzoek,
 * "1".."9"; "8" woonplaatsbeginsel only when the youth lives in another
 * municipality, which the answer names) and text (NULL or "": the code's
 * meaning) as the rule in words. The caller may refer and sees the
 * request's municipality (else JR_EFORBIDDEN / JR_ENOTFOUND). A request
 * that is not under investigation (granted, refused already, or its quote
 * accepted), or whose referral still has an open quote (reject it first:
 * quote_reject), is JR_ECONFLICT. The decision is recorded, a JW319 with
 * VerzoekAntwoord 1 (afgewezen) queued for ijw export, as for a refusal on
 * receipt, and audited. out (may be NULL) receives the decision. */
jr_status request_refuse(const jr_ctx *ctx, int64_t verzoek_id, const char *reden, const char *text,
                         jr_req_decision *out, jr_error *err);

#endif

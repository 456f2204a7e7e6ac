/*
 * domain/request.h: the pure rules of a provider's request (iJw verzoek om
 * toewijzing / om wijziging, see service/request.h): how a requested
 * product translates to a referral route (request_translate), which iJw
 * RedenAfwijzingVerzoek a refusal by the region's rules carries
 * (request_refuse_by), and the meaning of each such reason. No store, no
 * I/O: the catalog and the request in, the route or the refusal out.
 */
#ifndef JR_DOMAIN_REQUEST_H
#define JR_DOMAIN_REQUEST_H

#include "../core/err.h"
#include "assignment.h"
#include "catalog.h"
#include "referral.h"

#define JR_VOW_MAX 16

/* How a request is decided: granted (an assignment made or changed),
 * refused, or under investigation (a quote process opened). */
typedef enum {
    JR_REQ_GRANTED = 0,
    JR_REQ_REFUSED,
    JR_REQ_INVESTIGATING,
} jr_req_outcome;

/* One requested product (an AangevraagdProduct, or a NieuwProduct). */
typedef struct {
    char category[3];
    char product[8]; /* "" for an aspecific product */
    jr_date start;
    jr_date end; /* JR_DATE_NONE: the longest the product allows */
    bool has_budget;
    jr_cents budget;
    bool has_volume;
    int64_t volume;
    char unit[3];
    char frequency[2];
} jr_req_product;

/* The municipality's decision on one request. */
typedef struct {
    jr_req_outcome outcome;
    char reden[3];      /* refused: iJw RedenAfwijzingVerzoek */
    char woonplaats[5]; /* refused for the woonplaatsbeginsel: where the youth lives */
    char message[320];  /* the rule that decided, in Dutch */
    int nassignments;   /* granted: the assignments made or changed */
    int64_t assignments[JR_VOW_MAX + 1];
    int64_t verzoek_id; /* the stored request */
} jr_req_decision;

/* request_refusal_name: the meaning of iJw RedenAfwijzingVerzoek code ("1"
 * to "9") as the standard words it; NULL when code is none of them. */
const char *request_refusal_name(const char *code);

/* request_decision_refuse: d becomes a refusal with reden and the rule in
 * Dutch (printf format); no assignments. */
void request_decision_refuse(jr_req_decision *d, const char *reden, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* request_refuse_by: d becomes the refusal of a request the referral or
 * assignment rules refused with e: RedenAfwijzingVerzoek 2 (budget: a
 * route, budget or amount the rules do not allow), 3 (the provider has no
 * contract), 5 (not a municipality of the region), 9 (too old), else 4
 * (past niet binnen contract); e's message is the rule in words. */
void request_refuse_by(jr_req_decision *d, const jr_error *e, bool budget);

/* request_budget_of_amount: the keuzebudget whose amount on date is cents,
 * or NULL. */
const jr_budget *request_budget_of_amount(const jr_catalog *cat, jr_cents cents, jr_date date);

typedef enum {
    JR_ROUTE_OK = 0,  /* req is a referral request the referral rules decide */
    JR_ROUTE_REFUSED, /* d says why */
    JR_ROUTE_TO_QUOTE /* req is a quote route: the municipality asks quotes (d->message) */
} jr_route_result;

/* request_translate: the requested product p, asked for by a referrer of
 * type, as referral request req (route and product or budget; a volume is
 * the total over the period, Frequentie multiplied out). An aspecific
 * product (no code) must be category 45 with a Budget: the keuzebudget of
 * that amount, else a quote when the referrer may choose any amount with a
 * quote, else refused (2). A product code must be in the catalog with its
 * unit and an Omvang, not a functiegroep (refused 4). */
jr_route_result request_translate(const jr_catalog *cat, const jr_req_product *p, const char *type,
                                  jr_referral_req *req, jr_req_decision *d);

#endif

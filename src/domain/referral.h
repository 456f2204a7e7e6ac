/*
 * referral.h: who may refer to what, and what an assignment looks like.
 *
 * A referral (verwijzing) comes from a legal referrer of an iJw type
 * (01 gemeente/toegang, 02 huisarts, 03 jeugdarts, 04 GI, 05 medisch
 * specialist, 06 zelfverwijzer, 08 rechter) and asks for one route:
 *   budget   - one keuzebudget (KB1..KB7), ambulant, p*q within the amount;
 *   offerte  - a quote: contracted providers answer with a plan and a total;
 *   verblijf - a wonen/verblijf intensity for a number of etmalen;
 *   crisis   - crisis hours, at most the crisis period;
 *   dyslexie - ernstige dyslexie hours;
 *   product  - any product of the region file's products list by its code:
 *              inspanningsgericht (a volume in its unit), outputgericht (a
 *              profile at a fixed price per month or per trajectory) or
 *              taakgericht (nothing per youth: the partner's task budget
 *              pays; the assignment tells who delivers, for how long).
 * The region file says which routes each type may use (catalog.h). The
 * functions here are pure: they decide, the services store. What a referral
 * that passed becomes (the grant) is planned in domain/assignment.h.
 */
#ifndef JR_REFERRAL_H
#define JR_REFERRAL_H

#include "../core/err.h"
#include "catalog.h"

#include <stdint.h>

typedef enum {
    JR_ROUTE_BUDGET = 0,
    JR_ROUTE_QUOTE,
    JR_ROUTE_VERBLIJF,
    JR_ROUTE_CRISIS,
    JR_ROUTE_DYSLEXIE,
    JR_ROUTE_PRODUCT,
} jr_route;
#define JR_ROUTE_COUNT 6

bool route_parse(const char *s, jr_route *out);
const char *route_name(jr_route r);

/* referrer_type_valid: one of the iJw LDT_TypeVerwijzer codes. */
bool referrer_type_valid(const char *type);
const char *referrer_type_name(const char *type);

typedef struct {
    char referrer_type[3];
    jr_route route;
    char budget[8];   /* route budget: "KB1".."KB7" */
    char product[8];  /* route verblijf/crisis/dyslexie/product: iJw code or region short code */
    int64_t volume;   /* etmalen (verblijf), hours (crisis, dyslexie), the product's unit
                         (route product, inspanningsgericht); unused for output and task */
    char result[256]; /* the expected result, in words */
    jr_date date;
} jr_referral_req;

/* referrer_allows_budget: may a referrer under rule r choose keuzebudget budget? */
bool referrer_allows_budget(const jr_referrer_rule *r, const char *budget);

/* referral_check: accepts the request or fails with a Dutch reason
 * (codes: referrer_type_invalid, route_not_allowed, budget_unknown,
 * product_unknown, product_route_mismatch, volume_invalid, result_missing).
 * It checks every field before refusing: err holds the first refusal, as
 * it always did, and err's list (jr_error_collect) every refusal in field
 * order: verwijzer, resultaat, then the route's own (budget; route;
 * product, volume). Whether the referrer may use the route or budget is
 * asked only of a valid referrer type, whether a budget is allowed only
 * of a known budget, whether a product fits the route only of a known
 * product. */
jr_status referral_check(const jr_catalog *cat, const jr_referral_req *req, jr_error *err);

#endif

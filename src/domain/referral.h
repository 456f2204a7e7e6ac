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
 *   dyslexie - ernstige dyslexie hours.
 * The region file says which routes each type may use (catalog.h). The
 * functions here are pure: they decide, the services store.
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
} jr_route;

bool route_parse(const char *s, jr_route *out);
const char *route_name(jr_route r);

/* referrer_type_valid: one of the iJw LDT_TypeVerwijzer codes. */
bool referrer_type_valid(const char *type);
const char *referrer_type_name(const char *type);

typedef struct {
    char referrer_type[3];
    jr_route route;
    char budget[8];   /* route budget: "KB1".."KB7" */
    char product[8];  /* route verblijf/crisis/dyslexie: iJw code or region short code */
    int64_t volume;   /* etmalen (verblijf) or hours (crisis, dyslexie) */
    char result[256]; /* the expected result, in words */
    jr_date date;
} jr_referral_req;

/* referrer_allows_budget: may a referrer under rule r choose keuzebudget budget? */
bool referrer_allows_budget(const jr_referrer_rule *r, const char *budget);

/* referral_check: accepts the request or fails with a Dutch reason
 * (codes: referrer_type_invalid, route_not_allowed, budget_unknown,
 * product_unknown, product_route_mismatch, volume_invalid, result_missing). */
jr_status referral_check(const jr_catalog *cat, const jr_referral_req *req, jr_error *err);

/* What an assignment (toewijzing) grants. */
typedef struct {
    char category[3]; /* iJw ProductCategorie */
    char product[8];  /* iJw ProductCode; "" for a budget (aspecific) assignment */
    bool is_budget;
    jr_cents budget;   /* eurocents when is_budget */
    int64_t volume;    /* units when !is_budget */
    char unit[3];      /* iJw unit of volume: "04" uur, "14" etmaal */
    char frequency[2]; /* iJw LDT_Frequentie: "6" totaal binnen geldigheidsduur */
    jr_date start;
    jr_date end;
} jr_grant;

/* care_start_date_check: start zorg lies within the grant and not after
 * today (codes date_outside_assignment, date_in_future). */
jr_status care_start_date_check(const jr_grant *g, jr_date date, jr_date today, jr_error *err);
/* care_stop_date_check: stop zorg lies from start zorg to the grant's end
 * and not after today (codes date_outside_care, date_in_future). */
jr_status care_stop_date_check(const jr_grant *g, jr_date care_start, jr_date date, jr_date today,
                               jr_error *err);

/* assignment_plan: the grant for a referral that passed referral_check,
 * starting on start. end may be JR_DATE_NONE (take the longest allowed).
 * quote_total/quote_months are used for route offerte only.
 * Fails with end_before_start, duration_exceeds_max, volume_exceeds_period,
 * no_price_on_date. */
jr_status assignment_plan(const jr_catalog *cat, const jr_referral_req *req, jr_date start,
                          jr_date end, jr_cents quote_total, int32_t quote_months, jr_grant *out,
                          jr_error *err);

/* quote_line_amount: hours (in hundredths) x hourly tariff, rounded half up. */
jr_cents quote_line_amount(int64_t centi_hours, jr_cents hourly_tariff);

/* The budget ledger of one assignment. */
typedef struct {
    jr_cents granted;
    jr_cents used;     /* accepted debits minus accepted credits */
    jr_cents released; /* returned to the municipality when the assignment ended */
} jr_ledger;

/* ledger_compute: the ledger of an assignment granted `granted` with `used`
 * accepted; once it has ended, everything not used is released (a line
 * accepted later for a period before the end takes its share back). */
void ledger_compute(jr_ledger *l, jr_cents granted, jr_cents used, bool ended);

jr_cents ledger_remaining(const jr_ledger *l);
/* ledger_release: on end, what is still free goes back to the municipality. */
void ledger_release(jr_ledger *l);
/* ledger_change_ok: a new grant may not go below what was used. */
bool ledger_change_ok(const jr_ledger *l, jr_cents new_granted);

#endif

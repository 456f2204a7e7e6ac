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

/* A budget is nearly spent when more than LEDGER_NEARLY_SPENT_PERMILLE
 * thousandths of its grant are used: the access team's worklist shows it, so
 * that a follow-up can be set before the provider runs out. */
#define LEDGER_NEARLY_SPENT_PERMILLE 900
bool ledger_nearly_spent(const jr_ledger *l);

/* stop_reason_temporary: iJw RedenBeeindiging 20 stops care for a while (a
 * tijdelijke stop); every other reason ends it. */
bool stop_reason_temporary(const char *reason);

/* The stop-zorg products recorded for one start of care: definitive and
 * temporary stops, and the temporary ones other than the current stop. */
typedef struct {
    int definitive, temporary, other_temporary;
} jr_stop_history;

/* stop_history_check: may a stop with reason be delivered new (change false,
 * iJw StatusAanlevering 1) or as a change of the current one (change true,
 * StatusAanlevering 2) for a start with history h? Codes 9415 (a definitive
 * stop is there already) and 9413 (a second temporary stop). */
jr_status stop_history_check(const jr_stop_history *h, bool change, const char *reason,
                             jr_error *err);

/* care_stop_next_check: a stop that follows the current one (care_stop with
 * stop_reason, JR_DATE_NONE when there is none) on date: only after a
 * temporary stop (9415) and not before it (9414). */
jr_status care_stop_next_check(jr_date care_stop, const char *stop_reason, jr_date date,
                               jr_error *err);

/* assignment_change_check: an assignment changed (iJw RedenWijziging) to a
 * new amount (the budget in eurocents or the volume in the grant's unit;
 * negative: unchanged) and/or a new end (JR_DATE_NONE: unchanged). The
 * amount may not go below what was used (l->used for a budget; used_base,
 * the volume used in base units, for a volume) nor to zero; the end not
 * before the grant's start nor before the start of care (care_start,
 * JR_DATE_NONE when care has not started). Codes nothing_to_change,
 * below_used, end_before_start, end_before_care. */
jr_status assignment_change_check(const jr_grant *g, const jr_ledger *l, int64_t used_base,
                                  jr_date care_start, int64_t amount, jr_date end, jr_error *err);

/* frequency_volume_total: a volume per iJw LDT_Frequentie (1 per dag, 2 per
 * week, 4 per maand, 6 totaal binnen de geldigheidsduur) as the total over
 * start..end, counting started weeks and calendar months; "6", an unknown
 * code or NULL leave the volume as it is. */
int64_t frequency_volume_total(int64_t volume, const char *frequency, jr_date start, jr_date end);

/* youth_birth_check: a youth registered for jeugdhulp is born on or before
 * today and at most 23 years ago (help under the Jeugdwet runs to 18, in
 * some cases to 23). Codes birth_in_future, too_old. */
jr_status youth_birth_check(jr_date birth, jr_date today, jr_error *err);

#endif

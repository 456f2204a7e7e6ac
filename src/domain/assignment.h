/*
 * assignment.h (domain): what an assignment (toewijzing) grants, and the
 * rules for planning and changing it.
 *
 * A referral that passed referral_check becomes a grant: a budget in
 * eurocents (routes budget and offerte, iJw category 45, aspecific) or a
 * volume of one product in its unit (verblijf, crisis, dyslexie), for a
 * period no longer than the route allows. A grant may later be changed
 * (iJw RedenWijziging) but not below what was used. Volumes in an iJw
 * message may come per day, week or month; frequency_volume_total turns
 * them into the total the grant holds. The functions here are pure: they
 * decide, the services (service/assignment.c) store.
 */
#ifndef JR_DOMAIN_ASSIGNMENT_H
#define JR_DOMAIN_ASSIGNMENT_H

#include "../core/err.h"
#include "budget.h"
#include "catalog.h"
#include "referral.h"

#include <stdbool.h>
#include <stdint.h>

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

/* assignment_plan: the grant for a referral that passed referral_check,
 * starting on start. end may be JR_DATE_NONE (take the longest allowed).
 * quote_total/quote_months are used for route offerte only.
 * Fails with end_before_start, duration_exceeds_max, volume_exceeds_period,
 * no_price_on_date, quote_invalid (and budget_unknown, product_unknown for
 * a request that did not pass referral_check). */
jr_status assignment_plan(const jr_catalog *cat, const jr_referral_req *req, jr_date start,
                          jr_date end, jr_cents quote_total, int32_t quote_months, jr_grant *out,
                          jr_error *err);

/* assignment_change_check: an assignment changed (iJw RedenWijziging) to a
 * new amount (the budget in eurocents or the volume in the grant's unit;
 * negative: unchanged) and/or a new end (JR_DATE_NONE: unchanged). The
 * amount may not go below what was used (l->used for a budget; used_base,
 * the volume used in base units, for a volume) nor to zero; the end not
 * before the grant's start nor before the start of care (care_start,
 * JR_DATE_NONE when care has not started). Codes nothing_to_change,
 * below_used, end_before_start, end_before_care. The amount and the end
 * are both checked before refusing: err holds the first refusal, err's
 * list (jr_error_collect) each of them; nothing_to_change stands alone. */
jr_status assignment_change_check(const jr_grant *g, const jr_ledger *l, int64_t used_base,
                                  jr_date care_start, int64_t amount, jr_date end, jr_error *err);

/* frequency_volume_total: a volume per iJw LDT_Frequentie (1 per dag, 2 per
 * week, 4 per maand, 6 totaal binnen de geldigheidsduur) as the total over
 * start..end, counting started weeks and calendar months; "6", an unknown
 * code or NULL leave the volume as it is. An end before start counts as one
 * day (one week, one month). */
int64_t frequency_volume_total(int64_t volume, const char *frequency, jr_date start, jr_date end);

#endif

/*
 * contract_mgmt.h (domain): the rules of contract management (issue 12,
 * docs/contract-management.md). Pure: no I/O, no SQL, no allocation.
 *
 * - The municipality scope of a contract: a contract lists the CBS codes
 *   of the region's municipalities it is for; an empty list is every
 *   municipality (cm_scope_allows).
 * - The escalation protocol, the steps an escalation of a provider
 *   (financial trouble or quality concerns) goes through, in this order:
 *     signaal       a signal is recorded (the escalation opens with it);
 *     gesprek       the contract manager talks it over with the provider;
 *     verbeterplan  the provider delivers an improvement plan with a term;
 *     maatregel     a formal instruction or measure (aanwijzing: e.g. a
 *                   stop on new clients, suspension, termination);
 *     afgesloten    closed.
 *   A step follows the current one directly (no step is skipped, none is
 *   taken twice, none goes back), except that afgesloten may follow any
 *   step: an escalation that is resolved early is closed. After
 *   afgesloten nothing follows (a new concern is a new escalation). A
 *   step's date is on or after the previous step's and not after today.
 * - The directory's details: contact fields and a reported waiting time.
 */
#ifndef JR_DOMAIN_CONTRACT_MGMT_H
#define JR_DOMAIN_CONTRACT_MGMT_H

#include "../core/err.h"
#include "date.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum {
    JR_ESC_SIGNAAL = 0,
    JR_ESC_GESPREK,
    JR_ESC_VERBETERPLAN,
    JR_ESC_MAATREGEL,
    JR_ESC_AFGESLOTEN,
    JR_ESC_COUNT
} jr_esc_step;

/* the longest waiting time one may report, in weeks (two years) */
#define JR_CM_WAIT_WEEKS_MAX 104
/* the longest text of a subject, handling, reason or note */
#define JR_CM_TEXT_MAX 2000

/* cm_step_name: "signaal" .. "afgesloten" ("" outside the enum). */
const char *cm_step_name(jr_esc_step s);
/* cm_step_label: the Dutch label for users ("Signaal", "Gesprek", ...). */
const char *cm_step_label(jr_esc_step s);
/* cm_step_parse: a step by name; false when unknown. */
bool cm_step_parse(const char *s, jr_esc_step *out);

/* cm_step_check: may step next on date follow step cur taken on cur_date,
 * today being today? JR_OK, or JR_EINVAL/JR_ECONFLICT with a Dutch
 * message (codes step_closed, step_order, step_date_invalid,
 * step_date_before, step_date_future). */
jr_status cm_step_check(jr_esc_step cur, jr_date cur_date, jr_esc_step next, jr_date date,
                        jr_date today, jr_error *err);

/* cm_scope_allows: is gemeente (a CBS code) in the scope codes[0..n)? An
 * empty scope (n == 0) allows every municipality. */
bool cm_scope_allows(const char (*codes)[5], int n, const char *gemeente);

/* cm_kind_valid: "financieel" or "kwaliteit". */
bool cm_kind_valid(const char *kind);
/* cm_complainant_valid: jeugdige, ouder, verwijzer, gemeente, medewerker, anders. */
bool cm_complainant_valid(const char *who);

/* The provider's business contact details ("" when not given). */
typedef struct {
    char address[128];
    char postcode[8]; /* "1234 AB" */
    char place[64];
    char phone[24];
    char email[128];
    char website[160];
} jr_cm_details;

/* cm_details_check: every given field well formed: a postcode of four
 * digits (not starting 0), an optional space and two letters; a phone of
 * 10 to 13 digits with optional '+', spaces and '-'; an e-mail address
 * with one '@' and a dot after it, no spaces; a website starting http://
 * or https://. Each refusal joins err's list (codes postcode_invalid,
 * phone_invalid, email_invalid, website_invalid); JR_OK when all pass. */
jr_status cm_details_check(const jr_cm_details *d, jr_error *err);

/* cm_waiting_check: a waiting time of weeks (0..JR_CM_WAIT_WEEKS_MAX)
 * reported on date (a real date, not after today). Codes weeks_invalid,
 * date_invalid, date_future. */
jr_status cm_waiting_check(int64_t weeks, jr_date date, jr_date today, jr_error *err);

#endif

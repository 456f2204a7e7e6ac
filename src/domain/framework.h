/*
 * framework.h (domain): the framework agreement (raamovereenkomst) per lot,
 * its yearly change procedure (wijzigingsprocedure) and the transformation
 * covenant (transformatieconvenant) (issue 12, docs/framework.md). Pure: no
 * I/O, no allocation; dates are jr_date day numbers (domain/date.h).
 *
 * The term. An agreement runs from its start date to its initial end date;
 * each extension (verlenging) takes effect the day after the end date it
 * extends (its date, the extension date) and adds a whole number of months:
 * its new end date is the day before (effective + months). The current end
 * date is the end after every extension, applied in order.
 *
 * The deadline of the change procedure. A proposal is accepted only before
 * 1 March of the year of the agreement's current end date: its date (the
 * day it is submitted, the system's calendar day) must be earlier than the
 * day YYYY-03-01, so the last day is 28 February, or 29 February in a leap
 * year; 1 March itself is refused. A proposal dated before the agreement's
 * start is refused too. It takes effect on the extension date of that
 * round: the day after the current end date at the time it was submitted.
 *
 * The states: ingediend -> in_bespreking -> besloten (aangenomen or
 * afgewezen, always with a reason) -> in_werking (only aangenomen). Each
 * step goes one state further, never back and never skipping one; the
 * discussion and the decision happen before the extension date (not on
 * it); in_werking on or after the extension date and only when the
 * agreement was extended on that date. A refused step says why in Dutch.
 */
#ifndef JR_DOMAIN_FRAMEWORK_H
#define JR_DOMAIN_FRAMEWORK_H

#include "../core/err.h"
#include "date.h"

#include <stdbool.h>
#include <stdint.h>

/* an extension adds 1 to this many months */
#define JR_FW_EXT_MONTHS_MAX 120
/* a text of a proposal, a reason, an outcome or a note: at most this many
   bytes (the NUL not counted) */
#define JR_FW_TEXT_MAX 2000
#define JR_FW_NAME_MAX 160

/* One extension: its date (the day it takes effect) and its length. */
typedef struct {
    jr_date effective;
    int32_t months;
} jr_fw_ext;

/* framework_extension_end: the end date of an extension taking effect on
 * effective for months months: the day before effective + months
 * (date_add_months). 2025-01-01 + 24 months: 2026-12-31. */
jr_date framework_extension_end(jr_date effective, int32_t months);

/* framework_end: the current end date: initial_end after each of the n
 * extensions, in their order (each one's end replaces the end so far). */
jr_date framework_end(jr_date initial_end, const jr_fw_ext *ext, int n);

/* framework_term_check: a new agreement's start and initial end; refuses
 * (JR_EINVAL, code end_before_start, field "end") an end before the
 * start. */
jr_status framework_term_check(jr_date start, jr_date end, jr_error *err);

/* framework_extension_check: may an extension of months months take
 * effect on effective when the agreement now ends on current_end? It must
 * take effect exactly the day after current_end (code
 * extension_not_contiguous, field "start") and last 1 to
 * JR_FW_EXT_MONTHS_MAX months (code months_invalid, field "months"). Both
 * are checked (jr_refuse). */
jr_status framework_extension_check(jr_date current_end, jr_date effective, int32_t months,
                                    jr_error *err);

/* framework_deadline: the first day a proposal is refused for an
 * agreement ending on current_end: 1 March of current_end's year. */
jr_date framework_deadline(jr_date current_end);

/* framework_submit_check: may a proposal dated date be submitted to an
 * agreement running from start to current_end? Refuses a date before
 * start (code proposal_before_start) and a date on or after
 * framework_deadline (code proposal_too_late, naming the last day); field
 * "date". */
jr_status framework_submit_check(jr_date start, jr_date current_end, jr_date date, jr_error *err);

/* framework_effect_date: the extension date a proposal submitted while the
 * agreement ends on current_end takes effect: current_end + 1 day. */
jr_date framework_effect_date(jr_date current_end);

typedef enum {
    JR_FWP_INGEDIEND = 0,
    JR_FWP_IN_BESPREKING,
    JR_FWP_BESLOTEN,
    JR_FWP_IN_WERKING,
} jr_fwp_state;
#define JR_FWP_STATE_COUNT (JR_FWP_IN_WERKING + 1)

typedef enum {
    JR_FWO_NONE = 0, /* not decided */
    JR_FWO_AANGENOMEN,
    JR_FWO_AFGEWEZEN,
} jr_fwp_outcome;

/* the steps of a proposal after its submission */
typedef enum {
    JR_FWS_DISCUSS = 0, /* -> in_bespreking */
    JR_FWS_DECIDE,      /* -> besloten, with an outcome and a reason */
    JR_FWS_EFFECT,      /* -> in_werking */
} jr_fwp_step;

typedef enum {
    JR_FWK_GEMEENTE = 0,
    JR_FWK_RSJ,
    JR_FWK_AANBIEDER,
} jr_fwp_proposer;

/* The codes ("ingediend", "in_bespreking", "besloten", "in_werking";
 * "aangenomen", "afgewezen" ("" for none); "gemeente", "rsj", "aanbieder")
 * and the Dutch names ("ingediend", "in bespreking", ...); "" outside the
 * enum. The parsers take the code and return false (out untouched) for
 * anything else. */
const char *framework_state_code(jr_fwp_state s);
const char *framework_state_name(jr_fwp_state s);
bool framework_state_parse(const char *s, jr_fwp_state *out);
const char *framework_outcome_code(jr_fwp_outcome o);
bool framework_outcome_parse(const char *s, jr_fwp_outcome *out);
const char *framework_proposer_code(jr_fwp_proposer k);
const char *framework_proposer_name(jr_fwp_proposer k);
bool framework_proposer_parse(const char *s, jr_fwp_proposer *out);

/* framework_step_check: may a proposal in state from (decided with
 * outcome) take step on date today, its extension date being effect and
 * extended telling whether the agreement was extended on that date? On
 * JR_OK *to is the new state. Refusals (JR_EINVAL, field "state" unless
 * said otherwise), each with a Dutch message naming the state it is in:
 *   step_out_of_order  the step does not follow from the state (a
 *                      discussion of a proposal not ingediend, a decision
 *                      of one not in bespreking, in werking of one not
 *                      besloten);
 *   step_too_late      discussion or decision on or after the extension
 *                      date;
 *   proposal_rejected  in werking of an afgewezen proposal;
 *   step_too_early     in werking before the extension date (field
 *                      "date");
 *   not_extended       in werking while the agreement was not extended on
 *                      the extension date. */
jr_status framework_step_check(jr_fwp_state from, jr_fwp_outcome outcome, jr_fwp_step step,
                               jr_date today, jr_date effect, bool extended, jr_fwp_state *to,
                               jr_error *err);

/* framework_text_check: a required text of at most JR_FW_TEXT_MAX bytes
 * that is not only spaces; refuses (jr_refuse, code text_missing or
 * text_too_long, field field) naming what (in Dutch). */
jr_status framework_text_check(jr_status so_far, const char *text, const char *field,
                               const char *what, jr_error *err);

/* ---- the transformation covenant ---- */

typedef enum {
    JR_FCS_AFGESPROKEN = 0,
    JR_FCS_IN_UITVOERING,
    JR_FCS_GEREALISEERD,
    JR_FCS_NIET_GEREALISEERD,
} jr_fcov_status;
#define JR_FCS_COUNT (JR_FCS_NIET_GEREALISEERD + 1)

/* "afgesproken", "in_uitvoering", "gerealiseerd", "niet_gerealiseerd";
 * names in Dutch with spaces. */
const char *framework_cov_status_code(jr_fcov_status s);
const char *framework_cov_status_name(jr_fcov_status s);
bool framework_cov_status_parse(const char *s, jr_fcov_status *out);

#endif

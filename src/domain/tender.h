/*
 * tender.h (domain): the pure rules of a tender (aanbesteding, issue 12,
 * docs/tenders.md): its phases and their dates, which action each phase
 * allows, the weighted result of a registration's scores and whether it
 * passes, and what a decision on later entry must hold.
 *
 * Phases, in order, with the dates a tender carries (every date inclusive):
 *   publicatie            from publication: the tender is visible;
 *   nota van inlichtingen publication .. qa_end: questions may be asked;
 *   inschrijving          publication .. registration_end: registrations;
 *   beoordeling           assessment_start .. assessment_end: scores;
 *   gunning               from award_date: a lot may be awarded once every
 *                         registration of it has a score on every criterion;
 *   standstill            the Alcatel period (Aanbestedingswet 2012 art.
 *                         2.127): it starts the day after the award decision
 *                         and lasts standstill_days calendar days, at least
 *                         20; no contract during it;
 *   contract              from the day after the standstill: contracts.
 *
 * Scores are integers 0..JR_TENDER_SCORE_MAX per assessor and criterion. A
 * criterion's score is the mean of its assessors' scores in tenths, rounded
 * half up (6 and 7: 65 tenths). The weighted result is the sum over the
 * criteria of weight (percentage points, summing to 100) times that score
 * in tenths: 0..10000, i.e. hundredths of a point on a 0..100 scale. A
 * registration passes when every criterion has a score and each score is
 * AT LEAST its minimum: a score exactly at the minimum passes (the minimum
 * is the lowest acceptable score).
 */
#ifndef JR_DOMAIN_TENDER_H
#define JR_DOMAIN_TENDER_H

#include "../core/err.h"
#include "date.h"

#include <stdbool.h>
#include <stdint.h>

#define JR_TENDER_SCORE_MAX 10
#define JR_TENDER_CRIT_MAX 16
#define JR_TENDER_STANDSTILL_MIN 20 /* calendar days, Aw 2012 art. 2.127 lid 3 */
#define JR_TENDER_WEIGHT_TOTAL 100

typedef struct {
    jr_date publication;
    jr_date qa_end;
    jr_date registration_end;
    jr_date assessment_start;
    jr_date assessment_end;
    jr_date award;
    int32_t standstill_days;
    jr_date contract_start;
    jr_date contract_end; /* JR_DATE_NONE: open */
} jr_tender_dates;

typedef enum {
    JR_TP_CONCEPT = 0,  /* before publication */
    JR_TP_NVI,          /* nota van inlichtingen (and inschrijving) */
    JR_TP_INSCHRIJVING, /* after the questions closed, registration open */
    JR_TP_GESLOTEN,     /* registration closed, assessment not yet open */
    JR_TP_BEOORDELING,
    JR_TP_GUNNING,    /* after assessment: waiting for the award */
    JR_TP_STANDSTILL, /* awarded, the Alcatel period runs */
    JR_TP_CONTRACT,   /* standstill over */
} jr_tender_phase;

/* The actions whose dates a tender decides. */
typedef enum {
    JR_TA_ASK = 0,  /* ask a question */
    JR_TA_ANSWER,   /* answer one (until the registration closes) */
    JR_TA_REGISTER, /* register for a lot (first round) */
    JR_TA_SCORE,    /* score a first-round registration */
    JR_TA_AWARD,    /* award a lot */
    JR_TA_CONTRACT, /* turn an award into contracts */
} jr_tender_action;

/* tender_dates_check: the dates in order: publication <= qa_end <=
 * registration_end < assessment_start <= assessment_end < award;
 * standstill_days >= 20; contract_start after award + standstill;
 * contract_end (when set) not before contract_start. Every refusal is
 * collected (jr_refuse), field named after the date. */
jr_status tender_dates_check(const jr_tender_dates *d, jr_error *err);

/* tender_phase: the phase on today; awarded_on is the earliest award of a
 * lot (JR_DATE_NONE: none yet). */
jr_tender_phase tender_phase(const jr_tender_dates *d, jr_date today, jr_date awarded_on);
/* tender_phase_name: "concept", "nota van inlichtingen", ...; the code
 * ("concept", "nvi", "inschrijving", "gesloten", "beoordeling", "gunning",
 * "standstill", "contract") by tender_phase_code. */
const char *tender_phase_name(jr_tender_phase p);
const char *tender_phase_code(jr_tender_phase p);

/* tender_standstill_end: the last day of the standstill after an award on
 * awarded_on (awarded_on + standstill_days); contracts from the day after. */
jr_date tender_standstill_end(const jr_tender_dates *d, jr_date awarded_on);

/* tender_action_allowed: JR_OK when action may happen on today, else
 * JR_EINVAL, code "phase_closed" (or "phase_not_open"), field "datum",
 * and a Dutch message naming the phase, its dates and today. awarded_on
 * is the lot's award (JR_TA_CONTRACT; JR_DATE_NONE: not awarded, code
 * "not_awarded"). */
jr_status tender_action_allowed(const jr_tender_dates *d, jr_tender_action action, jr_date today,
                                jr_date awarded_on, jr_error *err);

/* One criterion as the result needs it. */
typedef struct {
    int32_t weight;    /* percentage points */
    int32_t min_score; /* 0..JR_TENDER_SCORE_MAX */
} jr_tender_crit;

/* The scores of one criterion of one registration: how many assessors and
 * the sum of their scores. */
typedef struct {
    int32_t n;
    int32_t sum;
} jr_tender_tally;

/* The result of one registration. */
typedef struct {
    int ncrit;
    int32_t score_x10[JR_TENDER_CRIT_MAX]; /* -1: no score */
    bool below[JR_TENDER_CRIT_MAX];        /* scored under its minimum */
    int nmissing, nbelow;
    bool complete;    /* every criterion scored */
    bool passes;      /* complete and none below its minimum */
    int64_t weighted; /* sum of weight x score_x10 over the scored criteria */
} jr_tender_result;

/* tender_score_mean_x10: the mean of n scores summing to sum, in tenths,
 * rounded half up; -1 when n is 0. */
int32_t tender_score_mean_x10(int32_t n, int32_t sum);

/* tender_result: the result of the tallies t[0..n) against crit[0..n)
 * (n at most JR_TENDER_CRIT_MAX). */
void tender_result(const jr_tender_crit *crit, const jr_tender_tally *t, int n,
                   jr_tender_result *out);

/* tender_criteria_check: n criteria (1..JR_TENDER_CRIT_MAX), each weight
 * 1..100 and minimum 0..10, the weights summing to exactly 100. */
jr_status tender_criteria_check(const jr_tender_crit *crit, int n, jr_error *err);

/* Later entry: the decision, and its reason. Admission needs one of the
 * three insufficiencies of supply; a refusal says why not. */
typedef enum {
    JR_AR_KWALITEIT = 0, /* supply insufficient in quality */
    JR_AR_KWANTITEIT,    /* ... in quantity */
    JR_AR_SPREIDING,     /* ... in geographic spread */
    JR_AR_VOLDOENDE,     /* refused: supply is sufficient */
    JR_AR_NIET_GESCHIKT, /* refused: the registration does not pass the criteria */
    JR_AR_COUNT,
} jr_admission_reason;

/* admission_reason_parse / _code: "kwaliteit", "kwantiteit", "spreiding",
 * "voldoende_aanbod", "onvoldoende_kwaliteit_inschrijving". */
bool admission_reason_parse(const char *s, jr_admission_reason *out);
const char *admission_reason_code(jr_admission_reason r);

/* admission_check: a decision (admit true: toegelaten) with reason and
 * grounds (the figures it rests on, required, at least 10 characters) for
 * a later registration whose result is res: admission needs an
 * insufficiency reason and a registration that passes (complete, none
 * below the minimum); a refusal needs a refusal reason. Every refusal
 * collected. */
jr_status admission_check(bool admit, jr_admission_reason reason, const char *grounds,
                          const jr_tender_result *res, jr_error *err);

#endif

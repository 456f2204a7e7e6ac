/*
 * forecast.h (domain): the forecast of a year's spending to year end, with
 * the method it used, the warning against the begroting, and the
 * commitment (verplichting) of one open assignment. Pure: no I/O, no
 * clock, no store; amounts are integer eurocents, every division rounds
 * half away from zero (money_mul_div). The definitions are written once in
 * docs/figures.md ("Budget control"); in short:
 *
 * Months so far: 1..L, L the last month of the year that has realised data
 * for the scope (given by the caller: the last batch month of the year with
 * an accepted line of the municipality, any voorziening). No clock: a month
 * counts as realised once it has an accepted line.
 *
 * Realised: the sum of the year's months 1..L (months without lines count
 * 0).
 *
 * Run-rate months: the last (at most) three months m <= L in which this
 * series has an accepted line (months without lines are skipped, so a gap
 * does not pull the rate down). S is their sum, k their number, the
 * run-rate R = S / k.
 *
 * Method, for each remaining month m = L+1..12:
 * - "gerealiseerd" (complete): L = 12, nothing remains;
 * - "geen" (none): no run-rate months (the series has no line in 1..L, or
 *   L = 0): every remaining month is 0;
 * - "seizoen" (seasonal): last year has an accepted line in each of its 12
 *   months and P, the sum of last year's run-rate months (the same
 *   calendar months), is > 0: month m is S x P_m / P, P_m last year's
 *   month m; the run-rate shaped by last year's share of month m relative
 *   to last year's same three months;
 * - "run-rate": otherwise month m is R.
 * Forecast = realised + the remaining months + the commitments the caller
 * adds (the unspent part of open assignments that have no accepted line in
 * the run-rate months, so are not yet in the run-rate: see
 * forecast_commitment) and the task budgets' money (forecast_task).
 */
#ifndef JR_FORECAST_H
#define JR_FORECAST_H

#include "catalog.h"
#include "date.h"
#include "money.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define JR_FC_RUN_MONTHS 3 /* the run-rate is the mean of at most this many months */

/* One year's realised series: accepted amount and accepted lines per
 * batch month, [0] January .. [11] December. A month "has data" when it
 * has at least one accepted line. */
typedef struct {
    jr_cents cents[12];
    int64_t lines[12];
} jr_fc_series;

typedef enum {
    JR_FC_NONE = 0, /* geen: no month to take a run-rate from */
    JR_FC_RUN_RATE, /* run-rate: the mean of the run-rate months, flat */
    JR_FC_SEASONAL, /* seizoen: the run-rate shaped by last year */
    JR_FC_COMPLETE, /* gerealiseerd: the year is realised to December */
} jr_fc_method;

/* The forecast, with everything that states its method. */
typedef struct {
    jr_fc_method method;
    int last_month;                    /* L, 0 when no month is realised */
    int nbase;                         /* k, the run-rate months found */
    int base_months[JR_FC_RUN_MONTHS]; /* their numbers 1..12, ascending */
    jr_cents base_sum;                 /* S */
    jr_cents run_rate;                 /* R = S / k rounded; 0 when k = 0 */
    jr_cents prev_base_sum;            /* P (seasonal only, else 0) */
    jr_cents realised;                 /* months 1..L */
    jr_cents monthly[12];              /* realised for m <= L, projected after */
    jr_cents projected;                /* the sum of the projected months L+1..12 */
    jr_cents commitments;              /* added by the caller, not in the run-rate */
    jr_cents forecast;                 /* realised + projected + commitments */
} jr_forecast;

/* forecast_compute: the forecast of series now whose months so far are
 * 1..last_month (0..12; outside it is clamped), with last year's series
 * prev (NULL: none) and the commitments not yet in the run-rate. */
void forecast_compute(const jr_fc_series *now, const jr_fc_series *prev, int last_month,
                      jr_cents commitments, jr_forecast *out);

/* forecast_base_mask: the run-rate months of f as a bit set (bit m-1 for
 * month m), as spend_year holds an assignment's months: an assignment
 * with a line in one of them is in the run-rate. */
uint32_t forecast_base_mask(const jr_forecast *f);

/* forecast_method_name: "geen", "run-rate", "seizoen", "gerealiseerd". */
const char *forecast_method_name(jr_fc_method m);
/* forecast_method_text: one Dutch sentence that states the method and its
 * parameters (the months, R, S, P), for the UI and the report; written to
 * buf (cap bytes, truncated) and returned. */
char *forecast_method_text(const jr_forecast *f, char *buf, size_t cap);

/* The warning level of a forecast against the begroting. */
typedef enum {
    JR_FC_NO_BUDGET = 0, /* no begroting set: no level */
    JR_FC_ON_TRACK,      /* op koers: forecast < 95 % of the budget */
    JR_FC_ATTENTION,     /* let op: 95 % <= forecast <= budget */
    JR_FC_OVER,          /* overschrijding: forecast > budget */
} jr_fc_level;

/* forecast_level: the level of forecast against budget (has_budget false:
 * JR_FC_NO_BUDGET). A budget of 0 is on track with a forecast of 0 and
 * overrun with any more. */
jr_fc_level forecast_level(jr_cents forecast, jr_cents budget, bool has_budget);
/* forecast_level_name: "geen begroting", "op koers", "let op",
 * "overschrijding". forecast_level_code: "none", "on_track", "attention",
 * "over" (for JSON). */
const char *forecast_level_name(jr_fc_level l);
const char *forecast_level_code(jr_fc_level l);
/* forecast_share_x10: forecast as a share of budget in tenths of a percent
 * (rounded); false when budget <= 0. */
bool forecast_share_x10(jr_cents forecast, jr_cents budget, int64_t *out);

/* forecast_remaining: the unspent part of an open assignment: for a budget
 * assignment budget - used, for a volume assignment (volume granted in
 * unit, used_base used in base units: minutes for hours "04", else the
 * unit itself) the remaining volume x tariff (per unit); never below 0. */
jr_cents forecast_remaining(bool is_budget, jr_cents budget, jr_cents used, int64_t volume,
                            const char *unit, int64_t used_base, jr_cents tariff);

/* forecast_commitment: the part of remaining that falls in the rest of the
 * year, rest_first..year_last, of an assignment running start..run_end:
 * the remaining amount spread evenly over the days from
 * max(start, rest_first) to run_end, counting the days up to year_last.
 * 0 when the run ends before rest_first or starts after year_last. */
jr_cents forecast_commitment(jr_cents remaining, jr_date start, jr_date run_end, jr_date rest_first,
                             jr_date year_last);

/* A task budget (taakgericht) in budget control: its terms are certain, so
 * none is projected at a run-rate. As of the end of month L (the
 * municipality's last realised month, the same L as every other figure):
 * the terms due in months 1..L are realised spending, the year's other
 * terms committed spending, and the forecast holds both (the whole budget
 * of the year, whatever L is). A term is due in the month its period
 * begins (task_budget_term). */
typedef struct {
    jr_cents monthly[12]; /* the term due in each month, [0] January; 0 in the others */
    jr_cents realised;    /* the terms due in months 1..L */
    jr_cents committed;   /* the year's other terms */
} jr_fc_task;

/* forecast_task: the split of task budget t at month last_month (0..12;
 * outside it is clamped). realised + committed is t->amount. */
void forecast_task(const jr_task_budget *t, int last_month, jr_fc_task *out);

#endif

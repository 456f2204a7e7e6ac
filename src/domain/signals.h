/*
 * signals.h: the material control signals (issue 11, "Beheersen"): the
 * rules that decide whether a candidate a municipal controller might follow
 * up is a signal. Pure: the limits come in a struct (defaults below; a
 * region's "signals" object overrides them, config/region.c), the measured
 * numbers come from the caller; no I/O, no clock, no store. Every rule is an
 * exact comparison in integers; the definitions are written once in
 * docs/figures.md ("Control signals"):
 *
 * 1. budget_vol: a provider bills nearly the whole budget on most of its
 *    ended budget assignments: of its budget assignments ended in the period
 *    (at least budget_min_assignments of them), the share with used >=
 *    budget_used_pct % of granted is >= budget_share_pct %.
 * 2. uren: a line of a functiegroep (ambulant hours) declares more than
 *    hours_per_week hours per week of its period: hours x 7 > limit x days.
 * 3. buiten_zorg: an accepted line lies (partly) before the start of care
 *    or after its stop: begin < care_start (or no start of care), or end >
 *    care_stop.
 * 4. credits: a provider's accepted credits in the period exceed
 *    credit_share_pct % of its accepted debits, in amount or in lines.
 * 5. sprong: a provider's accepted amount of one month is more than
 *    jump_factor_pct / 100 times the mean of its three months before
 *    (a month without lines counts 0) and at least jump_min_cents.
 */
#ifndef JR_SIGNALS_H
#define JR_SIGNALS_H

#include "date.h"
#include "money.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum {
    JR_SIG_BUDGET_FULL = 0, /* 1: budget nearly always used up */
    JR_SIG_HOURS,           /* 2: hours per week beyond the limit */
    JR_SIG_OUTSIDE_CARE,    /* 3: billed before start or after stop of care */
    JR_SIG_CREDITS,         /* 4: many credits */
    JR_SIG_JUMP,            /* 5: sudden jump in a month's volume */
    JR_SIG_KINDS,
} jr_signal_kind;

/* The thresholds, per region. */
typedef struct {
    int32_t budget_used_pct;        /* 95: an assignment counts as used up at >= this % */
    int32_t budget_share_pct;       /* 75: the signal at >= this % of the ended ones */
    int32_t budget_min_assignments; /* 4: and at least this many ended in the period */
    int32_t hours_per_week;         /* 40: a line above this many hours per week */
    int32_t credit_share_pct;       /* 10: credits above this % of the debits */
    int32_t jump_factor_pct;        /* 150: a month above 1.5 x the mean of the three before */
    jr_cents jump_min_cents;        /* 1000000 (EUR 10.000): and at least this amount */
} jr_signal_limits;

/* signal_limits_default: the defaults above into *l. */
void signal_limits_default(jr_signal_limits *l);

/* signal_kind_code: "budget_vol", "uren", "buiten_zorg", "credits",
 * "sprong" (the JSON's and the web page's key); "" for no kind. */
const char *signal_kind_code(jr_signal_kind k);
/* signal_kind_name: the Dutch label ("Budget bijna altijd op", ...). */
const char *signal_kind_name(jr_signal_kind k);

/* ---- 1. budget nearly used up ---- */

/* signal_budget_used_up: used >= budget_used_pct % of granted (a grant of
 * 0 or less is never used up). */
bool signal_budget_used_up(const jr_signal_limits *l, jr_cents granted, jr_cents used);
/* signal_budget_fires: of ended assignments, used_up used up: ended >=
 * budget_min_assignments and used_up x 100 >= budget_share_pct x ended. */
bool signal_budget_fires(const jr_signal_limits *l, int64_t ended, int64_t used_up);

/* ---- 2. hours per week ---- */

/* signal_line_minutes: a line's volume in minutes when its unit is hours
 * ("04") or minutes ("01"), else -1 (etmalen and others are no hours). */
int64_t signal_line_minutes(int64_t volume, const char *unit);
/* signal_hours_minutes: the minutes a line counts towards the hours
 * signal: signal_line_minutes for a functiegroep product (ambulant hours),
 * -1 for any other (crisis care on call may run day and night). */
int64_t signal_hours_minutes(int64_t volume, const char *unit, bool functiegroep);
/* signal_line_days: the days of begin..end, both included (at least 1). */
int64_t signal_line_days(jr_date begin, jr_date end);
/* signal_hours_week_x10: minutes over days as hours per week, in tenths,
 * rounded half away from zero (minutes x 7 x 10 / (60 x days)). */
int64_t signal_hours_week_x10(int64_t minutes, int64_t days);
/* signal_hours_fires: minutes over days is more than hours_per_week hours
 * per week: minutes x 7 > hours_per_week x 60 x days (exactly the limit does
 * not fire). */
bool signal_hours_fires(const jr_signal_limits *l, int64_t minutes, int64_t days);

/* JR_SIG_HOURS_KEPT: the import keeps every accepted line of more than this
 * many hours per week for the hours signal (store migration 016,
 * line_signal), so that the signal reads those lines instead of all; a
 * region whose hours_per_week lies below it has the signal read from all
 * lines. */
#define JR_SIG_HOURS_KEPT 20
/* signal_hours_kept: a line in hours or minutes (any product) of more than
 * JR_SIG_HOURS_KEPT hours per week of begin..end: minutes x 7 >
 * JR_SIG_HOURS_KEPT x 60 x days. */
bool signal_hours_kept(int64_t volume, const char *unit, jr_date begin, jr_date end);
/* signal_hours_from_kept: the kept lines hold every line the hours signal
 * under l can fire on (hours_per_week >= JR_SIG_HOURS_KEPT). */
bool signal_hours_from_kept(const jr_signal_limits *l);

/* ---- 3. outside the care period ---- */

typedef enum {
    JR_CARE_INSIDE = 0,
    JR_CARE_BEFORE_START, /* begin before care_start, or no start of care */
    JR_CARE_AFTER_STOP,   /* end after care_stop */
} jr_care_position;

/* signal_care_position: where begin..end lies against care_start..care_stop
 * (JR_DATE_NONE: not reported; no stop means care runs on). Before start
 * wins when a line is both. */
jr_care_position signal_care_position(jr_date care_start, jr_date care_stop, jr_date begin,
                                      jr_date end);
/* signal_care_position_text: "", "voor start zorg", "na stop zorg". */
const char *signal_care_position_text(jr_care_position p);

/* ---- 4. many credits ---- */

/* signal_credits_fires: credit_cents x 100 > credit_share_pct x debit_cents,
 * or credit_lines x 100 > credit_share_pct x debit_lines (amounts as
 * positive numbers; no credit never fires). */
bool signal_credits_fires(const jr_signal_limits *l, jr_cents debit_cents, jr_cents credit_cents,
                          int64_t debit_lines, int64_t credit_lines);
/* signal_credits_share_x10: the larger of the two shares (amount, lines)
 * in tenths of a percent; -1 when there are no debits (a share of nothing). */
int64_t signal_credits_share_x10(jr_cents debit_cents, jr_cents credit_cents, int64_t debit_lines,
                                 int64_t credit_lines);

/* ---- 5. sudden jump ---- */

/* signal_jump_limit: jump_factor_pct / 100 x the mean of the three months
 * before (prev_sum / 3), in cents rounded half away from zero: what a month
 * must exceed. */
jr_cents signal_jump_limit(const jr_signal_limits *l, jr_cents prev_sum);
/* signal_jump_fires: month x 300 > jump_factor_pct x prev_sum (exact), and
 * month >= jump_min_cents. */
bool signal_jump_fires(const jr_signal_limits *l, jr_cents month, jr_cents prev_sum);

#endif

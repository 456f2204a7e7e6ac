/*
 * stats.h: the arithmetic of the monitor's figures, exact in integers:
 * rates per 1,000 and shares in tenths, growth, the median and a
 * percentile, the mean, provider concentration (top-5 share, HHI), CBS's
 * duration classes and the rule that hides small groups. Every figure's
 * definition in docs/figures.md is built from these. Pure, no I/O, no
 * allocation: the caller owns every array.
 *
 * Rounding: half away from zero to the unit named, as money is rounded.
 */
#ifndef JR_STATS_H
#define JR_STATS_H

#include "date.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* stats_div_round: num / den rounded half away from zero; 0 when den is 0. */
int64_t stats_div_round(int64_t num, int64_t den);

/* stats_per_thousand_x10: count per 1,000 of population in tenths (12.3 per
 * 1,000 is 123); -1 when population is 0 (no rate). */
int64_t stats_per_thousand_x10(int64_t count, int64_t population);
/* stats_share_x10: part as a percentage of whole in tenths (45.6 % is
 * 456); -1 when whole is 0. */
int64_t stats_share_x10(int64_t part, int64_t whole);
/* stats_x10_text: tenths as Dutch text with a decimal comma, no thousands
 * separator: 123 is "12,3", -5 is "-0,5"; returns buf. */
#define JR_X10_TEXT 32
char *stats_x10_text(int64_t x10, char buf[JR_X10_TEXT]);
/* stats_growth_x10: the change from before to now as a percentage of
 * before, in tenths (+12.5 % is 125, -3.0 % is -30); false (*out left)
 * when before is 0: growth from nothing has no percentage. */
bool stats_growth_x10(int64_t now, int64_t before, int64_t *out);

/* stats_sort: sorts v ascending (in place). */
void stats_sort(int64_t *v, size_t n);
/* stats_median_x2: twice the median of sorted v (the sum of the two middle
 * values when n is even, twice the middle one when odd), so a median of
 * 12.5 days is exact (25); 0 when n is 0. */
int64_t stats_median_x2(const int64_t *sorted, size_t n);
/* stats_percentile: the nearest-rank percentile of sorted v: the smallest
 * value at or below which at least permille/1000 of the values lie (900:
 * the 90th percentile); 0 when n is 0. */
int64_t stats_percentile(const int64_t *sorted, size_t n, int permille);

/* stats_top_share_x10: the share of the k largest of v (n amounts, not
 * necessarily sorted; v is sorted descending in place) in their total, in
 * tenths of a percent; -1 when the total is 0. */
int64_t stats_top_share_x10(int64_t *v, size_t n, size_t k);
/* stats_hhi: the Herfindahl-Hirschman index of the amounts v: the sum of
 * the squared shares in percent, 0 to 10,000 (one provider: 10,000),
 * rounded; 0 when the total is 0. Amounts must not be negative. */
int64_t stats_hhi(const int64_t *v, size_t n);

/* CBS's classes of the duration of a youth-care trajectory, by calendar
 * months from its start to its end. */
typedef enum {
    JR_DUR_0_3M = 0, /* shorter than 3 months */
    JR_DUR_3_6M,     /* 3 to 6 months */
    JR_DUR_6_12M,    /* 6 months to a year */
    JR_DUR_1_2Y,
    JR_DUR_2_3Y,
    JR_DUR_3_4Y,
    JR_DUR_4Y_PLUS, /* 4 years or longer */
    JR_DUR_NCLASSES,
} jr_duration_class;

/* stats_duration_class: the class of a trajectory from start to end (both
 * included; end on or after start): it lasts until the day after end, so
 * 1 January to 30 March is shorter than 3 months and 1 January to 31 March
 * is 3 to 6 months; likewise at each bound. */
jr_duration_class stats_duration_class(jr_date start, jr_date end);
/* stats_duration_label: "0-3 maanden", ..., "4 jaar of langer". */
const char *stats_duration_label(jr_duration_class c);

/* JR_SMALL_GROUP_DEFAULT: the smallest group an aggregate shows (the
 * region file may set another). */
#define JR_SMALL_GROUP_DEFAULT 10
/* stats_hidden: whether a count of youths must be hidden as "< threshold":
 * 1 to threshold - 1 are (0 shows no one and is shown). */
bool stats_hidden(int64_t count, int64_t threshold);

#endif

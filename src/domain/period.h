/*
 * period.h: the reporting periods of the monitor: a month ("2025-03"), a
 * quarter ("2025-Q2"), a half year ("2025-H1") or a year ("2025"), each an
 * inclusive range of days, with the same period a year earlier for growth
 * figures. Pure functions, no I/O.
 */
#ifndef JR_PERIOD_H
#define JR_PERIOD_H

#include "date.h"

#include <stdbool.h>

typedef enum {
    JR_PERIOD_MONTH = 0,
    JR_PERIOD_QUARTER,
    JR_PERIOD_HALF,
    JR_PERIOD_YEAR,
} jr_period_kind;

typedef struct {
    jr_period_kind kind;
    int year;
    int index;           /* month 1-12, quarter 1-4, half 1-2; 1 for a year */
    jr_date first, last; /* the days it covers, both included */
} jr_period;

#define JR_PERIOD_TEXT_LEN 8 /* "2025-Q2", "2025-03", "2025" and NUL */

/* period_parse: strict "YYYY", "YYYY-MM", "YYYY-Qn" (n 1-4) or "YYYY-Hn"
 * (n 1-2), years 1900-2199; false for anything else. */
bool period_parse(const char *s, jr_period *out);
/* period_format: the text period_parse reads back; returns buf. */
char *period_format(const jr_period *p, char buf[JR_PERIOD_TEXT_LEN]);
/* period_year_before: the same period one year earlier into *out; false
 * when that year is before 1900. */
bool period_year_before(const jr_period *p, jr_period *out);
/* period_days: the number of days p covers. */
int period_days(const jr_period *p);
/* period_months: the months of p in order into out (at most 12), their
 * number returned. */
int period_months(const jr_period *p, jr_month out[12]);

#endif

/*
 * date.h: calendar dates as day numbers, ISO 8601 in and out.
 *
 * A jr_date counts days since 1970-01-01 (proleptic Gregorian), so dates
 * compare with < and differ by subtraction. JR_DATE_NONE marks "no date"
 * (an open end). Pure functions, no time zone, no I/O.
 */
#ifndef JR_DATE_H
#define JR_DATE_H

#include <stdbool.h>
#include <stdint.h>

typedef int32_t jr_date;

#define JR_DATE_NONE INT32_MAX
#define JR_DATE_ISO_LEN 11 /* "YYYY-MM-DD" and NUL */

/* date_from_ymd: the day number of a valid date; false when y-m-d is no real date. */
bool date_from_ymd(int y, int m, int d, jr_date *out);
void date_to_ymd(jr_date date, int *y, int *m, int *d);

/* date_parse: strict "YYYY-MM-DD" (exactly 10 chars, a real date, years 1900-2199). */
bool date_parse(const char *s, jr_date *out);
/* date_parse_n: as date_parse on the n bytes at s. */
bool date_parse_n(const char *s, int n, jr_date *out);
/* date_format: writes "YYYY-MM-DD" (or "" for JR_DATE_NONE) into buf; returns buf. */
char *date_format(jr_date date, char buf[JR_DATE_ISO_LEN]);

/* A month as year*12 + (month-1): compare and step with integers. */
typedef int32_t jr_month;
/* month_parse: strict "YYYY-MM". */
bool month_parse(const char *s, jr_month *out);
char *month_format(jr_month m, char buf[8]);
jr_month date_month(jr_date date);
jr_date month_first_day(jr_month m);
jr_date month_last_day(jr_month m);

/* date_add_months: the same day n months later, clamped to the month's last day. */
jr_date date_add_months(jr_date date, int n);
int date_year(jr_date date);

#endif

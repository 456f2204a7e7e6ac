/*
 * period.c: reporting periods (see period.h).
 */
#include "period.h"

#include <stdio.h>
#include <string.h>

static bool digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static bool period_make(jr_period_kind kind, int year, int index, jr_period *out)
{
    int first_month, months;
    switch (kind) {
    case JR_PERIOD_MONTH:
        if (index < 1 || index > 12)
            return false;
        first_month = index, months = 1;
        break;
    case JR_PERIOD_QUARTER:
        if (index < 1 || index > 4)
            return false;
        first_month = 3 * (index - 1) + 1, months = 3;
        break;
    case JR_PERIOD_HALF:
        if (index < 1 || index > 2)
            return false;
        first_month = 6 * (index - 1) + 1, months = 6;
        break;
    case JR_PERIOD_YEAR:
        if (index != 1)
            return false;
        first_month = 1, months = 12;
        break;
    default:
        return false;
    }
    if (year < 1900 || year > 2199)
        return false;
    jr_month m0 = year * 12 + (first_month - 1);
    out->kind = kind;
    out->year = year;
    out->index = index;
    out->first = month_first_day(m0);
    out->last = month_last_day(m0 + months - 1);
    return true;
}

bool period_parse(const char *s, jr_period *out)
{
    if (!s || !digits(s, 4))
        return false;
    int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    size_t n = strlen(s);
    if (n == 4)
        return period_make(JR_PERIOD_YEAR, year, 1, out);
    if (s[4] != '-')
        return false;
    if (n == 7 && digits(s + 5, 2))
        return period_make(JR_PERIOD_MONTH, year, (s[5] - '0') * 10 + (s[6] - '0'), out);
    if (n == 7 && (s[5] == 'Q' || s[5] == 'H') && digits(s + 6, 1))
        return period_make(s[5] == 'Q' ? JR_PERIOD_QUARTER : JR_PERIOD_HALF, year, s[6] - '0', out);
    return false;
}

char *period_format(const jr_period *p, char buf[JR_PERIOD_TEXT_LEN])
{
    switch (p->kind) {
    case JR_PERIOD_MONTH:
        snprintf(buf, JR_PERIOD_TEXT_LEN, "%04d-%02d", p->year, p->index);
        break;
    case JR_PERIOD_QUARTER:
        snprintf(buf, JR_PERIOD_TEXT_LEN, "%04d-Q%d", p->year, p->index);
        break;
    case JR_PERIOD_HALF:
        snprintf(buf, JR_PERIOD_TEXT_LEN, "%04d-H%d", p->year, p->index);
        break;
    default:
        snprintf(buf, JR_PERIOD_TEXT_LEN, "%04d", p->year);
        break;
    }
    return buf;
}

bool period_year_before(const jr_period *p, jr_period *out)
{
    return period_make(p->kind, p->year - 1, p->index, out);
}

int period_days(const jr_period *p)
{
    return (int)(p->last - p->first) + 1;
}

int period_months(const jr_period *p, jr_month out[12])
{
    int n = 0;
    for (jr_month m = date_month(p->first); m <= date_month(p->last) && n < 12; m++)
        out[n++] = m;
    return n;
}

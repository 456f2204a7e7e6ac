/*
 * date.c: day-number arithmetic for the Gregorian calendar
 * (after H. Hinnant's days_from_civil / civil_from_days).
 */
#include "date.h"

#include <stdio.h>
#include <string.h>

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

static jr_date days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool date_from_ymd(int y, int m, int d, jr_date *out)
{
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return false;
    *out = days_from_civil(y, m, d);
    return true;
}

void date_to_ymd(jr_date date, int *y, int *m, int *d)
{
    int z = date + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int yy = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int dd = doy - (153 * mp + 2) / 5 + 1;
    int mm = mp + (mp < 10 ? 3 : -9);
    *y = yy + (mm <= 2);
    *m = mm;
    *d = dd;
}

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool date_parse_n(const char *s, int n, jr_date *out)
{
    int y, m, d;
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return false;
    if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
        return false;
    return date_from_ymd(y, m, d, out);
}

bool date_parse(const char *s, jr_date *out)
{
    return s != NULL && date_parse_n(s, (int)strlen(s), out);
}

char *date_format(jr_date date, char buf[JR_DATE_ISO_LEN])
{
    if (date == JR_DATE_NONE) {
        buf[0] = '\0';
        return buf;
    }
    int y, m, d;
    date_to_ymd(date, &y, &m, &d);
    /* by hand: this runs several times for every declaration line */
    unsigned uy = (unsigned)y % 10000u;
    buf[0] = (char)('0' + uy / 1000);
    buf[1] = (char)('0' + uy / 100 % 10);
    buf[2] = (char)('0' + uy / 10 % 10);
    buf[3] = (char)('0' + uy % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10);
    buf[6] = (char)('0' + m % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + d / 10);
    buf[9] = (char)('0' + d % 10);
    buf[10] = '\0';
    return buf;
}

bool month_parse(const char *s, jr_month *out)
{
    int y, m;
    if (s == NULL || strlen(s) != 7 || s[4] != '-')
        return false;
    if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || y < 1900 || y > 2199 || m < 1 || m > 12)
        return false;
    *out = y * 12 + (m - 1);
    return true;
}

char *month_format(jr_month mo, char buf[8])
{
    snprintf(buf, 8, "%04u-%02u", (unsigned)(mo / 12) % 10000u, (unsigned)(mo % 12 + 1) % 100u);
    return buf;
}

jr_month date_month(jr_date date)
{
    int y, m, d;
    date_to_ymd(date, &y, &m, &d);
    return y * 12 + (m - 1);
}

jr_date month_first_day(jr_month mo)
{
    return days_from_civil(mo / 12, mo % 12 + 1, 1);
}

jr_date month_last_day(jr_month mo)
{
    int y = mo / 12, m = mo % 12 + 1;
    return days_from_civil(y, m, days_in_month(y, m));
}

jr_date date_add_months(jr_date date, int n)
{
    int y, m, d;
    date_to_ymd(date, &y, &m, &d);
    int total = y * 12 + (m - 1) + n;
    y = total / 12;
    m = total % 12 + 1;
    int dim = days_in_month(y, m);
    return days_from_civil(y, m, d > dim ? dim : d);
}

int date_year(jr_date date)
{
    int y, m, d;
    date_to_ymd(date, &y, &m, &d);
    return y;
}

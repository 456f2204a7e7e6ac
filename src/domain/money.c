/*
 * money.c: eurocent parsing, formatting and rounding.
 */
#include "money.h"

#include <stdio.h>
#include <string.h>

bool money_parse_n(const char *s, int n, jr_cents *out)
{
    int i = 0;
    bool neg = false;
    if (n > 0 && s[0] == '-') {
        neg = true;
        i = 1;
    }
    int64_t whole = 0;
    int ndig = 0;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, ndig++) {
        if (whole > 100000000000LL)
            return false; /* a billion euros on one line is not an amount */
        whole = whole * 10 + (s[i] - '0');
    }
    if (ndig == 0)
        return false;
    int64_t frac = 0;
    if (i < n) {
        if (s[i] != '.')
            return false;
        i++;
        int nfrac = 0;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, nfrac++) {
            if (nfrac >= 2)
                return false;
            frac = frac * 10 + (s[i] - '0');
        }
        if (nfrac == 0 || i != n)
            return false;
        if (nfrac == 1)
            frac *= 10;
    }
    int64_t v = whole * 100 + frac;
    *out = neg ? -v : v;
    return true;
}

bool money_parse(const char *s, jr_cents *out)
{
    return s != NULL && money_parse_n(s, (int)strlen(s), out);
}

char *money_format_plain(jr_cents c, char buf[JR_MONEY_BUF])
{
    uint64_t a = c < 0 ? (uint64_t)(-(c + 1)) + 1 : (uint64_t)c;
    snprintf(buf, JR_MONEY_BUF, "%s%llu.%02llu", c < 0 ? "-" : "", (unsigned long long)(a / 100),
             (unsigned long long)(a % 100));
    return buf;
}

char *money_format_nl(jr_cents c, char buf[JR_MONEY_BUF])
{
    uint64_t a = c < 0 ? (uint64_t)(-(c + 1)) + 1 : (uint64_t)c;
    char whole[24];
    snprintf(whole, sizeof whole, "%llu", (unsigned long long)(a / 100));
    char grouped[32];
    size_t len = strlen(whole), j = 0;
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            grouped[j++] = '.';
        grouped[j++] = whole[i];
    }
    grouped[j] = '\0';
    snprintf(buf, JR_MONEY_BUF, "%s€ %s,%02llu", c < 0 ? "-" : "", grouped,
             (unsigned long long)(a % 100));
    return buf;
}

jr_cents money_mul_div(int64_t a, int64_t b, int64_t d)
{
    __int128 p = (__int128)a * b;
    bool neg = p < 0;
    if (neg)
        p = -p;
    __int128 q = (p + d / 2) / d; /* an exact half rounds up, away from zero */
    return (jr_cents)(neg ? -q : q);
}

jr_cents money_index(jr_cents cents, int32_t basis_points)
{
    return money_mul_div(cents, 10000 + basis_points, 10000);
}

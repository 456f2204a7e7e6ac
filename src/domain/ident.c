/*
 * ident.c: BSN 11-check, AGB and CBS code syntax.
 */
#include "ident.h"

#include <string.h>

static bool all_digits(const char *s, size_t n)
{
    if (s == NULL || strlen(s) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

bool bsn_valid(const char *bsn)
{
    if (!all_digits(bsn, 9))
        return false;
    int sum = 0;
    bool nonzero = false;
    for (int i = 0; i < 8; i++) {
        sum += (9 - i) * (bsn[i] - '0');
        nonzero |= bsn[i] != '0';
    }
    sum -= bsn[8] - '0';
    return nonzero && sum % 11 == 0;
}

bool bsn_complete(const char *first8, char out[10])
{
    if (!all_digits(first8, 8))
        return false;
    memcpy(out, first8, 8);
    out[9] = '\0';
    for (int c = '0'; c <= '9'; c++) {
        out[8] = (char)c;
        if (bsn_valid(out))
            return true;
    }
    return false;
}

bool agb_valid(const char *agb)
{
    return all_digits(agb, 8);
}

bool cbs_valid(const char *cbs)
{
    return all_digits(cbs, 4);
}

/*
 * stats.c: the arithmetic of the monitor's figures (see stats.h).
 */
#include "stats.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

int64_t stats_div_round(int64_t num, int64_t den)
{
    if (den == 0)
        return 0;
    if (den < 0)
        num = -num, den = -den;
    return num >= 0 ? (num + den / 2) / den : -((-num + den / 2) / den);
}

int64_t stats_per_thousand_x10(int64_t count, int64_t population)
{
    return population <= 0 ? -1 : stats_div_round(count * 10000, population);
}

int64_t stats_share_x10(int64_t part, int64_t whole)
{
    return whole == 0 ? -1 : stats_div_round(part * 1000, whole);
}

bool stats_growth_x10(int64_t now, int64_t before, int64_t *out)
{
    if (before == 0)
        return false;
    *out = stats_div_round((now - before) * 1000, before);
    return true;
}

static int cmp_asc(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int cmp_desc(const void *a, const void *b)
{
    return cmp_asc(b, a);
}

void stats_sort(int64_t *v, size_t n)
{
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_asc);
}

int64_t stats_median_x2(const int64_t *sorted, size_t n)
{
    if (n == 0)
        return 0;
    return n % 2 ? 2 * sorted[n / 2] : sorted[n / 2 - 1] + sorted[n / 2];
}

int64_t stats_percentile(const int64_t *sorted, size_t n, int permille)
{
    if (n == 0)
        return 0;
    /* nearest rank: ceil(permille / 1000 * n), at least 1 */
    size_t rank = ((size_t)permille * n + 999) / 1000;
    if (rank < 1)
        rank = 1;
    if (rank > n)
        rank = n;
    return sorted[rank - 1];
}

int64_t stats_top_share_x10(int64_t *v, size_t n, size_t k)
{
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_desc);
    int64_t total = 0, top = 0;
    for (size_t i = 0; i < n; i++) {
        total += v[i];
        if (i < k)
            top += v[i];
    }
    return stats_share_x10(top, total);
}

int64_t stats_hhi(const int64_t *v, size_t n)
{
    int64_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += v[i];
    if (total <= 0)
        return 0;
    /* sum (10000 * a_i^2) / total^2, exact in 128 bits, rounded */
    unsigned __int128 sq = 0, t = (unsigned __int128)total;
    for (size_t i = 0; i < n; i++)
        sq += (unsigned __int128)v[i] * (unsigned __int128)v[i];
    unsigned __int128 den = t * t;
    return (int64_t)((sq * 10000 + den / 2) / den);
}

jr_duration_class stats_duration_class(jr_date start, jr_date end)
{
    static const int months[] = {3, 6, 12, 24, 36, 48};
    /* it lasts from start up to the day after end: exactly 3 months (1
       January to 31 March) is no longer shorter than 3 months */
    for (int c = 0; c < (int)(sizeof months / sizeof months[0]); c++)
        if (end + 1 < date_add_months(start, months[c]))
            return (jr_duration_class)c;
    return JR_DUR_4Y_PLUS;
}

const char *stats_duration_label(jr_duration_class c)
{
    static const char *const labels[JR_DUR_NCLASSES] = {
        "0-3 maanden", "3-6 maanden", "6-12 maanden",    "1-2 jaar",
        "2-3 jaar",    "3-4 jaar",    "4 jaar of langer"};
    return (unsigned)c < JR_DUR_NCLASSES ? labels[c] : "";
}

bool stats_hidden(int64_t count, int64_t threshold)
{
    return count > 0 && count < threshold;
}

char *stats_x10_text(int64_t x10, char buf[JR_X10_TEXT])
{
    uint64_t a = x10 < 0 ? (uint64_t)0 - (uint64_t)x10 : (uint64_t)x10;
    snprintf(buf, JR_X10_TEXT, "%s%" PRIu64 ",%" PRIu64, x10 < 0 ? "-" : "", a / 10, a % 10);
    return buf;
}

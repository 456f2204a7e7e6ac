/*
 * runs.c: distinct youths over assignment runs (see runs.h).
 */
#include "runs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

jr_run_kind runs_kind(const char *category)
{
    if (!category)
        return JR_RUN_OTHER;
    if (strcmp(category, "45") == 0)
        return JR_RUN_AMBULANT;
    if (strcmp(category, "43") == 0 || strcmp(category, "44") == 0)
        return JR_RUN_VERBLIJF;
    return JR_RUN_OTHER;
}

bool runs_init(jr_runs *r, jr_date first, jr_date last, int ngroups)
{
    memset(r, 0, sizeof *r);
    if (last < first || ngroups < 0)
        return false;
    jr_month m0 = date_month(first), m1 = date_month(last);
    if (m1 - m0 + 1 > JR_RUNS_MONTHS || month_first_day(m0) != first || month_last_day(m1) != last)
        return false;
    r->first = first;
    r->last = last;
    r->month0 = m0;
    r->nmonths = (int)(m1 - m0 + 1);
    r->ngroups = ngroups;
    r->groups = calloc((size_t)ngroups + 1, sizeof *r->groups);
    return r->groups != NULL;
}

bool runs_add(jr_runs *r, int group, int64_t youth_id, jr_date start, jr_date end, jr_run_kind kind)
{
    if (start > r->last || end < r->first || end < start)
        return true;
    if (group < 0 || group >= r->ngroups)
        group = -1; /* in the whole only */
    if (r->n == r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 4096;
        jr_run_mark *v = realloc(r->marks, cap * sizeof *v);
        if (!v)
            return false;
        r->marks = v, r->cap = cap;
    }
    jr_month a = date_month(start), b = date_month(end);
    int from = a < r->month0 ? 0 : (int)(a - r->month0);
    int to = b - r->month0 >= r->nmonths ? r->nmonths - 1 : (int)(b - r->month0);
    uint16_t months = (uint16_t)(((1u << (to + 1)) - 1) & ~((1u << from) - 1));
    bool started = start >= r->first, ended = end <= r->last;
    r->marks[r->n++] = (jr_run_mark){youth_id, group, months, (uint8_t)kind, started};
    jr_runs_count *counts[2] = {&r->all, group >= 0 ? &r->groups[group] : NULL};
    for (int i = 0; i < 2 && counts[i]; i++) {
        counts[i]->runs++;
        counts[i]->started += started;
        counts[i]->ended += ended;
    }
    return true;
}

static int mark_cmp(const void *pa, const void *pb)
{
    const jr_run_mark *a = pa, *b = pb;
    if (a->youth_id != b->youth_id)
        return a->youth_id < b->youth_id ? -1 : 1;
    return (a->group > b->group) - (a->group < b->group);
}

/* what one youth had in one group (or in all): the months of each kind */
typedef struct {
    uint16_t any, ambulant, verblijf;
    bool started;
} youth_marks;

static void youth_fold(youth_marks *y, const jr_run_mark *m)
{
    y->any |= m->months;
    if (m->kind == JR_RUN_AMBULANT)
        y->ambulant |= m->months;
    else if (m->kind == JR_RUN_VERBLIJF)
        y->verblijf |= m->months;
    y->started |= m->started != 0;
}

static void youth_count(jr_runs_count *c, const youth_marks *y, int nmonths)
{
    c->youths += y->any != 0;
    c->ambulant_youths += y->ambulant != 0;
    c->verblijf_youths += y->verblijf != 0;
    c->started_youths += y->started;
    for (int i = 0; i < nmonths; i++) {
        c->month_youths[i] += (y->any >> i) & 1;
        c->month_ambulant[i] += (y->ambulant >> i) & 1;
        c->month_verblijf[i] += (y->verblijf >> i) & 1;
    }
}

/* one stable counting pass of v[0..n) into out by digit d(x) (11 bits) */
static void radix_pass(const jr_run_mark *v, size_t n, jr_run_mark *out, int64_t lo, int shift,
                       bool by_group)
{
    size_t pos[2048] = {0};
#define DIGIT(x)                                                                                   \
    (by_group ? (size_t)((x).group + 1)                                                            \
              : (size_t)((((uint64_t)(x).youth_id - (uint64_t)lo) >> shift) & 2047))
    for (size_t i = 0; i < n; i++)
        pos[DIGIT(v[i])]++;
    size_t at = 0;
    for (size_t d = 0; d < 2048; d++) {
        size_t c = pos[d];
        pos[d] = at;
        at += c;
    }
    for (size_t i = 0; i < n; i++)
        out[pos[DIGIT(v[i])]++] = v[i];
#undef DIGIT
}

/* sort_marks: the marks by youth and group. A radix sort (the group, then
 * the youth id over its span, 11 bits a pass) when there is room for a
 * copy of them: qsort's comparisons of the 675,000 runs of a national
 * year were a seventh of the benchmark; else qsort. */
static void sort_marks(jr_run_mark *v, size_t n, int ngroups)
{
    if (n < 2)
        return;
    jr_run_mark *tmp = n >= 256 && ngroups < 2047 ? malloc(n * sizeof *tmp) : NULL;
    if (!tmp) {
        qsort(v, n, sizeof *v, mark_cmp);
        return;
    }
    int64_t lo = v[0].youth_id, hi = lo;
    for (size_t i = 1; i < n; i++) {
        lo = v[i].youth_id < lo ? v[i].youth_id : lo;
        hi = v[i].youth_id > hi ? v[i].youth_id : hi;
    }
    uint64_t span = (uint64_t)hi - (uint64_t)lo;
    jr_run_mark *src = v, *dst = tmp;
    radix_pass(src, n, dst, lo, 0, true);
    src = tmp, dst = v;
    for (int shift = 0; shift < 64 && (span >> shift) != 0; shift += 11) {
        radix_pass(src, n, dst, lo, shift, false);
        jr_run_mark *t = src;
        src = dst, dst = t;
    }
    if (src != v)
        memcpy(v, src, n * sizeof *v);
    free(tmp);
}

void runs_count(jr_runs *r)
{
    sort_marks(r->marks, r->n, r->ngroups);
    size_t i = 0;
    while (i < r->n) { /* one youth: marks i..j-1, in group order */
        int64_t youth = r->marks[i].youth_id;
        youth_marks all = {0};
        while (i < r->n && r->marks[i].youth_id == youth) {
            int32_t g = r->marks[i].group;
            youth_marks in = {0};
            for (; i < r->n && r->marks[i].youth_id == youth && r->marks[i].group == g; i++) {
                youth_fold(&in, &r->marks[i]);
                youth_fold(&all, &r->marks[i]);
            }
            if (g >= 0)
                youth_count(&r->groups[g], &in, r->nmonths);
        }
        youth_count(&r->all, &all, r->nmonths);
    }
}

void runs_free(jr_runs *r)
{
    free(r->marks);
    free(r->groups);
    memset(r, 0, sizeof *r);
}

/* ---- the care summary ---- */

bool runs_has_days(const jr_care_run *r)
{
    return r->end >= r->start;
}

size_t runs_years_needed(const jr_care_run *v, size_t n)
{
    size_t need = 0;
    for (size_t i = 0; i < n; i++)
        if (runs_has_days(&v[i]))
            need += 2 * (size_t)(date_year(v[i].end) - date_year(v[i].start) + 1);
    return need;
}

/* year_slot: the entry of (year, gemeente) in out[0..*n), added when
 * absent; NULL when out is full */
static jr_care_year *year_slot(jr_care_year *out, size_t *n, size_t cap, int year,
                               const char *gemeente)
{
    for (size_t i = 0; i < *n; i++)
        if (out[i].year == year && strcmp(out[i].gemeente, gemeente) == 0)
            return &out[i];
    if (*n == cap)
        return NULL;
    jr_care_year *y = &out[(*n)++];
    memset(y, 0, sizeof *y);
    y->year = year;
    snprintf(y->gemeente, sizeof y->gemeente, "%s", gemeente);
    return y;
}

static void year_mark(jr_care_year *y, const jr_care_run *r, uint16_t months, uint16_t started)
{
    y->any |= months;
    if (r->kind == JR_RUN_AMBULANT)
        y->ambulant |= months;
    else if (r->kind == JR_RUN_VERBLIJF)
        y->verblijf |= months;
    y->started |= started;
}

size_t runs_year_fold(const jr_care_run *v, size_t n, jr_care_year *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const jr_care_run *r = &v[i];
        if (!runs_has_days(r))
            continue;
        jr_month a = date_month(r->start), b = date_month(r->end);
        for (int year = (int)(a / 12); year <= (int)(b / 12); year++) {
            int from = year == (int)(a / 12) ? (int)(a % 12) : 0;
            int to = year == (int)(b / 12) ? (int)(b % 12) : 11;
            uint16_t months = (uint16_t)(((1u << (to + 1)) - 1) & ~((1u << from) - 1));
            uint16_t started = year == (int)(a / 12) ? (uint16_t)(1u << (a % 12)) : 0;
            jr_care_year *own = year_slot(out, &k, cap, year, r->gemeente);
            if (!own)
                return (size_t)-1;
            year_mark(own, r, months, started);
            jr_care_year *all = year_slot(out, &k, cap, year, "");
            if (!all)
                return (size_t)-1;
            year_mark(all, r, months, started);
        }
    }
    return k;
}

bool runs_one_year(const jr_runs *r)
{
    return r->nmonths > 0 && r->month0 / 12 == (r->month0 + r->nmonths - 1) / 12;
}

void runs_add_year(jr_runs *r, int group, const jr_care_year *y, int64_t youths)
{
    if (!runs_one_year(r) || y->year != (int)(r->month0 / 12))
        return;
    int off = (int)(r->month0 % 12);
    unsigned period = ((1u << r->nmonths) - 1) << off;
    if (group >= r->ngroups)
        return; /* a municipality outside the groups: in the whole's own rows */
    jr_runs_count *c = group >= 0 ? &r->groups[group] : &r->all;
    c->youths += (y->any & period) ? youths : 0;
    c->ambulant_youths += (y->ambulant & period) ? youths : 0;
    c->verblijf_youths += (y->verblijf & period) ? youths : 0;
    c->started_youths += (y->started & period) ? youths : 0;
    for (int i = 0; i < r->nmonths; i++) {
        c->month_youths[i] += ((y->any >> (off + i)) & 1) * youths;
        c->month_ambulant[i] += ((y->ambulant >> (off + i)) & 1) * youths;
        c->month_verblijf[i] += ((y->verblijf >> (off + i)) & 1) * youths;
    }
}

void runs_add_span(jr_runs *r, int group, jr_month start, jr_month end, int64_t runs)
{
    jr_month m0 = r->month0, m1 = r->month0 + r->nmonths - 1;
    if (end < start || start > m1 || end < m0)
        return;
    jr_runs_count *counts[2] = {&r->all,
                                group >= 0 && group < r->ngroups ? &r->groups[group] : NULL};
    for (int i = 0; i < 2 && counts[i]; i++) {
        counts[i]->runs += runs;
        counts[i]->started += start >= m0 ? runs : 0;
        counts[i]->ended += end <= m1 ? runs : 0;
    }
}

/*
 * runs.h: distinct youths in care over assignment runs, per group and per
 * month of a reporting period, counted in memory (pure, no I/O).
 *
 * A run is an assignment's days from its start_date to the earlier of its
 * end_date and its care_stop (docs/figures.md, "Volume"). The monitor asks
 * how many different youths had a run on at least one day of a period, of
 * each month of it, of one kind (ambulant or wonen/verblijf), or started
 * one in it, per municipality and for the whole region at once. SQL's
 * COUNT(DISTINCT) builds a b-tree per column for that; this module takes
 * the runs once, marks each with the months of the period it covers, sorts
 * the marks by youth and counts every figure in one walk, so that the
 * region and each of its municipalities, and every month of a year, cost
 * one read of the runs.
 *
 * A youth with runs in two groups counts once in each group and once in
 * the whole ("all"). Months are the period's, at most JR_RUNS_MONTHS, bit
 * i for the period's i-th month; a period is whole months (domain/period.h),
 * so a run covers a month exactly when it covers one of its days.
 *
 * Ownership: runs_init allocates, runs_free releases; the counts live in
 * the struct.
 */
#ifndef JR_RUNS_H
#define JR_RUNS_H

#include "date.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define JR_RUNS_MONTHS 12

/* The kind of care of a run, by the iJw product category of its
 * assignment: ambulant is 45, wonen/verblijf 43 and 44; crisis (46) and
 * any other category is neither. */
typedef enum { JR_RUN_OTHER, JR_RUN_AMBULANT, JR_RUN_VERBLIJF } jr_run_kind;

/* runs_kind: the kind of an iJw product category ("45"). */
jr_run_kind runs_kind(const char *category);

/* The figures of one group (or of all): youths are distinct, runs are
 * assignments. */
typedef struct {
    int64_t youths;          /* with a run on a day of the period */
    int64_t started_youths;  /* with a run that started in the period */
    int64_t ambulant_youths; /* with an ambulant run in the period */
    int64_t verblijf_youths; /* with a wonen/verblijf run in the period */
    int64_t runs;            /* runs on a day of the period */
    int64_t started;         /* of those, started in the period */
    int64_t ended;           /* of those, ended in the period */
    int64_t month_youths[JR_RUNS_MONTHS];
    int64_t month_ambulant[JR_RUNS_MONTHS];
    int64_t month_verblijf[JR_RUNS_MONTHS];
} jr_runs_count;

typedef struct {
    int64_t youth_id;
    int32_t group;
    uint16_t months; /* the period's months the run covers */
    uint8_t kind;    /* jr_run_kind */
    uint8_t started; /* 1: started in the period */
} jr_run_mark;

typedef struct {
    jr_date first, last; /* the period's days */
    jr_month month0;     /* its first month */
    int nmonths;
    int ngroups;
    jr_run_mark *marks;
    size_t n, cap;
    jr_runs_count *groups; /* ngroups of them */
    jr_runs_count all;     /* every group together */
} jr_runs;

/* runs_init: an empty count over first..last (whole months, at most
 * JR_RUNS_MONTHS of them) in ngroups groups (0..ngroups-1); false when the
 * span is not that or memory runs out. */
bool runs_init(jr_runs *r, jr_date first, jr_date last, int ngroups);
/* runs_add: one run of youth_id in group from start to end (its run end,
 * inclusive). A run outside the period is not counted; one in a group
 * outside 0..ngroups-1 counts in the whole only. False only when memory
 * runs out. */
bool runs_add(jr_runs *r, int group, int64_t youth_id, jr_date start, jr_date end,
              jr_run_kind kind);
/* runs_count: sorts the marks and fills groups[] and all. Call once, after
 * the last runs_add. */
void runs_count(jr_runs *r);
void runs_free(jr_runs *r);

/* ---- the care summary (migration 024, store/figures_sum.h) ----
 * The monitor's counts of youths and runs are kept current by the writers
 * of assignments in two small tables instead of being counted from every
 * run of a period. A youth's year in a municipality (or, gemeente "", in
 * the region: every run of the youth) is four masks of that year's months,
 * bit 0 January: the months with a run, with an ambulant run, with a
 * wonen/verblijf run, and the months in which a run started. The summary
 * counts the youths per year, municipality and the four masks; a period
 * (whole months of one year) then counts a youth when its mask meets the
 * period's months, which is exactly what runs_add and runs_count find
 * from the runs themselves. Runs are counted per municipality, start month
 * and end month. */
typedef struct {
    char gemeente[5]; /* CBS code */
    jr_run_kind kind;
    jr_date start, end; /* the run's first and last day */
} jr_care_run;

typedef struct {
    int year;
    char gemeente[5]; /* "" for the region */
    uint16_t any, ambulant, verblijf, started;
} jr_care_year;

/* runs_year_fold: the years of one youth's runs v[0..n) (its assignments
 * that are not withdrawn), per municipality and for the region, into out
 * (at most cap); returns how many, or (size_t)-1 when cap is too small.
 * A run that ends before it starts covers no day and is left out, as
 * runs_add does. runs_years_needed: a cap that is always enough. */
size_t runs_year_fold(const jr_care_run *v, size_t n, jr_care_year *out, size_t cap);
/* runs_has_days: whether the run covers a day (it does not end before it
 * starts); one that does not counts nowhere. */
bool runs_has_days(const jr_care_run *r);
size_t runs_years_needed(const jr_care_run *v, size_t n);

/* runs_add_year: count youths of one summary row (year and masks of
 * group, -1 for the whole) in a count made by runs_init; rows of another
 * year than the period's add nothing. runs_add_span: count runs runs of
 * group (-1: the whole only; else the group and the whole) from month
 * start to month end. Neither adds marks: runs_count is not called after
 * them. */
void runs_add_year(jr_runs *r, int group, const jr_care_year *y, int64_t youths);
void runs_add_span(jr_runs *r, int group, jr_month start, jr_month end, int64_t runs);
/* runs_one_year: whether the count's period lies in one calendar year
 * (every period of domain/period.h does), which the summary needs. */
bool runs_one_year(const jr_runs *r);

#endif

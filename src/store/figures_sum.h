/*
 * figures_sum.h (store): the care summary of migration 026, the counts of
 * youths in care and of assignment runs that the monitor reads instead of
 * every run of a period (docs/figures.md, "The care summary").
 *
 * The writers of assignments (store/assignments.c) keep it: before a write
 * they take the youth's runs out of it (sign -1) and after it put them back
 * in (sign +1), in one savepoint with the write, so that it always equals
 * what the assignment table says. Nothing else writes it.
 */
#ifndef JR_STORE_FIGURES_SUM_H
#define JR_STORE_FIGURES_SUM_H

#include "../domain/runs.h"
#include "store.h"

/* store_care_sum_youth: adds sign (+1 or -1) times youth_id's runs (its
 * assignments that are not withdrawn) to the summary. */
jr_status store_care_sum_youth(jr_store *st, int64_t youth_id, int sign, jr_error *err);
/* store_care_youth_of: the youth of assignment id into *youth, 0 when
 * there is no such assignment. */
jr_status store_care_youth_of(jr_store *st, int64_t id, int64_t *youth, jr_error *err);

/* One row of care_youth_sum: y.gemeente "" is the region's. */
typedef struct {
    jr_care_year y;
    int64_t youths;
} store_care_youth_row;

/* store_care_youths_each: the rows of year with a youth, of gemeente
 * (NULL: every municipality's and the region's), to fn (non-zero stops). */
jr_status store_care_youths_each(jr_store *st, int year, const char *gemeente,
                                 int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

/* One row of care_run_sum. */
typedef struct {
    char gemeente[5];
    jr_month start, end;
    int64_t runs;
} store_care_run_row;

/* store_care_runs_each: the rows with a run of gemeente (NULL: every
 * municipality) that start by month last and end in or after month first. */
jr_status store_care_runs_each(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                               int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

#endif

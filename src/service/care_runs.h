/*
 * care_runs.h (service): the youths in care and the assignment runs of a
 * period, per municipality and for the region, counted once for every
 * figure that needs them (the volume, the benchmark, ambulantisering).
 *
 * Without a provider filter, and for a period of whole months in one year
 * (every reporting period), the counts come from the care summary that the
 * writers of assignments keep (store/figures_sum.h, migration 026): a few
 * thousand rows whatever the size of the year. With a provider, or another
 * span, from the runs themselves (store_fb_runs_each, domain/runs.h). Both
 * give the same counts (tests/integration/test_figures.c).
 */
#ifndef JR_SERVICE_CARE_RUNS_H
#define JR_SERVICE_CARE_RUNS_H

#include "../domain/runs.h"
#include "svc.h"

/* care_runs_count: the runs of gemeente (NULL: every municipality, each
 * its own group in catalog order, and the region in runs->all; else one
 * group, also in runs->all) in first..last (whole months, at most 12), of
 * provider agb (NULL: every provider's), into *runs (runs_free after).
 * Reads in the caller's transaction. */
jr_status care_runs_count(const jr_ctx *ctx, jr_date first, jr_date last, const char *gemeente,
                          const char *agb, jr_runs *runs, jr_error *err);

#endif

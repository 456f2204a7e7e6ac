/*
 * report.h (service): the council report (raadsrapportage, issue 11): every
 * figure a municipality's council (or the region's board) reads about one
 * reporting period, gathered in one call within the principal's scope, so
 * that the renderer (render/report_pdf.h) only lays out what it is given.
 *
 * The report holds, for one municipality (or the region) and one period:
 * the volume, referrals and spending with the same period a year before
 * (service/figures.h); durations, waiting times, endings, budget use and
 * provider concentration (service/figures_care.h); ambulantisering and the
 * benchmark between the region's municipalities (service/figures_bench.h);
 * the budget control of the period's year (service/budgetctl.h); and the
 * control signals (service/signals.h) without their lines. Each
 * figure's definition is the one of docs/figures.md.
 *
 * Scope: the figures' own (figures.h). A municipal role reports on its own
 * municipality (asking another is refused, JR_EFORBIDDEN; asking none gives
 * its own); beheerder, rsj and lezer any municipality or the region. A
 * council report is a publication: whoever makes it, its figures are those
 * a lezer sees, small groups hidden ("< 10"). A provider's role is refused: a council
 * report covers every provider, and a provider sees its own production in
 * the monitor. Producing a report is recorded in the audit log (action
 * rapport.raad, entity report, the municipality or "regio"): it reads no
 * personal data, but it is what a council is shown, so who made which
 * report when is kept.
 */
#ifndef JR_REPORT_H
#define JR_REPORT_H

#include "budgetctl.h"
#include "figures.h"
#include "figures_bench.h"
#include "figures_care.h"
#include "signals.h"
#include "svc.h"

#include <stdbool.h>

/* The Dutch name of a key the care figures use (a keuzebudget, "offerte",
 * an iJw product code), so that the report names what a council reads. */
typedef struct {
    char code[16];
    char name[112];
} jr_report_label;

#define JR_REPORT_MAX_LABELS (JR_MAX_PRODUCTS + JR_MAX_BUDGETS + 1)

typedef struct {
    jr_period period, before; /* before: the same period a year earlier */
    char gemeente[5];         /* "" for the region */
    char name[48];            /* the municipality's name, or the region's */
    char region[48];          /* the region's name */
    jr_date produced;         /* the date of production (the system's today) */
    char produced_by[64];     /* the user who made it */
    int64_t threshold;        /* the small-group threshold */

    jr_figures_volume volume;
    jr_figures_referrals referrals;
    jr_figures_spending spending;
    jr_fc_durations durations;
    jr_fc_waiting waiting;
    jr_fc_endings endings;
    jr_fc_budget_use budget_use;
    jr_fc_concentration concentration;
    jr_figures_ambulant ambulant;
    jr_figures_benchmark benchmark;
    jr_budget_control control;
    jr_signals signals; /* the control signals, as a lezer sees them: no lines */
    int nlabels;
    jr_report_label labels[JR_REPORT_MAX_LABELS]; /* from the catalog */
} jr_council_report;

/* report_label: the name of key in r's labels, or key itself. */
const char *report_label(const jr_council_report *r, const char *key);

/* report_council: gathers the council report of period for gemeente (NULL:
 * the region, or a municipal role's own) into *out (allocated by the
 * caller; large) and records its production in the audit log. Refusals as
 * the figures (JR_EINVAL gemeente_unknown, JR_EFORBIDDEN); the caller
 * releases the lists with report_council_free, also after a failure. */
jr_status report_council(const jr_ctx *ctx, const jr_period *period, const char *gemeente,
                         jr_council_report *out, jr_error *err);
/* report_council_free: releases the lists report_council allocated in r
 * (not r itself). */
void report_council_free(jr_council_report *r);

#endif

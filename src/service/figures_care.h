/*
 * figures_care.h: the monitor's figures on care itself, for one
 * municipality or the region and one reporting period (domain/period.h):
 * how long ended assignments lasted, how long youths waited from referral
 * to care, why care ended (grouped as CBS does, domain/endings.h) and who
 * came back within a year, how concentrated spending is per voorziening,
 * and how budgets were used. Each figure is defined once, in
 * docs/figures.md; the header comment of its function repeats it.
 *
 * Voorziening: a budget assignment's keuzebudget (KB1..KB7), "offerte" for
 * a budget granted on a quote, else the assignment's iJw product code.
 *
 * Scope (every function): the role must read settlements
 * (JR_ACT_SETTLE_READ). gemeente is the municipality asked for (a CBS code
 * of the catalog) or NULL for the region. A provider (aanbieder) counts its
 * own production only. A reader (lezer), and a municipal role (toegang,
 * gemeente) looking beyond its own municipality, see aggregates: a group
 * of 1 to threshold - 1 youths is hidden (its hidden flag set, its count
 * and every figure of it zero), as stats_hidden says. Unknown municipality:
 * JR_EINVAL gemeente_unknown.
 *
 * Provider filter (each function's agb; NULL: every provider, or an
 * aanbieder's own production): only the assignments and lines of that
 * provider count, and head.agb names it. Refused as figures_provider
 * (service/figures.h) refuses: JR_EINVAL aanbieder_unknown, or
 * JR_EFORBIDDEN for an aanbieder asking another provider's. Hiding is the
 * viewer's as without the filter.
 *
 * Ownership: the caller owns *out; the arrays in it are allocated here and
 * released by the matching _free (which also takes a zeroed struct).
 */
#ifndef JR_FIGURES_CARE_H
#define JR_FIGURES_CARE_H

#include "../domain/endings.h"
#include "../domain/period.h"
#include "../domain/stats.h"
#include "svc.h"

#include <stdbool.h>
#include <stddef.h>

#define JR_FC_KEY_LEN 16

/* What a figure covers, as the service applied the scope. */
typedef struct {
    jr_period period;
    char gemeente[5]; /* "" for the region */
    char agb[9];      /* one provider's production (asked, or an aanbieder's own); "" all */
    bool aggregate;   /* small groups are hidden */
    int64_t threshold;
} jr_fc_head;

/* A group of days (durations, waiting times). */
typedef struct {
    char key[JR_FC_KEY_LEN];          /* voorziening or AGB; "" for the total */
    bool hidden;                      /* 1..threshold-1 youths seen as an aggregate */
    int64_t n;                        /* assignments */
    int64_t youths;                   /* distinct youths */
    int64_t mean;                     /* days, rounded half away from zero */
    int64_t median_x2;                /* twice the median in days */
    int64_t p90;                      /* nearest-rank 90th percentile in days */
    int64_t classes[JR_DUR_NCLASSES]; /* durations only: assignments per CBS class */
} jr_fc_days;

typedef struct {
    jr_fc_head head;
    jr_fc_days total;
    size_t n;
    jr_fc_days *by_voorziening; /* in key order */
} jr_fc_durations;

/* figures_care_durations: the assignments ENDED in the period (status
 * beeindigd, end date in the period). Duration from the start of care
 * (the assignment's start when care was never reported started) to the
 * definitive stop of care (the assignment's end date when none), both days
 * included; mean, median and the CBS classes (stats_duration_class), in
 * total and per voorziening. */
jr_status figures_care_durations(const jr_ctx *ctx, const char *gemeente, const char *agb,
                                 const jr_period *p, jr_fc_durations *out, jr_error *err);
void figures_care_durations_free(jr_fc_durations *d);

typedef struct {
    jr_fc_head head;
    jr_fc_days total;
    size_t nv, np;
    jr_fc_days *by_voorziening; /* in key order */
    jr_fc_days *by_provider;    /* in AGB order */
} jr_fc_waiting;

/* figures_care_waiting: the assignments whose care STARTED in the period
 * and that came from a referral: days from the referral date to the start
 * of care (0 on the same day); median and nearest-rank 90th percentile, in
 * total, per voorziening and per provider. */
jr_status figures_care_waiting(const jr_ctx *ctx, const char *gemeente, const char *agb,
                               const jr_period *p, jr_fc_waiting *out, jr_error *err);
void figures_care_waiting_free(jr_fc_waiting *w);

/* One iJw RedenBeeindiging. */
typedef struct {
    char reason[3]; /* "" for stops without a known reason */
    jr_end_group group;
    bool hidden;
    int64_t n;
} jr_fc_reason;

typedef struct {
    jr_fc_head head;
    bool total_hidden;
    int64_t total; /* definitive stops in the period */
    bool group_hidden[JR_END_NGROUPS];
    int64_t groups[JR_END_NGROUPS];          /* per CBS group */
    int64_t group_share_x10[JR_END_NGROUPS]; /* of total, tenths of a percent; -1 when total 0 */
    size_t nreasons;
    jr_fc_reason *reasons; /* in code order, "" last */
    /* re-entry: youths whose care definitively stopped in the 12 months
     * before the period (from the same day a year before its first day to
     * the day before it) and who have an assignment starting in the period */
    bool ended_before_hidden, reentered_hidden;
    int64_t ended_before, reentered;
    int64_t reentry_share_x10; /* reentered of ended_before; -1 when 0 */
} jr_fc_endings;

/* figures_care_endings: the assignments (not withdrawn) whose care stopped
 * DEFINITIVELY in the period (the current stop of care in the period, its
 * reason not 20), by reason and CBS group (end_reason_group); and the
 * re-entry above. */
jr_status figures_care_endings(const jr_ctx *ctx, const char *gemeente, const char *agb,
                               const jr_period *p, jr_fc_endings *out, jr_error *err);
void figures_care_endings_free(jr_fc_endings *e);

/* Provider concentration of one voorziening: unlike the other care figures,
 * the voorziening of the spending figures (figures_voorziening_of: the
 * product's kind in the catalog, ambulant, wonen/verblijf, crisis, dyslexie,
 * overig), the market a lot is tendered for; a keuzebudget is a budget
 * level, not a market. */
typedef struct {
    char key[JR_FC_KEY_LEN]; /* voorziening name; "" for all voorzieningen together */
    int64_t providers;       /* with a positive amount */
    jr_cents total;
    int64_t top5_x10; /* share of the five largest, tenths of a percent; -1 when total 0 */
    int64_t hhi;      /* 0..10,000 */
} jr_fc_conc;

typedef struct {
    jr_fc_head head;
    jr_fc_conc total;
    size_t n;
    jr_fc_conc *by_voorziening; /* in key order */
} jr_fc_concentration;

/* figures_care_concentration: the accepted spending (accepted debits minus
 * accepted credits) of the declaration lines beginning in the period, per
 * provider; per voorziening (the product's, see jr_fc_conc) and over all:
 * the number of providers with a
 * positive amount, the share of the five largest (stats_top_share_x10) and
 * the HHI (stats_hhi) over those positive amounts. */
jr_status figures_care_concentration(const jr_ctx *ctx, const char *gemeente, const char *agb,
                                     const jr_period *p, jr_fc_concentration *out, jr_error *err);
void figures_care_concentration_free(jr_fc_concentration *c);

/* Budget use of one keuzebudget (or "offerte"). */
typedef struct {
    char key[JR_FC_KEY_LEN]; /* "" for the total */
    bool hidden;
    int64_t n, youths;
    jr_cents granted, used, released;
    int64_t use_x10; /* used of granted, tenths of a percent; -1 when granted 0 */
} jr_fc_budget;

typedef struct {
    jr_fc_head head;
    jr_fc_budget total;
    size_t n;
    jr_fc_budget *by_budget; /* in key order */
} jr_fc_budget_use;

/* figures_care_budget: the BUDGET assignments ended in the period (status
 * beeindigd, end date in the period): granted (the budget), used (accepted
 * debits minus credits) and released to the municipality (ledger_compute
 * of an ended ledger: what was not used, never below zero), per keuzebudget
 * and in total. */
jr_status figures_care_budget(const jr_ctx *ctx, const char *gemeente, const char *agb,
                              const jr_period *p, jr_fc_budget_use *out, jr_error *err);
void figures_care_budget_free(jr_fc_budget_use *b);

#endif

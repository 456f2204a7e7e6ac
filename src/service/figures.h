/*
 * figures.h (service): the monitor's first figures (issue 11): volume
 * (youths in care, assignments started, ended and active), referrals by
 * referrer type and by route, and spending (accepted declarations) per
 * voorziening, functiegroep and provider with averages and growth. Each is
 * computed for one reporting period (domain/period.h) and the same period
 * a year before, for one municipality or the region, within the
 * principal's scope. The definitions are written once in docs/figures.md;
 * each function's comment below repeats them in short.
 *
 * Scope (JR_ACT_SETTLE_READ, which every reading role has):
 * - beheerder, rsj (and the system): any municipality or the region;
 * - toegang, gemeente: its own municipality (asking another is refused,
 *   JR_EFORBIDDEN) and the region's aggregate beside it;
 * - aanbieder: its own production only (its assignments, its lines, the
 *   referrals that led to one of its assignments), in any municipality;
 * - lezer: any municipality and the region, aggregates only.
 * A provider filter (each function's agb, the monitor's ?aanbieder=)
 * narrows any of these to one provider's production (its assignments, its
 * lines, the referrals that led to one of its assignments), the region's
 * figures beside a municipality's too, so that like is compared with like;
 * an aanbieder may ask only its own. Without it (NULL) the figures cover
 * every provider, or an aanbieder's own production.
 * Counts of youths from 1 to threshold - 1 (the region file's
 * small_group_threshold, JR_SMALL_GROUP_DEFAULT = 10 when it sets none) are
 * hidden, value 0 and hidden set, in what a lezer sees and in the region's
 * figures beside a municipal user's own; a hidden count hides the rates
 * and averages built on it.
 *
 * Ownership: every result is a plain struct the caller owns; only the
 * spending's provider lists are allocated (figures_spending_free).
 */
#ifndef JR_FIGURES_H
#define JR_FIGURES_H

#include "../domain/period.h"
#include "../domain/stats.h"
#include "svc.h"

#include <stdbool.h>
#include <stdint.h>

/* A count of youths (or of referrals, each of one youth) as shown: n, or
 * hidden (n then 0) when 1 <= count < the threshold for this viewer. */
typedef struct {
    int64_t n;
    bool hidden;
} jr_fig_count;

/* The scope a figure set was computed for. */
typedef struct {
    char gemeente[5];  /* "" for the region */
    char name[48];     /* the municipality's name, or the region's */
    char agb[9];       /* "" unless restricted to one provider (asked, or an aanbieder's own) */
    int64_t threshold; /* the small-group threshold applied */
} jr_fig_scope;

/* ---- who sees what, shared by the figure modules ---- */

/* What one call computes: the filters of the asked figures and of the
 * region's beside them, and whether small groups are hidden in each. */
typedef struct {
    const char *gemeente; /* NULL: the region */
    const char *agb;      /* one provider's production only (asked, or an aanbieder's own) */
    bool hide, hide_region, has_region;
    jr_fig_scope scope, region; /* with the region file's threshold */
} jr_fig_plan;

/* figures_plan: checks the principal (JR_ACT_SETTLE_READ), the asked
 * municipality (JR_EINVAL gemeente_unknown) and the asked provider agb
 * (figures_provider; NULL: none) and fills p as the header of this file
 * says: a municipal role defaults to its own municipality, a provider sees
 * its own production, the asked provider's production narrows both the
 * scope and the region beside it (p->agb, scope.agb, region.agb; agb must
 * outlive p), groups are hidden as access_figures_aggregate decides (a
 * filter does not change who sees what whole). */
jr_status figures_plan(const jr_ctx *ctx, const char *gemeente, const char *agb, jr_fig_plan *p,
                       jr_error *err);
/* figures_provider: checks a provider filter asked of the figures (NULL:
 * none, JR_OK): not 8 digits or not a provider in the store is JR_EINVAL
 * aanbieder_unknown (field aanbieder); an aanbieder asking another
 * provider's AGB is JR_EFORBIDDEN (its own is fine). Reads the store
 * outside a transaction of its own. */
jr_status figures_provider(const jr_ctx *ctx, const char *agb, jr_error *err);
/* figures_count: n as shown: hidden (0) when hide and 1 <= n < threshold. */
jr_fig_count figures_count(int64_t n, bool hide, int64_t threshold);

/* ---- volume ---- */

/* Volume of one scope in one period. Assignments count unless withdrawn
 * (status ingetrokken); an assignment is active in the period when
 * start_date <= last day and end_date >= first day (end_date: the granted
 * end, or the earlier end an ending or stop of care set). */
typedef struct {
    jr_fig_count youths;      /* unique youths with an active assignment */
    int64_t active;           /* assignments active on at least one day */
    int64_t started;          /* assignments with start_date in the period */
    int64_t ended;            /* assignments with end_date in the period */
    int64_t population;       /* under-18 population (catalog), 0 unknown */
    int64_t per_thousand_x10; /* youths per 1,000 of population, -1 none */
    int64_t share_x10;        /* youths as % of under-18s in tenths, -1 none */
} jr_fig_volume_row;

typedef struct {
    jr_period period, before; /* before: the same period a year earlier */
    jr_fig_scope scope;       /* the municipality (or region) asked */
    jr_fig_volume_row now, prev;
    bool has_region; /* the region's figures beside a municipality's */
    jr_fig_scope region;
    jr_fig_volume_row region_now, region_prev;
} jr_figures_volume;

/* figures_volume: the volume figures of period for gemeente (NULL: the
 * region), with the region's beside them when gemeente is set. Refuses an
 * unknown municipality (JR_EINVAL, code gemeente_unknown, field gemeente) and one outside the
 * principal's scope (JR_EFORBIDDEN).
 * With agb: figures_volume of provider agb's production (NULL:
 * every provider); refusals of figures_plan. */
jr_status figures_volume(const jr_ctx *ctx, const jr_period *period, const char *gemeente,
                         const char *agb, jr_figures_volume *out, jr_error *err);

/* ---- referrals ---- */

/* The referrer types of the iJw list (01..08) and the routes split as the
 * monitor shows them: each keuzebudget KB1..KB7, offerte, verblijf,
 * crisis, dyslexie. */
#define JR_FIG_REFERRER_TYPES 7
#define JR_FIG_ROUTES 11 /* KB1..KB7, offerte, verblijf, crisis, dyslexie */

typedef struct {
    char code[12]; /* "01".."08", or "KB1".."KB7", "offerte", ... */
    char name[48]; /* Dutch name */
    jr_fig_count n;
} jr_fig_referral_group;

typedef struct {
    jr_fig_count total;
    jr_fig_referral_group by_referrer[JR_FIG_REFERRER_TYPES];
    jr_fig_referral_group by_route[JR_FIG_ROUTES];
} jr_fig_referral_row;

typedef struct {
    jr_period period, before;
    jr_fig_scope scope;
    jr_fig_referral_row now, prev;
    bool has_region;
    jr_fig_scope region;
    jr_fig_referral_row region_now, region_prev;
} jr_figures_referrals;

/* figures_referrals: referrals with referral_date in the period (any
 * status), by the referrer's iJw type and by route; scope and refusals as
 * figures_volume.
 * With agb: figures_referrals of the referrals that led to an
 * assignment of provider agb (NULL: every referral). */
jr_status figures_referrals(const jr_ctx *ctx, const jr_period *period, const char *gemeente,
                            const char *agb, jr_figures_referrals *out, jr_error *err);

/* ---- spending ---- */

/* figures_voorziening_name: "ambulant", "wonen/verblijf", "crisis",
 * "dyslexie", "overig". */
const char *figures_voorziening_name(jr_voorziening v);
/* figures_voorziening_of: the voorziening of product by its kind in the
 * catalog (functiegroep: ambulant; intensity: wonen/verblijf; crisis;
 * dyslexie), JR_VZ_OTHER for a product the catalog does not know. */
jr_voorziening figures_voorziening_of(const jr_catalog *cat, const char *product);

#define JR_FIG_MAX_PRODUCTS JR_MAX_PRODUCTS /* the catalog's products */

/* One group's spending: the accepted amount (debits minus credits) this
 * period and the same period last year, and the growth between them. */
typedef struct {
    char code[16]; /* voorziening name, product code or AGB */
    char name[96]; /* Dutch name: product or provider name */
    jr_cents now, prev;
    bool has_growth;    /* false when prev is 0 */
    int64_t growth_x10; /* (now - prev) / prev in tenths of a percent */
} jr_fig_spend_group;

typedef struct {
    jr_cents total, total_prev;
    bool has_growth;
    int64_t growth_x10;
    jr_fig_count youths;     /* unique youths behind the accepted lines */
    int64_t assignments;     /* unique assignments behind them */
    bool has_per_youth;      /* false when no youths or hidden */
    jr_cents per_youth;      /* total / youths, rounded */
    bool has_per_assignment; /* false when no assignments */
    jr_cents per_assignment; /* total / assignments, rounded */
    jr_fig_spend_group by_voorziening[JR_VZ_COUNT];
    int nproducts;
    jr_fig_spend_group by_product[JR_FIG_MAX_PRODUCTS]; /* ordered by code */
    int nproviders;
    jr_fig_spend_group *by_provider; /* ordered by AGB; owned, figures_spending_free */
    int provider_cap;                /* the room allocated in by_provider */
} jr_fig_spend_row;

typedef struct {
    jr_period period, before;
    jr_fig_scope scope;
    jr_fig_spend_row spend;
    bool has_region;
    jr_fig_scope region;
    jr_fig_spend_row region_spend;
} jr_figures_spending;

/* figures_spending: accepted declaration lines whose declaration period
 * (the batch's month) lies in the period, debits minus credits, paid by
 * the municipality (the batch's); the same for the period a year before,
 * for growth. Scope and refusals as figures_volume. The provider lists
 * are allocated: the caller releases them with figures_spending_free, also
 * after a failure (JR_ENOMEM when out of memory).
 * With agb: figures_spending of the lines of provider agb's
 * batches (NULL: every provider's); freed alike. */
jr_status figures_spending(const jr_ctx *ctx, const jr_period *period, const char *gemeente,
                           const char *agb, jr_figures_spending *out, jr_error *err);
/* figures_spending_free: releases what figures_spending allocated in s
 * (not s itself); the lists are then empty. */
void figures_spending_free(jr_figures_spending *s);

#endif

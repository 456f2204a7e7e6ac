/*
 * figures_bench.h (service): the monitor's benchmark between
 * municipalities, ambulantisering, quotes and the most expensive youths
 * (issue 11). The definitions are written once in docs/figures.md; each
 * function's comment below repeats them in short.
 *
 * Kinds of care, by the iJw product category of the assignment (youths)
 * or declaration line (money): ambulant is category 45 (keuzebudget and
 * quote hours, ernstige dyslexie), wonen/verblijf 43 and 44; crisis (46)
 * counts in neither.
 *
 * Scope of benchmark, ambulantisering and quotes (JR_ACT_SETTLE_READ, as
 * service/figures.h): beheerder, rsj and the system see everything whole;
 * a provider (aanbieder) its own production, whole; a reader (lezer)
 * aggregates; a municipal role (toegang, gemeente) its own municipality
 * whole and every other municipality and the region as aggregates. In an
 * aggregate a group of 1 to threshold - 1 youths (the region file's
 * small_group_threshold, catalog_small_group_threshold) is hidden: its
 * figure is absent (hidden set, value 0), as are the figures built on it.
 * The functions take a provider filter agb (NULL: none) as
 * service/figures.h's do: ambulantisering and quotes count that provider's
 * production only (scope.agb names it), refused as figures_provider
 * refuses. The benchmark has none: it is always every provider's.
 *
 * The most expensive youths are personal data: only a role that may read
 * personal data (JR_ACT_PERSONAL_READ) of the municipality's residents
 * (access_sees: beheerder, rsj and the system any municipality, toegang
 * and gemeente their own) sees them; an aanbieder and a lezer are refused
 * (JR_EFORBIDDEN). Every answer is written to the audit log.
 *
 * Ownership: the caller owns *out; what is allocated in it is released by
 * the matching _free (which also takes a zeroed struct).
 */
#ifndef JR_FIGURES_BENCH_H
#define JR_FIGURES_BENCH_H

#include "../domain/date.h"
#include "../domain/money.h"
#include "../domain/period.h"
#include "figures.h"
#include "svc.h"

#include <stdbool.h>
#include <stdint.h>

/* ---- benchmark ---- */

/* The figures of the benchmark, per municipality and for the region; the
 * population is the catalog's under-18s. */
typedef enum {
    JR_FB_YOUTHS_PER_1000 = 0, /* youths in care per 1,000, tenths */
    JR_FB_YOUTH_SHARE,         /* youths in care as % of under-18s, tenths */
    JR_FB_STARTED_PER_1000,    /* assignments started per 1,000, tenths */
    JR_FB_SPEND_PER_YOUTH,     /* accepted spending per youth behind it, cents */
    JR_FB_SPEND_PER_1000,      /* accepted spending per 1,000 youths, cents */
    JR_FB_AMBULANT_SHARE,      /* ambulant youths of ambulant + verblijf youths, % tenths */
    JR_FB_VERBLIJF_PER_1000,   /* youths in wonen/verblijf per 1,000, tenths */
    JR_FB_NFIGURES,
} jr_fb_figure;

/* figures_bench_code: the figure's JSON key ("youths_per_thousand_x10",
 * ...); figures_bench_label: its Dutch label; figures_bench_is_money:
 * whether it is in cents (else tenths). */
const char *figures_bench_code(jr_fb_figure f);
const char *figures_bench_label(jr_fb_figure f);
bool figures_bench_is_money(jr_fb_figure f);

/* One figure of one municipality (or of the region). */
typedef struct {
    bool hidden; /* hidden: its group is small, or it would give one away (see figures_benchmark) */
    bool has;    /* a value (false also when there is no population or no youths) */
    int64_t value; /* tenths or cents, see jr_fb_figure; 0 unless has */
    int64_t group; /* the youths the figure is built on; 0 when hidden */
    int rank;      /* 1 = the highest among the municipalities with a value shown; 0: none */
    bool has_diff; /* both this value and the region's are shown */
    int64_t diff;  /* value minus the region's */
} jr_fb_cell;

typedef struct {
    char gemeente[5]; /* "" for the region */
    char name[48];
    bool own;       /* the principal's own municipality */
    bool aggregate; /* seen as an aggregate (small groups hidden) */
    int64_t population;
    jr_fb_cell cells[JR_FB_NFIGURES];
} jr_fb_row;

typedef struct {
    jr_period period;
    jr_fig_scope scope; /* the region; agb for a provider's own production */
    int nrows;
    jr_fb_row rows[JR_MAX_MUNICIPALITIES]; /* the catalog's municipalities, in CBS order */
    jr_fb_row region;                      /* the region: its total over its population */
} jr_figures_benchmark;

/* figures_benchmark: every municipality of the region side by side in
 * period:
 * - youths in care: unique youths with an assignment (not withdrawn) that
 *   runs on at least one day of the period (as figures_volume), per 1,000
 *   under-18s and as % of them;
 * - assignments started in the period per 1,000 (group: their youths);
 * - accepted spending (debits minus credits, batch month in the period)
 *   per youth behind the accepted lines and per 1,000 under-18s;
 * - the ambulant share: youths with an ambulant assignment of the youths
 *   with an ambulant or a verblijf one (a youth with both counts in both);
 *   hidden when either group is small;
 * - youths with a wonen/verblijf assignment per 1,000.
 * The region's figure is the region's total over the region's population
 * (weighted), not the mean of the municipalities. rank: 1 for the highest
 * value among the municipalities whose value is shown (ties share a rank);
 * diff: the value minus the region's. When exactly one municipality's
 * figure the principal sees as an aggregate is hidden while the region's
 * is shown, the next smallest such figure is hidden too (or the region's
 * when there is none), so the hidden one cannot be worked out from the
 * region's total. */
jr_status figures_benchmark(const jr_ctx *ctx, const jr_period *period, jr_figures_benchmark *out,
                            jr_error *err);

/* ---- ambulantisering ---- */

typedef struct {
    jr_month month;                  /* 0 for the whole period */
    jr_fig_count ambulant, verblijf; /* unique youths with an active assignment of the kind */
    int64_t youth_share_x10;         /* ambulant of ambulant + verblijf; -1 none or hidden */
    jr_cents ambulant_cents, verblijf_cents; /* accepted spending of lines of the kind */
    int64_t money_share_x10;                 /* ambulant of ambulant + verblijf money; -1 none */
} jr_fb_amb_point;

#define JR_FB_MAX_MONTHS 12

typedef struct {
    jr_period period, before;
    jr_fig_scope scope;
    bool aggregate;
    int nmonths;                            /* the months of the period (at most 12) */
    jr_fb_amb_point now[JR_FB_MAX_MONTHS];  /* per month of the period */
    jr_fb_amb_point prev[JR_FB_MAX_MONTHS]; /* the same months a year before */
    jr_fb_amb_point total, total_prev;      /* the whole period and the year before */
} jr_figures_ambulant;

/* figures_ambulant: per month of period (a youth counts in a month when
 * its assignment runs on at least one day of it; money by the batch's
 * month) and the same months a year before, for gemeente (NULL: the
 * region; a municipal role's default is its own). Refuses an unknown
 * municipality (JR_EINVAL gemeente_unknown). */
jr_status figures_ambulant(const jr_ctx *ctx, const jr_period *period, const char *gemeente,
                           const char *agb, jr_figures_ambulant *out, jr_error *err);

/* ---- quotes ---- */

typedef struct {
    char code[12]; /* referrer type "01".., or AGB; "" for the total */
    char name[96];
    bool hidden;        /* 1..threshold-1 youths behind the group, seen as an aggregate */
    int64_t youths;     /* distinct youths behind the quotes */
    int64_t requested;  /* quotes asked in the period */
    int64_t accepted;   /* of them: status geaccepteerd */
    int64_t rejected;   /* afgewezen */
    int64_t open;       /* aangevraagd or beantwoord: no decision yet */
    int64_t unanswered; /* of the open: aangevraagd, no answer from the provider yet */
    int64_t answered;   /* with an answer date */
    int64_t median_x2;  /* twice the median of the days from request to answer */
    int64_t p90;        /* nearest-rank 90th percentile of those days */
} jr_fb_quote_group;

typedef struct {
    jr_period period;
    jr_fig_scope scope;
    bool aggregate;
    jr_fb_quote_group total;
    int nreferrers;
    jr_fb_quote_group by_referrer[JR_FIG_REFERRER_TYPES + 1]; /* types present, in code order */
    int nproviders;
    jr_fb_quote_group *by_provider; /* in AGB order; owned, figures_quotes_free */
} jr_figures_quotes;

/* figures_quotes: the quotes (offertes) with requested_date in period of
 * gemeente's referrals (NULL: the region), by the referrer type of the
 * referral (the route is always offerte) and by provider asked: requested,
 * accepted, rejected, open; time to answer from requested_date to
 * answered_date in days (median and nearest-rank 90th percentile) over the
 * quotes answered. Scope as figures_ambulant.
 * With agb: the quotes asked of provider agb only (NULL: of any). */
jr_status figures_quotes(const jr_ctx *ctx, const jr_period *period, const char *gemeente,
                         const char *agb, jr_figures_quotes *out, jr_error *err);
void figures_quotes_free(jr_figures_quotes *q);

/* ---- the most expensive youths ---- */

#define JR_FB_EXPENSIVE_DEFAULT 10
#define JR_FB_EXPENSIVE_MAX 100

typedef struct {
    char number[24];
    char agb[9];
    char provider_name[96];
    char product[16]; /* the voorziening: keuzebudget, "offerte" or the iJw product code */
    char status[16];
    jr_date start, end;
    jr_cents cents; /* accepted in the period */
} jr_fb_exp_assignment;

typedef struct {
    int64_t youth_id; /* the youth's file: GET /api/v1/youths/{id} */
    char bsn[10];
    jr_cents cents; /* accepted debits minus credits in the period */
    int nassignments;
    jr_fb_exp_assignment *assignments; /* highest first */
} jr_fb_exp_youth;

typedef struct {
    jr_period period;
    char gemeente[5]; /* "" for the region (beheerder, rsj) */
    char name[48];
    char agb[9]; /* the provider filter applied; "" for every provider */
    int64_t limit;
    int n;
    jr_fb_exp_youth *youths; /* highest first; owned, figures_expensive_free */
} jr_figures_expensive;

/* figures_expensive: the at most limit (1..JR_FB_EXPENSIVE_MAX; 0 for
 * JR_FB_EXPENSIVE_DEFAULT) youths with the highest accepted amount
 * (accepted debits minus accepted credits of the batches of the months of
 * period paid by gemeente; a municipal role's default is its own, NULL
 * for the others: the region), with the assignments behind it. Refused
 * (JR_EFORBIDDEN) unless the principal may read the personal data of
 * gemeente's residents; a limit outside 1..100 is JR_EINVAL
 * (limit_invalid). Writes the audit row "cijfers.duurste_jeugdigen"
 * (who, the municipality, the period and how many youths were shown).
 * With agb: the youths by their accepted amount on the lines
 * of provider agb's batches (NULL: every provider's), with that provider's
 * assignments behind each: the most expensive youths at one provider.
 * Refusals of figures_expensive, then of figures_provider; the audit row
 * names the provider. */
jr_status figures_expensive(const jr_ctx *ctx, const jr_period *period, const char *gemeente,
                            const char *agb, int64_t limit, jr_figures_expensive *out,
                            jr_error *err);
void figures_expensive_free(jr_figures_expensive *e);

#endif

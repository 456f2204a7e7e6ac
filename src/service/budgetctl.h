/*
 * budgetctl.h (service): budget control (beheersen, issue 11): the yearly
 * begroting of a municipality per voorziening, and the control figure of a
 * municipality (or the region, the sum of its municipalities) for a year:
 * per voorziening the begroting, the realised spending, the committed
 * spending, the forecast to year end with its method, and the warning
 * level. The definitions are written once in docs/figures.md ("Budget
 * control"); in short:
 *
 * - realised: accepted declaration lines (debits minus credits) whose
 *   batch month lies in the year, paid by the municipality (the batch's),
 *   per voorziening of the line's product: the definition of
 *   figures_spending, read from the spending summary (spend_month);
 * - committed (verplichtingen): for each open assignment (status actief)
 *   of the municipality whose run (start to the earlier of end and stop of
 *   care) reaches past the last realised month L: its unspent part (budget
 *   minus used; or remaining volume x the catalog tariff), spread evenly
 *   over the days of its run from max(start, first day of month L+1), the
 *   days up to 31 December counting for this year
 *   (domain/forecast.h forecast_commitment); a budget assignment is
 *   ambulant, a volume assignment the voorziening of its product;
 * - task budgets (taakgericht, the region file's task_budgets of the
 *   municipality and year): the terms due in months 1..L are realised, the
 *   year's other terms committed (they are certain), in the voorziening of
 *   the task's product (domain/forecast.h forecast_task); no run-rate
 *   projects them, so the committed terms are all added to the forecast;
 * - forecast: domain/forecast.h (realised months 1..L, then the run-rate
 *   of the last three months with lines, seasonal when last year has all
 *   12 months), plus the commitments of the open assignments that have no
 *   accepted line in the run-rate months (not yet in the run-rate);
 * - level: op koers, let op (forecast >= 95 % of the begroting),
 *   overschrijding (forecast > begroting), or geen begroting.
 * L is per municipality: the last month of the year with an accepted line
 * of that municipality, any voorziening. The region's figures are the sums
 * of its municipalities' (each with its own L and method); its begroting
 * the sum of the begrotingen set. The total row sums the voorzieningen.
 *
 * Who may (the roles of domain/access.h):
 * - set: the system and beheerder for any municipality, a gemeente user
 *   for its own; every other role is refused (JR_EFORBIDDEN);
 * - list the begroting rows (with who set them): system, beheerder, rsj
 *   any; gemeente and toegang their own municipality (the default), another
 *   is refused; lezer and aanbieder refused;
 * - the control figure (aggregates only, no youth is named or counted):
 *   system, beheerder, rsj and lezer any municipality or the region;
 *   gemeente and toegang any municipality (their own the default; others
 *   to compare, as aggregates), not the region's sum; aanbieder refused.
 * Every set appends an audit row (begroting.gezet) with the old value.
 */
#ifndef JR_BUDGETCTL_H
#define JR_BUDGETCTL_H

#include "../domain/forecast.h"
#include "figures.h"
#include "svc.h"

#include <stdbool.h>
#include <stdint.h>

#define JR_BC_YEAR_MIN 2000
#define JR_BC_YEAR_MAX 2199
#define JR_BC_AMOUNT_MAX ((jr_cents)100000000000) /* EUR 1.000.000.000 (one milliard) */

/* budgetctl_voorziening_code: "ambulant", "verblijf", "crisis",
 * "dyslexie", "overig" (the stored and API code; the Dutch name is
 * figures_voorziening_name). */
const char *budgetctl_voorziening_code(jr_voorziening v);
/* budgetctl_voorziening_parse: a code above, or "wonen/verblijf" or
 * "wonen" for verblijf; false for anything else. */
bool budgetctl_voorziening_parse(const char *s, jr_voorziening *out);

/* One begroting as shown. */
typedef struct {
    char gemeente[5];
    char name[48]; /* the municipality's name */
    int32_t year;
    jr_voorziening voorziening;
    jr_cents amount;
    char taakveld[5]; /* "" for none */
    char set_by[64];
    char set_at[25];
} jr_begroting;

/* budgetctl_set: sets the begroting of gemeente for year and voorziening
 * (a code of budgetctl_voorziening_parse) to amount eurocents, with the
 * Iv3 taakveld label (NULL or "": none; else 6.72, 6.73 or 6.74),
 * replacing any earlier one. Checks every field before refusing (codes
 * gemeente_unknown, year_invalid, voorziening_unknown, amount_negative,
 * amount_too_large, taakveld_invalid); JR_EFORBIDDEN for a role that may
 * not, or another municipality's begroting. The old value, if any, in
 * *old (may be NULL; old->year 0 when there was none). */
jr_status budgetctl_set(const jr_ctx *ctx, const char *gemeente, int32_t year,
                        const char *voorziening, jr_cents amount, const char *taakveld,
                        jr_begroting *old, jr_error *err);

/* budgetctl_list: fn(ud, const jr_begroting *) for each begroting of year
 * (and gemeente; NULL: every municipality the principal may see), by
 * municipality and voorziening. */
jr_status budgetctl_list(const jr_ctx *ctx, const char *gemeente, int32_t year, jr_row_fn fn,
                         void *ud, jr_error *err);

/* One row of the control figure: a voorziening, or the total. */
typedef struct {
    char code[12]; /* budgetctl_voorziening_code, "totaal" for the total */
    char name[24]; /* Dutch */
    bool has_budget;
    jr_cents budget;         /* the begroting (region: the sum of those set) */
    int nbudgets;            /* municipalities with a begroting set for it */
    char taakveld[5];        /* a municipality's label, "" for none or the region */
    jr_cents realised;       /* the year's accepted amount */
    jr_cents committed;      /* every open assignment's part of the rest of the year */
    jr_cents committed_new;  /* of it, not yet in the run-rate: added to the forecast */
    jr_cents task_realised;  /* of realised: the task budgets' terms due by month L */
    jr_cents task_committed; /* of committed (and committed_new): their other terms */
    /* the forecast: a municipality's voorziening as domain/forecast.h
     * computed it; for the total and the region the sums of monthly,
     * realised, projected, commitments and forecast (method then the one
     * all summed rows share, or JR_FC_NONE with mixed set) */
    jr_forecast fc;
    bool mixed; /* the summed rows used different methods */
    jr_fc_level level;
    bool has_share;
    int64_t share_x10; /* forecast / begroting in tenths of a percent */
} jr_bc_row;

typedef struct {
    int32_t year;
    jr_fig_scope scope;  /* the municipality, or the region (gemeente "") */
    int last_month;      /* L of the municipality; the region: the latest L */
    int nmunicipalities; /* summed: 1, or the region's */
    jr_bc_row rows[JR_VZ_COUNT];
    jr_bc_row total;
    char method[512]; /* the method in one Dutch sentence (a municipality's
                         ambulant row, or the rule of the sum) */
} jr_budget_control;

/* budgetctl_control: the control figure of year for gemeente (NULL: the
 * region for the regional roles and lezer, the own municipality for
 * gemeente and toegang). Refuses a year outside 2000..2199 (year_invalid),
 * an unknown municipality (gemeente_unknown), and a role outside the scope
 * above (JR_EFORBIDDEN). */
jr_status budgetctl_control(const jr_ctx *ctx, int32_t year, const char *gemeente,
                            jr_budget_control *out, jr_error *err);

#endif

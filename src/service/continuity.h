/*
 * continuity.h (service): provider continuity (issue 12, docs/continuity.md):
 * importing the providers' yearly figures from their annual accounts, and
 * the Jeugdautoriteit's view of them per year: per revenue class the
 * providers with figures, the share meeting each of the four signals, and
 * the providers failing two or more (possible continuity risks). The rules
 * (the signals, the classes, the shares, a row of the file) are
 * domain/continuity.h; the rows are store/continuity.h.
 *
 * Who may (the roles of domain/access.h):
 * - import: system, beheerder and rsj; every other role JR_EFORBIDDEN;
 * - the summary and the trend over the years: system, beheerder and rsj
 *   whole, with the AGB codes at risk; lezer, gemeente and toegang as
 *   aggregates only (the counts and shares, how many are at risk, not
 *   which: a provider's figures are not personal data, but they identify
 *   a provider and are the regional team's to act on); aanbieder refused
 *   (it would see its competitors' standing);
 * - a provider's own figures with their verdicts (continuity_list):
 *   system, beheerder and rsj any provider; an aanbieder its own AGB only
 *   (another AGB's list is empty, as a record of another tenant is not
 *   found); every other role refused.
 * Every row an import stores appends an audit row (continuiteit.ingelezen
 * or, replacing a provider's figures of that year, continuiteit.vervangen
 * with the values it replaced), and the import one more
 * (continuiteit.import) with its counts.
 */
#ifndef JR_CONTINUITY_H
#define JR_CONTINUITY_H

#include "../domain/continuity.h"
#include "svc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* the most data rows one file may hold */
#define JR_CONT_ROWS_MAX 100000

/* What an import stored. */
typedef struct {
    int64_t rows;     /* data rows of the file, all stored */
    int64_t added;    /* provider-years that had no figures */
    int64_t replaced; /* provider-years whose figures were replaced */
    int32_t year_min, year_max;
} jr_cont_import;

/* continuity_import: reads the CSV file in (named name in messages and
 * kept as each row's source; the caller owns in and reads nothing of it
 * after) with the header of continuity_csv_header (columns in any order,
 * ',' or ';'), checks every row (continuity_csv_row; the same AGB and
 * year twice in one file is refused too, code csv_duplicate, naming both
 * lines) and, only when every row is good, stores them in one
 * transaction, a provider's figures of a year replacing any it had. A
 * refused file stores nothing; err holds the first refusal (with its
 * line number) and, with a list attached, every one (at most
 * JR_INVALID_MAX listed). An empty file or one without data rows is
 * refused (csv_empty). *out (may be NULL) says what was stored. */
jr_status continuity_import(const jr_ctx *ctx, FILE *in, const char *name, jr_cont_import *out,
                            jr_error *err);

/* One provider's figures of one year with their verdicts. */
typedef struct {
    jr_cont_accounts a;
    char imported_by[64];
    char imported_at[25];
    char source[128];
    jr_cont_class cls;
    jr_cont_verdict verdict[JR_CS_COUNT];
    int failed;
    bool at_risk;
} jr_cont_row;

/* continuity_list: fn(ud, const jr_cont_row *) for each provider's
 * figures of year (0: every year) and agb (NULL: every provider the
 * principal sees; an aanbieder its own), by year and AGB. Refuses a year
 * outside JR_CONT_YEAR_MIN..MAX (year_invalid) and an agb that is no AGB
 * code (agb_invalid). */
jr_status continuity_list(const jr_ctx *ctx, int32_t year, const char *agb, jr_row_fn fn, void *ud,
                          jr_error *err);

/* One revenue class of a year. */
typedef struct {
    jr_cont_class cls;
    jr_cont_tally t;
    int64_t share_x10[JR_CS_COUNT]; /* tenths of a percent, -1: no provider with a verdict */
    char (*at_risk)[9];             /* t.at_risk AGB codes by code; NULL when aggregate only */
} jr_cont_class_sum;

typedef struct {
    int32_t year;
    bool aggregate_only; /* the principal sees no AGB codes */
    int64_t providers;   /* with figures that year, every class */
    jr_cont_class_sum classes[JR_CC_COUNT];
} jr_cont_summary;

/* continuity_summary: the summary of year into *out (free it with
 * continuity_summary_free, also after a failure). Refuses a year outside
 * JR_CONT_YEAR_MIN..MAX (year_invalid); a year without figures is no
 * refusal: every class counts 0 providers. */
jr_status continuity_summary(const jr_ctx *ctx, int32_t year, jr_cont_summary *out, jr_error *err);
void continuity_summary_free(jr_cont_summary *s);

/* Every year with figures, oldest first, as aggregates (no AGB codes). */
typedef struct {
    int n;
    jr_cont_summary *years;
} jr_cont_trend;

/* continuity_trend: the summary of every year with figures (free with
 * continuity_trend_free, also after a failure). */
jr_status continuity_trend(const jr_ctx *ctx, jr_cont_trend *out, jr_error *err);
void continuity_trend_free(jr_cont_trend *t);

#endif

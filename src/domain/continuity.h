/*
 * continuity.h (domain): provider continuity as the Jeugdautoriteit checks
 * it (issue 12, docs/continuity.md): a provider's yearly figures from its
 * annual accounts (jaarverantwoording), the four signals over them, the
 * revenue class, the share of providers meeting each signal, and the
 * parsing of one row of the import file. Pure: no I/O, no allocation.
 *
 * The signals, each strict and decided in integers (eurocents, products in
 * __int128, never floating point):
 *   positive_result  net result > 0;
 *   rentabiliteit    net result / total revenue > 1.5 %:
 *                    net x 1000 > 15 x total revenue;
 *   solvabiliteit    equity / total assets > 20 %: equity x 5 > total assets;
 *   current_ratio    current assets / current liabilities > 1:
 *                    current assets > current liabilities.
 * A figure is missing when the file left it empty; it is never taken as
 * zero. A signal whose inputs are missing, or whose denominator (total
 * revenue, total assets, current liabilities) is zero or negative (the
 * ratio is then undefined), is neither met nor failed: JR_CV_NONE.
 *
 * The revenue class: youth-care revenue above EUR 2,000,000.00
 * (200,000,000 cents) is gt2m; at most that (exactly EUR 2 million
 * included) is le2m; a provider whose youth-care revenue is missing cannot
 * be classed: unknown.
 *
 * A share of providers: among those of a class with a verdict (met or
 * failed) on the signal, the met ones, in tenths of a percent rounded half
 * up (2 of 3: 666.67 -> 667, i.e. 66.7 %); none with a verdict: no share.
 */
#ifndef JR_DOMAIN_CONTINUITY_H
#define JR_DOMAIN_CONTINUITY_H

#include "../core/err.h"
#include "money.h"

#include <stdbool.h>
#include <stdint.h>

#define JR_CONT_YEAR_MIN 2000
#define JR_CONT_YEAR_MAX 2199
/* the largest amount a figure may hold, either sign: EUR 1,000,000,000,000
   (keeps every product of the signals far inside int64 as well) */
#define JR_CONT_AMOUNT_MAX ((jr_cents)100000000000000)
/* the class boundary: youth-care revenue above this is gt2m */
#define JR_CONT_CLASS_BOUNDARY ((jr_cents)200000000)
#define JR_CONT_NAME_MAX 128 /* bytes of a name, its NUL included */

/* The figures of one provider's annual accounts, in the order of the
 * import file's columns after agb, name and year. */
typedef enum {
    JR_CF_TOTAL_REVENUE = 0,
    JR_CF_YOUTH_REVENUE,
    JR_CF_NET_RESULT,
    JR_CF_EQUITY,
    JR_CF_TOTAL_ASSETS,
    JR_CF_CURRENT_ASSETS,
    JR_CF_CURRENT_LIABILITIES,
} jr_cont_field;
#define JR_CF_COUNT (JR_CF_CURRENT_LIABILITIES + 1)

/* One provider's figures of one year. has[f] false: figure f is missing
 * (v[f] is then 0 and never read). */
typedef struct {
    char agb[9];
    char name[JR_CONT_NAME_MAX];
    int32_t year;
    bool has[JR_CF_COUNT];
    jr_cents v[JR_CF_COUNT];
} jr_cont_accounts;

typedef enum {
    JR_CS_POSITIVE_RESULT = 0,
    JR_CS_RENTABILITEIT,
    JR_CS_SOLVABILITEIT,
    JR_CS_CURRENT_RATIO,
} jr_cont_signal;
#define JR_CS_COUNT (JR_CS_CURRENT_RATIO + 1)

typedef enum {
    JR_CV_NONE = 0, /* inputs missing or the ratio undefined: neither met nor failed */
    JR_CV_MET,
    JR_CV_FAILED,
} jr_cont_verdict;

typedef enum {
    JR_CC_GT2M = 0,
    JR_CC_LE2M,
    JR_CC_UNKNOWN,
} jr_cont_class;
#define JR_CC_COUNT (JR_CC_UNKNOWN + 1)

/* at_risk: failing this many signals or more */
#define JR_CONT_RISK_FAILS 2

/* continuity_field_column: the import file's column of f
 * ("total_revenue_cents", ...); "" outside the enum. */
const char *continuity_field_column(jr_cont_field f);
/* continuity_signal_code: "positive_result", "rentabiliteit",
 * "solvabiliteit", "current_ratio"; continuity_signal_name: Dutch. */
const char *continuity_signal_code(jr_cont_signal s);
const char *continuity_signal_name(jr_cont_signal s);
/* continuity_class_code: "gt2m", "le2m", "unknown"; _name: Dutch. */
const char *continuity_class_code(jr_cont_class c);
const char *continuity_class_name(jr_cont_class c);
/* continuity_verdict_code: "none", "met", "failed". */
const char *continuity_verdict_code(jr_cont_verdict v);

/* continuity_signal: the verdict of signal s on a's figures. */
jr_cont_verdict continuity_signal(const jr_cont_accounts *a, jr_cont_signal s);
/* continuity_class: a's revenue class. */
jr_cont_class continuity_class(const jr_cont_accounts *a);
/* continuity_failed: how many signals a fails (JR_CV_FAILED). */
int continuity_failed(const jr_cont_accounts *a);
/* continuity_at_risk: a fails JR_CONT_RISK_FAILS signals or more. */
bool continuity_at_risk(const jr_cont_accounts *a);

/* The count of one class of one year. */
typedef struct {
    int64_t providers; /* with figures that year in this class */
    int64_t met[JR_CS_COUNT], failed[JR_CS_COUNT], none[JR_CS_COUNT];
    int64_t at_risk;
} jr_cont_tally;

/* continuity_tally_add: counts a into t (a's own class is the caller's
 * choice of t). */
void continuity_tally_add(jr_cont_tally *t, const jr_cont_accounts *a);
/* continuity_share_x10: met of n in tenths of a percent rounded half up
 * (met x 1000 / n, a remainder of half or more rounds up); -1 when n <= 0
 * (no share) or met outside 0..n. */
int64_t continuity_share_x10(int64_t met, int64_t n);
/* continuity_tally_share_x10: the share of t's providers with a verdict on
 * s that meet it (continuity_share_x10(met, met + failed)). */
int64_t continuity_tally_share_x10(const jr_cont_tally *t, jr_cont_signal s);

/* ---- the import file ---- */

/* The columns of the file, in the order of continuity_csv_header. */
enum { JR_CCOL_AGB = 0, JR_CCOL_NAME, JR_CCOL_YEAR, JR_CCOL_FIRST_FIGURE };
#define JR_CCOL_COUNT (JR_CCOL_FIRST_FIGURE + JR_CF_COUNT)

/* continuity_csv_header: the header row the format names, without
 * newline. continuity_csv_column: column c's name. */
const char *continuity_csv_header(void);
const char *continuity_csv_column(int c);

/* continuity_csv_map: reads the header row (n fields): every column of the
 * format exactly once, in any order, nothing else; map[c] is the field
 * index of column c. JR_EINVAL (code csv_header, field the column at
 * fault) naming the line and the column otherwise. */
jr_status continuity_csv_map(char *const *fields, int n, long line, int map[JR_CCOL_COUNT],
                             jr_error *err);

/* continuity_csv_row: parses one data row (n fields, read through map)
 * into *out. A figure is integer eurocents (an optional '-', digits, at
 * most JR_CONT_AMOUNT_MAX in size; spaces around it are ignored); an empty
 * figure is missing. Refuses (JR_EINVAL, code csv_invalid, field the
 * column, the message naming line and column, the value and why) a row
 * with too few or too many fields, an AGB that is no AGB code, an empty or
 * too long name, a year outside JR_CONT_YEAR_MIN..MAX, a figure that is no
 * amount, a negative revenue, total assets, current assets or current
 * liabilities (net result and equity may be negative), and a youth-care
 * revenue above the total revenue. Each refusal goes through jr_refuse, so
 * with a list attached every fault of the row is listed; the status of the
 * first is returned. */
jr_status continuity_csv_row(char *const *fields, int n, const int map[JR_CCOL_COUNT], long line,
                             jr_cont_accounts *out, jr_error *err);

#endif

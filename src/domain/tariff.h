/*
 * tariff.h: the tariff model of the region's tariff research (issue 12,
 * docs/tariffs.md) as pure rules: the norms of one year as plain data, the
 * build-up of an hourly tariff per functiegroep and of a tariff per etmaal
 * per wonen/verblijf intensity step by step, and the yearly indexation
 * (OVA, or the VNG mix of OVA and PCC).
 *
 * The build-up follows the four cost elements of the reele prijs in the
 * Besluit Jeugdwet art. 2.3 (since 1 July 2024): a. professionals (client-
 * bound and not: the salary by CAO scale and step with its allowances and
 * employer charges, spread over the direct client hours), b. other client-
 * bound costs, c. overhead, d. indexation (tariff_index_apply).
 *
 * Arithmetic: integers only. Money is eurocents, percentages basis points
 * (800 = 8.00 %), FTE hundredths (650 = 6.50), occupancy basis points.
 * Every step that divides rounds half up (away from zero) to the cent
 * (money_mul_div); a step that only adds or multiplies by a whole number is
 * exact. Each step is kept (jr_tariff_step) so that an interface shows the
 * build-up line by line: the norm, the step's own amount and the running
 * result.
 */
#ifndef JR_TARIFF_H
#define JR_TARIFF_H

#include "money.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define JR_TARIFF_MAX_FG 16
#define JR_TARIFF_MAX_INT 16
#define JR_TARIFF_MAX_STEPS 16
#define JR_TARIFF_YEAR_MIN 2000
#define JR_TARIFF_YEAR_MAX 2199

/* What a norm's number means (how an interface shows it). */
typedef enum {
    JR_TU_NONE = 0, /* no norm: the step only adds up */
    JR_TU_CENTS,    /* eurocents */
    JR_TU_BP,       /* basis points: 800 = 8,00 % */
    JR_TU_HOURS,    /* whole hours */
    JR_TU_FTE100,   /* hundredths of an FTE */
    JR_TU_COUNT,    /* a whole number (months, youths, a scale) */
    JR_TU_DAYS100,  /* hundredths of a day (etmalen) */
} jr_tariff_unit;

typedef enum { JR_TI_OVA = 0, JR_TI_VNG } jr_tariff_index_method;

/* The norms of one functiegroep: its hourly tariff. */
typedef struct {
    char code[12];          /* the region's code, "FG2" */
    int64_t scale;          /* CAO salary scale */
    int64_t step;           /* step (trede) in that scale */
    int64_t monthly_salary; /* gross monthly salary at that step, cents */
    int64_t holiday_bp;     /* vakantietoeslag, on the yearly salary */
    int64_t year_end_bp;    /* eindejaarsuitkering, on the yearly salary */
    int64_t employer_bp;    /* werkgeverslasten, on the gross wage */
    int64_t hours_per_fte;  /* direct (declarable) client hours per FTE per year */
    int64_t overhead_bp;    /* overhead, on the personnel cost per hour */
    int64_t other_costs;    /* other client-bound costs per hour, cents */
    bool example;           /* an example figure, not a published norm */
} jr_tariff_fg_norm;

/* The norms of one wonen/verblijf intensity: its tariff per etmaal. */
typedef struct {
    char code[12];         /* the region's code, "WMIDDEN" */
    char staff_fg[12];     /* the functiegroep whose personnel cost per FTE the staff costs */
    int64_t fte_x100;      /* staff per group, hundredths of an FTE */
    int64_t group_size;    /* places (youths) per group */
    int64_t overhead_bp;   /* overhead, on the staff cost per group */
    int64_t other_costs;   /* other client-bound costs per place per year, cents */
    int64_t accommodation; /* accommodation per place per year, cents */
    int64_t occupancy_bp;  /* occupancy: 9000 = 90 % of the year's nights billed */
    bool example;
} jr_tariff_int_norm;

/* The norms of one tariff year. The index is the one from the year before
 * to this year (element d): OVA alone, or the VNG mix of wage_weight_bp
 * OVA and (10000 - wage_weight_bp) PCC. */
typedef struct {
    int32_t year;
    char cao[96]; /* the CAO (and its version) the salaries follow */
    int64_t ova_bp;
    int64_t pcc_bp;
    jr_tariff_index_method method;
    int64_t wage_weight_bp;
    bool example;
    char source[128];
    int nfg;
    jr_tariff_fg_norm fg[JR_TARIFF_MAX_FG];
    int nint;
    jr_tariff_int_norm in[JR_TARIFF_MAX_INT];
} jr_tariff_norms;

/* One step of a build-up. label is a static Dutch text; norm_key the norm
 * it reads ("" when it only adds up), norm its value in norm_unit. value
 * is the step's own amount, result the running result after it. */
typedef struct {
    const char *key;      /* stable: "salaris_jaar" */
    const char *label;    /* Dutch */
    const char *norm_key; /* the field of the norm, "" when none */
    jr_tariff_unit norm_unit;
    int64_t norm;
    jr_cents value;            /* in value_unit: cents, or hundredths of an etmaal */
    jr_tariff_unit value_unit; /* JR_TU_CENTS but for etmalen_plaats (JR_TU_DAYS100) */
    jr_cents result;
    bool rounded; /* the step divides: rounded half up to the cent */
} jr_tariff_step;

typedef struct {
    int n;
    jr_tariff_step s[JR_TARIFF_MAX_STEPS];
    jr_cents tariff; /* the last step's result */
} jr_tariff_build;

/* One editable number of a norm: its key, Dutch label, unit, bounds and
 * place in the struct. */
typedef struct {
    const char *key;
    const char *label;
    jr_tariff_unit unit;
    int64_t lo, hi;
    size_t offset;
} jr_tariff_field;

/* the numeric fields of a functiegroep's and of an intensity's norms */
const jr_tariff_field *tariff_fg_fields(int *n);
const jr_tariff_field *tariff_int_fields(int *n);
/* tariff_field_find: the field of key in fields, NULL when none */
const jr_tariff_field *tariff_field_find(const jr_tariff_field *fields, int n, const char *key);

/* tariff_build_fg: the hourly tariff of n in *out:
 *   1 salaris_jaar        monthly salary x 12                 exact
 *   2 vakantietoeslag     1 x holiday_bp / 10000              rounded
 *   3 eindejaarsuitkering 1 x year_end_bp / 10000             rounded
 *   4 brutoloon           1 + 2 + 3                           exact
 *   5 werkgeverslasten    4 x employer_bp / 10000             rounded
 *   6 loonkosten_fte      4 + 5 (per FTE per year)            exact
 *   7 personeel_uur       6 / hours_per_fte                   rounded
 *   8 overhead            7 x overhead_bp / 10000             rounded
 *   9 clientkosten        other_costs per hour                exact
 *  10 tarief_uur          7 + 8 + 9                           exact
 * n must pass tariff_fg_check. */
void tariff_build_fg(const jr_tariff_fg_norm *n, jr_tariff_build *out);

/* tariff_fg_cost_per_fte: step 6 of tariff_build_fg (the personnel cost of
 * one FTE per year). */
jr_cents tariff_fg_cost_per_fte(const jr_tariff_fg_norm *n);

/* tariff_build_int: the tariff per etmaal of n, with staff the norms of
 * n->staff_fg, in *out:
 *   1 loonkosten_fte      staff's cost per FTE per year (step 6 above)
 *   2 personeel_groep     1 x fte_x100 / 100                  rounded
 *   3 overhead            2 x overhead_bp / 10000             rounded
 *   4 personeel_plaats    (2 + 3) / group_size                rounded
 *   5 clientkosten        other_costs per place per year      exact
 *   6 huisvesting         accommodation per place per year    exact
 *   7 kosten_plaats       4 + 5 + 6                           exact
 *   8 etmalen_plaats      365 x occupancy_bp / 10000 (shown in hundredths
 *                         of an etmaal; not rounded: step 9 divides once)
 *   9 tarief_etmaal       7 x 10000 / (365 x occupancy_bp)    rounded */
void tariff_build_int(const jr_tariff_int_norm *n, const jr_tariff_fg_norm *staff,
                      jr_tariff_build *out);

/* tariff_index_e8: the index factor of norms in units of 1e-8: 1e8 + OVA
 * x 1e4 (method ova), or 1e8 + wage_weight x OVA + (1e4 - wage_weight) x
 * PCC (method vng); 385 basis points of OVA alone is 103850000. */
int64_t tariff_index_e8(const jr_tariff_norms *norms);
/* tariff_index_apply: cents x the index factor, rounded half up to the
 * cent once (for OVA alone the same as money_index). */
jr_cents tariff_index_apply(jr_cents cents, const jr_tariff_norms *norms);

/* tariff_per_mille: diff / base in per mille, rounded half away from zero;
 * 0 when base is not positive. */
int64_t tariff_per_mille(jr_cents diff, jr_cents base);

/* tariff_index_method_name / _parse: "ova", "vng" */
const char *tariff_index_method_name(jr_tariff_index_method m);
bool tariff_index_method_parse(const char *s, jr_tariff_index_method *out);

#endif

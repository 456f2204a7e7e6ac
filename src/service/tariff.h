/*
 * tariff.h (service): tariff research (issue 12, docs/tariffs.md): the
 * norms of the tariff model per year (read, replaced whole from a norms
 * file, edited field by field), the model's build-up of every
 * functiegroep's hourly tariff and every intensity's tariff per etmaal, the
 * next year's catalog proposed by indexation (or by the model) side by side
 * with the current one, and its adoption. The arithmetic is
 * domain/tariff.h; the rows store/tariff.h; writing the adopted region
 * file is io/region_tariffs.h (an interface: a file).
 *
 * Who may (the roles of domain/access.h):
 * - read the norms, the model and the proposal: system, beheerder, rsj,
 *   gemeente and lezer (the norms are no personal data and no provider's
 *   figures); toegang and aanbieder JR_EFORBIDDEN;
 * - change the norms and adopt: system, beheerder and rsj; every other
 *   role JR_EFORBIDDEN.
 * Every change appends audit rows in the same transaction: tarief.normen
 * (a year's norms replaced, with the counts), tarief.norm (one field, with
 * its old and new value), tarief.vastgesteld (one per product of an
 * adoption, old and new tariff) and tarief.catalogus (the adoption).
 */
#ifndef JR_SERVICE_TARIFF_H
#define JR_SERVICE_TARIFF_H

#include "../domain/tariff.h"
#include "svc.h"

#include <stdbool.h>
#include <stdint.h>

/* the basis of a proposed tariff where the region sets no figure */
typedef enum {
    JR_TB_INDEX = 0, /* the current tariff indexed (DOMAIN.md's rule) */
    JR_TB_MODEL,     /* the model's tariff where the model prices the product, else indexed */
} jr_tariff_basis;

const char *tariff_basis_name(jr_tariff_basis b);
bool tariff_basis_parse(const char *s, jr_tariff_basis *out);

/* One line of the model: a functiegroep or an intensity with its build-up. */
typedef struct {
    char code[12];   /* the region's code */
    char product[8]; /* the iJw product code ("" when not in the catalog) */
    char name[96];   /* from the catalog */
    jr_product_kind kind;
    char staff_fg[12]; /* intensities: the staff's functiegroep */
    bool example;
    jr_tariff_build b;
} jr_tariff_line;

typedef struct {
    jr_tariff_norms norms;
    char updated_by[64];
    char updated_at[25];
    int n;
    jr_tariff_line lines[JR_TARIFF_MAX_FG + JR_TARIFF_MAX_INT];
} jr_tariff_model;

/* tariff_model: the norms of year and their build-up (functiegroepen
 * first, then intensities, each by code) into *out. JR_ENOTFOUND
 * (norms_missing) when the year has no norms; year_invalid outside
 * JR_TARIFF_YEAR_MIN..MAX. */
jr_status tariff_model(const jr_ctx *ctx, int32_t year, jr_tariff_model *out, jr_error *err);

/* tariff_years: fn(ud, const jr_tariff_norms *) for every year with norms
 * (the year's own fields only), oldest first. */
jr_status tariff_years(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err);

/* tariff_norms_put: replaces the norms of n->year by n whole (source
 * names where they came from), after checking every field: the index
 * (OVA and PCC from -5000 to 5000 basis points, the wage weight from 0 to
 * 10000), each norm within its field's bounds (domain/tariff.h's tables),
 * each code a functiegroep or intensity of the region's catalog, once, and
 * each intensity's staff_fg one of n's functiegroepen. Every refusal names
 * the norm and field ("FG2.holiday_bp") and why; nothing is stored then. */
jr_status tariff_norms_put(const jr_ctx *ctx, const jr_tariff_norms *n, jr_error *err);

/* One field to set: key as the norms file names it, value as text (amounts
 * in euros: "3412.50"; basis points, hours and counts as whole numbers;
 * example true or false). */
typedef struct {
    const char *key;
    const char *value;
} jr_tariff_assign;

/* tariff_norm_set: sets the fields a[0..n) of the norm code of year (code
 * NULL or "": the year's own fields cao, ova_bp, pcc_bp, index_method,
 * wage_weight_bp, example), checked as tariff_norms_put checks them, every
 * refused field named; one audit row per changed field. JR_ENOTFOUND when
 * the year has no norms or no norm of that code. */
jr_status tariff_norm_set(const jr_ctx *ctx, int32_t year, const char *code,
                          const jr_tariff_assign *a, int n, jr_error *err);

/* One product of the proposed catalog of a year, side by side with the
 * current one. */
typedef struct {
    char product[8];
    char code[12];
    char name[96];
    jr_product_kind kind;
    char unit[3];
    bool has_current;
    jr_cents current; /* valid on 31 December of the year before */
    bool current_derived;
    bool has_model;
    jr_cents model;
    bool has_indexed;
    jr_cents indexed; /* current x the year's index, rounded half up to the cent */
    bool region_set;  /* the region file sets a figure of its own for the year */
    jr_cents proposed;
    const char *source;  /* "regio", "model" or "index" */
    jr_cents diff;       /* proposed - current (0 without a current tariff) */
    int64_t diff_pm;     /* per mille of current, rounded half away from zero */
    jr_cents model_diff; /* model - current (0 without either) */
    int64_t model_diff_pm;
} jr_tariff_prop_row;

typedef struct {
    int32_t year;
    jr_tariff_basis basis;
    bool has_norms;        /* the year has norms (else the region file's OVA) */
    jr_tariff_norms index; /* the year's own fields: the index (nfg, nint 0) */
    int64_t index_e8;      /* the index factor in 1e-8 (domain/tariff.h) */
    jr_date from, to;      /* the tariff period proposed: the whole year */
    int n;
    jr_tariff_prop_row rows[JR_MAX_PRODUCTS];
    jr_cents total_current, total_proposed;
    bool adopted; /* an adoption of the year is recorded */
    char adopted_by[64];
    char adopted_at[25];
    char adopted_basis[8];
} jr_tariff_proposal;

/* tariff_proposal: the catalog of year proposed on basis, every product of
 * the region's catalog with a tariff on 31 December of the year before or
 * one set for the year: the region's own figure when the region file sets
 * one for the year, else the model's (basis model, where the model prices
 * the product), else the current tariff indexed with the year's index (its
 * norms' method, or the region file's OVA of the year when the year has no
 * norms). Refused: year_invalid, index_missing (no norms and no OVA). */
jr_status tariff_proposal(const jr_ctx *ctx, int32_t year, jr_tariff_basis basis,
                          jr_tariff_proposal *out, jr_error *err);

/* One tariff of a proposed catalog, as the impact analysis prices
 * production with it: product code -> cents per unit, valid from..to. */
typedef struct {
    char product[8];
    jr_cents cents;
    jr_date from;
    jr_date to;
} jr_tariff_price;

/* tariff_proposed_catalog: the proposal of year on basis as prices (at
 * most cap; *n how many), in the catalog's product order. Same access and
 * refusals as tariff_proposal. */
jr_status tariff_proposed_catalog(const jr_ctx *ctx, int32_t year, jr_tariff_basis basis,
                                  jr_tariff_price *out, int cap, int *n, jr_error *err);

/* tariff_adopt: records the adoption of the proposal of year on basis
 * (computed again here; when checked is not NULL it must be the same
 * proposal, else JR_ECONFLICT proposal_changed: the norms changed since
 * the region file was written from it), with an audit row per product and
 * one for the adoption. *out (may be NULL) the proposal adopted. */
jr_status tariff_adopt(const jr_ctx *ctx, int32_t year, jr_tariff_basis basis,
                       const jr_tariff_proposal *checked, jr_tariff_proposal *out, jr_error *err);

/* tariff_may_change: whether the principal may change norms and adopt. */
bool tariff_may_change(const jr_principal *who);

#endif

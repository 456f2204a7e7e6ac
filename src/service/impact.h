/*
 * impact.h (service): the impact analysis of tariff research (issue 12,
 * docs/impact.md): a year of realised production priced again under one
 * or two proposed scenarios (service side by side with the realised
 * amounts), per provider, per municipality and in total, with the
 * providers that lose most. The pricing rules are domain/impact.h; the
 * reads store/impact.h.
 *
 * The production is either the database's (every accepted declaration
 * line of the batches of the year's months, as the spending figures count
 * them) or a file of the old model (impact_production_csv): rows of
 * agb,gemeente,profile,product,unit,volume,amount_cents, the product of a
 * row with none taken from a mapping of old support profiles to products
 * (profile,product).
 *
 * Who may (the roles of domain/access.h):
 * - system, beheerder, rsj: everything;
 * - gemeente: its own municipality's production: the providers' amounts in
 *   its municipality, its own municipality's row, and the region's total;
 * - lezer: aggregates only: the municipalities and the total, no provider;
 * - aanbieder and toegang: refused (JR_EFORBIDDEN): a scenario is policy
 *   work of the region, and a provider would see its competitors' shift.
 * Nothing is stored, so nothing is audited.
 */
#ifndef JR_SERVICE_IMPACT_H
#define JR_SERVICE_IMPACT_H

#include "../domain/impact.h"
#include "svc.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define JR_IMP_YEAR_MIN 2000
#define JR_IMP_YEAR_MAX 2199
/* the most data rows a production file may hold */
#define JR_IMP_CSV_ROWS_MAX 1000000
/* the losers listed by default, and at most */
#define JR_IMP_LOSERS_DEFAULT 10
#define JR_IMP_LOSERS_MAX 100

/* impact_may: JR_OK when the principal may run an analysis (the roles
 * above), else JR_EFORBIDDEN; the doors ask it before they read a
 * scenario, so that a role that may not is refused before its input is. */
jr_status impact_may(const jr_ctx *ctx, jr_error *err);

/* impact_scenario_from_json: the scenario of o ({"name": text, "method":
 * "capped"|"uncapped" (optional), "tariffs": {"45F01": 7512, ...}, "budgets":
 * {"KB1": 100000, ...} (optional)}) checked against ctx's catalog into
 * *out. Every refusal names where (source, e.g. the file name, and the
 * key); amounts are whole eurocents (a fraction, a string or a negative
 * value is refused). */
jr_status impact_scenario_from_json(const jr_ctx *ctx, const json_t *o, const char *source,
                                    jr_imp_scenario *out, jr_error *err);
/* impact_scenario_load: reads the JSON file path (its name in messages);
 * a malformed file is refused naming its line and column. */
jr_status impact_scenario_load(const jr_ctx *ctx, const char *path, jr_imp_scenario *out,
                               jr_error *err);
/* impact_scenario_text: the same from JSON text (an API body's string). */
jr_status impact_scenario_text(const jr_ctx *ctx, const char *text, const char *source,
                               jr_imp_scenario *out, jr_error *err);

/* impact_template_scenario: a scenario named "catalogus JJJJ" holding
 * every product's tariff and every keuzebudget's amount valid on 1 July
 * of year (capped): today's prices, to start a proposal from. Refuses a
 * year outside JR_IMP_YEAR_MIN..MAX and a role that may not analyse. */
jr_status impact_template_scenario(const jr_ctx *ctx, int32_t year, jr_imp_scenario *out,
                                   jr_error *err);

/* ---- named scenarios (migration 023) ----
 * Saved under their name by system, beheerder and rsj (every other role
 * JR_EFORBIDDEN), each save and delete audited in its transaction
 * (impactscenario.opgeslagen, impactscenario.vervangen with the scenario
 * it replaced, impactscenario.verwijderd); read by every role that may
 * analyse. A saved scenario is checked against the catalog again when it
 * is read: one the catalog no longer accepts is listed with its problem
 * and refused for an analysis. */
typedef struct {
    jr_imp_scenario sc;
    char saved_by[64];
    char saved_at[32];
    bool valid;        /* false when the catalog no longer accepts it */
    char problem[512]; /* why, when not valid */
} jr_imp_saved;

/* impact_may_save: JR_OK when the principal may save and delete
 * scenarios, else JR_EFORBIDDEN (asked before a scenario is read). */
jr_status impact_may_save(const jr_ctx *ctx, jr_error *err);
/* impact_scenario_json: sc as its file holds it ({"name", "method",
 * "tariffs", "budgets"}); a new reference, NULL when out of memory. */
json_t *impact_scenario_json(const jr_imp_scenario *sc);
/* impact_scenario_save: saves sc under sc->name (*replaced, may be NULL:
 * whether one of that name was replaced). */
jr_status impact_scenario_save(const jr_ctx *ctx, const jr_imp_scenario *sc, bool *replaced,
                               jr_error *err);
/* impact_scenario_find: the saved scenario name into *out; JR_ENOTFOUND
 * (scenario_unknown) when there is none, JR_EINVAL (its refusal) when the
 * catalog no longer accepts it. */
jr_status impact_scenario_find(const jr_ctx *ctx, const char *name, jr_imp_saved *out,
                               jr_error *err);
/* impact_scenario_list: fn(ud, const jr_imp_saved *) for each saved
 * scenario by name. */
jr_status impact_scenario_list(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err);
/* impact_scenario_delete: removes name; JR_ENOTFOUND (scenario_unknown). */
jr_status impact_scenario_delete(const jr_ctx *ctx, const char *name, jr_error *err);

/* The amounts of one row: realised and per scenario. */
typedef struct {
    jr_cents current;
    jr_cents scen[JR_IMP_SCEN_MAX];
} jr_imp_amounts;

/* A row of the provider or the municipality table. */
typedef struct {
    char code[9];  /* AGB or CBS code */
    char name[96]; /* the provider's or municipality's name ("" when unknown) */
    jr_imp_amounts a;
} jr_imp_row;

/* What the analysis did with production under budgets, per scenario. */
typedef struct {
    int64_t capped;        /* budget assignments whose scenario amount was capped */
    jr_cents capped_cents; /* what the cap took off, summed */
} jr_imp_cap_note;

typedef struct {
    char code[8];
    jr_cents current; /* the realised amount kept */
} jr_imp_unpriced;

typedef struct {
    int32_t year;
    bool from_file;   /* production from a file of the old model */
    char source[128]; /* "database", or the file's name */
    int nscen;
    jr_imp_scenario scen[JR_IMP_SCEN_MAX];
    jr_imp_cap_note caps[JR_IMP_SCEN_MAX];
    bool caps_apply;      /* false for a file: it has no assignments, nothing is capped */
    char gemeente[5];     /* the municipality the principal is bound to, "" for the region */
    bool providers_shown; /* false for an aggregates-only role */
    int64_t lines;        /* lines (or file rows) priced */
    size_t nproviders;    /* by AGB; in a municipal user's view, its municipality's */
    jr_imp_row *providers;
    size_t nmunicipalities; /* by CBS code; a municipal user its own only */
    jr_imp_row *municipalities;
    jr_imp_amounts total;           /* the region */
    int nunpriced[JR_IMP_SCEN_MAX]; /* products a scenario names no tariff for */
    jr_imp_unpriced unpriced[JR_IMP_SCEN_MAX][JR_MAX_PRODUCTS];
} jr_impact;

/* A file of production under the old model, read by impact_production_csv. */
typedef struct jr_imp_production jr_imp_production;

/* impact_production_csv: reads a production file (header
 * agb,gemeente,profile,product,unit,volume,amount_cents in any order, ','
 * or ';') and, when profiles is not NULL, the mapping of old support
 * profiles to products (header profile,product; a row of production with
 * an empty product takes its profile's). Every row checked: the AGB code
 * 8 digits, the municipality the region's, the product the catalog's
 * (given or mapped), unit 01, 04 or 14, volume a whole number above zero,
 * amount_cents whole and not negative; a bad row is refused naming its
 * file, line and column (every refusal in err's list when attached), and
 * nothing is kept. *out owned by the caller (impact_production_free). */
jr_status impact_production_csv(const jr_ctx *ctx, FILE *in, const char *name, FILE *profiles,
                                const char *profiles_name, jr_imp_production **out, jr_error *err);
void impact_production_free(jr_imp_production *p);

/* impact_analyse: prices the production of year (from the database when
 * file is NULL, else file's rows, the year only a label) under the nscen
 * (1 or 2) scenarios into *out (zeroed here; free with impact_free, also
 * after a failure). Refuses a year outside JR_IMP_YEAR_MIN..MAX
 * (year_invalid), no scenario or more than two (scenario_count), a role
 * that may not (forbidden). */
jr_status impact_analyse(const jr_ctx *ctx, int32_t year, const jr_imp_scenario *scen, int nscen,
                         const jr_imp_production *file, jr_impact *out, jr_error *err);
void impact_free(jr_impact *r);

/* impact_losers: the indexes into r->providers of the at most n providers
 * losing most under scenario s (difference below zero, largest loss
 * first, then by AGB) into idx (n entries); returns how many. */
size_t impact_losers(const jr_impact *r, int s, size_t n, size_t *idx);

#endif

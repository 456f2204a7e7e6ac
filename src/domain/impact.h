/*
 * impact.h (domain): the impact analysis of tariff research (issue 12,
 * DOMAIN.md item 9, docs/impact.md): a year of realised production priced
 * again under a proposed scenario of tariffs and keuzebudget amounts, and
 * the difference. Pure: no I/O, no allocation.
 *
 * A scenario (jr_imp_scenario) names a tariff per product code (eurocents
 * per the product's catalog unit: per hour, per etmaal) and an amount per
 * keuzebudget (eurocents), and the method for production under budgets:
 *   capped    (default) the hours of a budget assignment are priced at the
 *             scenario's tariffs and their sum over the year is capped at
 *             the scenario's amount of the assignment's keuzebudget (an
 *             assignment from a quote, or of a keuzebudget the scenario does
 *             not name, keeps its own budget as the cap);
 *   uncapped  the hours are priced at the scenario's tariffs, no cap.
 * A line's scenario amount is volume x tariff, rounded half up (away from
 * zero) to the cent, exactly as the declaration check prices a line
 * (decl_expected_amount: minutes at an hourly tariff are volume x tariff /
 * 60); a credit line counts negative. A product the scenario names no
 * tariff for keeps its realised amount: the scenario changes nothing there
 * (the analysis lists those products).
 *
 * The difference is scenario - current; its per mille is difference x
 * 1000 / current, rounded half away from zero, and none (no per mille)
 * when the current amount is zero or negative.
 */
#ifndef JR_DOMAIN_IMPACT_H
#define JR_DOMAIN_IMPACT_H

#include "../core/err.h"
#include "catalog.h"
#include "money.h"

#include <stdbool.h>
#include <stdint.h>

#define JR_IMP_NAME_MAX 64
/* the largest tariff or budget a scenario may name: EUR 10,000,000.00 */
#define JR_IMP_CENTS_MAX ((jr_cents)1000000000)
/* scenarios compared in one analysis (A vs B vs realised) */
#define JR_IMP_SCEN_MAX 2

typedef enum {
    JR_IMP_CAPPED = 0,
    JR_IMP_UNCAPPED,
} jr_imp_method;

typedef struct {
    char code[8];
    jr_cents cents;
} jr_imp_price;

typedef struct {
    char name[JR_IMP_NAME_MAX];
    jr_imp_method method;
    int ntariffs;
    jr_imp_price tariffs[JR_MAX_PRODUCTS];
    int nbudgets;
    jr_imp_price budgets[JR_MAX_BUDGETS];
} jr_imp_scenario;

/* One accepted line (or, from a file of the old model, one row of
 * production) as the analysis prices it. */
typedef struct {
    const char *product; /* iJw product code */
    const char *unit;    /* iJw unit of volume: 01 minuut, 04 uur, 14 etmaal */
    int64_t volume;      /* positive, in unit */
    bool credit;         /* a credit: counts negative */
    jr_cents amount;     /* the realised amount, positive (the line's) */
} jr_imp_line;

/* impact_method_name: "capped" / "uncapped"; impact_method_parse: the
 * reverse, false for any other text. */
const char *impact_method_name(jr_imp_method m);
bool impact_method_parse(const char *s, jr_imp_method *out);

/* impact_tariff / impact_budget: the scenario's tariff of a product code /
 * amount of a keuzebudget code; false when it names none. */
bool impact_tariff(const jr_imp_scenario *sc, const char *product, jr_cents *out);
bool impact_budget(const jr_imp_scenario *sc, const char *budget, jr_cents *out);

/* impact_set_tariff / impact_set_budget: adds code at cents to the
 * scenario, checked: JR_EINVAL with code tariff_unknown_product (a product
 * the catalog does not hold), budget_unknown (no keuzebudget of the
 * catalog), tariff_negative / budget_negative (below zero),
 * tariff_too_large / budget_too_large (above JR_IMP_CENTS_MAX),
 * tariff_duplicate / budget_duplicate; field is `where` (the caller's name
 * of the place, e.g. "tariffs.45F01"). The message names the scenario
 * (sc->name), the code and the value. */
jr_status impact_set_tariff(jr_imp_scenario *sc, const jr_catalog *cat, const char *code,
                            int64_t cents, const char *where, jr_error *err);
jr_status impact_set_budget(jr_imp_scenario *sc, const jr_catalog *cat, const char *code,
                            int64_t cents, const char *where, jr_error *err);

/* impact_line_amount: the signed realised amount of l (negative for a
 * credit) in *current and its signed amount under sc in *scenario; true
 * when sc names a tariff for its product (else *scenario = *current). */
bool impact_line_amount(const jr_imp_scenario *sc, const jr_imp_line *l, jr_cents *current,
                        jr_cents *scenario);

/* impact_line_priced: as impact_line_amount with the tariff already
 * looked up: tariff NULL when the scenario names none for the product. */
void impact_line_priced(const jr_imp_line *l, const jr_cents *tariff, jr_cents *current,
                        jr_cents *scenario);

/* impact_cap: the scenario amount of a budget assignment's year: sum (the
 * sum of its lines' scenario amounts), capped under the capped method at
 * the scenario's amount of keuzebudget kb when the scenario names it, else
 * at own_budget (the assignment's own budget; < 0: none known, no cap).
 * kb NULL or "": an assignment from a quote. Under uncapped: sum. */
jr_cents impact_cap(const jr_imp_scenario *sc, const char *kb, jr_cents own_budget, jr_cents sum);

/* impact_permille: difference x 1000 / current rounded half away from zero
 * into *out; false (no per mille) when current <= 0. */
bool impact_permille(jr_cents difference, jr_cents current, int64_t *out);

#endif

/*
 * impact.c (domain): the pricing rules of the impact analysis (see
 * impact.h): a scenario's tariffs and budgets, checked against the
 * catalog; a line priced again; the cap of a budget assignment; the per
 * mille of a difference.
 */
#include "impact.h"

#include "decl.h"

#include <stdio.h>
#include <string.h>

const char *impact_method_name(jr_imp_method m)
{
    return m == JR_IMP_UNCAPPED ? "uncapped" : "capped";
}

bool impact_method_parse(const char *s, jr_imp_method *out)
{
    if (strcmp(s, "capped") == 0)
        *out = JR_IMP_CAPPED;
    else if (strcmp(s, "uncapped") == 0)
        *out = JR_IMP_UNCAPPED;
    else
        return false;
    return true;
}

static bool find(const jr_imp_price *v, int n, const char *code, jr_cents *out)
{
    for (int i = 0; i < n; i++)
        if (strcmp(v[i].code, code) == 0) {
            if (out)
                *out = v[i].cents;
            return true;
        }
    return false;
}

bool impact_tariff(const jr_imp_scenario *sc, const char *product, jr_cents *out)
{
    return find(sc->tariffs, sc->ntariffs, product, out);
}

bool impact_budget(const jr_imp_scenario *sc, const char *budget, jr_cents *out)
{
    return find(sc->budgets, sc->nbudgets, budget, out);
}

/* set: the checks both kinds share; what: "tarief" or "budget" */
static jr_status set(jr_imp_price *v, int *n, int max, bool known, const char *kind,
                     const char *what, const jr_imp_scenario *sc, const char *code, int64_t cents,
                     const char *where, jr_error *err)
{
    char c[48];
    if (cents < 0) {
        snprintf(c, sizeof c, "%s_negative", kind);
        return jr_fail(err, JR_EINVAL, c, where,
                       "Scenario '%s': het %s van %s is negatief (%lld cent); een %s is nul of "
                       "meer eurocent.",
                       sc->name, what, code, (long long)cents, what);
    }
    if (cents > JR_IMP_CENTS_MAX) {
        snprintf(c, sizeof c, "%s_too_large", kind);
        return jr_fail(err, JR_EINVAL, c, where,
                       "Scenario '%s': het %s van %s (%lld cent) is groter dan %lld cent.",
                       sc->name, what, code, (long long)cents, (long long)JR_IMP_CENTS_MAX);
    }
    if (!known) {
        snprintf(c, sizeof c, "%s",
                 strcmp(kind, "tariff") == 0 ? "tariff_unknown_product" : "budget_unknown");
        return jr_fail(err, JR_EINVAL, c, where,
                       "Scenario '%s': %s is geen %s van de catalogus van de regio.", sc->name,
                       code, strcmp(kind, "tariff") == 0 ? "productcode" : "keuzebudget");
    }
    if (find(v, *n, code, NULL)) {
        snprintf(c, sizeof c, "%s_duplicate", kind);
        return jr_fail(err, JR_EINVAL, c, where, "Scenario '%s': %s staat er twee keer in.",
                       sc->name, code);
    }
    if (*n >= max)
        return jr_fail(err, JR_EINVAL, "scenario_too_large", where,
                       "Scenario '%s': meer dan %d regels.", sc->name, max);
    snprintf(v[*n].code, sizeof v[*n].code, "%s", code);
    v[*n].cents = cents;
    (*n)++;
    return JR_OK;
}

jr_status impact_set_tariff(jr_imp_scenario *sc, const jr_catalog *cat, const char *code,
                            int64_t cents, const char *where, jr_error *err)
{
    bool known = strlen(code) < sizeof sc->tariffs[0].code && catalog_product(cat, code);
    return set(sc->tariffs, &sc->ntariffs, JR_MAX_PRODUCTS, known, "tariff", "tarief", sc, code,
               cents, where, err);
}

jr_status impact_set_budget(jr_imp_scenario *sc, const jr_catalog *cat, const char *code,
                            int64_t cents, const char *where, jr_error *err)
{
    bool known = strlen(code) < sizeof sc->budgets[0].code && catalog_budget(cat, code);
    return set(sc->budgets, &sc->nbudgets, JR_MAX_BUDGETS, known, "budget", "budget", sc, code,
               cents, where, err);
}

void impact_line_priced(const jr_imp_line *l, const jr_cents *tariff, jr_cents *current,
                        jr_cents *scenario)
{
    *current = l->credit ? -l->amount : l->amount;
    if (!tariff) {
        *scenario = *current;
        return;
    }
    /* decl_expected_amount's rule; a whole unit needs no rounding */
    jr_cents a = l->unit[0] == '0' && l->unit[1] == '1' && !l->unit[2]
                     ? decl_expected_amount(l->volume, l->unit, *tariff)
                     : l->volume * *tariff;
    *scenario = l->credit ? -a : a;
}

bool impact_line_amount(const jr_imp_scenario *sc, const jr_imp_line *l, jr_cents *current,
                        jr_cents *scenario)
{
    jr_cents t;
    bool has = impact_tariff(sc, l->product, &t);
    impact_line_priced(l, has ? &t : NULL, current, scenario);
    return has;
}

jr_cents impact_cap(const jr_imp_scenario *sc, const char *kb, jr_cents own_budget, jr_cents sum)
{
    if (sc->method == JR_IMP_UNCAPPED)
        return sum;
    jr_cents cap = own_budget;
    if (kb && kb[0])
        impact_budget(sc, kb, &cap);
    if (cap < 0)
        return sum;
    return sum > cap ? cap : sum;
}

bool impact_permille(jr_cents difference, jr_cents current, int64_t *out)
{
    if (current <= 0)
        return false;
    *out = money_mul_div(difference, 1000, current);
    return true;
}

/*
 * referral.c: the referral routes, the iJw referrer types and the rule
 * that decides whether a referrer may ask a route (referral_check).
 */
#include "referral.h"

#include <string.h>

static const char *const route_names[] = {"budget", "offerte",  "verblijf",
                                          "crisis", "dyslexie", "product"};

bool route_parse(const char *s, jr_route *out)
{
    for (int i = 0; s && i < (int)(sizeof route_names / sizeof route_names[0]); i++)
        if (strcmp(s, route_names[i]) == 0) {
            *out = (jr_route)i;
            return true;
        }
    return false;
}

const char *route_name(jr_route r)
{
    return (unsigned)r < sizeof route_names / sizeof route_names[0] ? route_names[r] : "";
}

static const struct {
    const char *code, *name;
} referrer_types[] = {
    {"01", "gemeente (toegang)"}, {"02", "huisarts"},
    {"03", "jeugdarts"},          {"04", "gecertificeerde instelling"},
    {"05", "medisch specialist"}, {"06", "zelfverwijzer/geen verwijzer"},
    {"08", "rechter/OvJ"},
};

bool referrer_type_valid(const char *type)
{
    return referrer_type_name(type)[0] != '\0';
}

const char *referrer_type_name(const char *type)
{
    for (size_t i = 0; type && i < sizeof referrer_types / sizeof referrer_types[0]; i++)
        if (strcmp(referrer_types[i].code, type) == 0)
            return referrer_types[i].name;
    return "";
}

bool referrer_allows_budget(const jr_referrer_rule *r, const char *budget)
{
    if (r->all_budgets)
        return true;
    for (int i = 0; i < r->nbudgets; i++)
        if (strcmp(r->budgets[i], budget) == 0)
            return true;
    return false;
}

static jr_product_kind route_kind(jr_route r)
{
    return r == JR_ROUTE_VERBLIJF ? JR_PK_INTENSITY
           : r == JR_ROUTE_CRISIS ? JR_PK_CRISIS
                                  : JR_PK_DYSLEXIE;
}

jr_status referral_check(const jr_catalog *cat, const jr_referral_req *req, jr_error *err)
{
    jr_status rc = JR_OK;
    bool type_ok = referrer_type_valid(req->referrer_type);
    if (!type_ok)
        rc = jr_refuse(err, rc, "referrer_type_invalid", "verwijzer",
                       "Type verwijzer '%s' bestaat niet (iJw: 01, 02, 03, 04, 05, 06 of 08).",
                       req->referrer_type);
    if (req->result[0] == '\0')
        rc = jr_refuse(err, rc, "result_missing", "resultaat",
                       "Een verwijzing noemt het beoogde resultaat.");
    const jr_referrer_rule *rule = catalog_referrer(cat, req->referrer_type);
    const char *who = referrer_type_name(req->referrer_type);
    switch (req->route) {
    case JR_ROUTE_BUDGET:
        if (catalog_budget(cat, req->budget) == NULL)
            return jr_refuse(err, rc, "budget_unknown", "budget",
                             "Keuzebudget '%s' bestaat niet in de catalogus.", req->budget);
        if (type_ok && !referrer_allows_budget(rule, req->budget)) {
            char allowed[128] = "";
            for (int i = 0; i < rule->nbudgets; i++) {
                strncat(allowed, i ? ", " : "", sizeof allowed - strlen(allowed) - 1);
                strncat(allowed, rule->budgets[i], sizeof allowed - strlen(allowed) - 1);
            }
            rc = jr_refuse(err, rc, "route_not_allowed", "budget",
                           "Een %s mag keuzebudget %s niet kiezen%s%s%s.", who, req->budget,
                           rule->nbudgets ? " (wel: " : "", allowed,
                           rule->nbudgets ? (rule->quote ? ", of een offerte)" : ")")
                                          : (rule->quote ? "; vraag een offerte aan" : ""));
        }
        return rc;
    case JR_ROUTE_QUOTE:
        if (type_ok && !rule->quote)
            rc = jr_refuse(err, rc, "route_not_allowed", "route",
                           "Een %s mag geen offerte aanvragen.", who);
        return rc;
    case JR_ROUTE_VERBLIJF:
    case JR_ROUTE_CRISIS:
    case JR_ROUTE_DYSLEXIE: {
        bool allowed = req->route == JR_ROUTE_VERBLIJF ? rule->verblijf
                       : req->route == JR_ROUTE_CRISIS ? rule->crisis
                                                       : rule->dyslexie;
        if (type_ok && !allowed)
            rc = jr_refuse(err, rc, "route_not_allowed", "route",
                           "Een %s mag niet verwijzen naar %s.", who, route_name(req->route));
        const jr_product *p = catalog_product_by_short(cat, req->product);
        if (p == NULL)
            rc = jr_refuse(err, rc, "product_unknown", "product",
                           "Product '%s' bestaat niet in de catalogus.", req->product);
        else if (p->kind != route_kind(req->route))
            rc = jr_refuse(err, rc, "product_route_mismatch", "product",
                           "Product %s (%s) past niet bij route %s.", p->code, p->name,
                           route_name(req->route));
        if (req->volume <= 0)
            rc = jr_refuse(err, rc, "volume_invalid", "volume",
                           "Het aantal %s moet groter dan nul zijn.",
                           req->route == JR_ROUTE_VERBLIJF ? "etmalen" : "uren");
        return rc;
    }
    case JR_ROUTE_PRODUCT: {
        const jr_product *p = catalog_product_by_short(cat, req->product);
        if (p == NULL)
            return jr_refuse(err, rc, "product_unknown", "product",
                             "Product '%s' bestaat niet in de catalogus.", req->product);
        if (p->kind != JR_PK_PRODUCT)
            return jr_refuse(err, rc, "product_route_mismatch", "product",
                             "Product %s (%s) heeft een eigen route (%s), niet route product.",
                             p->code, p->name, product_kind_name(p->kind));
        if (type_ok && !referrer_allows_product(rule, p->code))
            rc =
                jr_refuse(err, rc, "route_not_allowed", "product",
                          "Een %s mag niet verwijzen naar product %s (%s).", who, p->code, p->name);
        if (p->funding == JR_FUND_INSPANNING && req->volume <= 0)
            rc = jr_refuse(err, rc, "volume_invalid", "volume",
                           "Het volume (%s) moet groter dan nul zijn.", unit_name(p->unit));
        return rc;
    }
    }
    return jr_refuse(err, rc, "route_not_allowed", "route", "Onbekende route.");
}

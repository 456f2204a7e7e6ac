/*
 * domain/request.c: the pure rules of a provider's request (see request.h):
 * the translation of a requested product to a referral route and the
 * refusal reasons.
 */
#include "request.h"

#include "../core/sbuf.h"
#include "money.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *request_refusal_name(const char *code)
{
    /* iJw 3.2 LDT_RedenAfwijzingVerzoek, in the words of basisschema.xsd */
    static const char *const names[] = {
        "Geen wijziging, maar nieuwe aanvraag",
        "Past niet binnen budget",
        "Geen contract",
        "Past niet binnen contract",
        "Andere gemeente",
        "Stapeling",
        "Zorginhoudelijke afkeur",
        "Woonplaatsbeginsel",
        "Leeftijdsgrens is bereikt",
    };
    if (!code || code[0] < '1' || code[0] > '9' || code[1] != '\0')
        return NULL;
    return names[code[0] - '1'];
}

void request_decision_refuse(jr_req_decision *d, const char *reden, const char *fmt, ...)
{
    d->outcome = JR_REQ_REFUSED;
    str_copy(d->reden, sizeof d->reden, reden);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->message, sizeof d->message, fmt, ap);
    va_end(ap);
    d->nassignments = 0;
}

void request_refuse_by(jr_req_decision *d, const jr_error *e, bool budget)
{
    const char *reden = "4"; /* past niet binnen contract (the region's rules) */
    if (strcmp(e->code, "route_not_allowed") == 0 || strcmp(e->code, "budget_unknown") == 0 ||
        strcmp(e->code, "below_used") == 0)
        reden = budget ? "2" : "4";
    else if (strcmp(e->code, "provider_not_contracted") == 0)
        reden = "3";
    else if (strcmp(e->code, "too_old") == 0)
        reden = "9";
    else if (strcmp(e->code, "gemeente_unknown") == 0)
        reden = "5";
    request_decision_refuse(d, reden, "%s", e->message);
}

const jr_budget *request_budget_of_amount(const jr_catalog *cat, jr_cents cents, jr_date date)
{
    for (int i = 0; i < cat->nbudgets; i++) {
        jr_cents a;
        if (budget_amount(&cat->budgets[i], date, &a) && a == cents)
            return &cat->budgets[i];
    }
    return NULL;
}

/* the keuzebudgets a referrer may choose, with their amounts on date, in words */
static void budgets_allowed(const jr_catalog *cat, const char *type, jr_date date, char *out,
                            size_t cap)
{
    const jr_referrer_rule *rule = catalog_referrer(cat, type);
    out[0] = '\0';
    for (int i = 0; i < cat->nbudgets; i++) {
        jr_cents a;
        if (!referrer_allows_budget(rule, cat->budgets[i].code) ||
            !budget_amount(&cat->budgets[i], date, &a))
            continue;
        char m[JR_MONEY_BUF];
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%s%s (%s)", n ? ", " : "", cat->budgets[i].code,
                 money_format_nl(a, m));
    }
}

jr_route_result request_translate(const jr_catalog *cat, const jr_req_product *p, const char *type,
                                  jr_referral_req *req, jr_req_decision *d)
{
    char m[JR_MONEY_BUF], s1[JR_DATE_ISO_LEN];
    str_copy(req->referrer_type, sizeof req->referrer_type, type);
    if (!p->product[0]) {
        if (strcmp(p->category, "45") != 0) {
            request_decision_refuse(d, "4",
                                    "Een toewijzing zonder productcode is er alleen voor ambulante "
                                    "jeugdhulp (categorie 45) met een budget.");
            return JR_ROUTE_REFUSED;
        }
        if (!p->has_budget || p->has_volume) {
            request_decision_refuse(
                d, "4",
                "Een verzoek om ambulante jeugdhulp zonder productcode noemt een "
                "budget en geen omvang.");
            return JR_ROUTE_REFUSED;
        }
        const jr_budget *b = request_budget_of_amount(cat, p->budget, p->start);
        if (b) {
            req->route = JR_ROUTE_BUDGET;
            str_copy(req->budget, sizeof req->budget, b->code);
            return JR_ROUTE_OK;
        }
        const jr_referrer_rule *rule = catalog_referrer(cat, type);
        if (rule->all_budgets && rule->quote) {
            req->route = JR_ROUTE_QUOTE;
            snprintf(d->message, sizeof d->message,
                     "Budget %s is geen keuzebudget op %s: de gemeente vraagt offertes aan.",
                     money_format_nl(p->budget, m), date_format(p->start, s1));
            return JR_ROUTE_TO_QUOTE;
        }
        char allowed[256];
        budgets_allowed(cat, type, p->start, allowed, sizeof allowed);
        if (allowed[0])
            request_decision_refuse(
                d, "2",
                "Budget %s is niet het bedrag van een keuzebudget dat een %s mag kiezen "
                "(%s op %s); voor meer of anders is een offerte nodig.",
                money_format_nl(p->budget, m), referrer_type_name(type), allowed,
                date_format(p->start, s1));
        else
            request_decision_refuse(
                d, "2",
                "Een %s kiest geen keuzebudget: de hulp loopt via een offerte (budget %s "
                "gevraagd).",
                referrer_type_name(type), money_format_nl(p->budget, m));
        return JR_ROUTE_REFUSED;
    }
    const jr_product *pr = catalog_product(cat, p->product);
    if (!pr || strcmp(pr->category, p->category) != 0) {
        request_decision_refuse(
            d, "4", "Product %s (categorie %s) staat niet in de catalogus van de regio.",
            p->product, p->category);
        return JR_ROUTE_REFUSED;
    }
    if (pr->kind == JR_PK_FUNCTIEGROEP) {
        request_decision_refuse(
            d, "4",
            "Uren van functiegroep %s worden gedeclareerd binnen een ambulant budget; vraag "
            "een budget (zonder productcode) aan.",
            pr->code);
        return JR_ROUTE_REFUSED;
    }
    if (p->has_budget || !p->has_volume) {
        request_decision_refuse(d, "4",
                                "Een verzoek om %s noemt een omvang (aantal %s), geen budget.",
                                pr->code, unit_name(pr->unit));
        return JR_ROUTE_REFUSED;
    }
    if (strcmp(p->unit, pr->unit) != 0) {
        request_decision_refuse(
            d, "4", "Product %s wordt toegewezen in %s (eenheid %s), niet in eenheid %s.", pr->code,
            unit_name(pr->unit), pr->unit, p->unit);
        return JR_ROUTE_REFUSED;
    }
    req->route = pr->kind == JR_PK_INTENSITY ? JR_ROUTE_VERBLIJF
                 : pr->kind == JR_PK_CRISIS  ? JR_ROUTE_CRISIS
                                             : JR_ROUTE_DYSLEXIE;
    str_copy(req->product, sizeof req->product, pr->code);
    jr_date end = p->end;
    if (end == JR_DATE_NONE && strcmp(p->frequency, "6") != 0) {
        jr_referral_req probe = *req;
        probe.volume = 1;
        jr_grant g;
        if (assignment_plan(cat, &probe, p->start, JR_DATE_NONE, 0, 0, &g, NULL) == JR_OK)
            end = g.end;
        else
            end = p->start;
    }
    req->volume = frequency_volume_total(p->volume, p->frequency, p->start, end);
    return JR_ROUTE_OK;
}

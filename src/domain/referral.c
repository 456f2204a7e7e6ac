/*
 * referral.c: the referrer route rules, assignment planning and the
 * budget ledger arithmetic.
 */
#include "referral.h"
#include "../core/sbuf.h"
#include "decl.h"
#include "money.h"

#include <stdio.h>
#include <string.h>

static const char *const route_names[] = {"budget", "offerte", "verblijf", "crisis", "dyslexie"};

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
    if (!referrer_type_valid(req->referrer_type))
        return jr_fail(err, JR_EINVAL, "referrer_type_invalid", "verwijzer",
                       "Type verwijzer '%s' bestaat niet (iJw: 01, 02, 03, 04, 05, 06 of 08).",
                       req->referrer_type);
    if (req->result[0] == '\0')
        return jr_fail(err, JR_EINVAL, "result_missing", "resultaat",
                       "Een verwijzing noemt het beoogde resultaat.");
    const jr_referrer_rule *rule = catalog_referrer(cat, req->referrer_type);
    const char *who = referrer_type_name(req->referrer_type);
    switch (req->route) {
    case JR_ROUTE_BUDGET:
        if (catalog_budget(cat, req->budget) == NULL)
            return jr_fail(err, JR_EINVAL, "budget_unknown", "budget",
                           "Keuzebudget '%s' bestaat niet in de catalogus.", req->budget);
        if (!referrer_allows_budget(rule, req->budget)) {
            char allowed[128] = "";
            for (int i = 0; i < rule->nbudgets; i++) {
                strncat(allowed, i ? ", " : "", sizeof allowed - strlen(allowed) - 1);
                strncat(allowed, rule->budgets[i], sizeof allowed - strlen(allowed) - 1);
            }
            return jr_fail(err, JR_EINVAL, "route_not_allowed", "budget",
                           "Een %s mag keuzebudget %s niet kiezen%s%s%s.", who, req->budget,
                           rule->nbudgets ? " (wel: " : "", allowed,
                           rule->nbudgets ? (rule->quote ? ", of een offerte)" : ")")
                                          : (rule->quote ? "; vraag een offerte aan" : ""));
        }
        return JR_OK;
    case JR_ROUTE_QUOTE:
        if (!rule->quote)
            return jr_fail(err, JR_EINVAL, "route_not_allowed", "route",
                           "Een %s mag geen offerte aanvragen.", who);
        return JR_OK;
    case JR_ROUTE_VERBLIJF:
    case JR_ROUTE_CRISIS:
    case JR_ROUTE_DYSLEXIE: {
        bool allowed = req->route == JR_ROUTE_VERBLIJF ? rule->verblijf
                       : req->route == JR_ROUTE_CRISIS ? rule->crisis
                                                       : rule->dyslexie;
        if (!allowed)
            return jr_fail(err, JR_EINVAL, "route_not_allowed", "route",
                           "Een %s mag niet verwijzen naar %s.", who, route_name(req->route));
        const jr_product *p = catalog_product_by_short(cat, req->product);
        if (p == NULL)
            return jr_fail(err, JR_EINVAL, "product_unknown", "product",
                           "Product '%s' bestaat niet in de catalogus.", req->product);
        if (p->kind != route_kind(req->route))
            return jr_fail(err, JR_EINVAL, "product_route_mismatch", "product",
                           "Product %s (%s) past niet bij route %s.", p->code, p->name,
                           route_name(req->route));
        if (req->volume <= 0)
            return jr_fail(err, JR_EINVAL, "volume_invalid", "volume",
                           "Het aantal %s moet groter dan nul zijn.",
                           req->route == JR_ROUTE_VERBLIJF ? "etmalen" : "uren");
        return JR_OK;
    }
    }
    return jr_fail(err, JR_EINVAL, "route_not_allowed", "route", "Onbekende route.");
}

jr_status assignment_plan(const jr_catalog *cat, const jr_referral_req *req, jr_date start,
                          jr_date end, jr_cents quote_total, int32_t quote_months, jr_grant *out,
                          jr_error *err)
{
    memset(out, 0, sizeof *out);
    out->start = start;
    snprintf(out->frequency, sizeof out->frequency, "6");
    if (end != JR_DATE_NONE && end < start)
        return jr_fail(err, JR_EINVAL, "end_before_start", "einddatum",
                       "De einddatum ligt voor de begindatum.");
    char s1[JR_DATE_ISO_LEN], s2[JR_DATE_ISO_LEN];
    if (req->route == JR_ROUTE_BUDGET || req->route == JR_ROUTE_QUOTE) {
        int32_t months;
        snprintf(out->category, sizeof out->category, "45");
        out->is_budget = true;
        snprintf(out->unit, sizeof out->unit, "83");
        if (req->route == JR_ROUTE_BUDGET) {
            const jr_budget *b = catalog_budget(cat, req->budget);
            if (b == NULL)
                return jr_fail(err, JR_EINVAL, "budget_unknown", "budget",
                               "Keuzebudget '%s' bestaat niet.", req->budget);
            if (!budget_amount(b, start, &out->budget))
                return jr_fail(err, JR_EINVAL, "no_price_on_date", "begindatum",
                               "Keuzebudget %s heeft geen bedrag op %s.", b->code,
                               date_format(start, s1));
            months = b->max_months;
        } else {
            if (quote_total <= 0 || quote_months <= 0)
                return jr_fail(err, JR_EINVAL, "quote_invalid", "offerte",
                               "Een offerte heeft een positief totaal en een looptijd.");
            out->budget = quote_total;
            months = quote_months;
        }
        jr_date max_end = date_add_months(start, months) - 1;
        if (end == JR_DATE_NONE)
            end = max_end;
        if (end > max_end)
            return jr_fail(err, JR_EINVAL, "duration_exceeds_max", "einddatum",
                           "Einddatum %s ligt na de maximale looptijd van %d maanden (uiterlijk "
                           "%s).",
                           date_format(end, s1), months, date_format(max_end, s2));
        out->end = end;
        return JR_OK;
    }
    const jr_product *p = catalog_product_by_short(cat, req->product);
    if (p == NULL)
        return jr_fail(err, JR_EINVAL, "product_unknown", "product", "Product '%s' bestaat niet.",
                       req->product);
    jr_cents tariff;
    if (!product_tariff(p, start, &tariff))
        return jr_fail(err, JR_EINVAL, "no_price_on_date", "begindatum",
                       "Product %s heeft geen tarief op %s.", p->code, date_format(start, s1));
    str_copy(out->category, sizeof out->category, p->category);
    str_copy(out->product, sizeof out->product, p->code);
    str_copy(out->unit, sizeof out->unit, p->unit);
    out->volume = req->volume;
    jr_date max_end =
        p->kind == JR_PK_CRISIS ? start + p->max_days - 1 : date_add_months(start, 12) - 1;
    if (end == JR_DATE_NONE)
        end = max_end;
    if (end > max_end)
        return jr_fail(err, JR_EINVAL, "duration_exceeds_max", "einddatum",
                       p->kind == JR_PK_CRISIS
                           ? "Crisis duurt ten hoogste %d dagen (uiterlijk %s); daarna volgt een "
                             "nieuwe verwijzing."
                           : "Een toewijzing duurt ten hoogste %d maanden (uiterlijk %s).",
                       p->kind == JR_PK_CRISIS ? p->max_days : 12, date_format(max_end, s2));
    if (p->kind == JR_PK_INTENSITY && req->volume > (int64_t)end - start + 1)
        return jr_fail(err, JR_EINVAL, "volume_exceeds_period", "volume",
                       "%lld etmalen passen niet in de periode %s t/m %s (%d dagen).",
                       (long long)req->volume, date_format(start, s1), date_format(end, s2),
                       (int)(end - start + 1));
    out->end = end;
    return JR_OK;
}

jr_cents quote_line_amount(int64_t centi_hours, jr_cents hourly_tariff)
{
    return money_mul_div(centi_hours, hourly_tariff, 100);
}

jr_cents ledger_remaining(const jr_ledger *l)
{
    return l->granted - l->used - l->released;
}

void ledger_release(jr_ledger *l)
{
    jr_cents rest = ledger_remaining(l);
    if (rest > 0)
        l->released += rest;
}

void ledger_compute(jr_ledger *l, jr_cents granted, jr_cents used, bool ended)
{
    l->granted = granted;
    l->used = used;
    l->released = 0;
    if (ended)
        ledger_release(l);
}

bool ledger_change_ok(const jr_ledger *l, jr_cents new_granted)
{
    return new_granted >= l->used && new_granted > 0;
}

bool ledger_nearly_spent(const jr_ledger *l)
{
    return l->granted > 0 && l->used * 1000 > l->granted * LEDGER_NEARLY_SPENT_PERMILLE;
}

bool stop_reason_temporary(const char *reason)
{
    return reason && strcmp(reason, "20") == 0;
}

jr_status stop_history_check(const jr_stop_history *h, bool change, const char *reason,
                             jr_error *err)
{
    bool temporary = stop_reason_temporary(reason);
    if (!change && h->definitive > 0)
        return jr_fail(err, JR_ECONFLICT, "9415", "reden",
                       "Er is al een definitieve stop zorg voor deze start.");
    if (temporary && (change ? h->other_temporary : h->temporary) > 0)
        return jr_fail(err, JR_ECONFLICT, "9413", "reden",
                       "Er is al een tijdelijke stop zorg (reden 20) voor deze start.");
    return JR_OK;
}

jr_status care_stop_next_check(jr_date care_stop, const char *stop_reason, jr_date date,
                               jr_error *err)
{
    if (care_stop == JR_DATE_NONE || !stop_reason_temporary(stop_reason))
        return jr_fail(err, JR_ECONFLICT, "9415", "reden",
                       "Er is geen tijdelijke stop zorg om op te volgen.");
    if (date < care_stop)
        return jr_fail(err, JR_EINVAL, "9414", "datum",
                       "De volgende stop zorg kan niet voor de huidige stop liggen.");
    return JR_OK;
}

jr_status assignment_change_check(const jr_grant *g, const jr_ledger *l, int64_t used_base,
                                  jr_date care_start, int64_t amount, jr_date end, jr_error *err)
{
    if (amount < 0 && end == JR_DATE_NONE)
        return jr_fail(err, JR_EINVAL, "nothing_to_change", "",
                       "Geef een nieuw budget, volume of einddatum op.");
    if (amount >= 0 && g->is_budget && !ledger_change_ok(l, amount)) {
        char m1[JR_MONEY_BUF], m2[JR_MONEY_BUF];
        return jr_fail(err, JR_EINVAL, "below_used", "budget",
                       "Het nieuwe budget (%s) ligt onder wat al gedeclareerd is (%s).",
                       money_format_nl(amount, m1), money_format_nl(l->used, m2));
    }
    if (amount >= 0 && !g->is_budget &&
        (amount <= 0 || amount * unit_base_factor(g->unit) < used_base))
        return jr_fail(err, JR_EINVAL, "below_used", "volume",
                       "Het nieuwe volume ligt onder wat al gedeclareerd is.");
    if (end != JR_DATE_NONE && end < g->start)
        return jr_fail(err, JR_EINVAL, "end_before_start", "einddatum",
                       "De nieuwe einddatum ligt voor de ingangsdatum.");
    if (end != JR_DATE_NONE && care_start != JR_DATE_NONE && end < care_start)
        return jr_fail(err, JR_EINVAL, "end_before_care", "einddatum",
                       "De nieuwe einddatum ligt voor de start van de zorg.");
    return JR_OK;
}

int64_t frequency_volume_total(int64_t volume, const char *frequency, jr_date start, jr_date end)
{
    int64_t days = (int64_t)end - start + 1;
    if (days < 1)
        days = 1;
    if (!frequency || strcmp(frequency, "6") == 0)
        return volume;
    if (strcmp(frequency, "1") == 0)
        return volume * days;
    if (strcmp(frequency, "2") == 0)
        return volume * ((days + 6) / 7);
    if (strcmp(frequency, "4") == 0) {
        jr_month a = date_month(start), b = date_month(end);
        return volume * (b >= a ? b - a + 1 : 1);
    }
    return volume;
}

jr_status youth_birth_check(jr_date birth, jr_date today, jr_error *err)
{
    if (birth > today)
        return jr_fail(err, JR_EINVAL, "birth_in_future", "geboortedatum",
                       "De geboortedatum ligt in de toekomst.");
    if (birth < date_add_months(today, -23 * 12))
        return jr_fail(err, JR_EINVAL, "too_old", "geboortedatum",
                       "Jeugdhulp is er tot 18 jaar (in sommige gevallen 23): deze geboortedatum "
                       "ligt meer dan 23 jaar terug.");
    return JR_OK;
}

jr_status care_start_date_check(const jr_grant *g, jr_date date, jr_date today, jr_error *err)
{
    if (date < g->start || date > g->end)
        return jr_fail(err, JR_EINVAL, "date_outside_assignment", "datum",
                       "Start zorg moet binnen de looptijd van de toewijzing liggen.");
    if (date > today)
        return jr_fail(err, JR_EINVAL, "date_in_future", "datum",
                       "Start zorg kan niet in de toekomst liggen.");
    return JR_OK;
}

jr_status care_stop_date_check(const jr_grant *g, jr_date care_start, jr_date date, jr_date today,
                               jr_error *err)
{
    if (date < care_start || date > g->end)
        return jr_fail(err, JR_EINVAL, "date_outside_care", "datum",
                       "Stop zorg moet na start zorg en uiterlijk op de einddatum liggen.");
    if (date > today)
        return jr_fail(err, JR_EINVAL, "date_in_future", "datum",
                       "Stop zorg kan niet in de toekomst liggen.");
    return JR_OK;
}

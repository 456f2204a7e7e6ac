/*
 * assignment.c (domain): an assignment's grant: planning it from a referral
 * (route, catalog amount or tariff, longest period), checking a change
 * against what was used, and totalling an iJw volume per frequency.
 */
#include "assignment.h"
#include "../core/sbuf.h"
#include "decl.h"

#include <stdio.h>
#include <string.h>

/* route product: the grant of a product from the products list. A task
 * (taakgericht) grants no volume: the partner's task budget pays. An
 * output per month grants one stuk per calendar month the period touches
 * (the JW301 says that total, frequency 6); an output per
 * trajectory one stuk in all. The price may differ per provider, so it is
 * looked up when a line is declared, not here. */
static jr_status plan_product(const jr_product *p, jr_date start, jr_date end, int64_t volume,
                              jr_grant *out, jr_error *err)
{
    char s1[JR_DATE_ISO_LEN];
    str_copy(out->category, sizeof out->category, p->category);
    str_copy(out->product, sizeof out->product, p->code);
    str_copy(out->unit, sizeof out->unit, p->unit);
    jr_date max_end = date_add_months(start, p->max_months) - 1;
    if (end == JR_DATE_NONE)
        end = max_end;
    if (end > max_end)
        return jr_fail(err, JR_EINVAL, "duration_exceeds_max", "einddatum",
                       "Product %s loopt ten hoogste %d maanden (uiterlijk %s).", p->code,
                       p->max_months, date_format(max_end, s1));
    out->end = end;
    switch (p->funding) {
    case JR_FUND_TAAK:
        out->volume = 0;
        break;
    case JR_FUND_OUTPUT:
        out->volume = p->period == JR_OUT_MONTH ? frequency_volume_total(1, "4", start, end) : 1;
        break;
    case JR_FUND_INSPANNING:
        if (volume <= 0)
            return jr_fail(err, JR_EINVAL, "volume_invalid", "volume",
                           "Het volume moet groter dan nul zijn.");
        if (strcmp(p->unit, "14") == 0 && volume > (int64_t)end - start + 1)
            return jr_fail(err, JR_EINVAL, "volume_exceeds_period", "volume",
                           "%lld etmalen passen niet in de periode (%d dagen).", (long long)volume,
                           (int)(end - start + 1));
        out->volume = volume;
        break;
    }
    return JR_OK;
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
    if (p->kind == JR_PK_PRODUCT)
        return plan_product(p, start, end, req->volume, out, err);
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

jr_status assignment_change_check(const jr_grant *g, const jr_ledger *l, int64_t used_base,
                                  jr_date care_start, int64_t amount, jr_date end, jr_error *err)
{
    if (amount < 0 && end == JR_DATE_NONE)
        return jr_refuse(err, JR_OK, "nothing_to_change", "",
                         "Geef een nieuw budget, volume of einddatum op.");
    jr_status rc = JR_OK;
    if (amount >= 0 && g->is_budget && !ledger_change_ok(l, amount)) {
        char m1[JR_MONEY_BUF], m2[JR_MONEY_BUF];
        rc = jr_refuse(err, rc, "below_used", "budget",
                       "Het nieuwe budget (%s) ligt onder wat al gedeclareerd is (%s).",
                       money_format_nl(amount, m1), money_format_nl(l->used, m2));
    }
    if (amount >= 0 && !g->is_budget &&
        (amount <= 0 || amount * unit_base_factor(g->unit) < used_base))
        rc = jr_refuse(err, rc, "below_used", "volume",
                       "Het nieuwe volume ligt onder wat al gedeclareerd is.");
    if (end != JR_DATE_NONE && end < g->start)
        rc = jr_refuse(err, rc, "end_before_start", "einddatum",
                       "De nieuwe einddatum ligt voor de ingangsdatum.");
    else if (end != JR_DATE_NONE && care_start != JR_DATE_NONE && end < care_start)
        rc = jr_refuse(err, rc, "end_before_care", "einddatum",
                       "De nieuwe einddatum ligt voor de start van de zorg.");
    return rc;
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

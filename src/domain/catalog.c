/*
 * catalog.c: read-only look-ups on a loaded region catalog.
 */
#include "catalog.h"
#include "stats.h"

#include <string.h>

int64_t catalog_small_group_threshold(const jr_catalog *cat)
{
    return cat->small_group_threshold > 0 ? cat->small_group_threshold : JR_SMALL_GROUP_DEFAULT;
}

const jr_municipality *catalog_municipality(const jr_catalog *cat, const char *cbs)
{
    for (int i = 0; cbs && i < cat->nmunicipalities; i++)
        if (strcmp(cat->municipalities[i].cbs, cbs) == 0)
            return &cat->municipalities[i];
    return NULL;
}

const jr_product *catalog_product(const jr_catalog *cat, const char *code)
{
    for (int i = 0; code && i < cat->nproducts; i++)
        if (strcmp(cat->products[i].code, code) == 0)
            return &cat->products[i];
    return NULL;
}

const jr_product *catalog_product_by_short(const jr_catalog *cat, const char *code)
{
    for (int i = 0; code && i < cat->nproducts; i++)
        if (strcmp(cat->products[i].short_code, code) == 0)
            return &cat->products[i];
    return catalog_product(cat, code);
}

const jr_budget *catalog_budget(const jr_catalog *cat, const char *code)
{
    for (int i = 0; code && i < cat->nbudgets; i++)
        if (strcmp(cat->budgets[i].code, code) == 0)
            return &cat->budgets[i];
    return NULL;
}

const jr_referrer_rule *catalog_referrer(const jr_catalog *cat, const char *type)
{
    for (int i = 0; type && i < cat->nreferrers; i++)
        if (strcmp(cat->referrers[i].type, type) == 0)
            return &cat->referrers[i];
    return &cat->default_referrer;
}

bool catalog_lot_has(const jr_lot *lot, const char *product_code)
{
    for (int i = 0; i < lot->nproducts; i++)
        if (strcmp(lot->products[i], product_code) == 0)
            return true;
    return false;
}

const jr_lot *catalog_lot_of(const jr_catalog *cat, const char *product_code)
{
    for (int i = 0; i < cat->nlots; i++)
        if (catalog_lot_has(&cat->lots[i], product_code))
            return &cat->lots[i];
    return NULL;
}

const jr_lot *catalog_lot(const jr_catalog *cat, const char *code)
{
    for (int i = 0; i < cat->nlots; i++)
        if (strcmp(cat->lots[i].code, code ? code : "") == 0)
            return &cat->lots[i];
    return NULL;
}

static int price_index(const jr_price *prices, int n, jr_date date)
{
    for (int i = 0; i < n; i++)
        if (prices[i].from <= date && (prices[i].to == JR_DATE_NONE || date <= prices[i].to))
            return i;
    return -1;
}

bool price_at(const jr_price *prices, int n, jr_date date, jr_cents *out)
{
    int i = price_index(prices, n, date);
    if (i < 0)
        return false;
    *out = prices[i].cents;
    return true;
}

bool price_single_period(const jr_price *prices, int n, jr_date from, jr_date to)
{
    int i = price_index(prices, n, from);
    return i >= 0 && (prices[i].to == JR_DATE_NONE || to <= prices[i].to);
}

bool product_tariff(const jr_product *p, jr_date date, jr_cents *out)
{
    return price_at(p->prices, p->nprices, date, out);
}

const jr_provider_price *catalog_provider_price(const jr_catalog *cat, const char *product,
                                                const char *agb)
{
    for (int i = 0; product && agb && i < cat->nprovider_prices; i++)
        if (strcmp(cat->provider_prices[i].product, product) == 0 &&
            strcmp(cat->provider_prices[i].agb, agb) == 0)
            return &cat->provider_prices[i];
    return NULL;
}

void product_prices_for(const jr_catalog *cat, const jr_product *p, const char *agb,
                        const jr_price **prices, int *n)
{
    const jr_provider_price *pp = catalog_provider_price(cat, p->code, agb);
    *prices = pp ? pp->prices : p->prices;
    *n = pp ? pp->nprices : p->nprices;
}

bool product_tariff_for(const jr_catalog *cat, const jr_product *p, const char *agb, jr_date date,
                        jr_cents *out)
{
    const jr_price *prices;
    int n;
    product_prices_for(cat, p, agb, &prices, &n);
    return price_at(prices, n, date, out);
}

bool product_billable(const jr_product *p)
{
    return p->funding != JR_FUND_TAAK;
}

bool product_parttime_possible(const jr_product *p)
{
    return p->kind == JR_PK_INTENSITY && strcmp(p->form, "crisisbed") != 0 &&
           strcmp(p->form, "gesloten jeugdzorg") != 0;
}

bool referrer_allows_product(const jr_referrer_rule *r, const char *code)
{
    if (r->all_products)
        return true;
    for (int i = 0; code && i < r->nproducts; i++)
        if (strcmp(r->products[i], code) == 0)
            return true;
    return false;
}

const jr_partner *catalog_partner(const jr_catalog *cat, const char *agb)
{
    for (int i = 0; agb && i < cat->npartners; i++)
        if (strcmp(cat->partners[i].agb, agb) == 0)
            return &cat->partners[i];
    return NULL;
}

bool task_budget_term(const jr_task_budget *t, int k, jr_cents *amount, jr_date *from, jr_date *to)
{
    if (t->terms < 1 || 12 % t->terms != 0 || k < 1 || k > t->terms)
        return false;
    jr_cents each = t->amount / t->terms;
    *amount = k < t->terms ? each : t->amount - each * (t->terms - 1);
    int months = 12 / t->terms;
    jr_date first;
    if (!date_from_ymd(t->year, 1 + (k - 1) * months, 1, &first))
        return false;
    *from = first;
    *to = date_add_months(first, months) - 1;
    return true;
}

int task_budget_paid(const jr_task_budget *t, jr_month month, jr_cents *paid)
{
    int n = 0;
    *paid = 0;
    jr_date last = month_last_day(month);
    for (int k = 1; k <= t->terms; k++) {
        jr_cents a;
        jr_date from, to;
        if (!task_budget_term(t, k, &a, &from, &to) || from > last)
            break;
        *paid += a;
        n++;
    }
    return n;
}

jr_voorziening product_voorziening(const jr_product *p)
{
    if (!p)
        return JR_VZ_OTHER;
    switch (p->kind) {
    case JR_PK_FUNCTIEGROEP:
        return JR_VZ_AMBULANT;
    case JR_PK_INTENSITY:
        return JR_VZ_VERBLIJF;
    case JR_PK_CRISIS:
        return JR_VZ_CRISIS;
    case JR_PK_DYSLEXIE:
        return JR_VZ_DYSLEXIE;
    case JR_PK_PRODUCT:
        return strcmp(p->category, "43") == 0 || strcmp(p->category, "44") == 0 ? JR_VZ_VERBLIJF
               : strcmp(p->category, "46") == 0                                 ? JR_VZ_CRISIS
                                                                                : JR_VZ_AMBULANT;
    }
    return JR_VZ_OTHER;
}

jr_task_status task_budget_status(const jr_task_budget *t, jr_month month)
{
    jr_task_status s = {0, 0, 0, 0};
    s.terms_paid = task_budget_paid(t, month, &s.paid);
    jr_cents a;
    jr_date from, to;
    if (s.terms_paid > 0 && task_budget_term(t, s.terms_paid, &a, &from, &to) &&
        date_month(from) == month)
        s.this_period = a;
    s.remaining = t->amount - s.paid;
    return s;
}

const char *funding_name(jr_funding f)
{
    switch (f) {
    case JR_FUND_INSPANNING:
        return "inspanningsgericht";
    case JR_FUND_OUTPUT:
        return "outputgericht";
    case JR_FUND_TAAK:
        return "taakgericht";
    }
    return "";
}

bool funding_parse(const char *s, jr_funding *out)
{
    for (int f = JR_FUND_INSPANNING; f <= JR_FUND_TAAK; f++)
        if (s && strcmp(s, funding_name((jr_funding)f)) == 0) {
            *out = (jr_funding)f;
            return true;
        }
    return false;
}

const char *output_period_name(jr_output_period p)
{
    return p == JR_OUT_MONTH ? "maand" : p == JR_OUT_TRAJECT ? "traject" : "";
}

bool budget_amount(const jr_budget *b, jr_date date, jr_cents *out)
{
    return price_at(b->amounts, b->namounts, date, out);
}

const char *unit_name(const char *unit)
{
    static const struct {
        const char *code, *name;
    } units[] = {{"01", "minuut"},
                 {"04", "uur"},
                 {"14", "etmaal"},
                 {"16", "dagdeel"},
                 {"82", "stuks (output)"},
                 {"83", "euro's"},
                 {"84", "stuks (inspanning)"}};
    for (size_t i = 0; unit && i < sizeof units / sizeof units[0]; i++)
        if (strcmp(units[i].code, unit) == 0)
            return units[i].name;
    return "";
}

const char *product_kind_name(jr_product_kind k)
{
    switch (k) {
    case JR_PK_FUNCTIEGROEP:
        return "functiegroep";
    case JR_PK_INTENSITY:
        return "intensiteit";
    case JR_PK_CRISIS:
        return "crisis";
    case JR_PK_DYSLEXIE:
        return "dyslexie";
    case JR_PK_PRODUCT:
        return "product";
    }
    return "";
}

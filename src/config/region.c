/*
 * region.c: the region file reader and validator (JSON, via jansson).
 */
#include "region.h"

#include "../core/sbuf.h"
#include "../domain/stats.h"

#include "../domain/ident.h"
#include "../domain/referral.h"

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef JR_DATADIR
#define JR_DATADIR "/usr/local/share/jeugdregio"
#endif

typedef struct {
    const char *file;
    jr_error *err;
} loader;

static jr_status bad(loader *ld, const char *field, const char *what)
{
    return jr_fail(ld->err, JR_EINVAL, "config_invalid", field, "%s: veld %s: %s", ld->file, field,
                   what);
}

/* check that obj has no keys outside allowed (NULL-terminated) */
static jr_status only_keys(loader *ld, json_t *obj, const char *path, const char *const *allowed)
{
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v)
    {
        bool ok = false;
        for (int i = 0; allowed[i]; i++)
            ok |= strcmp(allowed[i], key) == 0;
        if (!ok) {
            char f[128];
            snprintf(f, sizeof f, "%s%s%s", path, path[0] ? "." : "", key);
            return bad(ld, f, "onbekend veld (tikfout?)");
        }
    }
    return JR_OK;
}

static jr_status get_str(loader *ld, json_t *obj, const char *path, const char *key, char *out,
                         size_t cap, bool required)
{
    char f[128];
    snprintf(f, sizeof f, "%s%s%s", path, path[0] ? "." : "", key);
    json_t *v = json_object_get(obj, key);
    if (v == NULL) {
        if (required)
            return bad(ld, f, "ontbreekt");
        out[0] = '\0';
        return JR_OK;
    }
    if (!json_is_string(v))
        return bad(ld, f, "moet tekst zijn");
    if (json_string_length(v) >= cap || (required && json_string_length(v) == 0))
        return bad(ld, f, json_string_length(v) ? "te lang" : "mag niet leeg zijn");
    memcpy(out, json_string_value(v), json_string_length(v) + 1);
    return JR_OK;
}

static jr_status get_int(loader *ld, json_t *obj, const char *path, const char *key, int32_t lo,
                         int32_t hi, int32_t *out)
{
    char f[128];
    snprintf(f, sizeof f, "%s%s%s", path, path[0] ? "." : "", key);
    json_t *v = json_object_get(obj, key);
    if (v == NULL)
        return bad(ld, f, "ontbreekt");
    if (!json_is_integer(v))
        return bad(ld, f, "moet een geheel getal zijn");
    json_int_t n = json_integer_value(v);
    if (n < lo || n > hi) {
        char w[96];
        snprintf(w, sizeof w, "moet tussen %d en %d liggen", lo, hi);
        return bad(ld, f, w);
    }
    *out = (int32_t)n;
    return JR_OK;
}

static jr_status get_bool(loader *ld, json_t *obj, const char *path, const char *key, bool *out)
{
    char f[128];
    snprintf(f, sizeof f, "%s%s%s", path, path[0] ? "." : "", key);
    json_t *v = json_object_get(obj, key);
    if (v == NULL) {
        *out = false;
        return JR_OK;
    }
    if (!json_is_boolean(v))
        return bad(ld, f, "moet true of false zijn");
    *out = json_is_true(v);
    return JR_OK;
}

static json_t *get_array(loader *ld, json_t *obj, const char *path, const char *key, jr_status *st)
{
    char f[128];
    snprintf(f, sizeof f, "%s%s%s", path, path[0] ? "." : "", key);
    json_t *v = json_object_get(obj, key);
    if (v == NULL || !json_is_array(v)) {
        *st = bad(ld, f, v ? "moet een lijst zijn" : "ontbreekt");
        return NULL;
    }
    *st = JR_OK;
    return v;
}

/* list_entry: entry p of a list must be an object, and the list may hold
 * at most max (n held so far) */
static jr_status list_entry(loader *ld, json_t *e, const char *p, int n, int max,
                            const char *too_many)
{
    if (!json_is_object(e))
        return bad(ld, p, "moet een object zijn");
    if (n >= max)
        return bad(ld, p, too_many);
    return JR_OK;
}

/* get_optional_array: as get_array, but an absent key is no error: NULL
 * with *st JR_OK */
static json_t *get_optional_array(loader *ld, json_t *obj, const char *key, jr_status *st)
{
    *st = JR_OK;
    return json_object_get(obj, key) ? get_array(ld, obj, "", key, st) : NULL;
}

/* get_agb: the required AGB code at path.key (8 digits) */
static jr_status get_agb(loader *ld, json_t *obj, const char *path, char out[9])
{
    jr_status st = get_str(ld, obj, path, "agb", out, 9, true);
    if (st == JR_OK && !agb_valid(out)) {
        char f[200];
        snprintf(f, sizeof f, "%s.agb", path);
        return bad(ld, f, "een AGB-code heeft 8 cijfers");
    }
    return st;
}

/* prices: [{"from": DATE, "to": DATE, "amount": "12.34"}] */
static jr_status load_prices(loader *ld, json_t *obj, const char *path, const char *key,
                             jr_price *prices, int *n)
{
    jr_status st;
    json_t *arr = get_array(ld, obj, path, key, &st);
    if (!arr)
        return st;
    char base[128];
    snprintf(base, sizeof base, "%s.%s", path, key);
    if (json_array_size(arr) == 0)
        return bad(ld, base, "moet minstens een bedrag hebben");
    if (json_array_size(arr) > JR_MAX_PRICES / 2)
        return bad(ld, base, "te veel perioden");
    static const char *const keys[] = {"from", "to", "amount", "note", NULL};
    size_t i;
    json_t *e;
    *n = 0;
    json_array_foreach(arr, i, e)
    {
        char p[160], f[176];
        snprintf(p, sizeof p, "%s[%zu]", base, i);
        if (!json_is_object(e))
            return bad(ld, p, "moet een object zijn");
        if ((st = only_keys(ld, e, p, keys)) != JR_OK)
            return st;
        char from[16], to[16], amount[32], note[256];
        if ((st = get_str(ld, e, p, "from", from, sizeof from, true)) ||
            (st = get_str(ld, e, p, "to", to, sizeof to, false)) ||
            (st = get_str(ld, e, p, "amount", amount, sizeof amount, true)) ||
            (st = get_str(ld, e, p, "note", note, sizeof note, false)))
            return st;
        jr_price *pr = &prices[(*n)++];
        pr->derived = false;
        snprintf(f, sizeof f, "%s.from", p);
        if (!date_parse(from, &pr->from))
            return bad(ld, f, "geen geldige datum (JJJJ-MM-DD)");
        snprintf(f, sizeof f, "%s.to", p);
        pr->to = JR_DATE_NONE;
        if (to[0] && !date_parse(to, &pr->to))
            return bad(ld, f, "geen geldige datum (JJJJ-MM-DD)");
        if (pr->to < pr->from)
            return bad(ld, f, "ligt voor 'from'");
        snprintf(f, sizeof f, "%s.amount", p);
        if (!money_parse(amount, &pr->cents) || pr->cents <= 0)
            return bad(ld, f, "geen positief bedrag in euro's (zoals \"78.00\")");
        for (int j = 0; j < *n - 1; j++)
            if (prices[j].from <= pr->to && pr->from <= prices[j].to)
                return bad(ld, p, "overlapt met een andere periode");
    }
    return JR_OK;
}

/* derive missing index years from the year before */
static void index_prices(const jr_catalog *cat, jr_price *prices, int *n)
{
    for (int k = 0; k < cat->nindex; k++) {
        int y = cat->index[k].year;
        jr_date first, prev_last, last;
        date_from_ymd(y, 1, 1, &first);
        date_from_ymd(y, 12, 31, &last);
        prev_last = first - 1;
        jr_cents have, prev;
        if (price_at(prices, *n, first, &have) || !price_at(prices, *n, prev_last, &prev))
            continue;
        if (*n >= JR_MAX_PRICES)
            return;
        /* the derived year ends where the next explicit figure begins */
        for (int j = 0; j < *n; j++)
            if (prices[j].from > first && prices[j].from <= last)
                last = prices[j].from - 1;
        jr_price *pr = &prices[(*n)++];
        pr->from = first;
        pr->to = last;
        pr->cents = money_index(prev, cat->index[k].basis_points);
        pr->derived = true;
    }
}

static jr_status load_product(loader *ld, jr_catalog *cat, json_t *e, const char *p,
                              jr_product_kind kind)
{
    static const char *const keys[] = {"code",    "product", "name", "unit",     "example",
                                       "tariffs", "setting", "form", "max_days", NULL};
    jr_status st;
    if (!json_is_object(e))
        return bad(ld, p, "moet een object zijn");
    if (json_object_get(e, "parttime")) {
        char f[176];
        snprintf(f, sizeof f, "%s.parttime", p);
        return bad(ld, f,
                   "bestaat niet meer: deeltijd (respijt, logeren) is een regel, geen instelling "
                   "(elke intensiteit behalve crisisbed en gesloten jeugdzorg; docs/funding.md)");
    }
    if ((st = only_keys(ld, e, p, keys)) != JR_OK)
        return st;
    if (cat->nproducts >= JR_MAX_PRODUCTS)
        return bad(ld, p, "te veel producten");
    jr_product *pr = &cat->products[cat->nproducts];
    memset(pr, 0, sizeof *pr);
    pr->kind = kind;
    pr->funding = JR_FUND_INSPANNING;
    char f[176];
    if ((st = get_str(ld, e, p, "code", pr->short_code, sizeof pr->short_code, true)) ||
        (st = get_str(ld, e, p, "product", pr->code, sizeof pr->code, true)) ||
        (st = get_str(ld, e, p, "name", pr->name, sizeof pr->name, true)) ||
        (st = get_str(ld, e, p, "unit", pr->unit, sizeof pr->unit, true)))
        return st;
    snprintf(f, sizeof f, "%s.product", p);
    if (strlen(pr->code) != 5)
        return bad(ld, f, "een iJw productcode heeft 5 tekens, zoals 45F01");
    memcpy(pr->category, pr->code, 2);
    pr->category[2] = '\0';
    const char *want = kind == JR_PK_INTENSITY ? "43 of 44" : kind == JR_PK_CRISIS ? "46" : "45";
    bool cat_ok = kind == JR_PK_INTENSITY
                      ? (strcmp(pr->category, "43") == 0 || strcmp(pr->category, "44") == 0)
                      : strncmp(pr->category, want, 2) == 0;
    if (!cat_ok) {
        char w[96];
        snprintf(w, sizeof w, "productcategorie %s past niet; verwacht %s", pr->category, want);
        return bad(ld, f, w);
    }
    if (catalog_product(cat, pr->code) || catalog_product_by_short(cat, pr->short_code))
        return bad(ld, f, "komt twee keer voor");
    snprintf(f, sizeof f, "%s.unit", p);
    const char *unit_want = kind == JR_PK_INTENSITY ? "14" : "04";
    if (strcmp(pr->unit, unit_want) != 0) {
        char w[96];
        snprintf(w, sizeof w, "eenheid moet %s (%s) zijn", unit_want, unit_name(unit_want));
        return bad(ld, f, w);
    }
    if (kind == JR_PK_INTENSITY) {
        if ((st = get_str(ld, e, p, "setting", pr->setting, sizeof pr->setting, true)) ||
            (st = get_str(ld, e, p, "form", pr->form, sizeof pr->form, true)))
            return st;
        snprintf(f, sizeof f, "%s.setting", p);
        if (strcmp(pr->setting, "wonen") != 0 && strcmp(pr->setting, "verblijf") != 0)
            return bad(ld, f, "moet 'wonen' of 'verblijf' zijn");
    }
    if (kind == JR_PK_CRISIS &&
        (st = get_int(ld, e, p, "max_days", 1, 366, &pr->max_days)) != JR_OK)
        return st;
    if ((st = load_prices(ld, e, p, "tariffs", pr->prices, &pr->nprices)) != JR_OK)
        return st;
    cat->nproducts++;
    return JR_OK;
}

static jr_status load_product_list(loader *ld, jr_catalog *cat, json_t *root, const char *key,
                                   jr_product_kind kind, size_t min)
{
    jr_status st;
    json_t *arr = get_array(ld, root, "", key, &st), *e;
    if (!arr)
        return st;
    if (json_array_size(arr) < min)
        return bad(ld, key, "is leeg");
    size_t i;
    json_array_foreach(arr, i, e)
    {
        char p[64];
        snprintf(p, sizeof p, "%s[%zu]", key, i);
        if ((st = load_product(ld, cat, e, p, kind)) != JR_OK)
            return st;
    }
    return JR_OK;
}

/* the iJw product categories a region may buy (LDT_ProductCategorie
 * since 2016; the 2015 codes 31-38 are historical, 47/48 the GI's measures) */
static bool category_buyable(const char *c)
{
    static const char *const ok[] = {"40", "41", "42", "43", "44", "45", "46",
                                     "50", "51", "52", "53", "54", "55"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (strcmp(c, ok[i]) == 0)
            return true;
    return false;
}

/* provider_tariffs: [{"agb": "12345678", "tariffs": [...]}] of product pr */
static jr_status load_provider_prices(loader *ld, jr_catalog *cat, json_t *e, const char *p,
                                      const jr_product *pr)
{
    jr_status st;
    json_t *arr = get_array(ld, e, p, "provider_tariffs", &st), *v;
    if (!arr)
        return st;
    size_t i;
    json_array_foreach(arr, i, v)
    {
        static const char *const keys[] = {"agb", "name", "tariffs", "example", NULL};
        char q[200], f[216];
        snprintf(q, sizeof q, "%s.provider_tariffs[%zu]", p, i);
        if (!json_is_object(v))
            return bad(ld, q, "moet een object zijn");
        if (cat->nprovider_prices >= JR_MAX_PROVIDER_PRICES)
            return bad(ld, q, "te veel prijzen per aanbieder");
        jr_provider_price *pp = &cat->provider_prices[cat->nprovider_prices];
        memset(pp, 0, sizeof *pp);
        char name[96];
        if ((st = only_keys(ld, v, q, keys)) || (st = get_agb(ld, v, q, pp->agb)) ||
            (st = get_str(ld, v, q, "name", name, sizeof name, false)) ||
            (st = load_prices(ld, v, q, "tariffs", pp->prices, &pp->nprices)))
            return st;
        snprintf(f, sizeof f, "%s.agb", q);
        if (catalog_provider_price(cat, pr->code, pp->agb))
            return bad(ld, f, "deze aanbieder heeft al een prijs voor dit product");
        str_copy(pp->product, sizeof pp->product, pr->code);
        cat->nprovider_prices++;
    }
    return JR_OK;
}

/* One entry of "products": a product of any category, unit and funding
 * variant the standard allows, assigned by its code (route product). */
static jr_status load_generic_product(loader *ld, jr_catalog *cat, json_t *e, const char *p,
                                      jr_funding region_default)
{
    static const char *const keys[] = {
        "code",    "product", "category",         "name", "unit", "funding", "period", "max_months",
        "tariffs", "example", "provider_tariffs", "note", NULL};
    jr_status st;
    if (!json_is_object(e))
        return bad(ld, p, "moet een object zijn");
    if ((st = only_keys(ld, e, p, keys)) != JR_OK)
        return st;
    if (cat->nproducts >= JR_MAX_PRODUCTS)
        return bad(ld, p, "te veel producten");
    jr_product *pr = &cat->products[cat->nproducts];
    memset(pr, 0, sizeof *pr);
    pr->kind = JR_PK_PRODUCT;
    char f[176], funding[24], period[12], note[256];
    if ((st = get_str(ld, e, p, "code", pr->short_code, sizeof pr->short_code, true)) ||
        (st = get_str(ld, e, p, "product", pr->code, sizeof pr->code, true)) ||
        (st = get_str(ld, e, p, "category", pr->category, sizeof pr->category, false)) ||
        (st = get_str(ld, e, p, "name", pr->name, sizeof pr->name, true)) ||
        (st = get_str(ld, e, p, "unit", pr->unit, sizeof pr->unit, false)) ||
        (st = get_str(ld, e, p, "funding", funding, sizeof funding, false)) ||
        (st = get_str(ld, e, p, "period", period, sizeof period, false)) ||
        (st = get_str(ld, e, p, "note", note, sizeof note, false)))
        return st;
    snprintf(f, sizeof f, "%s.product", p);
    if (strlen(pr->code) != 5)
        return bad(ld, f, "een iJw productcode heeft 5 tekens, zoals 45A01");
    if (catalog_product(cat, pr->code) || catalog_product_by_short(cat, pr->short_code))
        return bad(ld, f, "komt twee keer voor");
    if (!pr->category[0])
        memcpy(pr->category, pr->code, 2);
    snprintf(f, sizeof f, "%s.category", p);
    if (!category_buyable(pr->category))
        return bad(ld, f,
                   "geen iJw productcategorie die een regio inkoopt (40-46, 50-55; 47 en 48 "
                   "zijn maatregelen van de GI)");
    snprintf(f, sizeof f, "%s.funding", p);
    pr->funding = region_default;
    if (funding[0] && !funding_parse(funding, &pr->funding))
        return bad(ld, f, "moet inspanningsgericht, outputgericht of taakgericht zijn");
    pr->max_months = 12;
    if (json_object_get(e, "max_months") &&
        (st = get_int(ld, e, p, "max_months", 1, 120, &pr->max_months)))
        return st;
    snprintf(f, sizeof f, "%s.unit", p);
    bool has_tariffs = json_object_get(e, "tariffs") != NULL;
    bool has_pp = json_object_get(e, "provider_tariffs") != NULL;
    switch (pr->funding) {
    case JR_FUND_INSPANNING:
        if (strcmp(pr->unit, "01") != 0 && strcmp(pr->unit, "04") != 0 &&
            strcmp(pr->unit, "14") != 0 && strcmp(pr->unit, "16") != 0 &&
            strcmp(pr->unit, "84") != 0)
            return bad(ld, f,
                       "inspanningsgericht: eenheid 01 (minuut), 04 (uur), 14 (etmaal), 16 "
                       "(dagdeel) of 84 (stuks inspanning)");
        if (period[0]) {
            snprintf(f, sizeof f, "%s.period", p);
            return bad(ld, f, "hoort alleen bij een outputgericht product");
        }
        break;
    case JR_FUND_OUTPUT:
        if (strcmp(pr->unit, "82") != 0)
            return bad(ld, f, "outputgericht: eenheid 82 (stuks output)");
        snprintf(f, sizeof f, "%s.period", p);
        if (strcmp(period, "maand") == 0)
            pr->period = JR_OUT_MONTH;
        else if (strcmp(period, "traject") == 0)
            pr->period = JR_OUT_TRAJECT;
        else
            return bad(ld, f,
                       period[0] ? "moet \"maand\" of \"traject\" zijn"
                                 : "ontbreekt: een vaste prijs per \"maand\" of per \"traject\"");
        break;
    case JR_FUND_TAAK:
        if (pr->unit[0])
            return bad(ld, f, "taakgericht: geen eenheid, er wordt niet per jeugdige gedeclareerd");
        if (has_tariffs || has_pp || period[0]) {
            snprintf(f, sizeof f, "%s.%s", p,
                     has_tariffs ? "tariffs"
                     : has_pp    ? "provider_tariffs"
                                 : "period");
            return bad(ld, f,
                       "taakgericht: geen prijs per jeugdige; het taakbudget staat in "
                       "task_budgets");
        }
        break;
    }
    if (pr->funding != JR_FUND_TAAK &&
        (st = load_prices(ld, e, p, "tariffs", pr->prices, &pr->nprices)) != JR_OK)
        return st;
    if (has_pp && pr->funding == JR_FUND_INSPANNING) {
        snprintf(f, sizeof f, "%s.provider_tariffs", p);
        return bad(ld, f, "een prijs per aanbieder hoort bij een outputgericht product");
    }
    cat->nproducts++;
    if (has_pp && (st = load_provider_prices(ld, cat, e, p, pr)) != JR_OK)
        return st;
    return JR_OK;
}

/* a list of codes, or "all": the referrer's keuzebudgetten or products */
static jr_status load_code_list(loader *ld, json_t *e, const char *p, const char *key,
                                const jr_catalog *cat, bool products, bool *all, int *n,
                                char (*codes)[8], int max)
{
    char f[128];
    snprintf(f, sizeof f, "%s.%s", p, key);
    json_t *b = json_object_get(e, key);
    if (b == NULL)
        return JR_OK;
    if (json_is_string(b) && strcmp(json_string_value(b), "all") == 0) {
        *all = true;
        return JR_OK;
    }
    if (!json_is_array(b))
        return bad(ld, f,
                   products ? "moet \"all\" of een lijst van productcodes zijn"
                            : "moet \"all\" of een lijst van keuzebudgetten zijn");
    size_t i;
    json_t *v;
    json_array_foreach(b, i, v)
    {
        const char *c = json_is_string(v) ? json_string_value(v) : NULL;
        const jr_product *pr = products && c ? catalog_product(cat, c) : NULL;
        if (products ? pr == NULL || pr->kind != JR_PK_PRODUCT : !c || !catalog_budget(cat, c))
            return bad(ld, f,
                       products ? "noemt een product dat niet in de lijst products staat"
                                : "noemt een keuzebudget dat niet bestaat");
        if (*n >= max)
            return bad(ld, f, "te veel codes");
        str_copy(codes[(*n)++], 8, c);
    }
    return JR_OK;
}

static jr_status load_referrer(loader *ld, jr_catalog *cat, json_t *e, const char *p,
                               jr_referrer_rule *r, bool with_type)
{
    static const char *const keys[] = {"type",   "name",     "budgets",  "quote", "verblijf",
                                       "crisis", "dyslexie", "products", NULL};
    jr_status st;
    if (!json_is_object(e))
        return bad(ld, p, "moet een object zijn");
    if ((st = only_keys(ld, e, p, keys)) != JR_OK)
        return st;
    memset(r, 0, sizeof *r);
    char f[128];
    if (with_type) {
        if ((st = get_str(ld, e, p, "type", r->type, sizeof r->type, true)) != JR_OK)
            return st;
        snprintf(f, sizeof f, "%s.type", p);
        if (!referrer_type_valid(r->type))
            return bad(ld, f, "geen iJw type verwijzer (01, 02, 03, 04, 05, 06, 08)");
    }
    if ((st = get_str(ld, e, p, "name", r->name, sizeof r->name, true)) ||
        (st = get_bool(ld, e, p, "quote", &r->quote)) ||
        (st = get_bool(ld, e, p, "verblijf", &r->verblijf)) ||
        (st = get_bool(ld, e, p, "crisis", &r->crisis)) ||
        (st = get_bool(ld, e, p, "dyslexie", &r->dyslexie)) ||
        (st = load_code_list(ld, e, p, "budgets", cat, false, &r->all_budgets, &r->nbudgets,
                             r->budgets, JR_MAX_BUDGETS)) ||
        (st = load_code_list(ld, e, p, "products", cat, true, &r->all_products, &r->nproducts,
                             r->products, JR_MAX_PRODUCTS)))
        return st;
    /* a route needs what it is made of */
    bool fg = false, inten = false, cr = false, dys = false;
    for (int k = 0; k < cat->nproducts; k++) {
        fg |= cat->products[k].kind == JR_PK_FUNCTIEGROEP;
        inten |= cat->products[k].kind == JR_PK_INTENSITY;
        cr |= cat->products[k].kind == JR_PK_CRISIS;
        dys |= cat->products[k].kind == JR_PK_DYSLEXIE;
    }
    static const char *const route_key[] = {"budgets", "quote", "verblijf", "crisis", "dyslexie"};
    static const char *const route_need[] = {"keuzebudgetten en functiegroepen", "functiegroepen",
                                             "intensities", "crisis", "dyslexie"};
    bool wants[] = {r->all_budgets || r->nbudgets > 0, r->quote, r->verblijf, r->crisis,
                    r->dyslexie};
    bool has[] = {cat->nbudgets > 0 && fg, fg, inten, cr, dys};
    for (int k = 0; k < 5; k++)
        if (wants[k] && !has[k]) {
            char w[160];
            snprintf(f, sizeof f, "%s.%s", p, route_key[k]);
            snprintf(w, sizeof w, "deze route vraagt %s, en die heeft de regio niet",
                     route_need[k]);
            return bad(ld, f, w);
        }
    return JR_OK;
}

/* signals: {"budget_used_pct": 95, ...}, every field optional (the default
 * of domain/signals.h when absent); jump_min_amount in euros as text. */
static jr_status load_signals(loader *ld, json_t *root, jr_signal_limits *l)
{
    static const char *const keys[] = {"budget_used_pct",
                                       "budget_share_pct",
                                       "budget_min_assignments",
                                       "hours_per_week",
                                       "credit_share_pct",
                                       "jump_factor_pct",
                                       "jump_min_amount",
                                       "note",
                                       NULL};
    static const struct {
        const char *key;
        int32_t lo, hi;
        size_t at;
    } ints[] = {
        {"budget_used_pct", 1, 100, offsetof(jr_signal_limits, budget_used_pct)},
        {"budget_share_pct", 1, 100, offsetof(jr_signal_limits, budget_share_pct)},
        {"budget_min_assignments", 1, 100000, offsetof(jr_signal_limits, budget_min_assignments)},
        {"hours_per_week", 1, 168, offsetof(jr_signal_limits, hours_per_week)},
        {"credit_share_pct", 0, 100, offsetof(jr_signal_limits, credit_share_pct)},
        {"jump_factor_pct", 100, 10000, offsetof(jr_signal_limits, jump_factor_pct)},
    };
    signal_limits_default(l);
    json_t *o = json_object_get(root, "signals");
    if (!o)
        return JR_OK;
    if (!json_is_object(o))
        return bad(ld, "signals", "moet een object zijn");
    jr_status st = only_keys(ld, o, "signals", keys);
    for (size_t i = 0; st == JR_OK && i < sizeof ints / sizeof ints[0]; i++)
        if (json_object_get(o, ints[i].key))
            st = get_int(ld, o, "signals", ints[i].key, ints[i].lo, ints[i].hi,
                         (int32_t *)((char *)l + ints[i].at));
    if (st != JR_OK)
        return st;
    char amount[24];
    if ((st = get_str(ld, o, "signals", "jump_min_amount", amount, sizeof amount, false)))
        return st;
    if (amount[0] && (!money_parse(amount, &l->jump_min_cents) || l->jump_min_cents < 0))
        return bad(ld, "signals.jump_min_amount",
                   "geen bedrag in euro's van 0 of meer (zoals \"10000.00\")");
    return JR_OK;
}

/* partners: [{"agb", "name", "lot", "subcontractors": [{"agb", "name"}]}] */
static jr_status load_partners(loader *ld, json_t *root, jr_catalog *cat)
{
    jr_status st;
    json_t *arr = get_optional_array(ld, root, "partners", &st), *e;
    if (!arr)
        return st;
    size_t i;
    json_array_foreach(arr, i, e)
    {
        static const char *const keys[] = {"agb", "name", "lot", "subcontractors", "example", NULL};
        char p[48], f[96];
        snprintf(p, sizeof p, "partners[%zu]", i);
        if ((st = list_entry(ld, e, p, cat->npartners, JR_MAX_PARTNERS, "te veel partners")) !=
            JR_OK)
            return st;
        jr_partner *pa = &cat->partners[cat->npartners];
        memset(pa, 0, sizeof *pa);
        if ((st = only_keys(ld, e, p, keys)) || (st = get_agb(ld, e, p, pa->agb)) ||
            (st = get_str(ld, e, p, "name", pa->name, sizeof pa->name, true)) ||
            (st = get_str(ld, e, p, "lot", pa->lot, sizeof pa->lot, true)))
            return st;
        snprintf(f, sizeof f, "%s.agb", p);
        if (catalog_partner(cat, pa->agb))
            return bad(ld, f, "komt twee keer voor");
        snprintf(f, sizeof f, "%s.lot", p);
        bool lot_known = false;
        for (int k = 0; k < cat->nlots; k++)
            lot_known |= strcmp(cat->lots[k].code, pa->lot) == 0;
        if (!lot_known)
            return bad(ld, f, "noemt een perceel dat niet in lots staat");
        json_t *subs = json_object_get(e, "subcontractors"), *v;
        if (subs && !json_is_array(subs)) {
            snprintf(f, sizeof f, "%s.subcontractors", p);
            return bad(ld, f, "moet een lijst zijn");
        }
        size_t j;
        json_array_foreach(subs, j, v)
        {
            static const char *const sk[] = {"agb", "name", "example", NULL};
            char q[96], g[112];
            snprintf(q, sizeof q, "%s.subcontractors[%zu]", p, j);
            if (!json_is_object(v))
                return bad(ld, q, "moet een object zijn");
            if (pa->nsubs >= JR_MAX_SUBCONTRACTORS)
                return bad(ld, q, "te veel onderaannemers");
            jr_subcontractor *sc = &pa->subs[pa->nsubs];
            if ((st = only_keys(ld, v, q, sk)) || (st = get_agb(ld, v, q, sc->agb)) ||
                (st = get_str(ld, v, q, "name", sc->name, sizeof sc->name, true)))
                return st;
            snprintf(g, sizeof g, "%s.agb", q);
            if (strcmp(sc->agb, pa->agb) == 0)
                return bad(ld, g, "een partner is niet zijn eigen onderaannemer");
            pa->nsubs++;
        }
        cat->npartners++;
    }
    return JR_OK;
}

/* task_budgets: [{"partner", "product", "municipality", "year", "amount",
 * "terms"}]: one per partner, task, municipality and year */
static jr_status load_task_budgets(loader *ld, json_t *root, jr_catalog *cat)
{
    jr_status st;
    json_t *arr = get_optional_array(ld, root, "task_budgets", &st), *e;
    if (!arr)
        return st;
    size_t i;
    json_array_foreach(arr, i, e)
    {
        static const char *const keys[] = {"partner", "product", "municipality", "year", "amount",
                                           "terms",   "example", "note",         NULL};
        char p[48], f[96], amount[32], note[256];
        snprintf(p, sizeof p, "task_budgets[%zu]", i);
        if ((st = list_entry(ld, e, p, cat->ntask_budgets, JR_MAX_TASK_BUDGETS,
                             "te veel taakbudgetten")) != JR_OK)
            return st;
        jr_task_budget *t = &cat->task_budgets[cat->ntask_budgets];
        memset(t, 0, sizeof *t);
        if ((st = only_keys(ld, e, p, keys)) ||
            (st = get_str(ld, e, p, "partner", t->partner, sizeof t->partner, true)) ||
            (st = get_str(ld, e, p, "product", t->product, sizeof t->product, true)) ||
            (st = get_str(ld, e, p, "municipality", t->gemeente, sizeof t->gemeente, true)) ||
            (st = get_int(ld, e, p, "year", 2000, 2199, &t->year)) ||
            (st = get_str(ld, e, p, "amount", amount, sizeof amount, true)) ||
            (st = get_int(ld, e, p, "terms", 1, 12, &t->terms)) ||
            (st = get_str(ld, e, p, "note", note, sizeof note, false)))
            return st;
        snprintf(f, sizeof f, "%s.partner", p);
        if (!catalog_partner(cat, t->partner))
            return bad(ld, f, "noemt een partner die niet in partners staat");
        snprintf(f, sizeof f, "%s.product", p);
        const jr_product *pr = catalog_product(cat, t->product);
        if (!pr || pr->funding != JR_FUND_TAAK)
            return bad(ld, f, "noemt geen taakgericht product uit products");
        snprintf(f, sizeof f, "%s.municipality", p);
        if (!catalog_municipality(cat, t->gemeente))
            return bad(ld, f, "noemt een gemeente die niet in municipalities staat");
        snprintf(f, sizeof f, "%s.terms", p);
        if (12 % t->terms != 0)
            return bad(ld, f, "moet 1, 2, 3, 4, 6 of 12 termijnen per jaar zijn");
        snprintf(f, sizeof f, "%s.amount", p);
        if (!money_parse(amount, &t->amount) || t->amount <= 0)
            return bad(ld, f, "geen positief bedrag in euro's (zoals \"1250000.00\")");
        for (int k = 0; k < cat->ntask_budgets; k++) {
            const jr_task_budget *o = &cat->task_budgets[k];
            if (strcmp(o->partner, t->partner) == 0 && strcmp(o->product, t->product) == 0 &&
                strcmp(o->gemeente, t->gemeente) == 0 && o->year == t->year)
                return bad(ld, p, "dit taakbudget (partner, product, gemeente, jaar) staat er al");
        }
        cat->ntask_budgets++;
    }
    return JR_OK;
}

/* contract_terms: {"start", "length_years", "evaluation_years": [3, 6]} */
static jr_status load_contract_terms(loader *ld, json_t *root, jr_catalog *cat)
{
    static const char *const keys[] = {"start", "length_years", "evaluation_years", "note", NULL};
    json_t *o = json_object_get(root, "contract_terms");
    if (!o)
        return JR_OK;
    if (!json_is_object(o))
        return bad(ld, "contract_terms", "moet een object zijn");
    jr_contract_terms *c = &cat->contract;
    char start[16];
    jr_status st;
    if ((st = only_keys(ld, o, "contract_terms", keys)) ||
        (st = get_str(ld, o, "contract_terms", "start", start, sizeof start, true)) ||
        (st = get_int(ld, o, "contract_terms", "length_years", 1, 30, &c->length_years)) ||
        (st = get_str(ld, o, "contract_terms", "note", c->note, sizeof c->note, false)))
        return st;
    if (!date_parse(start, &c->start))
        return bad(ld, "contract_terms.start", "geen geldige datum (JJJJ-MM-DD)");
    json_t *ev = json_object_get(o, "evaluation_years"), *v;
    if (ev && !json_is_array(ev))
        return bad(ld, "contract_terms.evaluation_years", "moet een lijst van jaren zijn");
    size_t i;
    json_array_foreach(ev, i, v)
    {
        if (!json_is_integer(v) || json_integer_value(v) < 1 ||
            json_integer_value(v) >= c->length_years ||
            (c->nevaluations > 0 &&
             json_integer_value(v) <= c->evaluation_years[c->nevaluations - 1]))
            return bad(ld, "contract_terms.evaluation_years",
                       "jaren moeten oplopen en binnen de looptijd vallen");
        if (c->nevaluations >= JR_MAX_EVALUATIONS)
            return bad(ld, "contract_terms.evaluation_years", "te veel evaluatiemomenten");
        c->evaluation_years[c->nevaluations++] = (int32_t)json_integer_value(v);
    }
    c->set = true;
    return JR_OK;
}

/* kpis: [{"code", "name", "target"}] */
static jr_status load_kpis(loader *ld, json_t *root, jr_catalog *cat)
{
    jr_status st;
    json_t *arr = get_optional_array(ld, root, "kpis", &st), *e;
    if (!arr)
        return st;
    size_t i;
    json_array_foreach(arr, i, e)
    {
        static const char *const keys[] = {"code", "name", "target", "example", NULL};
        char p[48];
        snprintf(p, sizeof p, "kpis[%zu]", i);
        if ((st = list_entry(ld, e, p, cat->nkpis, JR_MAX_KPIS, "te veel kpi's")) != JR_OK)
            return st;
        jr_kpi *k = &cat->kpis[cat->nkpis];
        if ((st = only_keys(ld, e, p, keys)) ||
            (st = get_str(ld, e, p, "code", k->code, sizeof k->code, true)) ||
            (st = get_str(ld, e, p, "name", k->name, sizeof k->name, true)) ||
            (st = get_str(ld, e, p, "target", k->target, sizeof k->target, true)))
            return st;
        cat->nkpis++;
    }
    return JR_OK;
}

static jr_status load_root(loader *ld, json_t *root, jr_catalog *cat)
{
    static const char *const keys[] = {"format",
                                       "region",
                                       "organisation",
                                       "variant",
                                       "notes",
                                       "index",
                                       "municipalities",
                                       "keuzebudgetten",
                                       "functiegroepen",
                                       "intensities",
                                       "crisis",
                                       "dyslexie",
                                       "referrers",
                                       "default_referrer",
                                       "lots",
                                       "small_group_threshold",
                                       "signals",
                                       "products",
                                       "task_budgets",
                                       "partners",
                                       "contract_terms",
                                       "kpis",
                                       NULL};
    jr_status st;
    char fmt[40];
    if (!json_is_object(root))
        return bad(ld, "(bestand)", "moet een JSON-object zijn");
    if ((st = only_keys(ld, root, "", keys)) ||
        (st = get_str(ld, root, "", "format", fmt, sizeof fmt, true)))
        return st;
    if (strcmp(fmt, "jeugdregio-region/1") != 0)
        return bad(ld, "format", "moet \"jeugdregio-region/1\" zijn");
    if ((st = get_str(ld, root, "", "region", cat->region, sizeof cat->region, true)) ||
        (st = get_str(ld, root, "", "organisation", cat->organisation, sizeof cat->organisation,
                      true)) ||
        (st = get_str(ld, root, "", "variant", cat->variant, sizeof cat->variant, true)))
        return st;
    /* small_group_threshold: the smallest group of youths an aggregate
     * figure shows (optional, JR_SMALL_GROUP_DEFAULT when absent) */
    cat->small_group_threshold = JR_SMALL_GROUP_DEFAULT;
    if (json_object_get(root, "small_group_threshold") &&
        (st = get_int(ld, root, "", "small_group_threshold", 1, 1000, &cat->small_group_threshold)))
        return st;
    if (strcmp(cat->variant, "inspanningsgericht") != 0 &&
        strcmp(cat->variant, "outputgericht") != 0 && strcmp(cat->variant, "taakgericht") != 0)
        return bad(ld, "variant", "moet inspanningsgericht, outputgericht of taakgericht zijn");

    json_t *arr, *e;
    size_t i;
    if (json_object_get(root, "index")) {
        if (!(arr = get_array(ld, root, "", "index", &st)))
            return st;
        json_array_foreach(arr, i, e)
        {
            static const char *const ik[] = {"year", "ova_basis_points", "example", NULL};
            char p[48];
            snprintf(p, sizeof p, "index[%zu]", i);
            if ((st = list_entry(ld, e, p, cat->nindex, JR_MAX_INDEX, "te veel jaren")) != JR_OK)
                return st;
            jr_index *x = &cat->index[cat->nindex];
            if ((st = only_keys(ld, e, p, ik)) ||
                (st = get_int(ld, e, p, "year", 1900, 2199, &x->year)) ||
                (st = get_int(ld, e, p, "ova_basis_points", -5000, 5000, &x->basis_points)))
                return st;
            if (cat->nindex > 0 && x->year <= cat->index[cat->nindex - 1].year)
                return bad(ld, p, "jaren moeten oplopen");
            cat->nindex++;
        }
    }

    if (!(arr = get_array(ld, root, "", "municipalities", &st)))
        return st;
    if (json_array_size(arr) == 0)
        return bad(ld, "municipalities", "is leeg");
    json_array_foreach(arr, i, e)
    {
        static const char *const mk[] = {"cbs", "name", "youth_population", "example_population",
                                         NULL};
        char p[48], f[64];
        snprintf(p, sizeof p, "municipalities[%zu]", i);
        if ((st = list_entry(ld, e, p, cat->nmunicipalities, JR_MAX_MUNICIPALITIES,
                             "te veel gemeenten")) != JR_OK)
            return st;
        jr_municipality *m = &cat->municipalities[cat->nmunicipalities];
        if ((st = only_keys(ld, e, p, mk)) ||
            (st = get_str(ld, e, p, "cbs", m->cbs, sizeof m->cbs, true)) ||
            (st = get_str(ld, e, p, "name", m->name, sizeof m->name, true)) ||
            (st = get_int(ld, e, p, "youth_population", 0, 10000000, &m->youth_population)))
            return st;
        snprintf(f, sizeof f, "%s.cbs", p);
        if (!cbs_valid(m->cbs))
            return bad(ld, f, "een CBS-gemeentecode heeft 4 cijfers");
        if (catalog_municipality(cat, m->cbs))
            return bad(ld, f, "komt twee keer voor");
        cat->nmunicipalities++;
    }

    /* keuzebudgetten and functiegroepen are optional: a region that funds
     * by output or by task has none */
    if (!(arr = get_optional_array(ld, root, "keuzebudgetten", &st)) && st != JR_OK)
        return st;
    json_array_foreach(arr, i, e)
    {
        static const char *const bk[] = {"code",    "result",  "max_months",
                                         "example", "amounts", NULL};
        char p[48], f[64];
        snprintf(p, sizeof p, "keuzebudgetten[%zu]", i);
        if ((st = list_entry(ld, e, p, cat->nbudgets, JR_MAX_BUDGETS, "te veel keuzebudgetten")) !=
            JR_OK)
            return st;
        jr_budget *b = &cat->budgets[cat->nbudgets];
        if ((st = only_keys(ld, e, p, bk)) ||
            (st = get_str(ld, e, p, "code", b->code, sizeof b->code, true)) ||
            (st = get_str(ld, e, p, "result", b->result, sizeof b->result, true)) ||
            (st = get_int(ld, e, p, "max_months", 1, 60, &b->max_months)) ||
            (st = load_prices(ld, e, p, "amounts", b->amounts, &b->namounts)))
            return st;
        snprintf(f, sizeof f, "%s.code", p);
        if (catalog_budget(cat, b->code))
            return bad(ld, f, "komt twee keer voor");
        cat->nbudgets++;
    }

    if ((json_object_get(root, "functiegroepen") &&
         (st = load_product_list(ld, cat, root, "functiegroepen", JR_PK_FUNCTIEGROEP, 1))) ||
        (json_object_get(root, "intensities") &&
         (st = load_product_list(ld, cat, root, "intensities", JR_PK_INTENSITY, 0))))
        return st;
    if (cat->nbudgets > 0 && !json_object_get(root, "functiegroepen"))
        return bad(ld, "functiegroepen",
                   "ontbreekt: een keuzebudget wordt besteed aan uren per functiegroep");
    json_t *c = json_object_get(root, "crisis");
    if (c && (st = load_product(ld, cat, c, "crisis", JR_PK_CRISIS)) != JR_OK)
        return st;
    json_t *d = json_object_get(root, "dyslexie");
    if (d && (st = load_product(ld, cat, d, "dyslexie", JR_PK_DYSLEXIE)) != JR_OK)
        return st;
    jr_funding region_funding = JR_FUND_INSPANNING;
    funding_parse(cat->variant, &region_funding);
    if (!(arr = get_optional_array(ld, root, "products", &st)) && st != JR_OK)
        return st;
    json_array_foreach(arr, i, e)
    {
        char p[48];
        snprintf(p, sizeof p, "products[%zu]", i);
        if ((st = load_generic_product(ld, cat, e, p, region_funding)) != JR_OK)
            return st;
    }
    if (cat->nproducts == 0)
        return bad(ld, "products", "de regio heeft geen enkel product");

    if (!(arr = get_array(ld, root, "", "referrers", &st)))
        return st;
    json_array_foreach(arr, i, e)
    {
        char p[48];
        snprintf(p, sizeof p, "referrers[%zu]", i);
        if (cat->nreferrers >= JR_MAX_REFERRERS)
            return bad(ld, p, "te veel verwijzers");
        jr_referrer_rule *r = &cat->referrers[cat->nreferrers];
        if ((st = load_referrer(ld, cat, e, p, r, true)) != JR_OK)
            return st;
        for (int j = 0; j < cat->nreferrers; j++)
            if (strcmp(cat->referrers[j].type, r->type) == 0)
                return bad(ld, p, "dit type verwijzer komt twee keer voor");
        cat->nreferrers++;
    }
    json_t *dr = json_object_get(root, "default_referrer");
    if (dr == NULL)
        return bad(ld, "default_referrer", "ontbreekt");
    if ((st = load_referrer(ld, cat, dr, "default_referrer", &cat->default_referrer, false)))
        return st;

    if (!(arr = get_array(ld, root, "", "lots", &st)))
        return st;
    json_array_foreach(arr, i, e)
    {
        static const char *const lk[] = {"code", "name", "products", NULL};
        char p[48], f[80];
        snprintf(p, sizeof p, "lots[%zu]", i);
        if ((st = list_entry(ld, e, p, cat->nlots, JR_MAX_LOTS, "te veel percelen")) != JR_OK)
            return st;
        jr_lot *l = &cat->lots[cat->nlots];
        if ((st = only_keys(ld, e, p, lk)) ||
            (st = get_str(ld, e, p, "code", l->code, sizeof l->code, true)) ||
            (st = get_str(ld, e, p, "name", l->name, sizeof l->name, true)))
            return st;
        json_t *prods = get_array(ld, e, p, "products", &st), *v;
        if (!prods)
            return st;
        size_t j;
        json_array_foreach(prods, j, v)
        {
            snprintf(f, sizeof f, "%s.products[%zu]", p, j);
            if (!json_is_string(v) || !catalog_product(cat, json_string_value(v)))
                return bad(ld, f, "noemt een productcode die niet in de catalogus staat");
            if (l->nproducts >= JR_MAX_LOT_PRODUCTS)
                return bad(ld, f, "te veel producten in een perceel");
            str_copy(l->products[l->nproducts++], sizeof l->products[0], json_string_value(v));
        }
        cat->nlots++;
    }
    for (int k = 0; k < cat->nproducts; k++)
        if (catalog_lot_of(cat, cat->products[k].code) == NULL) {
            char f[64];
            snprintf(f, sizeof f, "lots");
            char w[128];
            snprintf(w, sizeof w, "product %s hoort bij geen enkel perceel", cat->products[k].code);
            return bad(ld, f, w);
        }

    if ((st = load_signals(ld, root, &cat->signals)) || (st = load_partners(ld, root, cat)) ||
        (st = load_task_budgets(ld, root, cat)) || (st = load_contract_terms(ld, root, cat)) ||
        (st = load_kpis(ld, root, cat)))
        return st;
    for (int k = 0; k < cat->nproducts; k++)
        index_prices(cat, cat->products[k].prices, &cat->products[k].nprices);
    for (int k = 0; k < cat->nprovider_prices; k++)
        index_prices(cat, cat->provider_prices[k].prices, &cat->provider_prices[k].nprices);
    for (int k = 0; k < cat->nbudgets; k++)
        index_prices(cat, cat->budgets[k].amounts, &cat->budgets[k].namounts);
    return JR_OK;
}

jr_status region_load(const char *path, jr_catalog *cat, jr_error *err)
{
    memset(cat, 0, sizeof *cat);
    loader ld = {path, err};
    json_error_t jerr;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
    if (root == NULL) {
        if (jerr.line < 0)
            return jr_fail(err, JR_EIO, "config_unreadable", "",
                           "%s: regiobestand niet te lezen: %s", path, jerr.text);
        return jr_fail(err, JR_EINVAL, "config_syntax", "", "%s:%d:%d: geen geldige JSON: %s", path,
                       jerr.line, jerr.column, jerr.text);
    }
    str_copy(cat->source, sizeof cat->source, path);
    jr_status st = load_root(&ld, root, cat);
    json_decref(root);
    if (st != JR_OK)
        memset(cat, 0, sizeof *cat);
    return st;
}

const char *region_default_path(void)
{
    const char *env = getenv("JEUGDREGIO_CONFIG");
    if (env && *env)
        return env;
    if (access("config/ijsselland.json", R_OK) == 0)
        return "config/ijsselland.json";
    return JR_DATADIR "/ijsselland.json";
}

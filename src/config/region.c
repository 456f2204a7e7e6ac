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
    static const char *const keys[] = {"code",     "product",  "name",    "unit",
                                       "example",  "tariffs",  "setting", "form",
                                       "parttime", "max_days", NULL};
    jr_status st;
    if (!json_is_object(e))
        return bad(ld, p, "moet een object zijn");
    if ((st = only_keys(ld, e, p, keys)) != JR_OK)
        return st;
    if (cat->nproducts >= JR_MAX_PRODUCTS)
        return bad(ld, p, "te veel producten");
    jr_product *pr = &cat->products[cat->nproducts];
    memset(pr, 0, sizeof *pr);
    pr->kind = kind;
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
            (st = get_str(ld, e, p, "form", pr->form, sizeof pr->form, true)) ||
            (st = get_bool(ld, e, p, "parttime", &pr->parttime)))
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

static jr_status load_referrer(loader *ld, jr_catalog *cat, json_t *e, const char *p,
                               jr_referrer_rule *r, bool with_type)
{
    static const char *const keys[] = {"type",     "name",   "budgets",  "quote",
                                       "verblijf", "crisis", "dyslexie", NULL};
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
        (st = get_bool(ld, e, p, "dyslexie", &r->dyslexie)))
        return st;
    snprintf(f, sizeof f, "%s.budgets", p);
    json_t *b = json_object_get(e, "budgets");
    if (json_is_string(b) && strcmp(json_string_value(b), "all") == 0) {
        r->all_budgets = true;
    } else if (json_is_array(b)) {
        size_t i;
        json_t *v;
        json_array_foreach(b, i, v)
        {
            if (!json_is_string(v) || !catalog_budget(cat, json_string_value(v)))
                return bad(ld, f, "noemt een keuzebudget dat niet bestaat");
            if (r->nbudgets >= JR_MAX_BUDGETS)
                return bad(ld, f, "te veel budgetten");
            str_copy(r->budgets[r->nbudgets++], sizeof r->budgets[0], json_string_value(v));
        }
    } else {
        return bad(ld, f, "moet \"all\" of een lijst van keuzebudgetten zijn");
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

static jr_status load_root(loader *ld, json_t *root, jr_catalog *cat)
{
    static const char *const keys[] = {"format",         "region",
                                       "organisation",   "variant",
                                       "notes",          "index",
                                       "municipalities", "keuzebudgetten",
                                       "functiegroepen", "intensities",
                                       "crisis",         "dyslexie",
                                       "referrers",      "default_referrer",
                                       "lots",           "small_group_threshold",
                                       "signals",        NULL};
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
            if (!json_is_object(e))
                return bad(ld, p, "moet een object zijn");
            if (cat->nindex >= JR_MAX_INDEX)
                return bad(ld, p, "te veel jaren");
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
        if (!json_is_object(e))
            return bad(ld, p, "moet een object zijn");
        if (cat->nmunicipalities >= JR_MAX_MUNICIPALITIES)
            return bad(ld, p, "te veel gemeenten");
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

    if (!(arr = get_array(ld, root, "", "keuzebudgetten", &st)))
        return st;
    if (json_array_size(arr) == 0)
        return bad(ld, "keuzebudgetten", "is leeg");
    json_array_foreach(arr, i, e)
    {
        static const char *const bk[] = {"code",    "result",  "max_months",
                                         "example", "amounts", NULL};
        char p[48], f[64];
        snprintf(p, sizeof p, "keuzebudgetten[%zu]", i);
        if (!json_is_object(e))
            return bad(ld, p, "moet een object zijn");
        if (cat->nbudgets >= JR_MAX_BUDGETS)
            return bad(ld, p, "te veel keuzebudgetten");
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

    if ((st = load_product_list(ld, cat, root, "functiegroepen", JR_PK_FUNCTIEGROEP, 1)) ||
        (st = load_product_list(ld, cat, root, "intensities", JR_PK_INTENSITY, 0)))
        return st;
    json_t *c = json_object_get(root, "crisis");
    if (c && (st = load_product(ld, cat, c, "crisis", JR_PK_CRISIS)) != JR_OK)
        return st;
    json_t *d = json_object_get(root, "dyslexie");
    if (d && (st = load_product(ld, cat, d, "dyslexie", JR_PK_DYSLEXIE)) != JR_OK)
        return st;

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
        if (!json_is_object(e))
            return bad(ld, p, "moet een object zijn");
        if (cat->nlots >= JR_MAX_LOTS)
            return bad(ld, p, "te veel percelen");
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

    if ((st = load_signals(ld, root, &cat->signals)) != JR_OK)
        return st;
    for (int k = 0; k < cat->nproducts; k++)
        index_prices(cat, cat->products[k].prices, &cat->products[k].nprices);
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

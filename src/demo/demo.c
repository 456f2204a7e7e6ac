/*
 * demo.c: the synthetic demo year (see demo.h).
 *
 * Everything is drawn from one splitmix64 stream seeded by the caller, in a
 * fixed order, so the same seed gives the same database. Data goes in
 * through the services; declarations are written as CSV files in memory
 * and read by the same reader as `jeugdregio declare`.
 */
#include "demo.h"
#include "../core/rng.h"
#include "../core/sbuf.h"
#include "demo_cm.h"
#include "demo_continuity.h"
#include "demo_framework.h"
#include "demo_impact.h"
#include "demo_tenders.h"

#include "../domain/decl.h"
#include "../domain/ident.h"
#include "../io/decl_csv.h"
#include "../service/assignment.h"
#include "../service/auth.h"
#include "../service/care.h"
#include "../service/declaration.h"
#include "../service/provider.h"
#include "../service/quote.h"
#include "../service/referrals.h"
#include "../service/youth.h"
#include "demo_tariff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FG 16
#define MAX_INT 16
#define MAX_PROD 32

typedef struct {
    char agb[9];
    bool vrij;
    uint32_t fg;   /* bit k: contracted for fgs[k] */
    uint32_t ints; /* bit k: contracted for ints[k] */
    bool crisis, dys;
    uint32_t prods; /* bit k: contracted for prods[k] (the region file's products list) */
    int fg_ends;    /* index of a functiegroep whose contract ends mid-year, or -1 */
    int *asg;       /* indices into the assignment array */
    int nasg, capasg;
    int64_t refseq;
} dprov;

typedef struct {
    char bsn[10];
    char gemeente[5];
} dyouth;

typedef enum { K_BUDGET, K_INT, K_CRISIS, K_DYS, K_PRODUCT } dkind;

typedef struct {
    char number[24];
    int youth, prov;
    dkind kind;
    const jr_product *prod;
    jr_cents budget;
    int64_t volume;
    jr_date start, end, care_start, care_stop;
    bool withdrawn, overspend, parttime;
    int64_t used_volume;
} dasg;

typedef struct {
    const jr_ctx *ctx;
    const jr_catalog *cat;
    jr_rng r;
    int year;
    jr_date y0, y1;
    const jr_product *fgs[MAX_FG];
    int nfg;
    const jr_product *ints[MAX_INT];
    int nint;
    const jr_product *crisis, *dys;
    const jr_product *prods[MAX_PROD]; /* the products list: route product */
    int nprod;
    dprov *prov;
    int nprov;
    dyouth *youth;
    int nyouth;
    dasg *asg;
    int nasg, capasg;
    jr_demo_stats *st;
    jr_error *err;
    int fault_turn;
} demo;

static const char *const surnames[] = {
    "de Vries", "Jansen",  "Bakker",  "Visser",  "Smit",     "Meijer",   "de Boer",  "Mulder",
    "de Groot", "Bos",     "Vos",     "Peters",  "Hendriks", "Dijkstra", "Kok",      "Huisman",
    "Postma",   "Kuipers", "Brouwer", "Wolters", "Hofman",   "Nijhuis",  "Veenstra", "Koster"};
static const char *const org_a[] = {"Jeugdzorg",
                                    "Stichting",
                                    "Centrum",
                                    "Kinderpraktijk",
                                    "Gezinshulp",
                                    "Jeugd-GGZ",
                                    "Orthopedagogisch centrum",
                                    "Zorggroep"};
static const char *const org_b[] = {"De Linde",    "Het Kompas", "De Brug",   "Het Anker",
                                    "IJsseldelta", "Sallandse",  "Vechtdal",  "De Horizon",
                                    "Het Baken",   "De Wissel",  "Noordoost", "Kleurrijk"};

static jr_status add_provider_contract(demo *d, const char *agb, const char *code, jr_date end)
{
    const jr_lot *lot = catalog_lot_of(d->cat, code);
    jr_date start;
    date_from_ymd(d->year - 2, 1, 1, &start);
    int n = 0;
    jr_status rc = contract_add(d->ctx, agb, lot->code, code, start, end, &n, d->err);
    d->st->contracts += n;
    return rc;
}

/* index of a products-list product in d->prods, or -1 */
static int prod_index(const demo *d, const char *code)
{
    for (int k = 0; k < d->nprod; k++)
        if (strcmp(d->prods[k]->code, code) == 0)
            return k;
    return -1;
}

/* whether a strategic partner holds the lot of products-list product k:
 * then it is the partners' task alone */
static bool partner_held(const demo *d, int k)
{
    for (int i = 0; i < d->cat->npartners; i++) {
        const jr_lot *lot = catalog_lot(d->cat, d->cat->partners[i].lot);
        if (lot && catalog_lot_has(lot, d->prods[k]->code))
            return true;
    }
    return false;
}

/* The region file's strategic partners, each contracted for every product
 * of its lot, and their subcontractors (registered providers that deliver
 * under a partner, without a contract of their own). They come first, so
 * the demo's provider accounts belong to the partners. */
static jr_status make_partners(demo *d)
{
    for (int i = 0; i < d->cat->npartners; i++) {
        const jr_partner *pa = &d->cat->partners[i];
        for (int s = -1; s < pa->nsubs; s++) {
            dprov *p = &d->prov[d->nprov++];
            const char *agb = s < 0 ? pa->agb : pa->subs[s].agb;
            str_copy(p->agb, sizeof p->agb, agb);
            p->fg_ends = -1;
            jr_status rc = provider_add(d->ctx, agb, s < 0 ? pa->name : pa->subs[s].name,
                                        "instelling", NULL, d->err);
            if (rc != JR_OK)
                return rc;
            d->st->providers++;
            if (s >= 0)
                continue;
            const jr_lot *lot = catalog_lot(d->cat, pa->lot);
            for (int j = 0; lot && j < lot->nproducts; j++) {
                int k = prod_index(d, lot->products[j]);
                if (k >= 0)
                    p->prods |= 1u << k;
                if ((rc = add_provider_contract(d, agb, lot->products[j], JR_DATE_NONE)) != JR_OK)
                    return rc;
            }
        }
    }
    return JR_OK;
}

/* mask_of: the contract bits of p for intensities or for listed products */
static uint32_t *mask_of(dprov *p, bool ints)
{
    return ints ? &p->ints : &p->prods;
}

/* ensure_deliverer: when no provider holds bit k (of the intensities or of
 * the listed products), one of the n generic providers from first is
 * contracted for product */
static jr_status ensure_deliverer(demo *d, int first, int n, bool ints, int k,
                                  const jr_product *product)
{
    for (int i = 0; i < d->nprov; i++)
        if ((*mask_of(&d->prov[i], ints) >> k) & 1)
            return JR_OK;
    dprov *p = &d->prov[first + (k * 7 + 1) % n];
    *mask_of(p, ints) |= 1u << k;
    return add_provider_contract(d, p->agb, product->code, JR_DATE_NONE);
}

static jr_status make_providers(demo *d, int n)
{
    int nsubs = 0;
    for (int i = 0; i < d->cat->npartners; i++)
        nsubs += 1 + d->cat->partners[i].nsubs;
    /* without functiegroepen (a partner region) the open market is small:
       dyslexie and the products no partner holds */
    if (d->nfg == 0)
        n = n / 10 > 5 ? n / 10 : 5;
    d->prov = calloc((size_t)(n + nsubs), sizeof *d->prov);
    if (!d->prov)
        return jr_fail(d->err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    jr_status prc = make_partners(d);
    if (prc != JR_OK)
        return prc;
    int first = d->nprov;
    d->nprov += n;
    jr_date mid;
    date_from_ymd(d->year, 6, 30, &mid);
    for (int gi = 0; gi < n; gi++) {
        int i = gi; /* the generic providers' own numbering: the same as without partners */
        dprov *p = &d->prov[first + gi];
        snprintf(p->agb, sizeof p->agb, "73%06d", 10007 + i * 37);
        p->vrij = i % 3 == 0;
        p->fg_ends = -1;
        char name[128];
        if (p->vrij)
            snprintf(name, sizeof name, "Praktijk %s %s",
                     surnames[rng_int(&d->r, (int)(sizeof surnames / sizeof surnames[0]))],
                     i % 2 ? "Jeugd en Gezin" : "Psychologie");
        else
            snprintf(name, sizeof name, "%s %s",
                     org_a[rng_int(&d->r, (int)(sizeof org_a / sizeof org_a[0]))],
                     org_b[rng_int(&d->r, (int)(sizeof org_b / sizeof org_b[0]))]);
        jr_status rc = provider_add(d->ctx, p->agb, name, p->vrij ? "vrijgevestigde" : "instelling",
                                    NULL, d->err);
        if (rc != JR_OK)
            return rc;
        d->st->providers++;
        /* ambulant: institutions the lower groups, practices the specialists */
        for (int k = 0; k < d->nfg; k++) {
            bool want = p->vrij ? (k >= 2 && k <= 4) || (k == 5 && rng_permille(&d->r, 300))
                                : k <= 4 || rng_permille(&d->r, 250);
            if (!want)
                continue;
            p->fg |= 1u << k;
            jr_date end = JR_DATE_NONE;
            if (p->vrij && k == 4 && i % 12 == 3) {
                end = mid; /* a contract that stops mid-year: later lines get JR07 */
                p->fg_ends = k;
            }
            if ((rc = add_provider_contract(d, p->agb, d->fgs[k]->code, end)) != JR_OK)
                return rc;
        }
        if (!p->vrij && i % 7 == 1 && d->nint > 0) {
            int first = rng_int(&d->r, d->nint);
            for (int k = 0; k < 3 && k < d->nint; k++) {
                int idx = (first + k) % d->nint;
                p->ints |= 1u << idx;
                if ((rc = add_provider_contract(d, p->agb, d->ints[idx]->code, JR_DATE_NONE)))
                    return rc;
            }
        }
        if (d->crisis && !p->vrij && i % 50 == 2) {
            p->crisis = true;
            if ((rc = add_provider_contract(d, p->agb, d->crisis->code, JR_DATE_NONE)) != JR_OK)
                return rc;
        }
        /* the products list: one in five providers per product no partner holds */
        for (int k = 0; k < d->nprod; k++) {
            if (partner_held(d, k) || (i + k) % 5 != 0)
                continue;
            p->prods |= 1u << k;
            if ((rc = add_provider_contract(d, p->agb, d->prods[k]->code, JR_DATE_NONE)) != JR_OK)
                return rc;
        }
        if (d->dys && (i % 20 == 6 || (d->nfg == 0 && !p->prods && !p->ints && !p->crisis))) {
            p->dys = true;
            if ((rc = add_provider_contract(d, p->agb, d->dys->code, JR_DATE_NONE)) != JR_OK)
                return rc;
        }
    }
    /* every intensity and every product has someone to deliver it */
    jr_status rc = JR_OK;
    for (int k = 0; k < d->nint && rc == JR_OK; k++)
        rc = ensure_deliverer(d, first, n, true, k, d->ints[k]);
    for (int k = 0; k < d->nprod && rc == JR_OK; k++)
        rc = ensure_deliverer(d, first, n, false, k, d->prods[k]);
    return rc;
}

static jr_status make_youths(demo *d, int n)
{
    d->youth = calloc((size_t)n, sizeof *d->youth);
    if (!d->youth)
        return jr_fail(d->err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    int w[JR_MAX_MUNICIPALITIES];
    for (int i = 0; i < d->cat->nmunicipalities; i++)
        w[i] = d->cat->municipalities[i].youth_population + 1;
    for (int i = 0; i < n; i++) {
        dyouth *y = &d->youth[i];
        const jr_municipality *m =
            &d->cat->municipalities[rng_pick(&d->r, w, d->cat->nmunicipalities)];
        str_copy(y->gemeente, sizeof y->gemeente, m->cbs);
        jr_date birth = d->y0 - 1 - rng_int(&d->r, 17 * 365);
        for (;;) {
            char first8[9];
            snprintf(first8, sizeof first8, "%08d", 10000000 + rng_int(&d->r, 89999999));
            if (!bsn_complete(first8, y->bsn))
                continue;
            jr_status rc = youth_add(d->ctx, y->bsn, birth, y->gemeente, NULL, d->err);
            if (rc == JR_ECONFLICT)
                continue;
            if (rc != JR_OK)
                return rc;
            break;
        }
        d->nyouth++;
        d->st->youths++;
    }
    return JR_OK;
}

static dasg *new_asg(demo *d)
{
    if (d->nasg == d->capasg) {
        int cap = d->capasg ? d->capasg * 2 : 1024;
        dasg *a = realloc(d->asg, (size_t)cap * sizeof *a);
        if (!a)
            return NULL;
        d->asg = a;
        d->capasg = cap;
    }
    dasg *a = &d->asg[d->nasg++];
    memset(a, 0, sizeof *a);
    a->care_start = a->care_stop = JR_DATE_NONE;
    return a;
}

static bool prov_list_add(dprov *p, int idx)
{
    if (p->nasg == p->capasg) {
        int cap = p->capasg ? p->capasg * 2 : 16;
        int *n = realloc(p->asg, (size_t)cap * sizeof *n);
        if (!n)
            return false;
        p->asg = n;
        p->capasg = cap;
    }
    p->asg[p->nasg++] = idx;
    return true;
}

/* a random provider index satisfying pred, or -1 */
static int pick_provider(demo *d, bool (*pred)(const dprov *, int), int arg)
{
    int start = rng_int(&d->r, d->nprov);
    for (int k = 0; k < d->nprov; k++) {
        int i = (start + k) % d->nprov;
        if (pred(&d->prov[i], arg))
            return i;
    }
    return -1;
}

static bool has_fg(const dprov *p, int arg)
{
    (void)arg;
    return p->fg != 0;
}
static bool has_int(const dprov *p, int k)
{
    return (p->ints >> k) & 1;
}
static bool has_crisis(const dprov *p, int arg)
{
    (void)arg;
    return p->crisis;
}
static bool has_dys(const dprov *p, int arg)
{
    (void)arg;
    return p->dys;
}
static bool has_prod(const dprov *p, int k)
{
    return (p->prods >> k) & 1;
}

/* the provider for products-list product k and a youth of gemeente: a
 * partner with a task budget for it there when the product is a task, else
 * any provider contracted for it; -1 when there is none */
static int pick_product_provider(demo *d, int k, const char *gemeente)
{
    if (d->prods[k]->funding == JR_FUND_TAAK)
        for (int i = 0; i < d->cat->ntask_budgets; i++) {
            const jr_task_budget *t = &d->cat->task_budgets[i];
            if (t->year != d->year || strcmp(t->product, d->prods[k]->code) != 0 ||
                strcmp(t->gemeente, gemeente) != 0)
                continue;
            for (int j = 0; j < d->nprov; j++)
                if (strcmp(d->prov[j].agb, t->partner) == 0 && has_prod(&d->prov[j], k))
                    return j;
        }
    return pick_provider(d, has_prod, k);
}

/* a products-list product the referrer may choose, weighted by voorziening
 * the way referrals fall (mostly ambulant); -1 when it may choose none */
static int pick_list_product(demo *d, const jr_referrer_rule *rule)
{
    static const int vz_w[] = {[JR_VZ_AMBULANT] = 700,
                               [JR_VZ_VERBLIJF] = 180,
                               [JR_VZ_CRISIS] = 60,
                               [JR_VZ_DYSLEXIE] = 60,
                               [JR_VZ_OTHER] = 100};
    int w[MAX_PROD], total = 0;
    for (int k = 0; k < d->nprod; k++) {
        w[k] = referrer_allows_product(rule, d->prods[k]->code)
                   ? vz_w[product_voorziening(d->prods[k])]
                   : 0;
        total += w[k];
    }
    return total ? rng_pick(&d->r, w, d->nprod) : -1;
}

/* the volume a products-list product of inspanning delivers in a month of
 * care, by its unit (minutes, hours, etmalen, dagdelen, stuks) */
static int64_t monthly_volume(const jr_product *p, int64_t days)
{
    if (strcmp(p->unit, "01") == 0)
        return 360;
    if (strcmp(p->unit, "04") == 0)
        return 6;
    if (strcmp(p->unit, "14") == 0)
        return days;
    if (strcmp(p->unit, "16") == 0)
        return 8;
    return 4;
}

static jr_status record_assignment(demo *d, const char *number, int youth, int prov, dkind kind,
                                   const jr_product *prod, jr_cents budget, int64_t volume,
                                   jr_date start, jr_date end, dasg **out)
{
    dasg *a = new_asg(d);
    if (!a || !prov_list_add(&d->prov[prov], d->nasg - 1))
        return jr_fail(d->err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    str_copy(a->number, sizeof a->number, number);
    a->youth = youth;
    a->prov = prov;
    a->kind = kind;
    a->prod = prod;
    a->budget = budget;
    a->volume = volume;
    a->start = start;
    a->end = end;
    d->st->assignments++;
    *out = a;
    return JR_OK;
}

static jr_status run_quote(demo *d, int64_t rid, int youth, jr_date date, dasg **out)
{
    int n = 2 + rng_int(&d->r, 2);
    const char *agbs[3];
    int idx[3];
    for (int i = 0; i < n; i++) {
        int p;
        bool dup;
        do {
            p = pick_provider(d, has_fg, 0);
            dup = false;
            for (int j = 0; j < i; j++)
                dup |= idx[j] == p;
        } while (dup);
        idx[i] = p;
        agbs[i] = d->prov[p].agb;
    }
    int64_t ids[3];
    jr_status rc = quote_request(d->ctx, rid, agbs, n, ids, d->err);
    if (rc != JR_OK)
        return rc;
    d->st->quotes += n;
    int best = -1;
    jr_cents best_total = 0;
    int32_t months = rng_permille(&d->r, 500) ? 6 : 12;
    for (int i = 0; i < n; i++) {
        if (i > 0 && rng_permille(&d->r, 100))
            continue; /* this provider does not answer */
        dprov *p = &d->prov[idx[i]];
        jr_quote_line lines[2];
        int nl = 0;
        for (int k = 0; k < d->nfg && nl < 2; k++) {
            int fk = (k + rng_int(&d->r, d->nfg)) % d->nfg;
            if (!((p->fg >> fk) & 1) || fk == p->fg_ends ||
                (nl == 1 && strcmp(lines[0].product, d->fgs[fk]->code) == 0))
                continue;
            memset(&lines[nl], 0, sizeof lines[nl]);
            str_copy(lines[nl].product, sizeof lines[nl].product, d->fgs[fk]->code);
            lines[nl].centi_hours =
                (nl == 0 ? 2000 + rng_int(&d->r, 6000) : 500 + rng_int(&d->r, 2000));
            nl++;
        }
        if (nl == 0)
            continue;
        jr_cents total;
        if ((rc = quote_answer(d->ctx, ids[i], p->agb, lines, nl, months, "Behandelplan op maat",
                               &total, d->err)) != JR_OK)
            return rc;
        if (best < 0 || total < best_total) {
            best = i;
            best_total = total;
        }
    }
    if (best < 0 || rng_permille(&d->r, 50)) {
        for (int i = 0; i < n; i++) {
            jr_quote q;
            if ((rc = quote_get(d->ctx, ids[i], &q, d->err)) != JR_OK)
                return rc;
            if (strcmp(q.status, "afgewezen") != 0 && strcmp(q.status, "geaccepteerd") != 0 &&
                (rc = quote_reject(d->ctx, ids[i], "Het plan past niet bij de hulpvraag.",
                                   d->err)) != JR_OK)
                return rc;
        }
        *out = NULL;
        return JR_OK;
    }
    jr_date start = date + 7 + rng_int(&d->r, 14);
    if (start > d->y1)
        start = d->y1;
    char number[24];
    if ((rc = quote_accept(d->ctx, ids[best], start, number, d->err)) != JR_OK)
        return rc;
    jr_assignment a;
    if ((rc = assignment_get(d->ctx, number, &a, d->err)) != JR_OK)
        return rc;
    return record_assignment(d, number, youth, idx[best], K_BUDGET, NULL, a.grant.budget, 0,
                             a.grant.start, a.grant.end, out);
}

static jr_status refer_one(demo *d, int youth, jr_date date, const char *forced_type,
                           int forced_int, dasg **out)
{
    static const char *const types[] = {"02", "01", "06", "04", "05", "03", "08"};
    static const int type_w[] = {355, 328, 147, 85, 45, 31, 3};
    *out = NULL;
    jr_referral_req req;
    memset(&req, 0, sizeof req);
    str_copy(req.referrer_type, sizeof req.referrer_type,
             forced_type ? forced_type : types[rng_pick(&d->r, type_w, 7)]);
    snprintf(req.result, sizeof req.result, "De jeugdige functioneert weer thuis en op school.");
    req.date = date;
    const jr_referrer_rule *rule = catalog_referrer(d->cat, req.referrer_type);
    int route_w[JR_ROUTE_COUNT] = {0};
    if (forced_int >= 0) {
        route_w[JR_ROUTE_VERBLIJF] = 1;
    } else if (rule->all_budgets && d->cat->nbudgets > 0) {
        int w[5] = {600, 80, 200, 60, 60};
        memcpy(route_w, w, sizeof w);
    } else {
        route_w[JR_ROUTE_BUDGET] = rule->nbudgets ? 820 : 0;
        route_w[JR_ROUTE_QUOTE] = rule->quote ? 150 : 0;
    }
    /* route product: the region's products list (a partner region's main route) */
    if (forced_int < 0 && d->nprod > 0) {
        if (rule->all_products || rule->nproducts > 0)
            route_w[JR_ROUTE_PRODUCT] = rule->all_products ? 800 : 500;
        route_w[JR_ROUTE_DYSLEXIE] = 60;
    }
    if (d->nfg == 0)
        route_w[JR_ROUTE_QUOTE] = 0; /* a quote is made of functiegroep hours */
    if (!rule->verblijf)
        route_w[JR_ROUTE_VERBLIJF] = 0;
    if (!rule->crisis || !d->crisis)
        route_w[JR_ROUTE_CRISIS] = 0;
    if (!rule->dyslexie || !d->dys)
        route_w[JR_ROUTE_DYSLEXIE] = 0;
    int route_total = 0;
    for (int k = 0; k < JR_ROUTE_COUNT; k++)
        route_total += route_w[k];
    if (route_total == 0)
        route_w[d->nfg > 0 ? JR_ROUTE_QUOTE : JR_ROUTE_PRODUCT] = 1;
    req.route = (jr_route)rng_pick(&d->r, route_w, JR_ROUTE_COUNT);
    int intensity = -1, listed = -1;
    jr_date start = date + rng_int(&d->r, 10), end = JR_DATE_NONE;
    if (start > d->y1)
        start = d->y1;
    if (req.route == JR_ROUTE_BUDGET) {
        static const int kb_w[] = {100, 200, 250, 180, 120, 90, 60};
        if (rule->all_budgets)
            str_copy(
                req.budget, sizeof req.budget,
                d->cat->budgets[rng_pick(&d->r, kb_w, d->cat->nbudgets < 7 ? d->cat->nbudgets : 7)]
                    .code);
        else
            str_copy(req.budget, sizeof req.budget, rule->budgets[rng_int(&d->r, rule->nbudgets)]);
        if (!rule->all_budgets && rng_permille(&d->r, 30))
            str_copy(req.budget, sizeof req.budget,
                     d->cat->budgets[d->cat->nbudgets - 1].code); /* not allowed: refused */
    } else if (req.route == JR_ROUTE_VERBLIJF) {
        static const int int_w[] = {350, 150, 150, 150, 100, 100, 50, 50};
        intensity =
            forced_int >= 0 ? forced_int : rng_pick(&d->r, int_w, d->nint < 8 ? d->nint : 8);
        str_copy(req.product, sizeof req.product, d->ints[intensity]->code);
        end = date_add_months(start, forced_int >= 0 ? 2 : 3 + rng_int(&d->r, 10)) - 1;
        int64_t days = end - start + 1;
        /* some beds are granted fewer etmalen than the stay lasts (9322 at the end) */
        req.volume = forced_int >= 0 ? 8 : rng_permille(&d->r, 100) ? days * 8 / 10 : days;
    } else if (req.route == JR_ROUTE_CRISIS) {
        str_copy(req.product, sizeof req.product, d->crisis->code);
        req.volume = 20 + rng_int(&d->r, 40);
    } else if (req.route == JR_ROUTE_DYSLEXIE) {
        str_copy(req.product, sizeof req.product, d->dys->code);
        req.volume = 40 + rng_int(&d->r, 20);
    } else if (req.route == JR_ROUTE_PRODUCT) {
        listed = pick_list_product(d, rule);
        if (listed < 0)
            listed = 0; /* not this referrer's: refused, as in life */
        const jr_product *lp = d->prods[listed];
        str_copy(req.product, sizeof req.product, lp->code);
        int months = 3 + rng_int(&d->r, 10);
        if (months > lp->max_months)
            months = lp->max_months;
        end = date_add_months(start, months) - 1;
        if (lp->funding == JR_FUND_INSPANNING)
            req.volume = monthly_volume(lp, 30) * months;
    }
    int64_t rid;
    jr_error e2;
    jr_error_clear(&e2);
    jr_status rc = referral_create(d->ctx, d->youth[youth].bsn, &req, NULL, &rid, &e2);
    if (rc == JR_EINVAL) {
        d->st->referrals_refused++;
        return JR_OK;
    }
    if (rc != JR_OK) {
        *d->err = e2;
        return rc;
    }
    d->st->referrals++;
    d->st->referrals_by_type[atoi(req.referrer_type) % 10]++;
    if (req.route == JR_ROUTE_QUOTE)
        return run_quote(d, rid, youth, date, out);

    int p = -1;
    dkind kind = K_BUDGET;
    if (req.route == JR_ROUTE_BUDGET) {
        p = pick_provider(d, has_fg, 0);
    } else if (req.route == JR_ROUTE_VERBLIJF) {
        kind = K_INT;
        p = pick_provider(d, has_int, intensity);
    } else if (req.route == JR_ROUTE_CRISIS) {
        kind = K_CRISIS;
        p = pick_provider(d, has_crisis, 0);
    } else if (req.route == JR_ROUTE_PRODUCT) {
        kind = K_PRODUCT;
        p = pick_product_provider(d, listed, d->youth[youth].gemeente);
    } else {
        kind = K_DYS;
        p = pick_provider(d, has_dys, 0);
    }
    if (p < 0)
        return JR_OK;
    char number[24];
    if ((rc = assignment_create(d->ctx, rid, d->prov[p].agb, start, end, number, d->err)) != JR_OK)
        return rc;
    jr_assignment a;
    if ((rc = assignment_get(d->ctx, number, &a, d->err)) != JR_OK)
        return rc;
    rc = record_assignment(d, number, youth, p, kind,
                           a.grant.is_budget ? NULL : catalog_product(d->cat, a.grant.product),
                           a.grant.budget, a.grant.volume, a.grant.start, a.grant.end, out);
    if (rc == JR_OK && forced_int >= 0)
        (*out)->parttime = true;
    return rc;
}

static jr_status care_events(demo *d, dasg *a)
{
    jr_status rc;
    if (rng_permille(&d->r, 40))
        return JR_OK; /* care never confirmed: its lines get JR06 */
    jr_date cs = a->start + rng_int(&d->r, 8);
    if (cs > a->end)
        cs = a->start;
    if (cs > d->ctx->today)
        return JR_OK;
    const char *agb = d->prov[a->prov].agb;
    if ((rc = care_start(d->ctx, a->number, agb, cs, d->err)) != JR_OK)
        return rc;
    a->care_start = cs;
    d->st->care_started++;
    if (rng_permille(&d->r, 5)) {
        if ((rc = assignment_withdraw(d->ctx, a->number, d->err)) != JR_OK)
            return rc;
        a->withdrawn = true;
        d->st->withdrawn++;
        return JR_OK;
    }
    if (rng_permille(&d->r, 150) && a->end - cs > 60) {
        /* stopped early: the rest of the budget returns to the municipality */
        static const char *const early[] = {"32", "33", "34", "35", "38"};
        jr_date stop = cs + 30 + rng_int(&d->r, (int)(a->end - cs - 45));
        if (stop <= d->y1) {
            if ((rc = care_stop(d->ctx, a->number, agb, stop, early[rng_int(&d->r, 5)], d->err)) ||
                (rc = assignment_end(d->ctx, a->number, stop, "zorg voortijdig gestopt", d->err)))
                return rc;
            a->care_stop = a->end = stop;
            d->st->care_stopped++;
            d->st->ended++;
            return JR_OK;
        }
    }
    if (a->end <= d->y1) {
        if ((rc = care_stop(d->ctx, a->number, agb, a->end, "31", d->err)) != JR_OK)
            return rc;
        a->care_stop = a->end;
        d->st->care_stopped++;
    }
    return JR_OK;
}

/* ---- declarations ---- */

typedef struct {
    char ref[JR_REF_MAX];
    const dasg *a;
    const char *bsn;
    const char *category;
    const char *product;
    jr_date begin, end;
    int64_t volume;
    const char *unit;
    jr_cents tariff, amount;
    bool credit;
    char credit_ref[JR_REF_MAX];
} dline;

typedef struct {
    FILE *f;
    char number[JR_REF_MAX];
    const char *agb, *gemeente;
    jr_month period;
    jr_date dagtekening;
} dbatch;

static void write_line(const dbatch *b, const dline *l)
{
    char per[8], dt[JR_DATE_ISO_LEN], d1[JR_DATE_ISO_LEN], d2[JR_DATE_ISO_LEN], t[JR_MONEY_BUF],
        m[JR_MONEY_BUF];
    fprintf(b->f, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%lld,%s,%s,%s,%s,%s\n", b->number, b->agb,
            b->gemeente, month_format(b->period, per), date_format(b->dagtekening, dt), l->ref,
            l->a ? l->a->number : "TW000000000000", l->bsn, l->category, l->product,
            date_format(l->begin, d1), date_format(l->end, d2), (long long)l->volume, l->unit,
            money_format_plain(l->tariff, t), money_format_plain(l->amount, m),
            l->credit ? "C" : "D", l->credit ? l->credit_ref : "");
}

/* the tariff and amount of l: the provider's own price where it has one */
static void price_line(const demo *d, dline *l, const jr_product *p)
{
    product_tariff_for(d->cat, p, l->a ? d->prov[l->a->prov].agb : NULL, l->begin, &l->tariff);
    l->amount = decl_expected_amount(l->volume, l->unit, l->tariff);
}

enum {
    F_TARIFF,
    F_AMOUNT,
    F_UNKNOWN_ASG,
    F_OTHER_BSN,
    F_BAD_BSN,
    F_BEFORE_START,
    F_DUP_REF,
    F_DUP_PERIOD,
    F_WRONG_PRODUCT,
    F_WRONG_CATEGORY,
    F_NOT_CONTRACTED,
    F_VOLUME_OVER,
    F_PARTIAL_BEGIN,
    F_PARTIAL_END,
    F_OTHER_GEMEENTE,
    F_ZERO_VOLUME,
    F_END_BEFORE_BEGIN,
    F_UNKNOWN_PRODUCT,
    F_OUTSIDE_MONTH,
    F_UNIT,
    F_COUNT
};

/* applies fault kind to l; returns false when it does not fit this line */
static bool apply_fault(demo *d, int kind, dline *l, const dbatch *b, int *dup)
{
    const dasg *a = l->a;
    const dprov *p = &d->prov[a->prov];
    jr_month m = b->period;
    switch (kind) {
    case F_TARIFF:
        l->tariff += 150;
        l->amount = decl_expected_amount(l->volume, l->unit, l->tariff);
        return true;
    case F_AMOUNT:
        l->amount += 1;
        return true;
    case F_UNKNOWN_ASG:
        l->a = NULL;
        return true;
    case F_OTHER_BSN:
        l->bsn = d->youth[(a->youth + 1) % d->nyouth].bsn;
        return true;
    case F_BAD_BSN: {
        static char bad[10];
        str_copy(bad, sizeof bad, l->bsn);
        bad[8] = (char)('0' + (bad[8] - '0' + 1) % 10);
        l->bsn = bad;
        return true;
    }
    case F_BEFORE_START:
        if (a->start <= month_first_day(m))
            return false;
        l->begin = a->start - 1;
        return true;
    case F_DUP_REF:
        *dup = 1;
        return true;
    case F_DUP_PERIOD:
        *dup = 2;
        return true;
    case F_WRONG_PRODUCT:
        if (a->kind == K_BUDGET && d->dys && strcmp(d->dys->category, "45") == 0) {
            l->product = d->dys->code;
            return true;
        }
        if (a->kind == K_INT && d->nint > 1) {
            for (int k = 0; k < d->nint; k++)
                if (d->ints[k] != a->prod && strcmp(d->ints[k]->category, a->prod->category) == 0) {
                    l->product = d->ints[k]->code;
                    return true;
                }
        }
        return false;
    case F_WRONG_CATEGORY:
        if (a->kind != K_BUDGET || d->nint == 0)
            return false;
        l->category = d->ints[0]->category;
        l->product = d->ints[0]->code;
        l->unit = "14";
        return true;
    case F_NOT_CONTRACTED:
        if (a->kind != K_BUDGET)
            return false;
        for (int k = 0; k < d->nfg; k++)
            if (!((p->fg >> k) & 1)) {
                l->product = d->fgs[k]->code;
                price_line(d, l, d->fgs[k]);
                return true;
            }
        return false;
    case F_VOLUME_OVER:
        if (a->kind == K_PRODUCT && a->prod->funding == JR_FUND_OUTPUT) {
            l->volume = 2; /* two stuks of a price per period: JR12 */
            price_line(d, l, a->prod);
            return true;
        }
        if (a->kind != K_CRISIS && a->kind != K_DYS &&
            !(a->kind == K_PRODUCT && a->prod->funding == JR_FUND_INSPANNING))
            return false;
        l->volume = a->volume + 1;
        price_line(d, l, a->prod);
        return true;
    case F_PARTIAL_BEGIN:
        if (l->begin != month_first_day(m) || l->end == l->begin)
            return false;
        l->begin += 1;
        if (a->kind != K_BUDGET)
            l->volume = l->volume > 1 ? l->volume - 1 : 1;
        price_line(d, l, catalog_product(d->cat, l->product));
        return true;
    case F_PARTIAL_END:
        if (l->end != month_last_day(m) || l->end == l->begin)
            return false;
        l->end -= 1;
        return true;
    case F_OTHER_GEMEENTE:
        for (int k = 0; k < p->nasg; k++) {
            const dasg *o = &d->asg[p->asg[k]];
            if (strcmp(d->youth[o->youth].gemeente, b->gemeente) != 0) {
                l->a = o;
                l->bsn = d->youth[o->youth].bsn;
                return true;
            }
        }
        return false;
    case F_ZERO_VOLUME:
        l->volume = 0;
        l->amount = 0;
        return true;
    case F_END_BEFORE_BEGIN:
        if (l->end == l->begin)
            return false;
        {
            jr_date t = l->begin;
            l->begin = l->end;
            l->end = t;
        }
        return true;
    case F_UNKNOWN_PRODUCT:
        l->product = "45X99";
        return true;
    case F_OUTSIDE_MONTH:
        l->begin = month_first_day(m - 1);
        l->end = month_last_day(m - 1);
        return true;
    case F_UNIT:
        if (strcmp(l->unit, "04") != 0)
            return false;
        l->unit = "14";
        return true;
    }
    return false;
}

/* the lines one assignment declares in month m (0, 1 or 2) */
static int plan_lines(demo *d, dasg *a, jr_month m, dline *out)
{
    jr_date first = month_first_day(m), last = month_last_day(m);
    if (a->care_start == JR_DATE_NONE) {
        /* never confirmed: a provider sometimes bills anyway (JR06) */
        if (!(a->start <= last && a->end >= first) || !rng_permille(&d->r, 150))
            return 0;
    }
    jr_date from = a->start > first ? a->start : first;
    jr_date until = a->end < last ? a->end : last;
    if (a->care_start != JR_DATE_NONE) {
        if (a->care_start > from)
            from = a->care_start;
        if (a->care_stop != JR_DATE_NONE && a->care_stop < until)
            until = a->care_stop;
    }
    if (a->withdrawn && rng_permille(&d->r, 700))
        return 0;
    if (from > until)
        return 0;
    const dyouth *y = &d->youth[a->youth];
    dline *l = &out[0];
    memset(l, 0, sizeof *l);
    l->a = a;
    l->bsn = y->bsn;
    l->begin = from;
    l->end = until;
    if (a->kind == K_BUDGET) {
        const dprov *p = &d->prov[a->prov];
        int months = (int)((a->end - a->start) / 30) + 1;
        jr_cents target = a->budget / months * (a->overspend ? 18 : 9) / 10;
        int n = 0;
        for (int k = 0; k < d->nfg && n < 2; k++) {
            int fk = (k + a->youth) % d->nfg;
            if (!((p->fg >> fk) & 1))
                continue;
            if (p->fg_ends == fk && until > month_last_day(m) - 40)
                continue;
            dline *x = &out[n];
            *x = *l;
            x->category = d->fgs[fk]->category;
            x->product = d->fgs[fk]->code;
            x->unit = rng_permille(&d->r, 200) ? "01" : "04";
            jr_cents t;
            product_tariff(d->fgs[fk], from, &t);
            int64_t hours = (n == 0 ? target * 2 / 3 : target / 3) / (t ? t : 1);
            if (hours < 1 && n > 0)
                break; /* a small budget: one functiegroep a month */
            if (hours < 1)
                hours = 1;
            x->volume =
                strcmp(x->unit, "01") == 0 ? hours * 60 + (int64_t)30 * rng_int(&d->r, 2) : hours;
            price_line(d, x, d->fgs[fk]);
            n++;
        }
        return n;
    }
    l->category = a->prod->category;
    l->product = a->prod->code;
    l->unit = a->prod->unit;
    if (a->kind == K_PRODUCT && a->prod->funding == JR_FUND_TAAK) {
        /* a task is paid in terms, not per youth; now and then a partner
           bills a youth anyway (JR11) */
        if (!rng_permille(&d->r, 4))
            return 0;
        l->unit = "82";
        l->volume = 1;
        l->tariff = 125000;
        l->amount = 125000;
        return 1;
    }
    if (a->kind == K_PRODUCT && a->prod->funding == JR_FUND_OUTPUT) {
        /* per month: one stuk for each month of care; per trajectory: one
           stuk in the month the trajectory ends */
        if (a->prod->period == JR_OUT_TRAJECT) {
            jr_date ends = a->care_stop != JR_DATE_NONE ? a->care_stop : a->end;
            if (ends < first || ends > last)
                return 0;
        }
        l->volume = 1;
        price_line(d, l, a->prod);
        return 1;
    }
    if (a->kind == K_PRODUCT) {
        int64_t left = a->volume - a->used_volume;
        l->volume = monthly_volume(a->prod, until - from + 1);
        if (l->volume > left)
            l->volume = left;
        if (l->volume <= 0)
            return 0;
        a->used_volume += l->volume;
        price_line(d, l, a->prod);
        return 1;
    }
    if (a->kind == K_INT) {
        l->volume = a->parttime ? 4 : (until - from + 1);
    } else {
        int64_t left = a->volume - a->used_volume;
        l->volume = a->kind == K_CRISIS ? (left > 0 ? left : 2) : 5 + rng_int(&d->r, 3);
    }
    a->used_volume += l->volume;
    price_line(d, l, a->prod);
    return 1;
}

static jr_status feed_file(demo *d, char *buf, size_t len, const char *name)
{
    FILE *in = fmemopen(buf, len, "r");
    if (!in)
        return jr_fail(d->err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    jr_decl_session *s = NULL;
    jr_status rc = decl_session_begin(d->ctx, name, &s, d->err);
    if (rc == JR_OK)
        rc = decl_csv_read(in, name, s, d->err);
    if (rc == JR_OK)
        rc = decl_session_commit(s, d->err);
    if (rc == JR_OK) {
        d->st->files++;
        d->st->batches += decl_session_nbatches(s);
        for (int i = 0; i < decl_session_nbatches(s); i++) {
            d->st->accepted += decl_session_batch(s, i)->n_accepted;
            d->st->rejected += decl_session_batch(s, i)->n_rejected;
        }
        d->st->lines += decl_session_nlines(s);
    }
    decl_session_free(s);
    fclose(in);
    return rc;
}

typedef struct {
    dline line;
    dbatch head;
} kept_line;

static jr_status declare_month(demo *d, jr_month m, kept_line *kept, int *nkept, int maxkept)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return jr_fail(d->err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    fprintf(f, "%s\n", decl_csv_header());
    char per[8];
    month_format(m, per);
    jr_date dagtekening = month_last_day(m) + 5;
    kept_line prev[64];
    int nprev = *nkept < 64 ? *nkept : 64, nwritten = 0;
    memcpy(prev, kept, (size_t)nprev * sizeof prev[0]);
    *nkept = 0;
    for (int pi = 0; pi < d->nprov; pi++) {
        dprov *p = &d->prov[pi];
        for (int gi = 0; gi < d->cat->nmunicipalities; gi++) {
            const char *cbs = d->cat->municipalities[gi].cbs;
            dbatch b = {f, "", p->agb, cbs, m, dagtekening};
            snprintf(b.number, sizeof b.number, "D%s-%s-%s", per, p->agb, cbs);
            for (int k = 0; k < p->nasg; k++) {
                dasg *a = &d->asg[p->asg[k]];
                if (strcmp(d->youth[a->youth].gemeente, cbs) != 0)
                    continue;
                dline lines[2];
                int n = plan_lines(d, a, m, lines);
                for (int i = 0; i < n; i++) {
                    dline *l = &lines[i];
                    snprintf(l->ref, sizeof l->ref, "R%s%07lld", p->agb, (long long)++p->refseq);
                    int dup = 0;
                    bool faulty = rng_permille(&d->r, 35);
                    if (faulty) {
                        int kind = d->fault_turn++ % F_COUNT;
                        if (apply_fault(d, kind, l, &b, &dup))
                            d->st->faults_injected++;
                        else
                            apply_fault(d, F_TARIFF, l, &b, &dup);
                    }
                    write_line(&b, l);
                    nwritten++;
                    if (dup == 1) {
                        write_line(&b, l);
                    } else if (dup == 2) {
                        snprintf(l->ref, sizeof l->ref, "R%s%07lld", p->agb,
                                 (long long)++p->refseq);
                        write_line(&b, l);
                    } else if (!faulty && *nkept < maxkept && rng_permille(&d->r, 20)) {
                        kept[*nkept].line = *l;
                        kept[*nkept].head = b;
                        (*nkept)++;
                    }
                }
            }
        }
    }
    /* corrections for last month: credits (valid, unknown, twice, different) */
    for (int i = 0; i < nprev; i++) {
        kept_line *k = &prev[i];
        dbatch b = k->head;
        b.f = f;
        b.dagtekening = dagtekening;
        snprintf(b.number, sizeof b.number, "K%s-%s-%s-%d", per, b.agb, b.gemeente, i);
        dline c = k->line;
        c.credit = true;
        str_copy(c.credit_ref, sizeof c.credit_ref, k->line.ref);
        snprintf(c.ref, sizeof c.ref, "C%s-%d", k->line.ref, i);
        switch (i % 5) {
        case 0: /* credit and declare again, corrected */
        case 1:
            write_line(&b, &c);
            break;
        case 2: /* credited twice: 9390 */
            write_line(&b, &c);
            snprintf(c.ref, sizeof c.ref, "C%s-%db", k->line.ref, i);
            write_line(&b, &c);
            break;
        case 3: /* credit of an unknown debit: 8017 */
            snprintf(c.credit_ref, sizeof c.credit_ref, "ONBEKEND-%d", i);
            write_line(&b, &c);
            break;
        case 4: /* credit that differs from its debit: JR10 */
            c.amount += 100;
            c.volume += 1;
            write_line(&b, &c);
            break;
        }
    }
    fclose(f);
    char name[32];
    snprintf(name, sizeof name, "demo-%s.csv", per);
    /* a month without a single line (a partner region early in the year)
       sends no file */
    jr_status rc = nwritten + nprev > 0 ? feed_file(d, buf, len, name) : JR_OK;
    free(buf);
    return rc;
}

/* batches that are wrong as a whole: unknown municipality, a Dagtekening in
 * the future, a period in the future */
static jr_status declare_odd_batches(demo *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return jr_fail(d->err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    fprintf(f, "%s\n", decl_csv_header());
    dasg *a = NULL;
    for (int i = 0; i < d->nasg && !a; i++)
        if (d->asg[i].kind == K_BUDGET && d->asg[i].care_start != JR_DATE_NONE)
            a = &d->asg[i];
    /* a region without keuzebudgetten: any assignment of a billable product */
    for (int i = 0; i < d->nasg && !a; i++)
        if (d->asg[i].kind != K_BUDGET && d->asg[i].care_start != JR_DATE_NONE &&
            product_billable(d->asg[i].prod))
            a = &d->asg[i];
    if (a) {
        const jr_product *lp = a->kind == K_BUDGET ? d->fgs[0] : a->prod;
        jr_month m = date_month(a->care_start);
        jr_month next = date_month(d->ctx->today) + 1;
        const char *agb = d->prov[a->prov].agb;
        dline l;
        memset(&l, 0, sizeof l);
        l.a = a;
        l.bsn = d->youth[a->youth].bsn;
        l.category = lp->category;
        l.product = lp->code;
        l.unit = a->kind == K_BUDGET ? "04" : lp->unit;
        l.volume = 1;
        dbatch s300 = {f, "ODD-S300", agb, "0363", m, month_last_day(m) + 5};
        l.begin = month_first_day(m);
        l.end = month_last_day(m);
        price_line(d, &l, lp);
        snprintf(l.ref, sizeof l.ref, "ODD-1");
        write_line(&s300, &l);
        dbatch future = {f, "ODD-8848", agb, d->youth[a->youth].gemeente, m, d->ctx->today + 30};
        snprintf(l.ref, sizeof l.ref, "ODD-2");
        write_line(&future, &l);
        dbatch later = {f, "ODD-JR03", agb, d->youth[a->youth].gemeente, next, d->ctx->today};
        l.begin = month_first_day(next);
        l.end = month_last_day(next);
        snprintf(l.ref, sizeof l.ref, "ODD-3");
        write_line(&later, &l);
    }
    fclose(f);
    jr_status rc = a ? feed_file(d, buf, len, "demo-afwijkend.csv") : JR_OK;
    free(buf);
    return rc;
}

static jr_status make_accounts(demo *d)
{
    const char *g1 = d->cat->municipalities[d->cat->nmunicipalities - 1].cbs;
    const char *g2 = d->cat->municipalities[0].cbs;
    /* the provider accounts: the first two providers with a contract (a
       partner region's subcontractors have none of their own) */
    int pa[2] = {0, 1}, npa = 0;
    for (int i = 0; i < d->nprov && npa < 2; i++) {
        const dprov *p = &d->prov[i];
        if (p->fg || p->ints || p->crisis || p->dys || p->prods)
            pa[npa++] = i;
    }
    const struct {
        const char *name;
        jr_role role;
        const char *tenant;
    } acc[JR_DEMO_ACCOUNTS] = {
        {"beheerder", JR_ROLE_BEHEERDER, ""},
        {"rsj", JR_ROLE_RSJ, ""},
        {"toegang1", JR_ROLE_TOEGANG, g1},
        {"toegang2", JR_ROLE_TOEGANG, g2},
        {"gemeente1", JR_ROLE_GEMEENTE, g1},
        {"aanbieder1", JR_ROLE_AANBIEDER, d->prov[pa[0]].agb},
        {"aanbieder2", JR_ROLE_AANBIEDER, d->prov[pa[1]].agb},
        {"lezer", JR_ROLE_LEZER, ""},
    };
    for (int i = 0; i < JR_DEMO_ACCOUNTS; i++) {
        jr_demo_account *a = &d->st->accounts[i];
        str_copy(a->name, sizeof a->name, acc[i].name);
        a->role = acc[i].role;
        str_copy(a->tenant, sizeof a->tenant, acc[i].tenant);
        bool agb = acc[i].role == JR_ROLE_AANBIEDER;
        char display[64];
        snprintf(display, sizeof display, "Demo %s %s", role_name(acc[i].role), acc[i].tenant);
        jr_status rc = user_add(d->ctx, a->name, display, a->role, agb ? NULL : a->tenant,
                                agb ? a->tenant : NULL, JR_DEMO_PASSWORD, d->err);
        if (rc != JR_OK)
            return rc;
    }
    return JR_OK;
}

jr_status demo_generate(const jr_ctx *ctx, const jr_demo_opts *o, jr_demo_stats *st, jr_error *err)
{
    memset(st, 0, sizeof *st);
    demo d;
    memset(&d, 0, sizeof d);
    d.ctx = ctx;
    d.cat = ctx->cat;
    d.r.s = o->seed;
    d.year = o->year;
    d.st = st;
    d.err = err;
    date_from_ymd(d.year, 1, 1, &d.y0);
    date_from_ymd(d.year, 12, 31, &d.y1);
    if (ctx->today <= d.y1)
        return jr_fail(err, JR_EINVAL, "year_not_past", "year",
                       "Het demojaar %d moet voorbij zijn (vandaag is eerder dan 31-12-%d).",
                       d.year, d.year);
    for (int i = 0; i < d.cat->nproducts; i++) {
        const jr_product *p = &d.cat->products[i];
        if (p->kind == JR_PK_FUNCTIEGROEP && d.nfg < MAX_FG)
            d.fgs[d.nfg++] = p;
        else if (p->kind == JR_PK_INTENSITY && d.nint < MAX_INT)
            d.ints[d.nint++] = p;
        else if (p->kind == JR_PK_CRISIS)
            d.crisis = p;
        else if (p->kind == JR_PK_DYSLEXIE)
            d.dys = p;
        else if (p->kind == JR_PK_PRODUCT && d.nprod < MAX_PROD)
            d.prods[d.nprod++] = p;
    }
    int64_t existing;
    if (store_provider_count(ctx->store, &existing, err) != JR_OK)
        return JR_EDB;
    if (existing > 0)
        return jr_fail(err, JR_ECONFLICT, "db_not_empty", "db",
                       "De database bevat al gegevens; de demo vult alleen een lege database.");

    /* one transaction around everything: fast, and all or nothing */
    jr_status rc = store_begin(ctx->store, err);
    if (rc != JR_OK)
        return rc;
    kept_line *kept = calloc(64, sizeof *kept);
    int nkept = 0;
    if (!kept)
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    if (rc == JR_OK)
        rc = make_providers(&d, o->providers);
    if (rc == JR_OK)
        rc = make_youths(&d, o->youths);
    for (int i = 0; i < d.nyouth && rc == JR_OK; i++) {
        jr_date date = d.y0 + rng_int(&d.r, 334);
        dasg *a = NULL;
        rc = refer_one(&d, i, date, NULL, -1, &a);
        if (rc == JR_OK && a) {
            a->overspend = rng_permille(&d.r, 50);
            rc = care_events(&d, a);
            /* respite beside a full-time bed: refused where no night is left (JR09) */
            if (rc == JR_OK && a->kind == K_INT && !a->parttime && a->care_start != JR_DATE_NONE &&
                rng_permille(&d.r, 100)) {
                dasg *b = NULL;
                int k = (int)(a->prod - d.ints[0]);
                rc = refer_one(&d, i, a->care_start, "01", (k + 1) % d.nint, &b);
                if (rc == JR_OK && b)
                    rc = care_events(&d, b);
            }
        }
        if (rc == JR_OK && rng_permille(&d.r, 150)) {
            jr_date later = date + 30 + rng_int(&d.r, 120);
            if (later <= d.y1) {
                rc = refer_one(&d, i, later, NULL, -1, &a);
                if (rc == JR_OK && a)
                    rc = care_events(&d, a);
            }
        }
    }
    jr_month m0 = date_month(d.y0);
    for (int mi = 0; mi < 12 && rc == JR_OK; mi++)
        rc = declare_month(&d, m0 + mi, kept, &nkept, 64);
    if (rc == JR_OK)
        rc = declare_odd_batches(&d);
    if (rc == JR_OK)
        rc = make_accounts(&d);
    if (rc == JR_OK)
        rc = demo_continuity(ctx, o->seed, d.year, NULL, err);
    if (rc == JR_OK)
        rc = demo_framework(ctx, d.year, err);
    if (rc == JR_OK)
        rc = demo_cm_seed(ctx, o->seed, err);
    if (rc == JR_OK)
        rc = demo_tariff(ctx, o->year, err);
    if (rc == JR_OK)
        rc = demo_tenders(ctx, d.year, err);
    if (rc == JR_OK)
        rc = demo_impact(ctx, d.year, err);
    free(kept);
    for (int i = 0; i < d.nprov; i++)
        free(d.prov[i].asg);
    free(d.prov);
    free(d.youth);
    free(d.asg);
    return svc_finish(ctx, rc, err);
}

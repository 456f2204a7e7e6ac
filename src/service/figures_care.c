/*
 * figures_care.c: the care figures (see figures_care.h, defined in
 * docs/figures.md). The store hands over plain rows
 * (store/figures_care.h); this file applies the scope, takes the day
 * differences in C from jr_date, and builds each figure with the
 * arithmetic of domain/stats.h. Each figure reads in one transaction, so
 * its parts agree with each other.
 */
#include "figures_care.h"

#include "../core/sbuf.h"
#include "../domain/budget.h"
#include "../store/figures_care.h"
#include "figures.h"

#include <stdlib.h>
#include <string.h>

/* ---- scope ---------------------------------------------------------------- */

/* fc_begin: checks the principal, the asked municipality and the asked
 * provider (agb, NULL: none), fills the head (the filters to apply) and
 * opens the read transaction */
static jr_status fc_begin(const jr_ctx *ctx, const char *gemeente, const char *agb,
                          const jr_period *p, jr_fc_head *h, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_SETTLE_READ, err);
    if (rc != JR_OK)
        return rc;
    if (gemeente && !catalog_municipality(ctx->cat, gemeente))
        return jr_fail(err, JR_EINVAL, "gemeente_unknown", "gemeente",
                       "Gemeente %s is geen gemeente van de regio.", gemeente);
    if ((rc = figures_provider(ctx, agb, err)) != JR_OK)
        return rc;
    memset(h, 0, sizeof *h);
    h->period = *p;
    str_copy(h->gemeente, sizeof h->gemeente, gemeente);
    h->threshold = catalog_small_group_threshold(ctx->cat);
    if (agb)
        str_copy(h->agb, sizeof h->agb, agb);
    else if (ctx->who.role == JR_ROLE_AANBIEDER)
        str_copy(h->agb, sizeof h->agb, ctx->who.agb);
    h->aggregate = access_figures_aggregate(&ctx->who, gemeente);
    return store_begin(ctx->store, err);
}

static const char *head_gemeente(const jr_fc_head *h)
{
    return h->gemeente[0] ? h->gemeente : NULL;
}

/* head_agb: the provider filter: the asked provider, or an aanbieder's
 * own; a provider role bound to none filters on "" and so sees nothing */
static const char *head_agb(const jr_ctx *ctx, const jr_fc_head *h)
{
    return h->agb[0] || ctx->who.role == JR_ROLE_AANBIEDER ? h->agb : NULL;
}

static bool hide(const jr_fc_head *h, int64_t youths)
{
    return h->aggregate && stats_hidden(youths, h->threshold);
}

/* voorziening: the keuzebudget of a budget assignment, "offerte" for one
 * granted on a quote, else the product code */
static void voorziening(bool is_budget, const char *product, const char *budget,
                        char key[JR_FC_KEY_LEN])
{
    str_copy(key, JR_FC_KEY_LEN, !is_budget ? product : budget[0] ? budget : "offerte");
}

/* sort: qsort, which must not see a NULL array (an empty list has none) */
static void sort(void *v, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(v, n, size, cmp);
}

/* grow: room for one more element in the list *v (n used of *cap, size
 * bytes each; the capacity doubles from 64); false when out of memory. v
 * points at the list's pointer, read and written with memcpy whatever the
 * element type. */
static bool grow(void *v, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return true;
    size_t c = *cap ? *cap * 2 : 64;
    void *old;
    memcpy(&old, v, sizeof old);
    void *p = realloc(old, c * size);
    if (!p)
        return false;
    memcpy(v, &p, sizeof p);
    *cap = c;
    return true;
}

/* ---- collected values, grouped by key ------------------------------------- */

typedef struct {
    char key[JR_FC_KEY_LEN];
    int64_t days;
    int64_t youth;
    int cls;
} fc_item;

typedef struct {
    fc_item *v;
    size_t n, cap;
    bool oom;
} fc_items;

static void items_add(fc_items *it, const char *key, int64_t days, int64_t youth, int cls)
{
    if (!grow(&it->v, it->n, &it->cap, sizeof *it->v)) {
        it->oom = true;
        return;
    }
    fc_item *x = &it->v[it->n++];
    str_copy(x->key, sizeof x->key, key);
    x->days = days;
    x->youth = youth;
    x->cls = cls;
}

/* distinct: the number of distinct values in v (sorted in place) */
static int64_t distinct(int64_t *v, size_t n)
{
    stats_sort(v, n);
    int64_t d = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || v[i] != v[i - 1])
            d++;
    return d;
}

/* sort_i64: v[0..n) ascending, tmp scratch of n: a radix sort over the
 * span of the values (11 bits a pass; days and row ids take two or
 * three), since qsort's comparisons of 400,000 waiting times were most of
 * the waiting figure of the national bench's region */
static void sort_i64(int64_t *v, size_t n, int64_t *tmp)
{
    if (n < 64) {
        stats_sort(v, n);
        return;
    }
    int64_t lo = v[0], hi = v[0];
    for (size_t i = 1; i < n; i++) {
        lo = v[i] < lo ? v[i] : lo;
        hi = v[i] > hi ? v[i] : hi;
    }
    uint64_t span = (uint64_t)hi - (uint64_t)lo;
    int64_t *src = v, *dst = tmp;
    for (int shift = 0; shift < 64 && (span >> shift) != 0; shift += 11) {
        size_t pos[2048] = {0};
        for (size_t i = 0; i < n; i++)
            pos[(((uint64_t)src[i] - (uint64_t)lo) >> shift) & 2047]++;
        size_t at = 0;
        for (size_t d = 0; d < 2048; d++) {
            size_t c = pos[d];
            pos[d] = at;
            at += c;
        }
        for (size_t i = 0; i < n; i++)
            dst[pos[(((uint64_t)src[i] - (uint64_t)lo) >> shift) & 2047]++] = src[i];
        int64_t *t = src;
        src = dst, dst = t;
    }
    if (src != v)
        memcpy(v, src, n * sizeof *v);
}

/* days_of: the figures of one group's days, youths and classes (n of
 * each; days and youths are sorted here, tmp is scratch of n) into g */
static void days_of(const jr_fc_head *h, int64_t *days, int64_t *youths, const int *cls, size_t n,
                    int64_t *tmp, jr_fc_days *g)
{
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        sum += days[i];
        if (cls[i] >= 0)
            g->classes[cls[i]]++;
    }
    sort_i64(days, n, tmp);
    sort_i64(youths, n, tmp);
    int64_t d = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || youths[i] != youths[i - 1])
            d++;
    g->n = (int64_t)n;
    g->youths = d;
    g->mean = stats_div_round(sum, (int64_t)n);
    g->median_x2 = stats_median_x2(days, n);
    g->p90 = stats_percentile(days, n, 900);
    if (hide(h, g->youths)) {
        char key[JR_FC_KEY_LEN];
        memcpy(key, g->key, sizeof key);
        memset(g, 0, sizeof *g);
        memcpy(g->key, key, sizeof key);
        g->hidden = true;
    }
}

static uint64_t key_hash(const char *k)
{
    uint64_t x = 1469598103934665603ull;
    for (; *k; k++)
        x = (x ^ (unsigned char)*k) * 1099511628211ull;
    return x;
}

/* group_days: the total (unless total is NULL) and the groups by key of
 * it, in key order, into *total, *groups (allocated) and *ngroups. The
 * keys (a few dozen voorzieningen, a few thousand providers) are numbered
 * through a hash table and ranked by strcmp once; the items are then
 * placed per group by counting, and each group's days sorted as integers. */
static jr_status group_days(const jr_fc_head *h, fc_items *it, jr_fc_days *total,
                            jr_fc_days **groups, size_t *ngroups, jr_error *err)
{
    *groups = NULL;
    *ngroups = 0;
    if (it->oom)
        return jr_fail(err, JR_ENOMEM, "out_of_memory", NULL, "Onvoldoende geheugen.");
    size_t n = it->n, nslots = 64;
    while (nslots < 2 * n)
        nslots *= 2;
    size_t m = n ? n : 1;
    uint32_t *slots = calloc(nslots, sizeof *slots); /* key number + 1; 0 empty */
    uint32_t *kof = malloc(m * sizeof *kof);         /* each item's key number */
    size_t *first = malloc(m * sizeof *first);       /* each key's first item */
    size_t *rank = malloc(m * sizeof *rank), *order = malloc(m * sizeof *order);
    size_t *at = calloc(m + 1, sizeof *at);
    int64_t *days = malloc(m * sizeof *days), *youths = malloc(m * sizeof *youths);
    int64_t *tmp = malloc(m * sizeof *tmp);
    int *cls = malloc(m * sizeof *cls);
    jr_fc_days *g = NULL;
    jr_status rc = JR_OK;
    if (!slots || !kof || !first || !rank || !order || !at || !days || !youths || !tmp || !cls) {
        rc = jr_fail(err, JR_ENOMEM, "out_of_memory", NULL, "Onvoldoende geheugen.");
        goto done;
    }
    size_t nk = 0;
    for (size_t i = 0; i < n; i++) {
        size_t s = (size_t)key_hash(it->v[i].key) & (nslots - 1);
        while (slots[s] && strcmp(it->v[first[slots[s] - 1]].key, it->v[i].key) != 0)
            s = (s + 1) & (nslots - 1);
        if (!slots[s]) {
            first[nk] = i;
            slots[s] = (uint32_t)++nk;
        }
        kof[i] = slots[s] - 1;
    }
    /* the keys in strcmp order: order[r] is the key of rank r */
    for (size_t k = 0; k < nk; k++)
        order[k] = k;
    for (size_t a = 1; a < nk; a++) { /* insertion sort of the few keys by name */
        size_t x = order[a], b = a;
        while (b > 0 && strcmp(it->v[first[order[b - 1]]].key, it->v[first[x]].key) > 0) {
            order[b] = order[b - 1];
            b--;
        }
        order[b] = x;
    }
    for (size_t r = 0; r < nk; r++)
        rank[order[r]] = r;
    if (total) { /* every item */
        memset(total, 0, sizeof *total);
        for (size_t i = 0; i < n; i++) {
            days[i] = it->v[i].days;
            youths[i] = it->v[i].youth;
            cls[i] = it->v[i].cls;
        }
        days_of(h, days, youths, cls, n, tmp, total);
    }
    g = calloc(nk ? nk : 1, sizeof *g);
    if (!g) {
        rc = jr_fail(err, JR_ENOMEM, "out_of_memory", NULL, "Onvoldoende geheugen.");
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        at[rank[kof[i]] + 1]++;
    for (size_t r = 0; r < nk; r++)
        at[r + 1] += at[r];
    for (size_t i = 0; i < n; i++) { /* at[r] moves to the end of group r */
        size_t j = at[rank[kof[i]]]++;
        days[j] = it->v[i].days;
        youths[j] = it->v[i].youth;
        cls[j] = it->v[i].cls;
    }
    for (size_t r = 0, from = 0; r < nk; r++) { /* at[r] is now group r's end */
        str_copy(g[r].key, sizeof g[r].key, it->v[first[order[r]]].key);
        days_of(h, days + from, youths + from, cls + from, at[r] - from, tmp, &g[r]);
        from = at[r];
    }
    *groups = g;
    *ngroups = nk;
done:
    free(slots);
    free(kof);
    free(first);
    free(rank);
    free(order);
    free(at);
    free(days);
    free(youths);
    free(tmp);
    free(cls);
    return rc;
}

/* fc_end: closes the read transaction; on failure frees what the figure
 * allocated (free_fn over out) */
static jr_status fc_end(const jr_ctx *ctx, jr_status rc, void (*free_fn)(void *), void *out,
                        jr_error *err)
{
    rc = svc_finish(ctx, rc, err);
    if (rc != JR_OK)
        free_fn(out);
    return rc;
}

/* ---- durations ------------------------------------------------------------ */

static int duration_row(void *ud, const jr_fc_row *r)
{
    fc_items *it = ud;
    jr_date from = r->care_start != JR_DATE_NONE ? r->care_start : r->start;
    jr_date to =
        r->care_stop != JR_DATE_NONE && end_reason_ends(r->stop_reason) ? r->care_stop : r->end;
    if (to < from) /* a stop reported before the start it ends cannot stand; count the grant */
        to = from;
    char key[JR_FC_KEY_LEN];
    voorziening(r->is_budget, r->product, r->budget, key);
    items_add(it, key, (int64_t)to - from + 1, r->youth_id, (int)stats_duration_class(from, to));
    return 0;
}

static void durations_free(void *p)
{
    figures_care_durations_free(p);
}

jr_status figures_care_durations(const jr_ctx *ctx, const char *gemeente, const char *agb,
                                 const jr_period *p, jr_fc_durations *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    jr_status rc = fc_begin(ctx, gemeente, agb, p, &out->head, err);
    if (rc != JR_OK)
        return rc;
    fc_items it = {0};
    rc = store_fc_ended_each(ctx->store, head_gemeente(&out->head), head_agb(ctx, &out->head),
                             p->first, p->last, duration_row, &it, err);
    if (rc == JR_OK)
        rc = group_days(&out->head, &it, &out->total, &out->by_voorziening, &out->n, err);
    free(it.v);
    return fc_end(ctx, rc, durations_free, out, err);
}

void figures_care_durations_free(jr_fc_durations *d)
{
    free(d->by_voorziening);
    d->by_voorziening = NULL;
    d->n = 0;
}

/* ---- waiting times -------------------------------------------------------- */

typedef struct {
    fc_items by_v, by_p;
} waiting_acc;

static int waiting_row(void *ud, const jr_fc_row *r)
{
    waiting_acc *w = ud;
    if (r->referral_date == JR_DATE_NONE)
        return 0;
    int64_t days = (int64_t)r->care_start - r->referral_date;
    char key[JR_FC_KEY_LEN];
    voorziening(r->is_budget, r->product, r->budget, key);
    items_add(&w->by_v, key, days, r->youth_id, -1);
    items_add(&w->by_p, r->agb, days, r->youth_id, -1);
    return 0;
}

static void waiting_free(void *p)
{
    figures_care_waiting_free(p);
}

jr_status figures_care_waiting(const jr_ctx *ctx, const char *gemeente, const char *agb,
                               const jr_period *p, jr_fc_waiting *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    jr_status rc = fc_begin(ctx, gemeente, agb, p, &out->head, err);
    if (rc != JR_OK)
        return rc;
    waiting_acc w = {{0}, {0}};
    rc =
        store_fc_care_started_each(ctx->store, head_gemeente(&out->head), head_agb(ctx, &out->head),
                                   p->first, p->last, waiting_row, &w, err);
    if (rc == JR_OK)
        rc = group_days(&out->head, &w.by_v, &out->total, &out->by_voorziening, &out->nv, err);
    if (rc == JR_OK)
        rc = group_days(&out->head, &w.by_p, NULL, &out->by_provider, &out->np, err);
    free(w.by_v.v);
    free(w.by_p.v);
    return fc_end(ctx, rc, waiting_free, out, err);
}

void figures_care_waiting_free(jr_fc_waiting *w)
{
    free(w->by_voorziening);
    free(w->by_provider);
    w->by_voorziening = w->by_provider = NULL;
    w->nv = w->np = 0;
}

/* ---- endings and re-entry ------------------------------------------------- */

typedef struct {
    int64_t *v;
    size_t n, cap;
    bool oom;
} id_list;

static void ids_add(id_list *l, int64_t id)
{
    if (!grow(&l->v, l->n, &l->cap, sizeof *l->v)) {
        l->oom = true;
        return;
    }
    l->v[l->n++] = id;
}

typedef struct {
    jr_fc_endings *e;
    bool oom;
} endings_acc;

static int ending_row(void *ud, const jr_fc_row *r)
{
    endings_acc *a = ud;
    jr_fc_endings *e = a->e;
    if (!end_reason_ends(r->stop_reason[0] ? r->stop_reason : NULL))
        return 0;
    jr_end_group g = end_reason_group(r->stop_reason[0] ? r->stop_reason : NULL);
    const char *code = g == JR_END_ONBEKEND ? "" : r->stop_reason;
    e->total++;
    e->groups[g]++;
    for (size_t i = 0; i < e->nreasons; i++)
        if (strcmp(e->reasons[i].reason, code) == 0) {
            e->reasons[i].n++;
            return 0;
        }
    jr_fc_reason *v = realloc(e->reasons, (e->nreasons + 1) * sizeof *v);
    if (!v) {
        a->oom = true;
        return 1;
    }
    e->reasons = v;
    jr_fc_reason *x = &e->reasons[e->nreasons++];
    memset(x, 0, sizeof *x);
    str_copy(x->reason, sizeof x->reason, code);
    x->group = g;
    x->n = 1;
    return 0;
}

static int ended_youth_row(void *ud, const jr_fc_row *r)
{
    if (end_reason_ends(r->stop_reason[0] ? r->stop_reason : NULL))
        ids_add(ud, r->youth_id);
    return 0;
}

/* reason_cmp: code order, the stops without a known reason ("") last */
static int reason_cmp(const void *a, const void *b)
{
    const jr_fc_reason *x = a, *y = b;
    if (!x->reason[0] || !y->reason[0])
        return !x->reason[0] - !y->reason[0];
    return strcmp(x->reason, y->reason);
}

/* reentry: counts the distinct youths of before (sorted here) into
 * *ended, and those of them with an assignment started in p within the
 * scope into *back: a look-up per youth through the index on the youth,
 * rather than a read of every assignment started in p (a national year:
 * 400,000 rows, the endings' largest cost) */
static jr_status reentry(const jr_ctx *ctx, const char *gm, const char *prov, const jr_period *p,
                         id_list *before, int64_t *ended, int64_t *back, jr_error *err)
{
    stats_sort(before->v, before->n);
    *ended = *back = 0;
    for (size_t i = 0; i < before->n; i++) {
        if (i > 0 && before->v[i] == before->v[i - 1])
            continue;
        (*ended)++;
        bool yes = false;
        jr_status rc = store_fc_youth_started(ctx->store, gm, prov, p->first, p->last, before->v[i],
                                              &yes, err);
        if (rc != JR_OK)
            return rc;
        *back += yes;
    }
    return JR_OK;
}

static void endings_free(void *p)
{
    figures_care_endings_free(p);
}

/* endings_hide: the shares from the counts, then the small groups hidden */
static void endings_finish(jr_fc_endings *e)
{
    const jr_fc_head *h = &e->head;
    for (int g = 0; g < JR_END_NGROUPS; g++)
        e->group_share_x10[g] = stats_share_x10(e->groups[g], e->total);
    e->reentry_share_x10 = stats_share_x10(e->reentered, e->ended_before);
    sort(e->reasons, e->nreasons, sizeof *e->reasons, reason_cmp);
    if (!h->aggregate)
        return;
    for (size_t i = 0; i < e->nreasons; i++)
        if (hide(h, e->reasons[i].n)) {
            e->reasons[i].hidden = true;
            e->reasons[i].n = 0;
        }
    for (int g = 0; g < JR_END_NGROUPS; g++)
        if (hide(h, e->groups[g])) {
            e->group_hidden[g] = true;
            e->groups[g] = 0;
            e->group_share_x10[g] = -1;
        }
    if (hide(h, e->total)) {
        e->total_hidden = true;
        e->total = 0;
    }
    if (hide(h, e->reentered) || hide(h, e->ended_before))
        e->reentry_share_x10 = -1;
    if (hide(h, e->reentered)) {
        e->reentered_hidden = true;
        e->reentered = 0;
    }
    if (hide(h, e->ended_before)) {
        e->ended_before_hidden = true;
        e->ended_before = 0;
    }
}

jr_status figures_care_endings(const jr_ctx *ctx, const char *gemeente, const char *agb,
                               const jr_period *p, jr_fc_endings *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    jr_status rc = fc_begin(ctx, gemeente, agb, p, &out->head, err);
    if (rc != JR_OK)
        return rc;
    const char *gm = head_gemeente(&out->head), *prov = head_agb(ctx, &out->head);
    endings_acc acc = {out, false};
    rc = store_fc_care_stopped_each(ctx->store, gm, prov, p->first, p->last, ending_row, &acc, err);
    if (rc == JR_OK && acc.oom)
        rc = jr_fail(err, JR_ENOMEM, "out_of_memory", NULL, "Onvoldoende geheugen.");
    jr_period before;
    id_list ended = {0};
    if (rc == JR_OK && !period_year_before(p, &before))
        rc =
            jr_fail(err, JR_EINVAL, "period_invalid", "periode",
                    "Periode %d ligt te vroeg voor een vergelijking met een jaar eerder.", p->year);
    if (rc == JR_OK)
        rc = store_fc_care_stopped_each(ctx->store, gm, prov, before.first, p->first - 1,
                                        ended_youth_row, &ended, err);
    if (rc == JR_OK && ended.oom)
        rc = jr_fail(err, JR_ENOMEM, "out_of_memory", NULL, "Onvoldoende geheugen.");
    if (rc == JR_OK)
        rc = reentry(ctx, gm, prov, p, &ended, &out->ended_before, &out->reentered, err);
    if (rc == JR_OK)
        endings_finish(out);
    free(ended.v);
    return fc_end(ctx, rc, endings_free, out, err);
}

void figures_care_endings_free(jr_fc_endings *e)
{
    free(e->reasons);
    e->reasons = NULL;
    e->nreasons = 0;
}

/* ---- provider concentration ----------------------------------------------- */

typedef struct {
    char key[JR_FC_KEY_LEN];
    char agb[9];
    jr_cents amount;
} spend_item;

typedef struct {
    spend_item *v;
    size_t n, cap;
    bool oom;
    const jr_catalog *cat; /* for each product's voorziening */
} spend_items;

static int spend_row(void *ud, const jr_fc_spend_row *r)
{
    spend_items *s = ud;
    if (!grow(&s->v, s->n, &s->cap, sizeof *s->v)) {
        s->oom = true;
        return 1;
    }
    spend_item *x = &s->v[s->n++];
    str_copy(x->key, sizeof x->key,
             figures_voorziening_name(figures_voorziening_of(s->cat, r->product)));
    str_copy(x->agb, sizeof x->agb, r->agb);
    x->amount = r->amount;
    return 0;
}

static int spend_cmp(const void *a, const void *b)
{
    const spend_item *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : strcmp(x->agb, y->agb);
}

static int spend_agb_cmp(const void *a, const void *b)
{
    return strcmp(((const spend_item *)a)->agb, ((const spend_item *)b)->agb);
}

/* conc_of: the concentration of v[0..n) (sorted by provider; one provider
 * may appear more than once, under several kinds of one voorziening) into
 * c; amounts is scratch of n */
static void conc_of(const spend_item *v, size_t n, int64_t *amounts, jr_fc_conc *c)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        jr_cents sum = 0;
        while (j < n && strcmp(v[j].agb, v[i].agb) == 0)
            sum += v[j++].amount;
        if (sum > 0) {
            amounts[k++] = sum;
            c->total += sum;
        }
        i = j;
    }
    c->providers = (int64_t)k;
    c->hhi = stats_hhi(amounts, k);
    c->top5_x10 = stats_top_share_x10(amounts, k, 5);
}

static void conc_free(void *p)
{
    figures_care_concentration_free(p);
}

jr_status figures_care_concentration(const jr_ctx *ctx, const char *gemeente, const char *agb,
                                     const jr_period *p, jr_fc_concentration *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    jr_status rc = fc_begin(ctx, gemeente, agb, p, &out->head, err);
    if (rc != JR_OK)
        return rc;
    spend_items s = {.cat = ctx->cat};
    rc = store_fc_spending_each(ctx->store, head_gemeente(&out->head), head_agb(ctx, &out->head),
                                p->first, p->last, spend_row, &s, err);
    int64_t *amounts = NULL;
    if (rc == JR_OK) {
        amounts = malloc((s.n ? s.n : 1) * sizeof *amounts);
        out->by_voorziening = calloc(s.n ? s.n : 1, sizeof *out->by_voorziening);
        if (s.oom || !amounts || !out->by_voorziening)
            rc = jr_fail(err, JR_ENOMEM, "out_of_memory", NULL, "Onvoldoende geheugen.");
    }
    if (rc == JR_OK) {
        sort(s.v, s.n, sizeof *s.v, spend_cmp);
        for (size_t i = 0; i < s.n;) {
            size_t j = i;
            while (j < s.n && strcmp(s.v[j].key, s.v[i].key) == 0)
                j++;
            jr_fc_conc *c = &out->by_voorziening[out->n++];
            str_copy(c->key, sizeof c->key, s.v[i].key);
            conc_of(s.v + i, j - i, amounts, c);
            i = j;
        }
        sort(s.v, s.n, sizeof *s.v, spend_agb_cmp);
        conc_of(s.v, s.n, amounts, &out->total);
    }
    free(amounts);
    free(s.v);
    return fc_end(ctx, rc, conc_free, out, err);
}

void figures_care_concentration_free(jr_fc_concentration *c)
{
    free(c->by_voorziening);
    c->by_voorziening = NULL;
    c->n = 0;
}

/* ---- budget use ----------------------------------------------------------- */

typedef struct {
    char key[JR_FC_KEY_LEN];
    int64_t youth;
    jr_ledger l;
} budget_item;

typedef struct {
    budget_item *v;
    size_t n, cap;
    bool oom;
} budget_items;

static int budget_row(void *ud, const jr_fc_row *r)
{
    budget_items *b = ud;
    if (!r->is_budget)
        return 0;
    if (!grow(&b->v, b->n, &b->cap, sizeof *b->v)) {
        b->oom = true;
        return 1;
    }
    budget_item *x = &b->v[b->n++];
    voorziening(true, r->product, r->budget, x->key);
    x->youth = r->youth_id;
    ledger_compute(&x->l, r->granted, r->used, true);
    return 0;
}

static int budget_cmp(const void *a, const void *b)
{
    return strcmp(((const budget_item *)a)->key, ((const budget_item *)b)->key);
}

/* budget_of: the sums of v[0..n) into g; youths is scratch of n */
static void budget_of(const jr_fc_head *h, const budget_item *v, size_t n, int64_t *youths,
                      jr_fc_budget *g)
{
    for (size_t i = 0; i < n; i++) {
        g->granted += v[i].l.granted;
        g->used += v[i].l.used;
        g->released += v[i].l.released;
        youths[i] = v[i].youth;
    }
    g->n = (int64_t)n;
    g->youths = distinct(youths, n);
    g->use_x10 = stats_share_x10(g->used, g->granted);
    if (hide(h, g->youths)) {
        char key[JR_FC_KEY_LEN];
        memcpy(key, g->key, sizeof key);
        memset(g, 0, sizeof *g);
        memcpy(g->key, key, sizeof key);
        g->hidden = true;
        g->use_x10 = -1;
    }
}

static void budget_free(void *p)
{
    figures_care_budget_free(p);
}

jr_status figures_care_budget(const jr_ctx *ctx, const char *gemeente, const char *agb,
                              const jr_period *p, jr_fc_budget_use *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    jr_status rc = fc_begin(ctx, gemeente, agb, p, &out->head, err);
    if (rc != JR_OK)
        return rc;
    budget_items b = {0};
    rc = store_fc_ended_each(ctx->store, head_gemeente(&out->head), head_agb(ctx, &out->head),
                             p->first, p->last, budget_row, &b, err);
    int64_t *youths = NULL;
    if (rc == JR_OK) {
        youths = malloc((b.n ? b.n : 1) * sizeof *youths);
        out->by_budget = calloc(b.n ? b.n : 1, sizeof *out->by_budget);
        if (b.oom || !youths || !out->by_budget)
            rc = jr_fail(err, JR_ENOMEM, "out_of_memory", NULL, "Onvoldoende geheugen.");
    }
    if (rc == JR_OK) {
        budget_of(&out->head, b.v, b.n, youths, &out->total);
        sort(b.v, b.n, sizeof *b.v, budget_cmp);
        for (size_t i = 0; i < b.n;) {
            size_t j = i;
            while (j < b.n && strcmp(b.v[j].key, b.v[i].key) == 0)
                j++;
            jr_fc_budget *g = &out->by_budget[out->n++];
            str_copy(g->key, sizeof g->key, b.v[i].key);
            budget_of(&out->head, b.v + i, j - i, youths, g);
            i = j;
        }
    }
    free(youths);
    free(b.v);
    return fc_end(ctx, rc, budget_free, out, err);
}

void figures_care_budget_free(jr_fc_budget_use *b)
{
    free(b->by_budget);
    b->by_budget = NULL;
    b->n = 0;
}

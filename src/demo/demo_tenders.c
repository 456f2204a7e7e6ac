/*
 * demo_tenders.c: the demo's tenders (see demo_tenders.h).
 */
#include "demo_tenders.h"

#include "../core/sbuf.h"
#include "../service/provider.h"
#include "../service/tender.h"

#include <stdio.h>
#include <string.h>

#define DEMO_AGBS 8

typedef struct {
    char agb[DEMO_AGBS][9];
    char name[DEMO_AGBS][128];
    int n;
} agb_list;

static int agb_row(void *ud, const void *row)
{
    agb_list *l = ud;
    const jr_provider *p = row;
    if (l->n >= DEMO_AGBS)
        return 1;
    str_copy(l->agb[l->n], sizeof l->agb[0], p->agb);
    str_copy(l->name[l->n], sizeof l->name[0], p->name);
    l->n++;
    return 0;
}

/* at: ctx with today moved to day */
static jr_ctx at(const jr_ctx *ctx, jr_date day)
{
    jr_ctx c = *ctx;
    c.today = day;
    return c;
}

static jr_date ymd(int y, int m, int d)
{
    jr_date out = JR_DATE_NONE;
    date_from_ymd(y, m, d, &out);
    return out;
}

static void crit(jr_tender_spec *s, const char *name, int weight, int min)
{
    jr_tender_crit_spec *c = &s->crit[s->ncrit++];
    str_copy(c->name, sizeof c->name, name);
    c->c.weight = weight;
    c->c.min_score = min;
}

static void lot(jr_tender_spec *s, const char *code, const char *const *products, int n)
{
    jr_tender_lot_spec *l = &s->lots[s->nlots++];
    str_copy(l->lot, sizeof l->lot, code);
    for (int i = 0; i < n; i++)
        str_copy(l->products[l->nproducts++], sizeof l->products[0], products[i]);
}

static jr_status reg(const jr_ctx *ctx, int64_t lot_id, const char *agb, const char *name,
                     const char *kind, const char *const *products, const int *cap, int n,
                     const char *sub_agb, const char *sub_name, int64_t *id, jr_error *err)
{
    jr_treg_spec s;
    memset(&s, 0, sizeof s);
    s.lot_id = lot_id;
    str_copy(s.agb, sizeof s.agb, agb);
    str_copy(s.name, sizeof s.name, name);
    str_copy(s.kind, sizeof s.kind, kind);
    for (int i = 0; i < n; i++) {
        str_copy(s.products[i], sizeof s.products[0], products[i]);
        s.capacity[i] = cap ? cap[i] : -1;
    }
    s.nproducts = n;
    if (sub_agb) {
        str_copy(s.subs[0].agb, sizeof s.subs[0].agb, sub_agb);
        str_copy(s.subs[0].name, sizeof s.subs[0].name, sub_name);
        s.nsubs = 1;
    }
    return tender_register(ctx, &s, id, err);
}

/* score_all: scores[i] on criterion i + 1 by assessor */
static jr_status score_all(const jr_ctx *ctx, const char *assessor, int64_t reg_id,
                           const int *scores, int n, jr_error *err)
{
    static const char *const why[] = {
        "Het plan van aanpak is concreet en sluit aan op de resultaten van de regio.",
        "De visie op samenwerking met de toegang en het onderwijs is uitgewerkt.",
        "De inzet van professionals is passend en de registraties zijn op orde.",
    };
    jr_ctx c = *ctx;
    c.actor = assessor;
    jr_status rc = JR_OK;
    for (int i = 0; i < n && rc == JR_OK; i++)
        if (scores[i] >= 0)
            rc = tender_score(&c, reg_id, i + 1, scores[i], why[i % 3], err);
    return rc;
}

static jr_status past_tender(const jr_ctx *ctx, int y, const agb_list *a, jr_error *err)
{
    jr_tender_spec s;
    memset(&s, 0, sizeof s);
    snprintf(s.name, sizeof s.name, "Crisis en ernstige dyslexie %d-%d", y + 1, y + 4);
    str_copy(s.description, sizeof s.description,
             "Open house voor de crisisdienst (24/7) en de zorg bij ernstige dyslexie; geen "
             "maximum aan het aantal aanbieders in de eerste ronde.");
    s.d = (jr_tender_dates){ymd(y, 3, 1),
                            ymd(y, 3, 21),
                            ymd(y, 4, 15),
                            ymd(y, 4, 16),
                            ymd(y, 5, 15),
                            ymd(y, 5, 20),
                            20,
                            ymd(y + 1, 1, 1),
                            ymd(y + 4, 12, 31)};
    static const char *const p3[] = {"46C01"}, *const p4[] = {"45D01"};
    lot(&s, "P3", p3, 1);
    lot(&s, "P4", p4, 1);
    crit(&s, "Kwaliteit van zorg", 50, 6);
    crit(&s, "Bereikbaarheid en spreiding", 30, 5);
    crit(&s, "Samenwerking in de keten", 20, 5);
    jr_ctx c = at(ctx, ymd(y, 2, 15));
    int64_t tid = 0;
    jr_status rc = tender_create(&c, &s, &tid, err);
    jr_tender_view v;
    if (rc == JR_OK)
        rc = tender_get(&c, tid, &v, err);
    if (rc != JR_OK)
        return rc;
    int64_t l3 = v.lots[0].l.id, l4 = v.lots[1].l.id;
    int64_t q = 0;
    c = at(ctx, ymd(y, 3, 5));
    rc = tender_ask(&c, tid,
                    "Moet de crisisdienst ook in de weekenden binnen een uur ter plaatse zijn?", &q,
                    err);
    c = at(ctx, ymd(y, 3, 12));
    if (rc == JR_OK)
        rc = tender_answer(&c, tid, q,
                           "Ja: binnen een uur na de melding, zeven dagen per week, in alle elf "
                           "gemeenten.",
                           err);
    int64_t r1 = 0, r2 = 0, r3 = 0, r4 = 0;
    c = at(ctx, ymd(y, 4, 10));
    int cap3[] = {12};
    int cap4[] = {40};
    if (rc == JR_OK)
        rc = reg(&c, l3, a->agb[4], a->name[4], "instelling", p3, cap3, 1, a->agb[6], a->name[6],
                 &r1, err);
    if (rc == JR_OK)
        rc = reg(&c, l4, a->agb[5], a->name[5], "instelling", p4, cap4, 1, NULL, NULL, &r2, err);
    if (rc == JR_OK)
        rc = reg(&c, l4, a->agb[7], a->name[7], "instelling", p4, NULL, 1, NULL, NULL, &r3, err);
    if (rc == JR_OK)
        rc = reg(&c, l4, "71200014", "Leerpraktijk Letterwijs", "vrijgevestigde", p4, cap4, 1, NULL,
                 NULL, &r4, err);
    c = at(ctx, ymd(y, 5, 2));
    static const int s1[] = {8, 7, 7}, s2[] = {7, 6, 8}, s3[] = {5, 6, 6}, s4[] = {7, 7, 6};
    static const int t1[] = {7, 7, 6}, t2[] = {6, 6, 7}, t3[] = {6, 5, 6}, t4[] = {8, 6, 6};
    if (rc == JR_OK)
        rc = score_all(&c, "beoordelaar1", r1, s1, 3, err);
    if (rc == JR_OK)
        rc = score_all(&c, "beoordelaar2", r1, t1, 3, err);
    if (rc == JR_OK)
        rc = score_all(&c, "beoordelaar1", r2, s2, 3, err);
    if (rc == JR_OK)
        rc = score_all(&c, "beoordelaar2", r2, t2, 3, err);
    /* r3: 5 and 6 on quality, a mean of 5.5 under the minimum of 6: afgewezen */
    if (rc == JR_OK)
        rc = score_all(&c, "beoordelaar1", r3, s3, 3, err);
    if (rc == JR_OK)
        rc = score_all(&c, "beoordelaar2", r3, t3, 3, err);
    if (rc == JR_OK)
        rc = score_all(&c, "beoordelaar1", r4, s4, 3, err);
    if (rc == JR_OK)
        rc = score_all(&c, "beoordelaar2", r4, t4, 3, err);
    c = at(ctx, ymd(y, 5, 20));
    if (rc == JR_OK)
        rc = tender_award(&c, l3, JR_DATE_NONE, NULL, NULL, err);
    if (rc == JR_OK)
        rc = tender_award(&c, l4, JR_DATE_NONE, NULL, NULL, err);
    c = at(ctx, ymd(y, 6, 10)); /* the standstill ran 21 May .. 9 June */
    if (rc == JR_OK)
        rc = tender_contract(&c, l3, NULL, err);
    if (rc == JR_OK)
        rc = tender_contract(&c, l4, NULL, err);
    /* later entry: an applicant for dyslexie, refused on the figures */
    int64_t r5 = 0;
    c = at(ctx, ymd(y, 9, 1));
    if (rc == JR_OK)
        rc = reg(&c, l4, "71200022", "Dyslexiepraktijk De Letter", "vrijgevestigde", p4, NULL, 1,
                 NULL, NULL, &r5, err);
    static const int s5[] = {7, 6, 6};
    c = at(ctx, ymd(y, 9, 15));
    if (rc == JR_OK)
        rc = score_all(&c, "beoordelaar1", r5, s5, 3, err);
    if (rc == JR_OK)
        rc = tender_admission_decide(
            &c, r5, false, JR_AR_VOLDOENDE,
            "Voor 45D01 zijn in elke gemeente aanbieders gecontracteerd met ruimte (capaciteit 80 "
            "plaatsen, geen wachtlijst gemeld); het aanbod is voldoende in kwaliteit, "
            "kwantiteit en spreiding.",
            NULL, err);
    return rc;
}

static jr_status current_tender(const jr_ctx *ctx, const agb_list *a, jr_error *err)
{
    jr_date t = ctx->today;
    jr_tender_spec s;
    memset(&s, 0, sizeof s);
    snprintf(s.name, sizeof s.name, "Ambulante jeugdhulp en wonen %d", date_year(t) + 1);
    str_copy(s.description, sizeof s.description,
             "Functiegroepen voor de keuzebudgetten en de intensiteiten van wonen; inschrijven "
             "alleen of als combinatie van hoofdaannemer en onderaannemers.");
    s.d =
        (jr_tender_dates){t - 40, t - 30, t - 15, t - 10, t + 10, t + 15, 20, t + 60, JR_DATE_NONE};
    static const char *const p1[] = {"45F01", "45F02", "45F03", "45F04", "45F05"};
    static const char *const p2[] = {"44W01", "44W02", "44W03"};
    lot(&s, "P1", p1, 5);
    lot(&s, "P2", p2, 3);
    crit(&s, "Kwaliteit van zorg", 40, 6);
    crit(&s, "Resultaatgericht werken", 35, 6);
    crit(&s, "Samenwerking met de toegang", 25, 5);
    jr_ctx c = at(ctx, t - 50);
    int64_t tid = 0;
    jr_status rc = tender_create(&c, &s, &tid, err);
    jr_tender_view v;
    if (rc == JR_OK)
        rc = tender_get(&c, tid, &v, err);
    if (rc != JR_OK)
        return rc;
    int64_t l1 = v.lots[0].l.id, l2 = v.lots[1].l.id;
    int64_t q = 0;
    c = at(ctx, t - 35);
    rc =
        tender_ask(&c, tid, "Telt een combinatie als een inschrijver voor de capaciteit?", &q, err);
    c = at(ctx, t - 32);
    if (rc == JR_OK)
        rc = tender_answer(&c, tid, q,
                           "Ja: de hoofdaannemer schrijft in voor de hele combinatie en noemt de "
                           "onderaannemers.",
                           err);
    if (rc == JR_OK)
        rc = tender_ask(&c, tid, "Mag een vrijgevestigde alleen op FG4 en FG5 inschrijven?", &q,
                        err);
    int64_t r1 = 0, r2 = 0, r3 = 0;
    static const char *const a1p[] = {"45F02", "45F03"};
    static const int a1c[] = {25, 15};
    c = at(ctx, t - 20);
    if (rc == JR_OK) {
        jr_ctx own = c;
        own.who.role = JR_ROLE_AANBIEDER;
        str_copy(own.who.agb, sizeof own.who.agb, a->agb[0]);
        own.actor = "aanbieder1";
        rc = reg(&own, l1, a->agb[0], a->name[0], "instelling", a1p, a1c, 2, NULL, NULL, &r1, err);
    }
    if (rc == JR_OK)
        rc = reg(&c, l1, a->agb[2], a->name[2], "instelling", p1, NULL, 5, a->agb[3], a->name[3],
                 &r2, err);
    static const int a3c[] = {6, 4};
    if (rc == JR_OK)
        rc = reg(&c, l2, "71200030", "Gezinshuis De Vlinder", "instelling", p2, a3c, 2, NULL, NULL,
                 &r3, err);
    c = at(ctx, t - 5);
    static const int s1[] = {8, 7, 7}, s2[] = {7, 5, 6}, s3[] = {7, 7, -1};
    if (rc == JR_OK)
        rc = score_all(&c, "rsj", r1, s1, 3, err);
    if (rc == JR_OK)
        rc = score_all(&c, "rsj", r2, s2, 3, err);
    if (rc == JR_OK)
        rc = score_all(&c, "rsj", r3, s3, 3, err);
    return rc;
}

jr_status demo_tenders(const jr_ctx *ctx, int32_t year, jr_error *err)
{
    agb_list a;
    memset(&a, 0, sizeof a);
    jr_status rc = provider_list(ctx, agb_row, &a, err);
    if (rc != JR_OK)
        return rc;
    if (a.n < DEMO_AGBS)
        return JR_OK; /* too few providers for the demo's tenders */
    /* the scripted tenders are IJsselland's lots; a region without them
       (another lot structure) gets none */
    static const char *const need[][2] = {
        {"P1", "45F01"}, {"P2", "44W01"}, {"P3", "46C01"}, {"P4", "45D01"}};
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
        const jr_lot *l = catalog_lot_of(ctx->cat, need[i][1]);
        if (!l || strcmp(l->code, need[i][0]) != 0)
            return JR_OK;
    }
    if ((rc = past_tender(ctx, year, &a, err)) == JR_OK)
        rc = current_tender(ctx, &a, err);
    return rc;
}

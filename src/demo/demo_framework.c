/*
 * demo_framework.c: the demo's framework agreements, change procedure and
 * covenant (see demo_framework.h).
 */
#include "demo_framework.h"

#include "../core/sbuf.h"
#include "../service/framework.h"
#include "../service/provider.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int64_t *id;
    char (*lot)[16];
    size_t n, cap;
    bool nomem;
} con_acc;

static int con_row(void *ud, const void *row)
{
    con_acc *a = ud;
    const jr_contract *c = row;
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 256;
        int64_t *id = realloc(a->id, cap * sizeof *id);
        if (id)
            a->id = id;
        char(*lot)[16] = id ? realloc(a->lot, cap * sizeof *lot) : NULL;
        if (!id || !lot) {
            a->nomem = true;
            return 1;
        }
        a->lot = lot;
        a->cap = cap;
    }
    a->id[a->n] = c->id;
    str_copy(a->lot[a->n], sizeof a->lot[a->n], c->lot);
    a->n++;
    return 0;
}

typedef struct {
    char agb[3][9];
    int n;
} prov_acc;

static int prov_row(void *ud, const void *row)
{
    prov_acc *a = ud;
    if (a->n < 3)
        str_copy(a->agb[a->n++], sizeof a->agb[0], ((const jr_provider *)row)->agb);
    return 0;
}

/* on: ctx acting on the day y-m-d */
static jr_ctx on(const jr_ctx *ctx, int y, int m, int d)
{
    jr_ctx c = *ctx;
    date_from_ymd(y, m, d, &c.today);
    return c;
}

static jr_date ymd(int y, int m, int d)
{
    jr_date x = JR_DATE_NONE;
    date_from_ymd(y, m, d, &x);
    return x;
}

typedef struct {
    const char *title, *description, *youth, *contractor, *client;
} proposal_text;

static const proposal_text texts[5] = {
    {"Reistijd vergoeden bij ambulante hulp in de kleine kernen",
     "Ambulante hulp aan huis in de kleine kernen vraagt lange reistijd die de uurtarieven niet "
     "dekken. Voorstel: reistijd boven 30 minuten per bezoek declarabel als uren van de "
     "functiegroep.",
     "Hulp aan huis blijft beschikbaar in de dorpen; minder wachten op een aanbieder die wil "
     "komen.",
     "Reistijd boven 30 minuten wordt vergoed; de aanbieder registreert de reistijd per bezoek.",
     "Hogere uitgaven voor ambulante hulp in de landelijke gemeenten, geschat 0,4 % van het "
     "budget."},
    {"Declareren per 15 minuten in plaats van per minuut",
     "Declaraties per minuut geven veel administratie. Voorstel: de kleinste eenheid wordt 15 "
     "minuten, naar boven afgerond.",
     "Geen direct effect op de hulp.", "Minder administratieve last; eenvoudiger registratie.",
     "Afronden naar boven verhoogt de uitgaven; de materiele controle wordt minder precies."},
    {"Logeeropvang ook per dagdeel",
     "Logeren en respijtzorg worden nu alleen per etmaal vergoed. Voorstel: een dagdeel logeren "
     "tegen 40 % van het etmaaltarief van dezelfde intensiteit.",
     "Ouders kunnen kortere adempauzes krijgen; de jeugdige hoeft niet te overnachten.",
     "Een nieuwe prestatie per dagdeel; aanpassing van de registratie.",
     "Goedkoper dan een heel etmaal waar een dagdeel volstaat."},
    {"Indexering volgens de VNG-mix",
     "De tarieven worden nu geindexeerd met de OVA. Voorstel: indexeren met de VNG-mix van OVA "
     "en prijsindex (PCC), zoals de VNG adviseert.",
     "Geen direct effect op de hulp.", "Een index die ook materiele kosten volgt.",
     "De stijging volgt de kosten beter; voorspelbaar voor de begroting."},
    {"Gezinshuizen: vaste bezetting vergoeden",
     "Gezinshuizen houden plaatsen vrij voor spoedplaatsingen. Voorstel: een vergoeding voor een "
     "vrijgehouden plaats van ten hoogste 30 dagen per jaar.",
     "Sneller een plek in een gezin bij een spoedplaatsing.",
     "Een vrije plek kost minder omzet; de gezinshuisouders houden inkomen.",
     "Extra uitgaven voor leegstand, tegenover minder dure crisisplaatsingen."},
};

static jr_status propose(const jr_ctx *c, int64_t agreement, jr_fwp_proposer kind,
                         const char *proposer, const proposal_text *t, int64_t *id, jr_error *err)
{
    jr_fw_proposal_in in = {agreement,      kind,     proposer,      t->title,
                            t->description, t->youth, t->contractor, t->client};
    return framework_propose(c, &in, id, err);
}

jr_status demo_framework(const jr_ctx *ctx, int32_t year, jr_error *err)
{
    const jr_catalog *cat = ctx->cat;
    int y = (int)year;
    int64_t agr[JR_MAX_LOTS] = {0};
    jr_status rc = JR_OK;
    jr_ctx c0 = on(ctx, y - 2, 1, 1);
    for (int i = 0; i < cat->nlots && rc == JR_OK; i++) {
        char name[JR_FW_NAME_MAX + 1];
        snprintf(name, sizeof name, "Raamovereenkomst %s %d", cat->lots[i].name, y - 2);
        rc = framework_agreement_add(&c0, cat->lots[i].code, name, ymd(y - 2, 1, 1),
                                     ymd(y - 1, 12, 31), &agr[i], err);
    }
    /* every contract under its lot's agreement */
    con_acc cons = {NULL, NULL, 0, 0, false};
    if (rc == JR_OK)
        rc = contract_list(ctx, NULL, con_row, &cons, err);
    if (rc == JR_OK && cons.nomem)
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    for (size_t k = 0; k < cons.n && rc == JR_OK; k++)
        for (int i = 0; i < cat->nlots; i++)
            if (strcmp(cat->lots[i].code, cons.lot[k]) == 0)
                rc = framework_contract_link(&c0, agr[i], cons.id[k], err);
    free(cons.id);
    free(cons.lot);
    prov_acc pv;
    memset(&pv, 0, sizeof pv);
    if (rc == JR_OK)
        rc = provider_list(ctx, prov_row, &pv, err);
    if (rc != JR_OK)
        return rc;
    if (cat->nlots < 2 || pv.n < 3)
        return JR_OK; /* a region this small gets agreements only */
    const char *g = cat->municipalities[cat->nmunicipalities - 1].cbs;

    /* the evaluation after the first year */
    jr_ctx c = on(ctx, y - 2, 2, 1);
    int64_t ev[JR_MAX_LOTS] = {0};
    for (int i = 0; i < cat->nlots && rc == JR_OK; i++)
        rc = framework_evaluation_add(&c, agr[i], ymd(y - 2, 11, 30),
                                      "Evaluatie na het eerste jaar: toegang, wachttijden, "
                                      "tarieven",
                                      &ev[i], err);
    c = on(ctx, y - 2, 12, 10);
    for (int i = 0; i < cat->nlots && rc == JR_OK; i++)
        rc = framework_evaluation_hold(&c, agr[i], ev[i], ymd(y - 2, 12, 5),
                                       i == 0 ? "Voortzetten; de wachttijden voor FG4 en FG5 "
                                                "vragen aandacht; de administratieve last is hoog."
                                              : "Voortzetten zonder wijzigingen.",
                                       err);

    /* the round of the first end date (Y-1): three proposals */
    int64_t p[5] = {0};
    c = on(ctx, y - 1, 1, 15);
    if (rc == JR_OK)
        rc = propose(&c, agr[1], JR_FWK_RSJ, NULL, &texts[2], &p[0], err);
    c = on(ctx, y - 1, 2, 12);
    if (rc == JR_OK)
        rc = propose(&c, agr[0], JR_FWK_GEMEENTE, g, &texts[0], &p[1], err);
    c = on(ctx, y - 1, 2, 27);
    if (rc == JR_OK)
        rc = propose(&c, agr[0], JR_FWK_AANBIEDER, pv.agb[0], &texts[1], &p[2], err);
    c = on(ctx, y - 1, 4, 15);
    for (int k = 0; k < 3 && rc == JR_OK; k++)
        rc = framework_proposal_step(&c, p[k], JR_FWS_DISCUSS, JR_FWO_NONE,
                                     "Besproken in het regionaal contractoverleg.", err);
    c = on(ctx, y - 1, 6, 20);
    if (rc == JR_OK)
        rc = framework_proposal_step(&c, p[0], JR_FWS_DECIDE, JR_FWO_AANGENOMEN,
                                     "Past in het budget en ontlast ouders.", err);
    if (rc == JR_OK)
        rc = framework_proposal_step(&c, p[1], JR_FWS_DECIDE, JR_FWO_AANGENOMEN,
                                     "Voor de gemeenten met kleine kernen; evaluatie na een "
                                     "jaar.",
                                     err);
    if (rc == JR_OK)
        rc = framework_proposal_step(&c, p[2], JR_FWS_DECIDE, JR_FWO_AFGEWEZEN,
                                     "De bekostiging per minuut is de grondslag van de "
                                     "materiele controle.",
                                     err);
    /* the first extension, decided in the autumn */
    c = on(ctx, y - 1, 9, 1);
    for (int i = 0; i < cat->nlots && rc == JR_OK; i++)
        rc = framework_extend(&c, agr[i], ymd(y, 1, 1), 24,
                              "Eerste verlenging, met de aangenomen wijzigingen.", err);
    for (int i = 0; i < cat->nlots && rc == JR_OK; i++)
        rc = framework_evaluation_add(&c, agr[i], ymd(y + 1, 6, 30),
                                      "Evaluatie voor de tweede verlenging", NULL, err);
    c = on(ctx, y, 1, 1);
    for (int k = 0; k < 2 && rc == JR_OK; k++)
        rc = framework_proposal_step(&c, p[k], JR_FWS_EFFECT, JR_FWO_NONE, "", err);

    /* the round of the current end date (Y+1) */
    c = on(ctx, y, 10, 1);
    if (rc == JR_OK)
        rc = propose(&c, agr[0], JR_FWK_RSJ, NULL, &texts[3], &p[3], err);
    c = on(ctx, y, 11, 15);
    if (rc == JR_OK)
        rc = framework_proposal_step(&c, p[3], JR_FWS_DISCUSS, JR_FWO_NONE,
                                     "Op de agenda van het bestuurlijk overleg.", err);
    c = on(ctx, y, 12, 1);
    if (rc == JR_OK)
        rc = propose(&c, agr[1], JR_FWK_AANBIEDER, pv.agb[1], &texts[4], &p[4], err);

    /* the transformation covenant on the first two lots */
    c = on(ctx, y - 2, 3, 15);
    const char *lots[2] = {cat->lots[0].code, cat->lots[1].code};
    int64_t cov = 0, m[3] = {0};
    if (rc == JR_OK)
        rc = covenant_add(&c, "Transformatieconvenant Jeugd IJsselland", ymd(y - 2, 3, 15), lots, 2,
                          &cov, err);
    static const char *const mt[3][2] = {
        {"Afschalen naar lichtere hulp",
         "Na een traject in verblijf of intensieve ambulante hulp wordt binnen drie maanden "
         "afgeschaald naar lichtere hulp of het voorliggend veld."},
        {"Wachttijden onder de treeknorm",
         "De aanbieder meldt maandelijks zijn wachttijd en houdt die onder de treeknorm."},
        {"Gezinsgericht werken in verblijf",
         "Bij verblijf worden ouders vanaf de start betrokken; een perspectiefplan binnen zes "
         "weken."},
    };
    for (int k = 0; k < 3 && rc == JR_OK; k++)
        rc = covenant_commitment_add(&c, cov, mt[k][0], mt[k][1], &m[k], err);
    static const struct {
        int prov, commitment;
        jr_fcov_status status;
        int yo, mo, d;
        const char *note;
    } st[] = {
        {0, 0, JR_FCS_AFGESPROKEN, -2, 4, 1, ""},
        {0, 0, JR_FCS_IN_UITVOERING, -1, 3, 1, "Afschaalplan per client ingevoerd."},
        {0, 0, JR_FCS_GEREALISEERD, 0, 9, 30, "70 % binnen drie maanden afgeschaald."},
        {0, 1, JR_FCS_IN_UITVOERING, -1, 6, 1, "Wachttijd 9 weken, dalend."},
        {1, 0, JR_FCS_AFGESPROKEN, -2, 4, 1, ""},
        {1, 1, JR_FCS_NIET_GEREALISEERD, 0, 6, 30, "Wachttijd 16 weken; verbeterplan gevraagd."},
        {1, 2, JR_FCS_IN_UITVOERING, -1, 10, 1, "Ouders betrokken bij de intake."},
        {2, 1, JR_FCS_GEREALISEERD, 0, 3, 31, "Wachttijd 3 weken."},
        {2, 2, JR_FCS_AFGESPROKEN, -2, 5, 1, ""},
    };
    for (size_t k = 0; k < sizeof st / sizeof st[0] && rc == JR_OK; k++) {
        jr_ctx s = on(ctx, y + st[k].yo, st[k].mo, st[k].d);
        rc = covenant_status_set(&s, cov, m[st[k].commitment], pv.agb[st[k].prov], st[k].status,
                                 s.today, st[k].note, err);
    }
    return rc;
}

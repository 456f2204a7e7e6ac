/*
 * demo_cm.c: the demo's contract management (see demo_cm.h).
 */
#include "demo_cm.h"

#include "../core/rng.h"
#include "../core/sbuf.h"
#include "../service/auth.h"
#include "../service/contract_mgmt.h"
#include "../service/provider.h"
#include "demo.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the first two digits of the postcodes of each municipality (facts) */
static const struct {
    const char *cbs;
    int pc;
} postcodes[] = {{"0148", 7721}, {"0150", 7411}, {"0160", 7771}, {"0166", 8261},
                 {"1773", 8141}, {"0175", 7731}, {"0177", 8102}, {"0180", 7951},
                 {"1708", 8331}, {"1896", 8061}, {"0193", 8011}};

static const char *const streets[] = {"Stationsweg",
                                      "Kerkstraat",
                                      "Molenweg",
                                      "Dorpsstraat",
                                      "Schoolstraat",
                                      "Industrieweg",
                                      "Parklaan",
                                      "Burgemeester "
                                      "Roelenweg"};

/* slug: the provider's name in lower case letters and digits, for its domain */
static void slug(const char *name, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = name; *p && n + 1 < cap; p++)
        if (isalnum((unsigned char)*p))
            out[n++] = (char)tolower((unsigned char)*p);
    out[n] = '\0';
}

static jr_status seed_details(const jr_ctx *ctx, jr_rng *r, const jr_provider *p, int i,
                              jr_error *err)
{
    const jr_catalog *cat = ctx->cat;
    const jr_municipality *m = &cat->municipalities[i % cat->nmunicipalities];
    int pc = 8011;
    for (size_t k = 0; k < sizeof postcodes / sizeof postcodes[0]; k++)
        if (strcmp(postcodes[k].cbs, m->cbs) == 0)
            pc = postcodes[k].pc;
    jr_cm_details d;
    memset(&d, 0, sizeof d);
    char s[64];
    slug(p->name, s, 40);
    snprintf(d.address, sizeof d.address, "%s %d",
             streets[rng_int(r, (int)(sizeof streets / sizeof streets[0]))], 1 + rng_int(r, 140));
    snprintf(d.postcode, sizeof d.postcode, "%d %c%c", pc + rng_int(r, 8), 'A' + rng_int(r, 26),
             'A' + rng_int(r, 26));
    str_copy(d.place, sizeof d.place, m->name);
    snprintf(d.phone, sizeof d.phone, "0%d-%03d %04d", 38 + rng_int(r, 2) * 532,
             100 + rng_int(r, 900), rng_int(r, 10000));
    snprintf(d.email, sizeof d.email, "info@%s.nl", s);
    snprintf(d.website, sizeof d.website, "https://www.%s.nl", s);
    return cm_details_set(ctx, p->agb, &d, err);
}

typedef struct {
    const char *product;
    int64_t id;
} newest_ctx;

static int newest_row(void *ud, const void *row)
{
    newest_ctx *c = ud;
    const jr_cm_contract *k = row;
    if (strcmp(k->c.product, c->product) == 0 && k->c.id > c->id)
        c->id = k->c.id;
    return 0;
}

/* scope_newest: the provider's newest contract for product is for codes only */
static jr_status scope_newest(const jr_ctx *ctx, const char *agb, const char *product,
                              const char *const *codes, int n, jr_error *err)
{
    newest_ctx c = {product, 0};
    jr_status rc = cm_contracts(ctx, agb, newest_row, &c, err);
    if (rc == JR_OK && c.id > 0)
        rc = cm_scope_set(ctx, c.id, codes, n, err);
    return rc;
}

jr_status demo_cm_seed(const jr_ctx *ctx, uint64_t seed, jr_error *err)
{
    jr_rng r = {seed ^ 0x636d636d636dULL};
    struct {
        jr_provider *v;
        int n;
    } l;
    jr_status rc = provider_all(ctx, &l.v, &l.n, err);
    if (rc == JR_OK && l.n < 3)
        rc = jr_fail(err, JR_EINVAL, "demo_providers", "", "De demo heeft te weinig aanbieders.");
    /* three contract managers: the account rsj and two colleagues */
    const char *managers[3] = {"rsj", "cm.jansen", "cm.bakker"};
    if (rc == JR_OK)
        rc = user_add(ctx, "cm.jansen", "Anouk Jansen (contractmanager)", JR_ROLE_RSJ, NULL, NULL,
                      JR_DEMO_PASSWORD, err);
    if (rc == JR_OK)
        rc = user_add(ctx, "cm.bakker", "Ruben Bakker (contractmanager)", JR_ROLE_RSJ, NULL, NULL,
                      JR_DEMO_PASSWORD, err);
    for (int i = 0; i < l.n && rc == JR_OK; i++) {
        rc = seed_details(ctx, &r, &l.v[i], i, err);
        if (rc == JR_OK)
            rc = cm_manager_set(ctx, l.v[i].agb, managers[i % 3], err);
        if (rc == JR_OK)
            rc = cm_waiting_report(ctx, l.v[i].agb, rng_int(&r, 13), ctx->today - rng_int(&r, 60),
                                   err);
    }
    /* a few providers contracted for some municipalities only: a dyslexie
       contract from a month ago for two or three municipalities */
    const jr_product *dys = NULL;
    for (int k = 0; k < ctx->cat->nproducts && !dys; k++)
        if (ctx->cat->products[k].kind == JR_PK_DYSLEXIE)
            dys = &ctx->cat->products[k];
    const jr_lot *lot = NULL;
    for (int k = 0; dys && k < ctx->cat->nlots && !lot; k++)
        if (catalog_lot_has(&ctx->cat->lots[k], dys->code))
            lot = &ctx->cat->lots[k];
    int nm = ctx->cat->nmunicipalities;
    for (int i = 2; lot && i < 6 && i < l.n && rc == JR_OK; i++) {
        rc = contract_add(ctx, l.v[i].agb, lot->code, dys->code, ctx->today - 30, JR_DATE_NONE,
                          NULL, err);
        if (rc != JR_OK)
            break;
        const char *codes[3] = {ctx->cat->municipalities[i % nm].cbs,
                                ctx->cat->municipalities[(i + 3) % nm].cbs,
                                ctx->cat->municipalities[(i + 6) % nm].cbs};
        rc = scope_newest(ctx, l.v[i].agb, dys->code, codes, i == 2 ? 2 : 3, err);
    }
    /* complaints */
    static const struct {
        int prov, days_ago, closed_after;
        const char *from, *subject, *handling;
    } complaints[] = {
        {2, 75, 21, "ouder", "Lange wachttijd voor de eerste afspraak, geen bericht tussendoor",
         "Gesprek met de aanbieder; de aanbieder belt voortaan binnen een week terug."},
        {2, 20, -1, "verwijzer", "Behandelplan niet gedeeld met de huisarts",
         "Navraag bij de aanbieder loopt."},
        {0, 40, 10, "jeugdige", "Wisseling van begeleider zonder overleg",
         "Excuses aangeboden; vaste begeleider afgesproken."},
        {4, 12, -1, "gemeente", "Declaraties over een periode zonder zorg", "In onderzoek."},
    };
    for (size_t k = 0; k < sizeof complaints / sizeof complaints[0] && rc == JR_OK; k++) {
        if (complaints[k].prov >= l.n)
            continue;
        store_cm_complaint_row *c = calloc(1, sizeof *c);
        if (!c) {
            rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
            break;
        }
        c->received_on = ctx->today - complaints[k].days_ago;
        c->closed_on = complaints[k].closed_after < 0 ? JR_DATE_NONE
                                                      : c->received_on + complaints[k].closed_after;
        str_copy(c->complainant, sizeof c->complainant, complaints[k].from);
        str_copy(c->subject, sizeof c->subject, complaints[k].subject);
        str_copy(c->handling, sizeof c->handling, complaints[k].handling);
        rc = cm_complaint_add(ctx, l.v[complaints[k].prov].agb, c, NULL, err);
        free(c);
    }
    /* escalations: a quality concern at its improvement plan, a financial
       one in talks (of aanbieder2's provider, which sees it), one closed */
    int64_t id = 0;
    if (rc == JR_OK)
        rc = cm_escalation_open(ctx, l.v[2].agb, "kwaliteit",
                                "Twee klachten over bereikbaarheid en het delen van plannen",
                                ctx->today - 70, "Signaal uit de klachten en van een verwijzer.",
                                &id, err);
    if (rc == JR_OK)
        rc =
            cm_escalation_step(ctx, id, "gesprek", ctx->today - 50,
                               "Contractgesprek met de directie; afspraken over terugbellen.", err);
    if (rc == JR_OK)
        rc = cm_escalation_step(ctx, id, "verbeterplan", ctx->today - 20,
                                "Verbeterplan ontvangen, termijn drie maanden.", err);
    if (rc == JR_OK)
        rc = cm_escalation_open(ctx, l.v[1].agb, "financieel",
                                "Negatief resultaat en current ratio onder 1 in de "
                                "jaarverantwoording",
                                ctx->today - 35, "Signaal uit de continuiteitscijfers.", &id, err);
    if (rc == JR_OK)
        rc = cm_escalation_step(ctx, id, "gesprek", ctx->today - 14,
                                "Gesprek over de liquiditeit; prognose gevraagd.", err);
    if (rc == JR_OK && l.n > 6)
        rc = cm_escalation_open(ctx, l.v[6].agb, "kwaliteit",
                                "Melding van de inspectie over dossiervorming", ctx->today - 120,
                                "", &id, err);
    if (rc == JR_OK && l.n > 6)
        rc = cm_escalation_step(ctx, id, "afgesloten", ctx->today - 90,
                                "Opgelost na een gesprek: dossiers op orde.", err);
    if (rc == JR_OK)
        rc = cm_note_add(ctx, l.v[2].agb, ctx->today - 10,
                         "Evaluatie van het verbeterplan ingepland.", NULL, err);
    free(l.v);
    return rc;
}

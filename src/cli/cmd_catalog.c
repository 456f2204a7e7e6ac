/*
 * cmd_catalog.c: showing the region catalog (budgets, functiegroepen,
 * intensities, crisis and dyslexie with their tariffs per period, referrer
 * rules and lots) and checking a region file.
 */
#include "cli.h"

#include "../config/region.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_prices(const jr_price *p, int n)
{
    char f[JR_DATE_ISO_LEN], t[JR_DATE_ISO_LEN], m[JR_MONEY_BUF];
    for (int i = 0; i < n; i++)
        printf("      %s t/m %-10s %12s%s\n", date_format(p[i].from, f),
               p[i].to == JR_DATE_NONE ? "open" : date_format(p[i].to, t),
               money_format_nl(p[i].cents, m), p[i].derived ? "  (OVA-index)" : "");
}

static int show(cli_env *env)
{
    const jr_catalog *c = env->cat;
    if (env->json) {
        json_t *root = render_catalog(c);
        if (!root) {
            fprintf(stderr, "Onvoldoende geheugen.\n");
            return EXIT_INTERNAL;
        }
        cli_emit(root);
        return EXIT_DONE;
    }
    printf("Regio %s (%s), variant %s\nBron: %s\n\nGemeenten:\n", c->region, c->organisation,
           c->variant, c->source);
    for (int i = 0; i < c->nmunicipalities; i++)
        printf("  %s  %-18s %7d jeugdigen\n", c->municipalities[i].cbs, c->municipalities[i].name,
               c->municipalities[i].youth_population);
    printf("\nKeuzebudgetten (ambulant, categorie 45):%s\n", c->nbudgets ? "" : " geen");
    for (int i = 0; i < c->nbudgets; i++) {
        printf("  %-4s max %2d maanden  %s\n", c->budgets[i].code, c->budgets[i].max_months,
               c->budgets[i].result);
        print_prices(c->budgets[i].amounts, c->budgets[i].namounts);
    }
    printf("\nProducten:\n");
    for (int i = 0; i < c->nproducts; i++) {
        const jr_product *p = &c->products[i];
        printf("  %s %-8s %-12s %s; %s", p->code, p->short_code, product_kind_name(p->kind),
               p->name, funding_name(p->funding));
        if (p->funding == JR_FUND_OUTPUT)
            printf(", per %s", output_period_name(p->period));
        else if (p->funding == JR_FUND_INSPANNING)
            printf(", per %s", unit_name(p->unit));
        else
            printf(", uit het taakbudget");
        if (p->kind == JR_PK_INTENSITY)
            printf(", %s%s", p->form, product_parttime_possible(p) ? "" : " (alleen voltijd)");
        printf("\n");
        print_prices(p->prices, p->nprices);
        for (int k = 0; k < c->nprovider_prices; k++)
            if (strcmp(c->provider_prices[k].product, p->code) == 0) {
                printf("      aanbieder %s:\n", c->provider_prices[k].agb);
                print_prices(c->provider_prices[k].prices, c->provider_prices[k].nprices);
            }
    }
    printf("\nVerwijzers:\n");
    for (int i = 0; i <= c->nreferrers; i++) {
        const jr_referrer_rule *r = i < c->nreferrers ? &c->referrers[i] : &c->default_referrer;
        printf("  %-5s %-40s budgetten: ", i < c->nreferrers ? r->type : "ander", r->name);
        if (r->all_budgets)
            printf("alle");
        for (int k = 0; k < r->nbudgets; k++)
            printf("%s%s", k ? ", " : "", r->budgets[k]);
        if (!r->all_budgets && r->nbudgets == 0)
            printf("geen");
        printf("%s%s%s%s", r->quote ? "; offerte" : "", r->verblijf ? "; verblijf" : "",
               r->crisis ? "; crisis" : "", r->dyslexie ? "; dyslexie" : "");
        if (r->all_products)
            printf("; producten: alle");
        for (int k = 0; k < r->nproducts; k++)
            printf("%s%s", k ? ", " : "; producten: ", r->products[k]);
        printf("\n");
    }
    printf("\nPercelen:\n");
    for (int i = 0; i < c->nlots; i++) {
        printf("  %-4s %s:", c->lots[i].code, c->lots[i].name);
        for (int k = 0; k < c->lots[i].nproducts; k++)
            printf(" %s", c->lots[i].products[k]);
        printf("\n");
    }
    if (c->npartners) {
        printf("\nPartners (hoofdaannemers):\n");
        for (int i = 0; i < c->npartners; i++) {
            const jr_partner *pa = &c->partners[i];
            printf("  %s %s, perceel %s; %d onderaannemer%s\n", pa->agb, pa->name, pa->lot,
                   pa->nsubs, pa->nsubs == 1 ? "" : "s");
            for (int k = 0; k < pa->nsubs; k++)
                printf("      %s %s\n", pa->subs[k].agb, pa->subs[k].name);
        }
    }
    if (c->ntask_budgets) {
        printf("\nTaakbudgetten:\n");
        for (int i = 0; i < c->ntask_budgets; i++) {
            const jr_task_budget *t = &c->task_budgets[i];
            char m[JR_MONEY_BUF];
            printf("  %d %s %s %s %16s in %d termijn%s\n", t->year, t->partner, t->product,
                   t->gemeente, money_format_nl(t->amount, m), t->terms, t->terms == 1 ? "" : "en");
        }
    }
    if (c->contract.set) {
        char d[JR_DATE_ISO_LEN];
        printf("\nContract: vanaf %s, %d jaar, evaluatie na jaar",
               date_format(c->contract.start, d), c->contract.length_years);
        for (int k = 0; k < c->contract.nevaluations; k++)
            printf("%s%d", k ? ", " : " ", c->contract.evaluation_years[k]);
        printf("\n");
    }
    if (c->nkpis) {
        printf("\nKPI's:\n");
        for (int i = 0; i < c->nkpis; i++)
            printf("  %-4s %s: %s\n", c->kpis[i].code, c->kpis[i].name, c->kpis[i].target);
    }
    return EXIT_DONE;
}

/*
 * COMMAND: catalog
 * SUMMARY: de regiocatalogus tonen, of een regiobestand controleren (catalog check BESTAND)
 */
int cmd_catalog(cli_env *env, int argc, char **argv)
{
    const cli_opt opts[] = {{0}};
    const char *pos[2];
    int npos, rc = cli_parse(env, "catalog [check BESTAND]",
                             "Toont de catalogus van de regio: gemeenten, keuzebudgetten, "
                             "functiegroepen, intensiteiten, crisis en dyslexie met hun tarieven "
                             "per periode, verwijsregels en percelen.",
                             argc, argv, opts, pos, 2, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if (npos >= 1 && strcmp(pos[0], "check") == 0) {
        if (npos != 2)
            return cli_usage_error("catalog", "catalog check BESTAND");
        jr_catalog *cat = malloc(sizeof *cat);
        jr_error err;
        jr_error_clear(&err);
        if (!cat)
            return EXIT_INTERNAL;
        jr_status st = region_load(pos[1], cat, &err);
        if (st == JR_OK) {
            if (env->json)
                cli_emit(json_pack("{s:s, s:b, s:i, s:i}", "file", pos[1], "valid", 1, "products",
                                   cat->nproducts, "municipalities", cat->nmunicipalities));
            else
                printf("%s: geldig (%d gemeenten, %d keuzebudgetten, %d producten)\n", pos[1],
                       cat->nmunicipalities, cat->nbudgets, cat->nproducts);
        }
        free(cat);
        return st == JR_OK ? EXIT_DONE : cli_fail(env, &err);
    }
    if (npos > 0)
        return cli_usage_error("catalog", "onbekende actie '%s'", pos[0]);
    if ((rc = cli_load_catalog(env)) != EXIT_DONE)
        return rc;
    return show(env);
}

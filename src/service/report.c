/*
 * report.c (service): gathers the council report (see report.h). Every
 * figure is the figure services' own call, so the report shows exactly what
 * the monitor and the API show for the same scope and period; this file
 * only decides who may ask, collects, and records the production.
 */
#include "report.h"

#include "../core/sbuf.h"

#include <stdio.h>
#include <string.h>

static void label_add(jr_council_report *r, const char *code, const char *name)
{
    if (r->nlabels >= JR_REPORT_MAX_LABELS)
        return;
    jr_report_label *l = &r->labels[r->nlabels++];
    str_copy(l->code, sizeof l->code, code);
    str_copy(l->name, sizeof l->name, name);
}

/* the names of the keys the care figures use: keuzebudgetten, the quote,
 * the catalog's products (as spending names them: the product's name) */
static void labels(const jr_catalog *cat, jr_council_report *r)
{
    char name[112];
    for (int i = 0; i < cat->nbudgets; i++) {
        snprintf(name, sizeof name, "keuzebudget %s", cat->budgets[i].code);
        label_add(r, cat->budgets[i].code, name);
    }
    label_add(r, "offerte", "offerte (maatwerk)");
    for (int i = 0; i < cat->nproducts; i++) {
        snprintf(name, sizeof name, "%s (%s)", cat->products[i].name, cat->products[i].code);
        label_add(r, cat->products[i].code, name);
    }
}

const char *report_label(const jr_council_report *r, const char *key)
{
    for (int i = 0; i < r->nlabels; i++)
        if (strcmp(r->labels[i].code, key) == 0)
            return r->labels[i].name;
    return key;
}

jr_status report_council(const jr_ctx *ctx, const jr_period *period, const char *gemeente,
                         jr_council_report *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    if (ctx->who.role == JR_ROLE_AANBIEDER)
        return jr_fail(err, JR_EFORBIDDEN, "forbidden", "gemeente",
                       "Een aanbieder maakt geen raadsrapportage: die gaat over alle aanbieders. "
                       "De eigen productie staat in de monitor.");
    jr_fig_plan plan;
    jr_status rc = figures_plan(ctx, gemeente, NULL, &plan, err);
    if (rc != JR_OK)
        return rc;
    gemeente = plan.gemeente;
    out->period = *period;
    if (!period_year_before(period, &out->before))
        return jr_fail(err, JR_EINVAL, "period_invalid", "period",
                       "Periode valt te vroeg: er is geen vorig jaar.");
    str_copy(out->gemeente, sizeof out->gemeente, gemeente);
    str_copy(out->name, sizeof out->name, plan.scope.name);
    str_copy(out->region, sizeof out->region, ctx->cat->region);
    str_copy(out->produced_by, sizeof out->produced_by, ctx->actor ? ctx->actor : "");
    out->produced = ctx->today;
    out->threshold = plan.scope.threshold;
    labels(ctx->cat, out);

    /* A council report is a publication: whoever makes it, its figures are
     * gathered as a lezer sees them (small groups hidden). The principal's
     * own scope was checked above by figures_plan. It covers the whole
     * production: every figure function with agb NULL, no provider filter. */
    jr_ctx pub = *ctx;
    pub.who = (jr_principal){.role = JR_ROLE_LEZER};
    const jr_ctx *fc = &pub;

    if ((rc = figures_volume(fc, period, gemeente, NULL, &out->volume, err)) != JR_OK ||
        (rc = figures_referrals(fc, period, gemeente, NULL, &out->referrals, err)) != JR_OK ||
        (rc = figures_spending(fc, period, gemeente, NULL, &out->spending, err)) != JR_OK ||
        (rc = figures_care_durations(fc, gemeente, NULL, period, &out->durations, err)) != JR_OK ||
        (rc = figures_care_waiting(fc, gemeente, NULL, period, &out->waiting, err)) != JR_OK ||
        (rc = figures_care_endings(fc, gemeente, NULL, period, &out->endings, err)) != JR_OK ||
        (rc = figures_care_budget(fc, gemeente, NULL, period, &out->budget_use, err)) != JR_OK ||
        (rc = figures_care_concentration(fc, gemeente, NULL, period, &out->concentration, err)) !=
            JR_OK ||
        (rc = figures_ambulant(fc, period, gemeente, NULL, &out->ambulant, err)) != JR_OK ||
        (rc = figures_benchmark(fc, period, &out->benchmark, err)) != JR_OK ||
        (rc = signals_find(fc, period, gemeente, NULL, &out->signals, err)) != JR_OK ||
        /* the budget control of the period's year (a lezer may see it) */
        (rc = budgetctl_control(fc, (int32_t)period->year, gemeente, &out->control, err)) != JR_OK)
        return rc;

    char detail[160], pt[JR_PERIOD_TEXT_LEN];
    snprintf(detail, sizeof detail, "raadsrapportage %s, periode %s",
             gemeente ? out->name : "regio", period_format(period, pt));
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = audit_record(ctx, "rapport.raad", "report", gemeente ? gemeente : "regio", detail, err);
    return svc_finish(ctx, rc, err);
}

void report_council_free(jr_council_report *r)
{
    figures_spending_free(&r->spending);
    figures_care_durations_free(&r->durations);
    figures_care_waiting_free(&r->waiting);
    figures_care_endings_free(&r->endings);
    figures_care_budget_free(&r->budget_use);
    figures_care_concentration_free(&r->concentration);
    signals_free(&r->signals);
}

/*
 * demo_impact.c: the demo's named impact scenarios (see demo_impact.h),
 * made from the catalog's own scenario of the year and saved through
 * service/impact.h as a user would.
 */
#include "demo_impact.h"

#include "../service/impact.h"

#include <stdio.h>

jr_status demo_impact(const jr_ctx *ctx, int32_t year, jr_error *err)
{
    jr_imp_scenario idx, low;
    jr_status rc = impact_template_scenario(ctx, year, &idx, err);
    if (rc != JR_OK)
        return rc;
    low = idx;
    snprintf(idx.name, sizeof idx.name, "Indexatie %d (OVA 3,85 %%)", (int)year + 1);
    for (int i = 0; i < idx.ntariffs; i++)
        idx.tariffs[i].cents = money_index(idx.tariffs[i].cents, 385);
    for (int i = 0; i < idx.nbudgets; i++)
        idx.budgets[i].cents = money_index(idx.budgets[i].cents, 385);
    snprintf(low.name, sizeof low.name, "Ambulant 5 %% lager (onbegrensd)");
    low.method = JR_IMP_UNCAPPED;
    low.nbudgets = 0;
    int n = 0;
    for (int i = 0; i < low.ntariffs; i++) {
        const jr_product *p = catalog_product(ctx->cat, low.tariffs[i].code);
        if (p && p->kind == JR_PK_FUNCTIEGROEP) {
            low.tariffs[n] = low.tariffs[i];
            low.tariffs[n++].cents = money_index(low.tariffs[i].cents, -500);
        }
    }
    low.ntariffs = n;
    if ((rc = impact_scenario_save(ctx, &idx, NULL, err)) != JR_OK)
        return rc;
    return impact_scenario_save(ctx, &low, NULL, err);
}

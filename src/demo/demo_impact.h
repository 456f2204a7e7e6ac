/*
 * demo_impact.h: the impact analysis's part of the demo (docs/impact.md):
 * two named scenarios, so that the Impactanalyse page has something to
 * choose from on a demo database.
 */
#ifndef JR_DEMO_IMPACT_H
#define JR_DEMO_IMPACT_H

#include "../service/svc.h"

/* demo_impact: saves "Indexatie YEAR+1 (OVA 3,85 %)" (every catalog tariff
 * and keuzebudget of year +3.85 %, capped) and "Ambulant 5 % lager
 * (onbegrensd)" (the functiegroepen -5 %, uncapped) through the service. */
jr_status demo_impact(const jr_ctx *ctx, int32_t year, jr_error *err);

#endif

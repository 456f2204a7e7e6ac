/*
 * demo_tariff.h: the demo's tariff research (docs/tariffs.md): the norms
 * files shipped beside the region file for the demo year and the year
 * after (config/ijsselland-tariff-norms-2025.json and -2026.json), read and
 * stored through the same service users take (tariff_norms_put), so that
 * the page Tarieven shows the build-up and the next year's proposal.
 */
#ifndef JR_DEMO_TARIFF_H
#define JR_DEMO_TARIFF_H

#include "../service/svc.h"

/* demo_tariff: stores the norms of year and year + 1 found beside the
 * region file (<dir>/<region in lower case>-tariff-norms-<year>.json); a
 * year without a file is skipped (a region that ships none). */
jr_status demo_tariff(const jr_ctx *ctx, int32_t year, jr_error *err);

#endif

/*
 * demo_framework.h: the demo's framework agreements, change procedure and
 * transformation covenant (service/framework.h), made through the same
 * services users call, each step on the day it happened (a copy of the
 * context with that day as today).
 *
 * For a demo year Y (2025 by default): one agreement per lot of the region
 * from Y-2-01-01 to Y-1-12-31 with every contract of that lot under it, the
 * first extension taking effect Y-01-01 for 24 months (to Y+1-12-31), an
 * evaluation held in Y-2 and one planned in Y+1; five proposals: for the
 * round of Y-1 one of a municipality taken into effect, one of the first
 * provider rejected, one of the rsj on the second lot in effect; for the
 * round of Y+1 one of the rsj in discussion and one of the second provider
 * submitted; a covenant on the first two lots with three commitments and
 * the status of each for the first three providers.
 */
#ifndef JR_DEMO_FRAMEWORK_H
#define JR_DEMO_FRAMEWORK_H

#include "../service/svc.h"

/* demo_framework: seeds the above into ctx's store (providers and their
 * contracts made already); runs inside the caller's transaction. */
jr_status demo_framework(const jr_ctx *ctx, int32_t year, jr_error *err);

#endif

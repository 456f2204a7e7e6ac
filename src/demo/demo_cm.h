/*
 * demo_cm.h: the demo's contract management (docs/contract-management.md):
 * contact details and a reported waiting time for every provider, three
 * contract managers (the account rsj and two more of role rsj) sharing
 * the providers, a few contracts for some municipalities only, complaints,
 * escalations at different steps of the protocol, and notes. Through the
 * services, as a user would enter them, deterministically from the seed.
 */
#ifndef JR_DEMO_CM_H
#define JR_DEMO_CM_H

#include "../service/svc.h"

/* demo_cm_seed: seeds the above into ctx's store (the demo's providers
 * and accounts exist). */
jr_status demo_cm_seed(const jr_ctx *ctx, uint64_t seed, jr_error *err);

#endif

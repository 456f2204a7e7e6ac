/*
 * demo_tenders.h: the demo's tenders (docs/tenders.md), made through the
 * tender service with the clock moved to each phase's dates, so that every
 * phase rule runs on them:
 *   1. a past tender of the demo year for crisis (P3) and dyslexie (P4):
 *      published, a question answered, four registrations (one of a
 *      combination with a subcontractor), scored by two assessors, awarded
 *      (one registration below a minimum, afgewezen), contracted after the
 *      standstill with contracts from 1 January of the next year, and a
 *      later-entry request refused for sufficient supply;
 *   2. a current tender for ambulant care (P1) and wonen (P2), in its
 *      assessment on today: registrations of aanbieder1's provider, of a
 *      combination and of an applicant who is not yet a provider, partly
 *      scored.
 * The first demo providers by AGB code are aanbieder1's and aanbieder2's;
 * the past tender leaves their contracts alone.
 */
#ifndef JR_DEMO_TENDERS_H
#define JR_DEMO_TENDERS_H

#include "../service/svc.h"

/* demo_tenders: seeds both tenders (today must be after the demo year,
 * at least 60 days into the next one is not needed: the current tender's
 * dates are around today). Inside the caller's transaction. */
jr_status demo_tenders(const jr_ctx *ctx, int32_t year, jr_error *err);

#endif

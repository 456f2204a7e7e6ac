/*
 * demo_continuity.h: the demo's provider continuity figures (issue 12,
 * docs/continuity.md): three years of annual-accounts figures for the demo
 * providers and two applicants, imported through continuity_import as a
 * CSV file in memory, the path `jeugdregio continuity import` takes.
 */
#ifndef JR_DEMO_CONTINUITY_H
#define JR_DEMO_CONTINUITY_H

#include "../service/svc.h"

#include <stdint.h>

/* demo_continuity: figures of the years year-2..year for every provider in
 * the store and two applicants, drawn from seed (a stream of its own, so
 * the rest of the demo does not change with it). Most providers are sound;
 * about one in thirty is in trouble (a loss, little equity, short of
 * cash); some leave a figure or a whole year out (missing, never zero).
 * *rows (may be NULL) is the number of rows imported. */
jr_status demo_continuity(const jr_ctx *ctx, uint64_t seed, int32_t year, int64_t *rows,
                          jr_error *err);

#endif

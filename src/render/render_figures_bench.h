/*
 * render_figures_bench.h: the JSON shapes of the benchmark,
 * ambulantisering, quotes and the most expensive youths
 * (service/figures_bench.h), shared by GET /api/v1/figures/{benchmark,
 * ambulantisering,quotes,expensive} and `jeugdregio figures ... --json`.
 * Money is integer eurocents, rates and shares integer tenths (keys ending
 * in _x10). A hidden figure is null with "hidden": true beside it; a
 * figure without a value (no population, no youths) is null with hidden
 * false. Each function returns a new reference (NULL when out of memory).
 */
#ifndef JR_RENDER_FIGURES_BENCH_H
#define JR_RENDER_FIGURES_BENCH_H

#include "../service/figures_bench.h"

#include <jansson.h>

json_t *render_figures_benchmark(const jr_figures_benchmark *b);
json_t *render_figures_ambulant(const jr_figures_ambulant *a);
json_t *render_figures_quotes(const jr_figures_quotes *q);
json_t *render_figures_expensive(const jr_figures_expensive *e);

#endif

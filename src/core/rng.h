/*
 * rng.h: a small deterministic random stream (splitmix64) for synthetic
 * data: the demo year and the benchmarks. The same seed gives the same
 * stream on every machine. Not for anything secret (libsodium is).
 */
#ifndef JR_RNG_H
#define JR_RNG_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    uint64_t s; /* the seed, then the state */
} jr_rng;

uint64_t rng_next(jr_rng *r);
/* rng_int: uniform in 0..n-1 (0 when n <= 1). */
int rng_int(jr_rng *r, int n);
/* rng_permille: true with probability p/1000. */
bool rng_permille(jr_rng *r, int p);
/* rng_pick: an index 0..n-1 drawn with the integer weights w. */
int rng_pick(jr_rng *r, const int *w, int n);

#endif

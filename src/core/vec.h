/*
 * vec.h: growing an array one element at a time, the loop every list that
 * collects rows from a store callback shares.
 */
#ifndef JR_VEC_H
#define JR_VEC_H

#include <stddef.h>

/* vec_grow: room for element n of an array of elem-sized elements whose
 * capacity is *cap: data itself while n < *cap, else data reallocated to
 * twice the capacity (first elements the first time) with *cap updated.
 * NULL when memory runs out: data and *cap are then unchanged and still
 * the caller's to free. */
void *vec_grow(void *data, size_t n, size_t *cap, size_t elem, size_t first);

#endif

/*
 * vec.c: see vec.h.
 */
#include "vec.h"

#include <stdint.h>
#include <stdlib.h>

void *vec_grow(void *data, size_t n, size_t *cap, size_t elem, size_t first)
{
    if (n < *cap)
        return data;
    size_t want = *cap ? *cap * 2 : first;
    if (want <= n || want > SIZE_MAX / elem)
        return NULL;
    void *v = realloc(data, want * elem);
    if (v)
        *cap = want;
    return v;
}

/*
 * idmap.h: a table of values by row id, read once from a statement and
 * found by binary search, for the store modules that join in memory what
 * a lookup per row would cost (store/begroting.c: the open assignments'
 * use and months; store/signals.c: the lines' care dates). Private to
 * src/store.
 *
 * Ownership: store_idmap_read allocates, store_idmap_free releases.
 */
#ifndef JR_STORE_IDMAP_H
#define JR_STORE_IDMAP_H

#include "store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One row id with two values (amounts, counts, day numbers). */
typedef struct {
    int64_t id;
    int64_t a, b;
} store_idval;

typedef struct {
    store_idval *v;
    size_t n, cap;
    /* when the ids are dense (as row ids are), dir[id - lo] is the entry's
       index + 1 (0: none), so a look-up is one read, not a binary search
       whose twenty steps each miss the cache when the ids come in no order */
    uint32_t *dir;
    int64_t lo;
    size_t ndir;
} store_idmap;

/* store_idmap_read: every row of q, each made a store_idval by conv (the
 * store_each convert: conv(NULL, q, store_idval *)), found by a directory
 * of the ids when they are dense, else sorted by id. JR_EDB
 * when q is NULL or a step fails, JR_ENOMEM when memory runs out (err
 * filled); the map holds what was read either way (store_idmap_free). */
jr_status store_idmap_read(jr_stmt *q, store_convert_fn conv, store_idmap *m, jr_error *err);
/* store_idmap_find: the entry of id (the first of equal ids), or NULL. */
const store_idval *store_idmap_find(const store_idmap *m, int64_t id);
void store_idmap_free(store_idmap *m);

#endif

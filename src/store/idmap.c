/*
 * idmap.c: values by row id (see idmap.h).
 */
#include "idmap.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    store_idmap *m;
    bool nomem;
} idmap_fill;

static int idmap_add(void *ud, const void *row)
{
    idmap_fill *f = ud;
    store_idmap *m = f->m;
    if (m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 4096;
        store_idval *v = realloc(m->v, cap * sizeof *v);
        if (!v) {
            f->nomem = true;
            return 1;
        }
        m->v = v, m->cap = cap;
    }
    m->v[m->n++] = *(const store_idval *)row;
    return 0;
}

static int idval_cmp(const void *x, const void *y)
{
    const store_idval *a = x, *b = y;
    return (a->id > b->id) - (a->id < b->id);
}

jr_status store_idmap_read(jr_stmt *q, store_convert_fn conv, store_idmap *m, jr_error *err)
{
    memset(m, 0, sizeof *m);
    if (!q)
        return JR_EDB;
    idmap_fill f = {m, false};
    store_idval row;
    jr_status rc = store_each(q, conv, NULL, &row, idmap_add, &f, err);
    if (rc == JR_OK && f.nomem)
        rc = jr_fail(err, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
    if (rc == JR_OK && m->n > 1)
        qsort(m->v, m->n, sizeof *m->v, idval_cmp);
    return rc;
}

const store_idval *store_idmap_find(const store_idmap *m, int64_t id)
{
    store_idval key = {id, 0, 0};
    return m->n ? bsearch(&key, m->v, m->n, sizeof *m->v, idval_cmp) : NULL;
}

void store_idmap_free(store_idmap *m)
{
    free(m->v);
    memset(m, 0, sizeof *m);
}

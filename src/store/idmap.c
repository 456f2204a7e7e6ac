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
    /* a directory when the span of ids is at most four times their
       number (and an index fits in 32 bits): then no sort; else sorted for
       the binary search */
    int64_t lo = m->n ? m->v[0].id : 0, hi = lo;
    for (size_t i = 1; i < m->n; i++) {
        lo = m->v[i].id < lo ? m->v[i].id : lo;
        hi = m->v[i].id > hi ? m->v[i].id : hi;
    }
    uint64_t span = (uint64_t)hi - (uint64_t)lo + 1;
    if (rc == JR_OK && m->n > 0 && m->n < UINT32_MAX && span <= 4 * (uint64_t)m->n &&
        (m->dir = calloc((size_t)span, sizeof *m->dir))) {
        m->lo = lo;
        m->ndir = (size_t)span;
        for (size_t i = m->n; i-- > 0;) /* backwards: the first of equal ids wins */
            m->dir[m->v[i].id - lo] = (uint32_t)(i + 1);
    } else if (rc == JR_OK && m->n > 1) {
        bool sorted = true; /* most statements read in id order already */
        for (size_t i = 1; sorted && i < m->n; i++)
            sorted = m->v[i - 1].id <= m->v[i].id;
        if (!sorted)
            qsort(m->v, m->n, sizeof *m->v, idval_cmp);
    }
    return rc;
}

const store_idval *store_idmap_find(const store_idmap *m, int64_t id)
{
    if (m->dir) {
        if (id < m->lo || (uint64_t)(id - m->lo) >= m->ndir)
            return NULL;
        uint32_t i = m->dir[id - m->lo];
        return i ? &m->v[i - 1] : NULL;
    }
    if (!m->n)
        return NULL;
    /* the first entry of id (bsearch may return any of equal ones) */
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->v[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m->n && m->v[lo].id == id ? &m->v[lo] : NULL;
}

void store_idmap_free(store_idmap *m)
{
    free(m->v);
    free(m->dir);
    memset(m, 0, sizeof *m);
}

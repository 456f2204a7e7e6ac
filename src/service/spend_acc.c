/*
 * spend_acc.c: the import's running sums for the spending summary (see
 * spend_acc.h). Two hash tables of fixed-size records (open addressing
 * over a slot array of record index + 1, at most half full), one per
 * summary table; a flush sorts each by the table's key and hands the rows
 * to the store.
 */
#include "spend_acc.h"

#include "../core/sbuf.h"
#include "../store/figures.h"

#include <stdlib.h>
#include <string.h>

/* keys are compared and hashed as bytes: each is zeroed before it is
   filled, so its padding is zero too */
typedef struct {
    jr_month month;
    char gemeente[5]; /* "" for the region (spend_region_month) */
    char product[8];
    int64_t provider_id;
} month_key;

typedef struct {
    month_key k;
    jr_cents amount;
    int64_t lines;
} month_rec;

typedef struct {
    int32_t year;
    char gemeente[5];
    int64_t provider_id;
    int64_t assignment_id;
} year_key;

typedef struct {
    year_key k;
    int64_t youth_id;
    int64_t months;
    jr_cents amount;
} year_rec;

typedef struct {
    int32_t year;
    char gemeente[5]; /* "" for the region */
    int64_t youth_id;
} youth_key;

typedef struct {
    youth_key k;
    int64_t months;
} youth_rec;

typedef struct {
    unsigned char *v; /* records of size bytes, the key first */
    size_t n, cap, size, key;
    uint32_t *slots; /* record index + 1; 0 is empty */
    size_t nslots;   /* a power of two, at least twice n */
} table;

struct jr_spend_acc {
    table month, year, youth;
};

/* keys per table at which the session writes the sums out */
#define SPEND_ACC_FULL ((size_t)1 << 18)

static uint64_t hash_bytes(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211ull;
    return h;
}

static bool table_rehash(table *t, size_t nslots)
{
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < t->n; i++) {
        size_t h = (size_t)hash_bytes(t->v + i * t->size, t->key) & (nslots - 1);
        while (slots[h])
            h = (h + 1) & (nslots - 1);
        slots[h] = (uint32_t)(i + 1);
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = nslots;
    return true;
}

/* table_find: the record of key, added (zeroed, with the key) when absent;
   NULL when out of memory */
static void *table_find(table *t, const void *key)
{
    if (2 * (t->n + 1) > t->nslots && !table_rehash(t, t->nslots ? 2 * t->nslots : 1024))
        return NULL;
    size_t h = (size_t)hash_bytes(key, t->key) & (t->nslots - 1);
    for (; t->slots[h]; h = (h + 1) & (t->nslots - 1)) {
        unsigned char *r = t->v + (t->slots[h] - 1) * t->size;
        if (memcmp(r, key, t->key) == 0)
            return r;
    }
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 1024;
        unsigned char *v = realloc(t->v, cap * t->size);
        if (!v)
            return NULL;
        t->v = v;
        t->cap = cap;
    }
    unsigned char *r = t->v + t->n * t->size;
    memset(r, 0, t->size);
    memcpy(r, key, t->key);
    t->slots[h] = (uint32_t)(++t->n);
    return r;
}

static void table_clear(table *t)
{
    t->n = 0;
    if (t->slots)
        memset(t->slots, 0, t->nslots * sizeof *t->slots);
}

static void table_free(table *t)
{
    free(t->v);
    free(t->slots);
}

jr_spend_acc *spend_acc_new(void)
{
    jr_spend_acc *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->month.size = sizeof(month_rec);
    a->month.key = sizeof(month_key);
    a->year.size = sizeof(year_rec);
    a->year.key = sizeof(year_key);
    a->youth.size = sizeof(youth_rec);
    a->youth.key = sizeof(youth_key);
    return a;
}

void spend_acc_free(jr_spend_acc *a)
{
    if (!a)
        return;
    table_free(&a->month);
    table_free(&a->year);
    table_free(&a->youth);
    free(a);
}

bool spend_acc_add(jr_spend_acc *a, jr_month month, const char *gemeente, int64_t provider_id,
                   int64_t assignment_id, int64_t youth_id, const char *product, jr_cents amount)
{
    month_key mk;
    memset(&mk, 0, sizeof mk);
    mk.month = month;
    str_copy(mk.gemeente, sizeof mk.gemeente, gemeente);
    str_copy(mk.product, sizeof mk.product, product);
    mk.provider_id = provider_id;
    year_key yk;
    memset(&yk, 0, sizeof yk);
    yk.year = month / 12;
    str_copy(yk.gemeente, sizeof yk.gemeente, gemeente);
    yk.provider_id = provider_id;
    yk.assignment_id = assignment_id;
    /* every record found (or made) before any changes: out of memory changes
       nothing that was summed */
    month_key rmk = mk; /* and the region's ('' for the municipality) */
    memset(rmk.gemeente, 0, sizeof rmk.gemeente);
    month_rec *m = table_find(&a->month, &mk);
    if (!m)
        return false;
    size_t mi = (size_t)((unsigned char *)m - a->month.v); /* the next find may move it */
    month_rec *rm = table_find(&a->month, &rmk);
    if (!rm)
        return false;
    m = (month_rec *)(a->month.v + mi);
    year_rec *y = table_find(&a->year, &yk);
    if (!y)
        return false;
    youth_key gk, rk; /* the municipality's youth, and the region's */
    memset(&gk, 0, sizeof gk);
    gk.year = yk.year;
    str_copy(gk.gemeente, sizeof gk.gemeente, gemeente);
    gk.youth_id = youth_id;
    rk = gk;
    memset(rk.gemeente, 0, sizeof rk.gemeente);
    youth_rec *g = table_find(&a->youth, &gk);
    if (!g)
        return false;
    size_t gi = (size_t)((unsigned char *)g - a->youth.v); /* the next find may move it */
    youth_rec *r = table_find(&a->youth, &rk);
    if (!r)
        return false;
    g = (youth_rec *)(a->youth.v + gi);
    m->amount += amount;
    m->lines++;
    rm->amount += amount;
    rm->lines++;
    y->youth_id = youth_id;
    y->months |= (int64_t)1 << (month % 12);
    y->amount += amount;
    g->months |= (int64_t)1 << (month % 12);
    r->months |= (int64_t)1 << (month % 12);
    return true;
}

bool spend_acc_full(const jr_spend_acc *a)
{
    return a->month.n >= SPEND_ACC_FULL || a->year.n >= SPEND_ACC_FULL ||
           a->youth.n >= 2 * SPEND_ACC_FULL;
}

/* in each table's key order: spend_month (gemeente, month, provider_id,
   product; the region's rows, gemeente "", first), spend_year (year, gemeente, provider_id,
   assignment_id) */
static int cmp_i64(int64_t x, int64_t y)
{
    return (x > y) - (x < y);
}

static int month_cmp(const void *p, const void *q)
{
    const month_key *a = p, *b = q;
    int c = strcmp(a->gemeente, b->gemeente);
    if (!c)
        c = cmp_i64(a->month, b->month);
    if (!c)
        c = cmp_i64(a->provider_id, b->provider_id);
    return c ? c : strcmp(a->product, b->product);
}

static int youth_cmp(const void *p, const void *q)
{
    const youth_key *a = p, *b = q;
    int c = cmp_i64(a->year, b->year);
    if (!c)
        c = strcmp(a->gemeente, b->gemeente);
    return c ? c : cmp_i64(a->youth_id, b->youth_id);
}

static int year_cmp(const void *p, const void *q)
{
    const year_key *a = p, *b = q;
    int c = cmp_i64(a->year, b->year);
    if (!c)
        c = strcmp(a->gemeente, b->gemeente);
    if (!c)
        c = cmp_i64(a->provider_id, b->provider_id);
    return c ? c : cmp_i64(a->assignment_id, b->assignment_id);
}

static int product_row_cmp(const void *p, const void *q)
{
    return strcmp(((const store_spend_month_row *)p)->product,
                  ((const store_spend_month_row *)q)->product);
}

/* rows are written 256 to a call */
#define FLUSH_ROWS 256

jr_status spend_acc_flush(jr_spend_acc *a, jr_store *st, jr_error *err)
{
    if (a->month.n)
        qsort(a->month.v, a->month.n, a->month.size, month_cmp);
    if (a->year.n)
        qsort(a->year.v, a->year.n, a->year.size, year_cmp);
    if (a->youth.n)
        qsort(a->youth.v, a->youth.n, a->youth.size, youth_cmp);
    /* the slots point at the unsorted order: the clear below empties them */
    jr_status rc = JR_OK;
    const month_rec *mv = (const month_rec *)a->month.v;
    for (size_t i = 0; i < a->month.n && rc == JR_OK; i += FLUSH_ROWS) {
        store_spend_month_row rows[FLUSH_ROWS];
        size_t n = a->month.n - i < FLUSH_ROWS ? a->month.n - i : FLUSH_ROWS;
        for (size_t j = 0; j < n; j++) {
            const month_rec *r = &mv[i + j];
            rows[j] = (store_spend_month_row){.month = r->k.month,
                                              .provider_id = r->k.provider_id,
                                              .amount = r->amount,
                                              .lines = r->lines};
            str_copy(rows[j].gemeente, sizeof rows[j].gemeente, r->k.gemeente);
            str_copy(rows[j].product, sizeof rows[j].product, r->k.product);
        }
        rc = store_spend_month_add(st, rows, n, err);
    }
    /* spend_product_month: the month rows of each (gemeente, month), which
       lie together in that order, summed per product; a few dozen products */
    for (size_t i = 0; i < a->month.n && rc == JR_OK;) {
        store_spend_month_row rows[FLUSH_ROWS];
        size_t n = 0, j = i;
        for (; j < a->month.n && mv[j].k.month == mv[i].k.month &&
               strcmp(mv[j].k.gemeente, mv[i].k.gemeente) == 0;
             j++) {
            size_t g = 0;
            while (g < n && strcmp(rows[g].product, mv[j].k.product) != 0)
                g++;
            if (g == n) {
                if (n == FLUSH_ROWS) { /* more products than a call holds: write them */
                    qsort(rows, n, sizeof rows[0], product_row_cmp);
                    if ((rc = store_spend_product_add(st, rows, n, err)) != JR_OK)
                        break;
                    n = g = 0;
                }
                rows[n] = (store_spend_month_row){.month = mv[j].k.month};
                str_copy(rows[n].gemeente, sizeof rows[n].gemeente, mv[j].k.gemeente);
                str_copy(rows[n].product, sizeof rows[n].product, mv[j].k.product);
                n++;
            }
            rows[g].amount += mv[j].amount;
            rows[g].lines += mv[j].lines;
        }
        if (rc == JR_OK && n) {
            qsort(rows, n, sizeof rows[0], product_row_cmp);
            rc = store_spend_product_add(st, rows, n, err);
        }
        i = j;
    }
    const year_rec *yv = (const year_rec *)a->year.v;
    for (size_t i = 0; i < a->year.n && rc == JR_OK; i += FLUSH_ROWS) {
        store_spend_year_row rows[FLUSH_ROWS];
        size_t n = a->year.n - i < FLUSH_ROWS ? a->year.n - i : FLUSH_ROWS;
        for (size_t j = 0; j < n; j++) {
            const year_rec *r = &yv[i + j];
            rows[j] = (store_spend_year_row){.year = r->k.year,
                                             .provider_id = r->k.provider_id,
                                             .assignment_id = r->k.assignment_id,
                                             .youth_id = r->youth_id,
                                             .months = r->months,
                                             .amount = r->amount};
            str_copy(rows[j].gemeente, sizeof rows[j].gemeente, r->k.gemeente);
        }
        rc = store_spend_year_add(st, rows, n, err);
    }
    const youth_rec *gv = (const youth_rec *)a->youth.v;
    for (size_t i = 0; i < a->youth.n && rc == JR_OK; i += FLUSH_ROWS) {
        store_spend_youth_row rows[FLUSH_ROWS];
        size_t n = a->youth.n - i < FLUSH_ROWS ? a->youth.n - i : FLUSH_ROWS;
        for (size_t j = 0; j < n; j++) {
            const youth_rec *r = &gv[i + j];
            rows[j] = (store_spend_youth_row){
                .year = r->k.year, .youth_id = r->k.youth_id, .months = r->months};
            str_copy(rows[j].gemeente, sizeof rows[j].gemeente, r->k.gemeente);
        }
        rc = store_spend_youth_add(st, rows, n, err);
    }
    table_clear(&a->month);
    table_clear(&a->year);
    table_clear(&a->youth);
    return rc;
}

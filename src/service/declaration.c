/*
 * declaration.c: receiving declaration batches line by line.
 *
 * For each line the session gathers the facts the rules need (the
 * assignment's facts read with its batch, its running totals, the open
 * debits of the batch's scope, earlier accepted references through the
 * unique index on decl_line, the provider's contracts loaded once per run of
 * its batches), lets decl_check_line decide, and stores the outcome. Each batch's content is hashed
 * (BLAKE2b) so that a batch received again is recognised. docs/performance.md says how this is
 * built for a national year and what it measured.
 */
#include "declaration.h"
#include "../core/sbuf.h"
#include "../domain/signals.h"
#include "../store/declarations.h"
#include "../store/signals.h"

#include "batches.h"
#include "provider.h"
#include "spend_acc.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* What a line is checked against lives in two places. The facts of the
 * batch's assignments (everything but the running totals) are read per
 * batch with one range scan of the covering index assignment_decl: a batch
 * is one provider, municipality and month, so this is one short, contiguous
 * read instead of a random row read per line; a line naming an assignment
 * outside that range (another municipality, provider or period: it will be
 * rejected) is looked up alone. The running totals (assignment_use) are kept
 * for the whole session in a table of at most TOTALS_MAX entries of 24
 * bytes, written back in id order when it fills and at commit. Memory is
 * thus bounded by the largest batch's assignments and TOTALS_MAX, whatever
 * the size of the file. */
#define TOTALS_MAX (1u << 20) /* a national month touches some 600,000 assignments */
#define TOTALS_SLOT_BITS 21   /* twice TOTALS_MAX: probes stay short */
#define TOTALS_SLOTS (1u << TOTALS_SLOT_BITS)

typedef struct {
    bool exists;       /* in the store at all (for any provider) */
    store_decl_fact f; /* f.a.found is set per line, f.a.used and f.a.used_base from the totals */
} fact_entry;

/* 24 bytes: ids stay below 2^31 (the open-debit key needs it too) and a
 * used volume in minutes or etmalen below 2^31 (checked when it grows);
 * first and last: the first begin and last end of the accepted debit lines
 * (JR_DATE_NONE while none), which the signals' care_outside follows */
typedef struct {
    int64_t used;
    int32_t id;
    int32_t used_base;
    jr_date first, last;
} total_entry;

/* a total's flags: changed since read; its assignment entered in
   care_outside by this session */
#define TOTAL_DIRTY 1u
#define TOTAL_OUTSIDE 2u

typedef store_decl_contract contract_span;

/* an open debit: its key (decl_debit_key) and product; product "" once a
 * credit of the batch closed it */
typedef struct {
    int64_t key;
    char product[8];
} open_debit;

typedef struct {
    int64_t first_id; /* id of the run's first batch; the others follow it */
    int first;        /* the session's index of that batch */
    bool replayed;    /* received before: nothing was stored */
} batch_run;

struct jr_decl_session {
    jr_ctx ctx;
    char source[256];
    char received_at[STORE_TS_LEN]; /* when the session began: its batches' receipt time */
    bool in_tx;
    bool committed;
    /* current batch */
    bool have_batch;
    jr_decl_batch batch;
    int64_t provider_id; /* of the current batch; its contracts are loaded */
    char provider_agb[9];
    bool replay;
    char stored_hash[65];
    jr_decl_hash hash;
    bool hashes_given; /* the caller gives each batch's hash (decl_session_batch_hash) */
    bool have_given;
    char given_hash[65];
    int64_t first_line, last_line;
    contract_span *contracts;
    unsigned ncontracts, capcontracts;
    /* the batches of the session, in file order, as runs of consecutive
       ids (a file's new batches get consecutive ids, and so do the batches
       of a file received again): memory grows with the breaks between
       runs, not with the batches; decl_session_batch reads a summary back */
    batch_run *runs;
    unsigned nruns, capruns;
    int nbatches;
    int64_t first_new_batch; /* id of the first batch this session stored, 0 before */
    int64_t expect;          /* lines of the batch the next line opens, 0: not known */
    jr_decl_batch_summary cur_sum;
    jr_batch scratch; /* what decl_session_batch returns */
    int64_t nlines;
    /* the current batch's assignment facts: open addressing over fslots
       (index + 1, 0 = empty; nfslots a power of two, at least twice nfacts) */
    fact_entry *facts;
    unsigned nfacts, capfacts;
    uint32_t *fslots;
    unsigned nfslots;
    /* the session's running totals, the same way over tslots; the three
       arrays are reserved at their largest and take memory as they fill */
    total_entry *totals;
    uint8_t *tflags;
    unsigned ntotals;
    uint32_t *tslots;
    /* the open debits of the current batch's scope (see debits_load), the
       same way over dslots (ndslots a power of two, at least twice ndebits) */
    /* the begin and end dates of the last line stored, as ISO text (the lines
       of a batch mostly share them) */
    bool iso_valid[2];
    jr_date iso_day[2];
    char iso[2][JR_DATE_ISO_LEN];
    /* the youths with more than one residential assignment, ascending (see
       beds_load); read at the first residential line */
    bool beds_known;
    int64_t *bed_youths;
    unsigned nbed_youths;
    /* the other beds of the current line's youth that month (bed_lines_load) */
    jr_bed_line *bed_lines;
    unsigned nbed_lines, capbed_lines;
    open_debit *debits;
    unsigned ndebits, capdebits;
    uint32_t *dslots;
    unsigned ndslots;
    /* the accepted lines summed for the monitor (spend_acc.h), written
       before the commit */
    jr_spend_acc *spend;
};

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static unsigned hash_id(int64_t id)
{
    uint64_t h = (uint64_t)id * 0x9e3779b97f4a7c15ull;
    return (unsigned)(h >> (64 - TOTALS_SLOT_BITS));
}

/* reserve: n zeroed bytes of address space; pages take memory when first written */
static void *reserve(size_t n)
{
    void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

static void release(void *p, size_t n)
{
    if (p)
        munmap(p, n);
}

#define TOTALS_BYTES ((size_t)TOTALS_MAX * sizeof(total_entry))
#define FLAGS_BYTES ((size_t)TOTALS_MAX * sizeof(uint8_t))
#define TSLOTS_BYTES ((size_t)TOTALS_SLOTS * sizeof(uint32_t))

static jr_status no_memory(jr_error *err)
{
    jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    return JR_ENOMEM; /* spelled out: callers rely on it not being JR_OK */
}

/* grow: room for element n of the array *arrp (elements of size bytes, a
 * capacity *cap that doubles from first). arrp points at the array's pointer;
 * it is read and written with memcpy, whatever the element type. */
static jr_status grow(void *arrp, unsigned n, unsigned *cap, size_t size, unsigned first,
                      jr_error *err)
{
    if (n < *cap)
        return JR_OK;
    unsigned c = *cap ? *cap * 2 : first;
    void *old;
    memcpy(&old, arrp, sizeof old);
    void *p = realloc(old, (size_t)c * size);
    if (!p)
        return no_memory(err);
    memcpy(arrp, &p, sizeof p);
    *cap = c;
    return JR_OK;
}

/* grow_slots: open-addressing slots (index + 1, 0 empty) at least twice as
 * many as entries + 1, doubling from first; *fresh: they were made anew,
 * empty, and the caller puts its entries back */
static jr_status grow_slots(uint32_t **slots, unsigned *nslots, unsigned entries, unsigned first,
                            bool *fresh, jr_error *err)
{
    *fresh = false;
    if (*slots && 2 * (entries + 1) <= *nslots)
        return JR_OK;
    unsigned ns = *nslots ? *nslots * 2 : first;
    uint32_t *n = calloc(ns, sizeof *n);
    if (!n)
        return no_memory(err);
    free(*slots);
    *slots = n;
    *nslots = ns;
    *fresh = true;
    return JR_OK;
}

jr_status decl_session_begin(const jr_ctx *ctx, const char *source, jr_decl_session **out,
                             jr_error *err)
{
    *out = NULL;
    jr_status rc = svc_may(ctx, JR_ACT_PROVIDE, err);
    if (rc != JR_OK)
        return rc;
    if (sodium_init() < 0)
        return jr_fail(err, JR_ENOMEM, "crypto", "", "libsodium kon niet starten.");
    jr_decl_session *s = calloc(1, sizeof *s);
    if (s) {
        s->totals = reserve(TOTALS_BYTES);
        s->tflags = reserve(FLAGS_BYTES);
        s->tslots = reserve(TSLOTS_BYTES);
        s->spend = spend_acc_new();
    }
    if (!s || !s->totals || !s->tflags || !s->tslots || !s->spend) {
        decl_session_free(s);
        return no_memory(err);
    }
    s->ctx = *ctx;
    str_copy(s->source, sizeof s->source, source ? source : "");
    store_timestamp(0, s->received_at);
    rc = store_begin(ctx->store, err);
    if (rc != JR_OK) {
        decl_session_free(s);
        return rc;
    }
    s->in_tx = true;
    *out = s;
    return JR_OK;
}

/* ---- the running totals ---- */

/* sort_totals: heapsort by id, in place (qsort would take a buffer as
 * large as the table, and the peak memory with it) */
static void sift_down(total_entry *a, unsigned root, unsigned n)
{
    for (;;) {
        unsigned c = 2 * root + 1;
        if (c >= n)
            return;
        if (c + 1 < n && a[c + 1].id > a[c].id)
            c++;
        if (a[root].id >= a[c].id)
            return;
        total_entry t = a[root];
        a[root] = a[c];
        a[c] = t;
        root = c;
    }
}

static void sort_totals(total_entry *a, unsigned n)
{
    for (unsigned i = n / 2; i-- > 0;)
        sift_down(a, i, n);
    for (unsigned end = n; end > 1;) {
        end--;
        total_entry t = a[0];
        a[0] = a[end];
        a[end] = t;
        sift_down(a, 0, end);
    }
}

/* totals_flush: writes the changed totals back in id order (the table is
 * walked once) and empties the table. */
static jr_status totals_flush(jr_decl_session *s, jr_error *err)
{
    /* the changed entries, moved to the front, then sorted by id */
    unsigned n = 0;
    for (unsigned i = 0; i < s->ntotals; i++)
        if (s->tflags[i] & TOTAL_DIRTY)
            s->totals[n++] = s->totals[i];
    sort_totals(s->totals, n);
    jr_status rc = JR_OK;
    for (unsigned k = 0; k < n && rc == JR_OK; k++) {
        const total_entry *t = &s->totals[k];
        store_decl_total row = {t->id, t->used, t->used_base, t->first, t->last};
        rc = store_decl_total_put(s->ctx.store, &row, err);
    }
    s->ntotals = 0;
    memset(s->tslots, 0, TOTALS_SLOTS * sizeof *s->tslots);
    return rc;
}

/* totals_slot: the slot of assignment id: its entry's, or the empty one
 * where it goes */
static unsigned totals_slot(const jr_decl_session *s, int64_t id)
{
    unsigned i = hash_id(id);
    while (s->tslots[i] && s->totals[s->tslots[i] - 1].id != id)
        i = (i + 1) & (TOTALS_SLOTS - 1);
    return i;
}

/* totals_new: an entry of nothing used for id in the empty slot i */
static unsigned totals_new(jr_decl_session *s, unsigned i, int64_t id)
{
    unsigned k = s->ntotals++;
    s->tslots[i] = k + 1;
    s->totals[k] = (total_entry){.id = (int32_t)id, .first = JR_DATE_NONE, .last = JR_DATE_NONE};
    s->tflags[k] = 0;
    return k;
}

static jr_status totals_set_stored(jr_decl_session *s, unsigned k, const store_decl_total *t,
                                   jr_error *err)
{
    int64_t base = t->used_base;
    if (base < INT32_MIN || base > INT32_MAX)
        return jr_fail(err, JR_EDB, "used_base_range", "",
                       "Verbruikt volume van toewijzing-id %lld valt buiten het bereik.",
                       (long long)s->totals[k].id);
    s->totals[k].used = t->used_cents;
    s->totals[k].used_base = (int32_t)base;
    s->totals[k].first = t->first_begin;
    s->totals[k].last = t->last_end;
    return JR_OK;
}

#define PREFETCH STORE_DECL_TOTALS_BATCH

/* totals_prefetch: the running totals of the batch's assignments that the
 * table does not hold yet, read PREFETCH to a statement (a national month
 * meets most assignments for the first time: one statement per assignment
 * cost a second of the import) */
static jr_status totals_prefetch(jr_decl_session *s, jr_error *err)
{
    unsigned f = 0;
    while (f < s->nfacts) {
        if (s->ntotals + PREFETCH > TOTALS_MAX) {
            jr_status rc = totals_flush(s, err);
            if (rc != JR_OK)
                return rc;
        }
        int64_t ids[PREFETCH];
        int n = 0;
        for (; f < s->nfacts && n < PREFETCH; f++) {
            int64_t id = s->facts[f].f.id;
            if (id <= 0 || id >= ((int64_t)1 << 31))
                continue; /* the line that names it says why */
            unsigned i = totals_slot(s, id);
            if (s->tslots[i])
                continue;
            totals_new(s, i, id);
            ids[n++] = id;
        }
        if (n == 0)
            continue;
        store_decl_total got[PREFETCH];
        int ngot;
        jr_status rc = store_decl_totals_get(s->ctx.store, ids, n, got, &ngot, err);
        for (int k = 0; rc == JR_OK && k < ngot; k++) {
            unsigned i = totals_slot(s, got[k].assignment_id);
            rc = totals_set_stored(s, s->tslots[i] - 1, &got[k], err);
        }
        if (rc != JR_OK)
            return rc;
    }
    return JR_OK;
}

/* totals_get: the entry of assignment id, read from the store on first use. */
static jr_status totals_get(jr_decl_session *s, int64_t id, unsigned *out, jr_error *err)
{
    unsigned i = totals_slot(s, id);
    if (s->tslots[i]) {
        *out = s->tslots[i] - 1;
        return JR_OK;
    }
    if (s->ntotals >= TOTALS_MAX) {
        jr_status rc = totals_flush(s, err);
        if (rc != JR_OK)
            return rc;
        return totals_get(s, id, out, err);
    }
    unsigned k = totals_new(s, i, id);
    store_decl_total row;
    jr_status rc = store_decl_total_get(s->ctx.store, id, &row, err);
    if (rc == JR_OK)
        rc = totals_set_stored(s, k, &row, err);
    else if (rc == JR_ENOTFOUND)
        rc = JR_OK; /* nothing accepted on it yet */
    *out = k;
    return rc;
}

/* ---- the facts of the batch's assignments ---- */

/* fact_set: e holds the stored assignment f */
static void fact_set(fact_entry *e, const store_decl_fact *f)
{
    e->exists = true;
    e->f = *f;
}

/* facts_slot: the slot of number: its entry's, or the empty one where it goes. */
static unsigned facts_slot(const jr_decl_session *s, const char *number)
{
    unsigned i = (unsigned)hash_str(number) & (s->nfslots - 1);
    for (; s->fslots[i]; i = (i + 1) & (s->nfslots - 1))
        if (strcmp(s->facts[s->fslots[i] - 1].f.number, number) == 0)
            break;
    return i;
}

/* facts_new: a new entry, keeping the slots at least twice the entries. */
static jr_status facts_new(jr_decl_session *s, fact_entry **out, jr_error *err)
{
    bool fresh;
    jr_status rc = grow(&s->facts, s->nfacts, &s->capfacts, sizeof *s->facts, 256, err);
    if (rc == JR_OK)
        rc = grow_slots(&s->fslots, &s->nfslots, s->nfacts, 512, &fresh, err);
    if (rc != JR_OK)
        return rc;
    for (unsigned k = 0; fresh && k < s->nfacts; k++)
        s->fslots[facts_slot(s, s->facts[k].f.number)] = k + 1;
    *out = &s->facts[s->nfacts++];
    return JR_OK;
}

/* A scanned row costs about a tenth of a look-up of one assignment alone (a
 * random page): the scan pays while there are at most this many
 * assignments per line of the batch. */
#define FACTS_PER_LINE 16

static void facts_clear(jr_decl_session *s)
{
    s->nfacts = 0;
    if (s->fslots)
        memset(s->fslots, 0, s->nfslots * sizeof *s->fslots);
}

void decl_session_expect(jr_decl_session *s, int64_t n)
{
    s->expect = n > 0 ? n : 0;
}

typedef struct {
    jr_decl_session *s;
    int64_t limit; /* the most entries worth scanning */
    bool over;     /* more than limit: the scan stopped */
    jr_status rc;
    jr_error *err;
} facts_loader;

/* facts_take: one scanned assignment into the batch's facts (a store_decl_fn) */
static int facts_take(void *ud, const void *row)
{
    facts_loader *fl = ud;
    jr_decl_session *s = fl->s;
    if ((int64_t)s->nfacts >= fl->limit) {
        fl->over = true;
        return 1;
    }
    fact_entry *e;
    if ((fl->rc = facts_new(s, &e, fl->err)) != JR_OK)
        return 1;
    fact_set(e, row);
    s->fslots[facts_slot(s, e->f.number)] = (unsigned)(e - s->facts) + 1;
    return 0;
}

/* facts_load: the assignments of the provider in the batch's municipality
 * that run in some part of its month; none when the batch is known to be
 * far smaller than that (its lines then look their assignments up alone). */
static jr_status facts_load(jr_decl_session *s, const jr_decl_batch *b, jr_error *err)
{
    facts_clear(s);
    facts_loader fl = {s, s->expect ? s->expect * FACTS_PER_LINE : INT64_MAX, false, JR_OK, err};
    s->expect = 0;
    jr_status rc =
        store_decl_facts_scan(s->ctx.store, s->provider_id, b->gemeente, month_first_day(b->period),
                              month_last_day(b->period), facts_take, &fl, err);
    if (rc == JR_OK)
        rc = fl.rc;
    if (rc == JR_OK && fl.over)
        facts_clear(s);
    return rc;
}

/* facts_get: the facts of the assignment a line names; one outside the
 * batch's range is read alone (and remembered for the batch). */
static jr_status facts_get(jr_decl_session *s, const char *number, fact_entry **out, jr_error *err)
{
    if (s->nfslots) {
        unsigned i = facts_slot(s, number);
        if (s->fslots[i]) {
            *out = &s->facts[s->fslots[i] - 1];
            return JR_OK;
        }
    }
    fact_entry *e;
    jr_status rc = facts_new(s, &e, err);
    if (rc != JR_OK)
        return rc;
    store_decl_fact f;
    rc = store_decl_fact_by_number(s->ctx.store, number, &f, err);
    if (rc == JR_OK) {
        fact_set(e, &f);
    } else if (rc == JR_ENOTFOUND) {
        memset(e, 0, sizeof *e); /* the line says why: 9338 */
        str_copy(e->f.number, sizeof e->f.number, number);
    } else {
        return rc;
    }
    s->fslots[facts_slot(s, number)] = (unsigned)(e - s->facts) + 1;
    *out = e;
    return JR_OK;
}

/* ---- the open debits of the batch's scope ---- */

/* iJw 9389 allows one open debit (accepted and not credited) per assignment,
 * product and begin date. An accepted line lies in its batch's month (9319)
 * and names an assignment of the batch's provider (9338) and municipality
 * (JR05), so every open debit a line of a batch can meet lies in a batch of
 * the same provider, municipality and period: its scope. The session reads
 * the open debits of the scope's earlier batches when it opens a batch
 * (nearly always none: a provider sends one batch per municipality and
 * month) and adds the batch's own as they are accepted. The rule thus needs
 * no index over all lines (migration 006 dropped it). */

static unsigned debits_slot(const jr_decl_session *s, int64_t key, const char *product)
{
    uint64_t h = hash_str(product) ^ ((uint64_t)key * 0x9e3779b97f4a7c15ull);
    unsigned i = (unsigned)(h >> 32) & (s->ndslots - 1);
    for (; s->dslots[i]; i = (i + 1) & (s->ndslots - 1)) {
        const open_debit *d = &s->debits[s->dslots[i] - 1];
        if (d->key == key && strcmp(d->product, product) == 0)
            break;
    }
    return i;
}

static bool debits_open(const jr_decl_session *s, int64_t key, const char *product)
{
    return s->ndslots && *product && s->dslots[debits_slot(s, key, product)] != 0;
}

static void debits_clear(jr_decl_session *s)
{
    s->ndebits = 0;
    if (s->dslots)
        memset(s->dslots, 0, s->ndslots * sizeof *s->dslots);
}

static jr_status debits_add(jr_decl_session *s, int64_t key, const char *product, jr_error *err)
{
    bool fresh;
    jr_status rc = grow(&s->debits, s->ndebits, &s->capdebits, sizeof *s->debits, 64, err);
    if (rc == JR_OK)
        rc = grow_slots(&s->dslots, &s->ndslots, s->ndebits, 128, &fresh, err);
    if (rc != JR_OK)
        return rc;
    for (unsigned k = 0; fresh && k < s->ndebits; k++)
        if (s->debits[k].product[0])
            s->dslots[debits_slot(s, s->debits[k].key, s->debits[k].product)] = k + 1;
    open_debit *d = &s->debits[s->ndebits++];
    d->key = key;
    str_copy(d->product, sizeof d->product, product);
    s->dslots[debits_slot(s, key, product)] = s->ndebits;
    return JR_OK;
}

/* debits_close: a credit of the batch cancelled the open debit */
static void debits_close(jr_decl_session *s, int64_t key, const char *product)
{
    if (debits_open(s, key, product))
        s->debits[s->dslots[debits_slot(s, key, product)] - 1].product[0] = '\0';
}

/* A row callback's view of the session: where it adds, and how that went. */
typedef struct {
    jr_decl_session *s;
    jr_status rc;
    jr_error *err;
} session_fill;

static int debits_take(void *ud, const void *row)
{
    session_fill *sf = ud;
    const store_decl_open_debit *d = row;
    sf->rc = debits_add(sf->s, d->debit_key, d->product, sf->err);
    return sf->rc != JR_OK;
}

/* debits_load: the open debits of the earlier batches in the scope of b */
static jr_status debits_load(jr_decl_session *s, const jr_decl_batch *b, jr_error *err)
{
    debits_clear(s);
    session_fill sf = {s, JR_OK, err};
    jr_status rc = store_decl_scope_open_debits(s->ctx.store, s->provider_id, b->gemeente,
                                                b->period, debits_take, &sf, err);
    return rc == JR_OK ? sf.rc : rc;
}

static int contracts_take(void *ud, const void *row)
{
    session_fill *sf = ud;
    jr_decl_session *s = sf->s;
    sf->rc =
        grow(&s->contracts, s->ncontracts, &s->capcontracts, sizeof *s->contracts, 32, sf->err);
    if (sf->rc != JR_OK)
        return 1;
    s->contracts[s->ncontracts++] = *(const store_decl_contract *)row;
    return 0;
}

/* load_contracts: the contracts of the current batch's provider */
static jr_status load_contracts(jr_decl_session *s, jr_error *err)
{
    s->ncontracts = 0;
    session_fill sf = {s, JR_OK, err};
    jr_status rc = store_decl_contracts(s->ctx.store, s->provider_id, contracts_take, &sf, err);
    return rc == JR_OK ? sf.rc : rc;
}

static bool contracted(const jr_decl_session *s, const char *product, jr_date from, jr_date to)
{
    for (unsigned i = 0; i < s->ncontracts; i++) {
        const contract_span *c = &s->contracts[i];
        if (c->start <= from && (c->end == JR_DATE_NONE || to <= c->end) &&
            strcmp(c->product, product) == 0)
            return true;
    }
    return false;
}

void decl_hash_begin(jr_decl_hash *h, const jr_decl_batch *b)
{
    char per[8], d[JR_DATE_ISO_LEN], head[160];
    int n = snprintf(head, sizeof head, "%s|%s|%s|%s|%s\n", b->number, b->agb, b->gemeente,
                     month_format(b->period, per), date_format(b->dagtekening, d));
    crypto_generichash_init(&h->st, NULL, 0, 32);
    crypto_generichash_update(&h->st, (const unsigned char *)head, (unsigned long long)n);
}

/* decl_hash_line: the line's fields, each text with its NUL as separator,
 * then the numbers as their 8 bytes: the same content always gives the same
 * hash. */
void decl_hash_line(jr_decl_hash *h, const jr_decl_line *l)
{
    const char *texts[] = {l->ref,  l->assignment,         l->bsn,       l->category, l->product,
                           l->unit, l->credit ? "C" : "D", l->credit_ref};
    int64_t nums[] = {l->begin, l->end, l->volume, l->tariff, l->amount};
    unsigned char buf[sizeof l->ref + sizeof l->assignment + sizeof l->bsn + sizeof l->category +
                      sizeof l->product + sizeof l->unit + 2 + sizeof l->credit_ref + sizeof nums];
    size_t n = 0;
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        size_t len = strlen(texts[i]) + 1;
        memcpy(buf + n, texts[i], len);
        n += len;
    }
    memcpy(buf + n, nums, sizeof nums);
    crypto_generichash_update(&h->st, buf, n + sizeof nums);
}

void decl_hash_end(jr_decl_hash *h, char hex[65])
{
    unsigned char out[32];
    crypto_generichash_final(&h->st, out, sizeof out);
    sodium_bin2hex(hex, 65, out, sizeof out);
}

bool decl_session_hashes_given(jr_decl_session *s)
{
    if (s->nlines == 0)
        s->hashes_given = true;
    return s->hashes_given;
}

void decl_session_batch_hash(jr_decl_session *s, const char hex[65])
{
    str_copy(s->given_hash, sizeof s->given_hash, hex);
    s->have_given = true;
}

static jr_status close_batch(jr_decl_session *s, jr_error *err)
{
    if (!s->have_batch)
        return JR_OK;
    s->have_batch = false;
    char hex[65];
    if (!s->hashes_given) {
        decl_hash_end(&s->hash, hex);
    } else if (s->have_given) {
        str_copy(hex, sizeof hex, s->given_hash);
        s->have_given = false;
    } else {
        return jr_fail(err, JR_EDB, "batch_hash", "declaratienummer",
                       "De inhoud van declaratie %s is niet vastgesteld (geen hash); er is niets "
                       "verwerkt.",
                       s->cur_sum.number);
    }
    jr_decl_batch_summary *b = &s->cur_sum;
    if (s->replay) {
        if (strcmp(hex, s->stored_hash) != 0)
            return jr_fail(err, JR_EINVAL, "9333", "declaratienummer",
                           "Declaratienummer %s van aanbieder %s is al eerder ontvangen met een "
                           "andere inhoud (iJw 9333: declaratienummer is niet uniek). Gebruik een "
                           "nieuw declaratienummer.",
                           b->number, b->agb);
        return JR_OK;
    }
    store_decl_batch_close_row c = {b->batch_id,   hex,           s->first_line,     s->last_line,
                                    b->n_accepted, b->n_rejected, b->accepted_amount};
    jr_status rc = store_decl_batch_close(s->ctx.store, &c, err);
    if (rc != JR_OK)
        return rc;
    char detail[320], m[JR_MONEY_BUF], per[8];
    snprintf(detail, sizeof detail,
             "aanbieder %s gemeente %s periode %s: %lld geaccepteerd (%s), %lld afgewezen; bron %s",
             b->agb, b->gemeente, month_format(b->period, per), (long long)b->n_accepted,
             money_format_nl(b->accepted_amount, m), (long long)b->n_rejected, s->source);
    return audit_record(&s->ctx, "declaratie.ontvangen", "decl_batch", b->number, detail, err);
}

/* batch_note: the session's next batch is id: it extends the last run or starts one */
static jr_status batch_note(jr_decl_session *s, int64_t id, bool replayed, jr_error *err)
{
    if (s->nruns) {
        const batch_run *r = &s->runs[s->nruns - 1];
        if (r->replayed == replayed && id == r->first_id + (s->nbatches - r->first)) {
            s->nbatches++;
            return JR_OK;
        }
    }
    jr_status rc = grow(&s->runs, s->nruns, &s->capruns, sizeof *s->runs, 16, err);
    if (rc != JR_OK)
        return rc;
    s->runs[s->nruns++] = (batch_run){.first_id = id, .first = s->nbatches, .replayed = replayed};
    s->nbatches++;
    return JR_OK;
}

static jr_status open_batch(jr_decl_session *s, const jr_decl_batch *b, jr_error *err)
{
    jr_status rc = close_batch(s, err);
    if (rc != JR_OK)
        return rc;
    if (!svc_sees(&s->ctx, NULL, b->agb))
        return jr_fail(err, JR_EFORBIDDEN, "forbidden", "agb",
                       "U kunt alleen declareren namens uw eigen organisatie (AGB %s), niet %s.",
                       s->ctx.who.agb, b->agb);
    /* a file holds a provider's batches one after another: look the provider
       and its contracts up once per run of batches */
    bool same_provider = s->provider_id && strcmp(s->provider_agb, b->agb) == 0;
    if (!same_provider) {
        jr_provider p;
        if (provider_find(&s->ctx, b->agb, &p, err) != JR_OK)
            return jr_fail(err, JR_EINVAL, "agb_unknown", "agb",
                           "Onbekende aanbieder: AGB-code %s is niet geregistreerd; er is niets "
                           "verwerkt.",
                           b->agb);
        s->provider_id = p.id;
        str_copy(s->provider_agb, sizeof s->provider_agb, b->agb);
        if ((rc = load_contracts(s, err)) != JR_OK)
            return rc;
    }
    jr_decl_batch_summary *sum = &s->cur_sum;
    memset(sum, 0, sizeof *sum);
    str_copy(sum->number, sizeof sum->number, b->number);
    str_copy(sum->agb, sizeof sum->agb, b->agb);
    str_copy(sum->gemeente, sizeof sum->gemeente, b->gemeente);
    sum->period = b->period;
    s->batch = *b;
    s->have_batch = true;
    s->first_line = s->last_line = 0;
    if (!s->hashes_given)
        decl_hash_begin(&s->hash, b);

    store_decl_batch_row old;
    rc = store_decl_batch_by_number(s->ctx.store, s->provider_id, b->number, &old, err);
    if (rc != JR_OK && rc != JR_ENOTFOUND)
        return rc;
    s->replay = rc == JR_OK;
    if (s->replay && s->first_new_batch && old.id >= s->first_new_batch)
        /* stored by this very session: its rows were split up */
        return jr_fail(err, JR_EINVAL, "batch_split", "declaratienummer",
                       "De regels van declaratie %s staan niet bij elkaar in het bestand.",
                       b->number);
    if (s->replay) {
        s->expect = 0; /* nothing is read for a batch received before */
        sum->batch_id = old.id;
        if ((rc = batch_note(s, sum->batch_id, true, err)) != JR_OK)
            return rc;
        str_copy(s->stored_hash, sizeof s->stored_hash, old.content_hash);
        sum->n_accepted = old.n_accepted;
        sum->n_rejected = old.n_rejected;
        sum->accepted_amount = old.accepted_cents;
        sum->replayed = true;
        return JR_OK;
    }
    if ((rc = store_decl_batch_insert(s->ctx.store, s->provider_id, b, s->source, s->received_at,
                                      &sum->batch_id, err)) != JR_OK)
        return rc;
    if (!s->first_new_batch)
        s->first_new_batch = sum->batch_id;
    if ((rc = batch_note(s, sum->batch_id, false, err)) != JR_OK)
        return rc;
    if ((rc = debits_load(s, b, err)) != JR_OK)
        return rc;
    if ((rc = facts_load(s, b, err)) != JR_OK)
        return rc;
    return totals_prefetch(s, err);
}

/* debit_key: an open debit's key, stored with each line (decl_line.debit_key,
 * migration 004): the begin date's day number times 2^31 plus the
 * assignment id (ids stay below 2^31: decl_session_add checks). */
static int64_t debit_key(jr_date begin, int64_t assignment_id)
{
    return (int64_t)begin * 2147483648 + assignment_id;
}

/* history_facts: whether the line's reference was accepted before (8021;
 * the unique index on decl_line enforces it, and this look-up runs only
 * when the answer can change the line's code: see decl_session_add) and, for
 * a debit, whether an open debit holds its assignment, product and begin
 * date (9389, from the batch's scope). */
static jr_status history_facts(jr_decl_session *s, const jr_decl_line *l, const fact_entry *e,
                               jr_decl_facts *f, jr_error *err)
{
    jr_status rc =
        store_decl_line_ref_accepted(s->ctx.store, s->provider_id, l->ref, &f->ref_accepted, err);
    if (rc == JR_OK && e->f.a.found && !l->credit)
        f->debit_open = debits_open(s, debit_key(l->begin, e->f.id), l->product);
    return rc;
}

/* The other beds a residential line can meet (JR09: never two beds on one
 * night, domain/beds.h) are accepted lines of another residential
 * assignment of the same youth in the month. They are read from decl_line,
 * where this session's earlier lines already are (inserted in its
 * transaction), so two lines of one youth in one file meet too. An accepted
 * line of unit 14 names an assignment of unit 14 (9341), and a declaration
 * session creates no assignments, so only youths with more than one
 * residential assignment need the look-up in decl_line; the session reads
 * that short list once (the partial index assignment_bed, migration 007). */
typedef struct {
    session_fill sf;
    unsigned cap;
} beds_fill;

static int beds_take(void *ud, const void *row)
{
    beds_fill *bf = ud;
    jr_decl_session *s = bf->sf.s;
    bf->sf.rc =
        grow(&s->bed_youths, s->nbed_youths, &bf->cap, sizeof *s->bed_youths, 256, bf->sf.err);
    if (bf->sf.rc != JR_OK)
        return 1;
    s->bed_youths[s->nbed_youths++] = *(const int64_t *)row;
    return 0;
}

static jr_status beds_load(jr_decl_session *s, jr_error *err)
{
    beds_fill bf = {{s, JR_OK, err}, 0};
    jr_status rc = store_decl_bed_youths(s->ctx.store, beds_take, &bf, err);
    if (rc == JR_OK)
        rc = bf.sf.rc;
    if (rc == JR_OK)
        s->beds_known = true;
    return rc;
}

/* beds_possible: whether youth_id has another residential assignment */
static jr_status beds_possible(jr_decl_session *s, int64_t youth_id, bool *out, jr_error *err)
{
    if (!s->beds_known) {
        jr_status rc = beds_load(s, err);
        if (rc != JR_OK)
            return rc;
    }
    unsigned lo = 0, hi = s->nbed_youths;
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;
        if (s->bed_youths[mid] < youth_id)
            lo = mid + 1;
        else
            hi = mid;
    }
    *out = lo < s->nbed_youths && s->bed_youths[lo] == youth_id;
    return JR_OK;
}

static int bed_lines_take(void *ud, const void *row)
{
    session_fill *sf = ud;
    jr_decl_session *s = sf->s;
    sf->rc = grow(&s->bed_lines, s->nbed_lines, &s->capbed_lines, sizeof *s->bed_lines, 8, sf->err);
    if (sf->rc != JR_OK)
        return 1;
    s->bed_lines[s->nbed_lines++] = *(const jr_bed_line *)row;
    return 0;
}

/* bed_lines_load: the other beds of the youth of assignment e in month m,
 * into s->bed_lines (valid until the next line) */
static jr_status bed_lines_load(jr_decl_session *s, const fact_entry *e, jr_month m, jr_error *err)
{
    session_fill sf = {s, JR_OK, err};
    s->nbed_lines = 0;
    jr_status rc = store_decl_line_beds(s->ctx.store, e->f.youth_id, month_first_day(m),
                                        month_last_day(m), e->f.id, bed_lines_take, &sf, err);
    return rc == JR_OK ? sf.rc : rc;
}

/* the debit a credit cancels: its row and its open-debit key */
typedef struct {
    int64_t id;
    int64_t key;
} credit_target;

static jr_status gather_facts(jr_decl_session *s, const jr_decl_line *l, const fact_entry *e,
                              jr_decl_facts *f, credit_target *target, jr_error *err)
{
    f->contracted = contracted(s, l->product, l->begin, l->end);
    if (!e->f.a.found)
        return JR_OK;
    if (l->credit) {
        store_decl_line_row t;
        jr_status rc =
            store_decl_line_credit_target(s->ctx.store, s->provider_id, l->credit_ref, &t, err);
        if (rc == JR_ENOTFOUND)
            return JR_OK; /* the rules say so: 8017 */
        if (rc != JR_OK)
            return rc;
        f->credit_target_found = true;
        f->credit_target = t.line;
        f->credit_target_credited = t.credited;
        target->id = t.id;
        target->key = t.debit_key;
        return JR_OK;
    }
    bool other_beds = false;
    if (strcmp(l->unit, "14") == 0) {
        jr_status rc = beds_possible(s, e->f.youth_id, &other_beds, err);
        if (rc != JR_OK)
            return rc;
    }
    if (other_beds) {
        jr_status rc = bed_lines_load(s, e, date_month(l->begin), err);
        if (rc != JR_OK)
            return rc;
        f->other_beds = s->bed_lines;
        f->nother_beds = s->nbed_lines;
    }
    return JR_OK;
}

/* iso_date: d as ISO text in the session's slot k (0 begin, 1 end),
 * formatted only when it changed */
static const char *iso_date(jr_decl_session *s, int k, jr_date d)
{
    if (!s->iso_valid[k] || s->iso_day[k] != d) {
        date_format(d, s->iso[k]);
        s->iso_day[k] = d;
        s->iso_valid[k] = true;
    }
    return s->iso[k];
}

/* insert_line: stores the line with its outcome, its id in *id;
 * JR_ECONFLICT (err untouched) when a unique index refuses it (the reference
 * of an accepted line already there). */
static jr_status insert_line(jr_decl_session *s, const jr_decl_line *l, const fact_entry *e,
                             const jr_decl_result *res, int64_t *id, jr_error *err)
{
    store_decl_line_new n = {
        .batch_id = s->cur_sum.batch_id,
        .provider_id = s->provider_id,
        .line = l,
        .assignment_id = e->f.a.found ? e->f.id : 0,
        .youth_id = e->f.a.found ? e->f.youth_id : 0,
        .debit_key = e->f.a.found ? debit_key(l->begin, e->f.id) : 0,
        .begin_iso = iso_date(s, 0, l->begin),
        .end_iso = iso_date(s, 1, l->end),
        .accepted = res->accepted,
        .code = res->code,
    };
    jr_error e2;
    jr_status rc = store_decl_line_insert(s->ctx.store, &n, id, &e2);
    if (rc != JR_OK && rc != JR_ECONFLICT && err)
        *err = e2;
    return rc;
}

/* signal_rows: what the control signals read of an accepted line
 * (migration 016): a credit, or a line of more than JR_SIG_HOURS_KEPT hours
 * per week, into line_signal; a debit's dates into its assignment's extent
 * (total t), and the assignment into care_outside when the line lies
 * outside its care period (once per session). */
static jr_status signal_rows(jr_decl_session *s, const jr_decl_batch *b, const jr_decl_line *l,
                             const fact_entry *e, unsigned t, int64_t id, jr_error *err)
{
    jr_status rc = JR_OK;
    if (l->credit || signal_hours_kept(l->volume, l->unit, l->begin, l->end))
        rc = store_sig_line_keep(s->ctx.store, b->period, id, err);
    if (rc != JR_OK || l->credit)
        return rc;
    total_entry *tot = &s->totals[t];
    if (tot->first == JR_DATE_NONE || l->begin < tot->first)
        tot->first = l->begin;
    if (tot->last == JR_DATE_NONE || l->end > tot->last)
        tot->last = l->end;
    if (!(s->tflags[t] & TOTAL_OUTSIDE) &&
        signal_care_position(e->f.a.care_start, e->f.a.care_stop, l->begin, l->end) !=
            JR_CARE_INSIDE) {
        s->tflags[t] |= TOTAL_OUTSIDE;
        rc = store_sig_care_outside_set(s->ctx.store, s->provider_id, e->f.id, true, err);
    }
    return rc;
}

jr_status decl_session_add(jr_decl_session *s, const jr_decl_batch *b, const jr_decl_line *l,
                           jr_error *err)
{
    jr_status rc;
    if (!s->have_batch || !decl_same_batch(&s->batch, b)) {
        if (s->have_batch && strcmp(s->batch.number, b->number) == 0 &&
            strcmp(s->batch.agb, b->agb) == 0)
            return jr_fail(err, JR_EINVAL, "batch_header", "declaratienummer",
                           "Regels van declaratie %s noemen verschillende gemeenten, perioden of "
                           "dagtekeningen.",
                           b->number);
        if ((rc = open_batch(s, b, err)) != JR_OK)
            return rc;
    }
    s->nlines++;
    if (!s->hashes_given)
        decl_hash_line(&s->hash, l);
    if (s->replay)
        return JR_OK;

    fact_entry *e = NULL;
    if ((rc = facts_get(s, l->assignment, &e, err)) != JR_OK)
        return rc;
    e->f.a.found = e->exists && e->f.provider_id == s->provider_id;
    if (e->f.a.found && e->f.id >= ((int64_t)1 << 31))
        return jr_fail(err, JR_EDB, "assignment_id_range", "toewijzingnummer",
                       "Toewijzing %s heeft een intern nummer boven 2^31; de sleutel van de "
                       "debetregels kan het niet bevatten.",
                       l->assignment);
    unsigned t = 0;
    if (e->f.a.found) {
        if ((rc = totals_get(s, e->f.id, &t, err)) != JR_OK)
            return rc;
        e->f.a.used = s->totals[t].used;
        e->f.a.used_base = s->totals[t].used_base;
    }
    jr_decl_facts f;
    memset(&f, 0, sizeof f);
    credit_target target = {0, 0};
    if ((rc = gather_facts(s, l, e, &f, &target, err)) != JR_OK)
        return rc;
    /* a credit's history is read at once; a debit's when 9389 holds (it
       comes from memory, and a line sent twice is 8021, which the rules
       check first), or below when a later check could hide it */
    bool history =
        l->credit || (e->f.a.found && debits_open(s, debit_key(l->begin, e->f.id), l->product));
    if (history && (rc = history_facts(s, l, e, &f, err)) != JR_OK)
        return rc;
    jr_decl_result res;
    decl_check_line(s->ctx.cat, b, l, &e->f.a, &f, s->ctx.today, &res);
    /* A debit's reference (8021) is looked up only when it could change the
       code: when a later check rejected the line, or when the insert finds
       the reference already there (the unique index says so). Accepted
       lines, nearly all of them, cost one insert. */
    if (!history && !res.accepted && decl_code_after_history(res.code)) {
        if ((rc = history_facts(s, l, e, &f, err)) != JR_OK)
            return rc;
        decl_check_line(s->ctx.cat, b, l, &e->f.a, &f, s->ctx.today, &res);
    }
    int64_t id = 0;
    rc = insert_line(s, l, e, &res, &id, err);
    if (rc == JR_ECONFLICT && res.accepted && !l->credit) {
        if ((rc = history_facts(s, l, e, &f, err)) != JR_OK)
            return rc;
        decl_check_line(s->ctx.cat, b, l, &e->f.a, &f, s->ctx.today, &res);
        rc = res.accepted ? jr_fail(err, JR_EDB, "database", "",
                                    "Onverwacht conflict bij "
                                    "regel %s.",
                                    l->ref)
                          : insert_line(s, l, e, &res, &id, err);
    }
    if (rc != JR_OK)
        return rc == JR_ECONFLICT ? JR_EDB : rc;
    if (!s->first_line)
        s->first_line = id;
    s->last_line = id;
    if (!res.accepted) {
        s->cur_sum.n_rejected++;
        return JR_OK;
    }
    s->cur_sum.n_accepted++;
    s->cur_sum.accepted_amount += res.amount;
    total_entry *tot = &s->totals[t]; /* accepted: the assignment was found */
    int64_t base = tot->used_base + res.volume_base;
    if (base < INT32_MIN || base > INT32_MAX)
        return jr_fail(err, JR_EINVAL, "used_base_range", "volume",
                       "Regel %s brengt het verbruikte volume van toewijzing %s buiten het "
                       "bereik.",
                       l->ref, l->assignment);
    tot->used += res.amount;
    tot->used_base = (int32_t)base;
    s->tflags[t] |= TOTAL_DIRTY;
    if ((rc = signal_rows(s, b, l, e, t, id, err)) != JR_OK)
        return rc;
    if (!spend_acc_add(s->spend, b->period, b->gemeente, s->provider_id, e->f.id, e->f.youth_id,
                       l->product, res.amount))
        return no_memory(err);
    if (spend_acc_full(s->spend) && (rc = spend_acc_flush(s->spend, s->ctx.store, err)) != JR_OK)
        return rc;
    if (!l->credit)
        return debits_add(s, debit_key(l->begin, e->f.id), l->product, err);
    if ((rc = store_decl_line_mark_credited(s->ctx.store, target.id, err)) != JR_OK)
        return rc;
    debits_close(s, target.key, f.credit_target.product);
    return JR_OK;
}

jr_status decl_session_commit(jr_decl_session *s, jr_error *err)
{
    jr_status rc = close_batch(s, err);
    if (rc == JR_OK)
        rc = totals_flush(s, err);
    if (rc == JR_OK)
        rc = spend_acc_flush(s->spend, s->ctx.store, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = store_commit(s->ctx.store, err)) != JR_OK)
        return rc;
    s->in_tx = false;
    s->committed = true;
    return JR_OK;
}

void decl_session_free(jr_decl_session *s)
{
    if (!s)
        return;
    if (s->in_tx)
        store_rollback(s->ctx.store);
    spend_acc_free(s->spend);
    free(s->facts);
    free(s->fslots);
    release(s->totals, TOTALS_BYTES);
    release(s->tflags, FLAGS_BYTES);
    release(s->tslots, TSLOTS_BYTES);
    free(s->contracts);
    free(s->runs);
    free(s->debits);
    free(s->dslots);
    free(s->bed_youths);
    free(s->bed_lines);
    free(s);
}

int decl_session_nbatches(const jr_decl_session *s)
{
    return s->nbatches;
}

const jr_decl_batch_summary *decl_session_batch(jr_decl_session *s, int i)
{
    if (i < 0 || i >= s->nbatches)
        return NULL;
    int lo = 0, hi = (int)s->nruns - 1; /* the last run that starts at or before i */
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (s->runs[mid].first <= i)
            lo = mid;
        else
            hi = mid - 1;
    }
    const batch_run *run = &s->runs[lo];
    int64_t id = run->first_id + (i - run->first);
    jr_ctx sys = svc_system(&s->ctx); /* the session's own batches */
    if (batch_get(&sys, id, &s->scratch, NULL) != JR_OK)
        return NULL;
    s->scratch.sum.replayed = run->replayed;
    return &s->scratch.sum;
}

int64_t decl_session_nlines(const jr_decl_session *s)
{
    return s->nlines;
}

void decl_outcome_from_line(const store_decl_line_row *row, jr_decl_outcome *o)
{
    const jr_decl_line *l = &row->line;
    memset(o, 0, sizeof *o);
    o->id = row->id;
    str_copy(o->ref, sizeof o->ref, l->ref);
    str_copy(o->assignment, sizeof o->assignment, l->assignment);
    str_copy(o->product, sizeof o->product, l->product);
    o->begin = l->begin;
    o->end = l->end;
    o->volume = l->volume;
    str_copy(o->unit, sizeof o->unit, l->unit);
    o->amount = l->amount;
    o->credit = l->credit;
    o->accepted = row->accepted;
    str_copy(o->code, sizeof o->code, row->code);
    o->message = decl_code_message(o->code);
}

int decl_outcome_each(void *ud, const void *row)
{
    const decl_outcome_fn *to = ud;
    jr_decl_outcome o;
    decl_outcome_from_line(row, &o);
    return to->fn(to->ud, &o);
}

jr_status decl_batch_outcomes(const jr_ctx *ctx, int64_t batch_id, jr_row_fn fn, void *ud,
                              jr_error *err)
{
    jr_batch batch; /* the batch must exist and be visible: batch_get says so */
    jr_status rc = batch_get(ctx, batch_id, &batch, err);
    if (rc != JR_OK)
        return rc;
    decl_outcome_fn to = {fn, ud};
    return store_decl_batch_lines(ctx->store, batch_id, decl_outcome_each, &to, err);
}

/*
 * decl_csv.c: reading declaration lines from CSV (a reader thread parses and
 * hashes while the caller's thread checks and stores), and the import call
 * that every door uses: session, read, commit, report.
 */
#include "decl_csv.h"
#include "../core/sbuf.h"

#include "../core/csv.h"
#include "../domain/ident.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

const char *const decl_csv_columns[DCSV_COUNT] = {
    "declaratienummer", "agb",          "gemeente",
    "periode",          "dagtekening",  "referentie",
    "toewijzingnummer", "bsn",          "productcategorie",
    "productcode",      "begindatum",   "einddatum",
    "volume",           "eenheid",      "tarief",
    "bedrag",           "debet_credit", "vorige_referentie"};

const char *decl_csv_header(void)
{
    return "declaratienummer,agb,gemeente,periode,dagtekening,referentie,toewijzingnummer,bsn,"
           "productcategorie,productcode,begindatum,einddatum,volume,eenheid,tarief,bedrag,"
           "debet_credit,vorige_referentie";
}

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

static bool ident_ok(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n == 0 || n >= max)
        return false;
    for (; *s; s++)
        if (*s < 0x21 || *s > 0x7e)
            return false;
    return true;
}

typedef struct {
    const char *file;
    long line;
    jr_error *err;
} where;

static jr_status bad(where *w, int col, const char *value, const char *what)
{
    return jr_fail(w->err, JR_EINVAL, "csv_invalid", decl_csv_columns[col],
                   "%s:%ld: kolom %s: %s (waarde '%.40s'); het bestand is niet verwerkt.", w->file,
                   w->line, decl_csv_columns[col], what, value);
}

static jr_status parse_row(where *w, char **f, jr_decl_batch *b, jr_decl_line *l)
{
    memset(l, 0, sizeof *l);
    memset(b, 0, sizeof *b);
    if (!ident_ok(f[DCSV_NUMBER], sizeof b->number))
        return bad(w, DCSV_NUMBER, f[DCSV_NUMBER], "1 tot 40 tekens zonder spaties");
    str_copy(b->number, sizeof b->number, f[DCSV_NUMBER]);
    if (!agb_valid(f[DCSV_AGB]))
        return bad(w, DCSV_AGB, f[DCSV_AGB], "een AGB-code heeft 8 cijfers");
    str_copy(b->agb, sizeof b->agb, f[DCSV_AGB]);
    if (!cbs_valid(f[DCSV_GEMEENTE]))
        return bad(w, DCSV_GEMEENTE, f[DCSV_GEMEENTE], "een CBS-gemeentecode heeft 4 cijfers");
    str_copy(b->gemeente, sizeof b->gemeente, f[DCSV_GEMEENTE]);
    if (!month_parse(f[DCSV_PERIOD], &b->period))
        return bad(w, DCSV_PERIOD, f[DCSV_PERIOD], "geen maand JJJJ-MM");
    if (!date_parse(f[DCSV_DAGTEKENING], &b->dagtekening))
        return bad(w, DCSV_DAGTEKENING, f[DCSV_DAGTEKENING], "geen datum JJJJ-MM-DD");
    if (!ident_ok(f[DCSV_REF], sizeof l->ref))
        return bad(w, DCSV_REF, f[DCSV_REF], "1 tot 40 tekens zonder spaties");
    str_copy(l->ref, sizeof l->ref, f[DCSV_REF]);
    if (!ident_ok(f[DCSV_ASSIGNMENT], sizeof l->assignment))
        return bad(w, DCSV_ASSIGNMENT, f[DCSV_ASSIGNMENT], "1 tot 40 tekens zonder spaties");
    str_copy(l->assignment, sizeof l->assignment, f[DCSV_ASSIGNMENT]);
    if (strlen(f[DCSV_BSN]) != 9 || !all_digits(f[DCSV_BSN]))
        return bad(w, DCSV_BSN, f[DCSV_BSN], "een BSN heeft 9 cijfers");
    str_copy(l->bsn, sizeof l->bsn, f[DCSV_BSN]);
    if (strlen(f[DCSV_CATEGORY]) != 2 || !all_digits(f[DCSV_CATEGORY]))
        return bad(w, DCSV_CATEGORY, f[DCSV_CATEGORY], "een productcategorie heeft 2 cijfers");
    str_copy(l->category, sizeof l->category, f[DCSV_CATEGORY]);
    if (!ident_ok(f[DCSV_PRODUCT], sizeof l->product))
        return bad(w, DCSV_PRODUCT, f[DCSV_PRODUCT], "een productcode heeft 1 tot 7 tekens");
    str_copy(l->product, sizeof l->product, f[DCSV_PRODUCT]);
    if (!date_parse(f[DCSV_BEGIN], &l->begin))
        return bad(w, DCSV_BEGIN, f[DCSV_BEGIN], "geen datum JJJJ-MM-DD");
    if (!date_parse(f[DCSV_END], &l->end))
        return bad(w, DCSV_END, f[DCSV_END], "geen datum JJJJ-MM-DD");
    const char *v = f[DCSV_VOLUME];
    if (!all_digits(v[0] == '-' ? v + 1 : v) || strlen(v) > 9)
        return bad(w, DCSV_VOLUME, v, "geen geheel getal");
    l->volume = strtoll(v, NULL, 10);
    if (!unit_name(f[DCSV_UNIT])[0]) /* the catalog knows the iJw units */
        return bad(w, DCSV_UNIT, f[DCSV_UNIT], "geen iJw-eenheid (01, 04, 14, 16, 82, 83, 84)");
    str_copy(l->unit, sizeof l->unit, f[DCSV_UNIT]);
    if (!money_parse(f[DCSV_TARIFF], &l->tariff) || l->tariff < 0)
        return bad(w, DCSV_TARIFF, f[DCSV_TARIFF], "geen bedrag in euro's zoals 78.00");
    if (!money_parse(f[DCSV_AMOUNT], &l->amount) || l->amount < 0)
        return bad(w, DCSV_AMOUNT, f[DCSV_AMOUNT], "geen bedrag in euro's zoals 780.00");
    if (strcmp(f[DCSV_DC], "D") != 0 && strcmp(f[DCSV_DC], "C") != 0)
        return bad(w, DCSV_DC, f[DCSV_DC], "D (debet) of C (credit)");
    l->credit = f[DCSV_DC][0] == 'C';
    if (l->credit) {
        if (!ident_ok(f[DCSV_CREDIT_REF], sizeof l->credit_ref))
            return bad(w, DCSV_CREDIT_REF, f[DCSV_CREDIT_REF],
                       "een creditregel noemt de referentie van de debetregel");
        str_copy(l->credit_ref, sizeof l->credit_ref, f[DCSV_CREDIT_REF]);
    } else if (f[DCSV_CREDIT_REF][0]) {
        return bad(w, DCSV_CREDIT_REF, f[DCSV_CREDIT_REF],
                   "alleen een creditregel noemt een vorige referentie");
    }
    return JR_OK;
}

/* The file is read in a thread of its own: tokenizing and parsing the rows
 * (about an eighth of an import's time) runs while the session checks and
 * stores the rows before them. Parsed rows pass in blocks through a ring of
 * RING blocks: memory stays at a few hundred kilobytes whatever the file's
 * size. The reader stops at the first fault it finds and passes it on after
 * the rows before it; the session stops the reader when it refuses a row. */
#define BLOCK_ROWS 256
#define RING 4

typedef struct {
    jr_decl_batch b;
    jr_decl_line l;
    long line;
    bool ends_batch;    /* the first row of a batch after another: prev_hash is set */
    char prev_hash[65]; /* the content hash of the batch before this row's */
} parsed_row;

typedef struct {
    parsed_row rows[BLOCK_ROWS];
    int n;
    bool last;    /* nothing follows: the end of the file, or a fault */
    jr_status rc; /* the fault (when last and not JR_OK) */
    jr_error err;
    bool has_final;      /* last, without a fault, after rows: final_hash is set */
    char final_hash[65]; /* the content hash of the file's last batch */
} block;

typedef struct {
    jr_csv *c;
    const char *name;
    int map[DCSV_COUNT];
    int ncols;
    block ring[RING];
    int filled;     /* blocks the reader has filled and the session not yet taken */
    int head, tail; /* the session takes ring[head], the reader fills ring[tail] */
    bool stop;      /* the session wants no more rows */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    /* the reader thread's own: the content hash of the batch it is reading
       (decl_hash_*), so that the session need not compute it */
    bool in_batch;
    jr_decl_batch batch;
    jr_decl_hash hash;
} reader;

/* hash_row: the row goes into its batch's content hash; a row that starts a
 * batch after another carries the hash of that other */
static void hash_row(reader *rd, parsed_row *p)
{
    p->ends_batch = false;
    if (!rd->in_batch || !decl_same_batch(&p->b, &rd->batch)) {
        if (rd->in_batch) {
            decl_hash_end(&rd->hash, p->prev_hash);
            p->ends_batch = true;
        }
        decl_hash_begin(&rd->hash, &p->b);
        rd->batch = p->b;
        rd->in_batch = true;
    }
    decl_hash_line(&rd->hash, &p->l);
}

/* read_rows: the reader thread: fills blocks until the end, a fault or stop */
static void *read_rows(void *arg)
{
    reader *rd = arg;
    for (;;) {
        pthread_mutex_lock(&rd->mu);
        while (rd->filled == RING && !rd->stop)
            pthread_cond_wait(&rd->cv, &rd->mu);
        bool stop = rd->stop;
        block *bl = &rd->ring[rd->tail];
        pthread_mutex_unlock(&rd->mu);
        if (stop)
            return NULL;
        bl->n = 0;
        bl->last = false;
        bl->rc = JR_OK;
        bl->has_final = false;
        jr_error_clear(&bl->err);
        where w = {rd->name, 0, &bl->err};
        while (bl->n < BLOCK_ROWS) {
            char **f;
            int n;
            int r = csv_next(rd->c, &f, &n, &bl->err);
            if (r == 0) {
                bl->last = true;
                if (rd->in_batch) {
                    decl_hash_end(&rd->hash, bl->final_hash);
                    bl->has_final = true;
                }
                break;
            }
            if (r < 0) {
                char msg[sizeof bl->err.message];
                str_copy(msg, sizeof msg, bl->err.message);
                bl->rc = jr_fail(&bl->err, JR_EINVAL, "csv_malformed", "",
                                 "%s: %s; het bestand is niet verwerkt.", rd->name, msg);
                bl->last = true;
                break;
            }
            w.line = csv_line(rd->c);
            if (n != rd->ncols) {
                bl->rc = jr_fail(&bl->err, JR_EINVAL, "csv_columns", "",
                                 "%s:%ld: %d kolommen, de kopregel heeft er %d; het bestand is "
                                 "niet verwerkt.",
                                 rd->name, w.line, n, rd->ncols);
                bl->last = true;
                break;
            }
            char *row[DCSV_COUNT];
            for (int k = 0; k < DCSV_COUNT; k++)
                row[k] = f[rd->map[k]];
            parsed_row *p = &bl->rows[bl->n];
            if ((bl->rc = parse_row(&w, row, &p->b, &p->l)) != JR_OK) {
                bl->last = true;
                break;
            }
            p->line = w.line;
            hash_row(rd, p);
            bl->n++;
        }
        pthread_mutex_lock(&rd->mu);
        rd->tail = (rd->tail + 1) % RING;
        rd->filled++;
        pthread_cond_broadcast(&rd->cv);
        pthread_mutex_unlock(&rd->mu);
        if (bl->last)
            return NULL;
    }
}

/* batch_rows: how many rows, from row i of the block the session holds on,
 * belong to that row's batch; 0 when the batch runs on past what the reader
 * has parsed (not known yet) */
static int64_t batch_rows(reader *rd, int i)
{
    pthread_mutex_lock(&rd->mu);
    int filled = rd->filled; /* the blocks head .. head + filled - 1 stay put */
    pthread_mutex_unlock(&rd->mu);
    const jr_decl_batch *h = &rd->ring[rd->head].rows[i].b;
    int64_t n = 0;
    for (int k = 0; k < filled; k++) {
        const block *bl = &rd->ring[(rd->head + k) % RING];
        for (int j = k == 0 ? i : 0; j < bl->n; j++, n++)
            if (!decl_same_batch(&bl->rows[j].b, h))
                return n;
        if (bl->last)
            return n;
    }
    return 0;
}

/* feed: the session's side: takes the blocks in order and adds their rows,
 * telling the session the size of each batch when the reader has seen all
 * of it */
static jr_status feed(reader *rd, jr_decl_session *sess, long *rows, jr_error *err)
{
    jr_decl_batch prev;
    bool have_prev = false;
    for (;;) {
        pthread_mutex_lock(&rd->mu);
        while (rd->filled == 0)
            pthread_cond_wait(&rd->cv, &rd->mu);
        block *bl = &rd->ring[rd->head];
        pthread_mutex_unlock(&rd->mu);
        for (int i = 0; i < bl->n; i++) {
            parsed_row *p = &bl->rows[i];
            if (!have_prev || !decl_same_batch(&p->b, &prev)) {
                if (p->ends_batch)
                    decl_session_batch_hash(sess, p->prev_hash);
                decl_session_expect(sess, batch_rows(rd, i));
                prev = p->b;
                have_prev = true;
            }
            jr_status rc = decl_session_add(sess, &p->b, &p->l, err);
            if (rc != JR_OK) {
                char msg[sizeof err->message], code[sizeof err->code], field[sizeof err->field];
                str_copy(msg, sizeof msg, err->message);
                str_copy(code, sizeof code, err->code);
                str_copy(field, sizeof field, err->field);
                return jr_fail(err, rc, code, field, "%s:%ld: %s", rd->name, p->line, msg);
            }
            (*rows)++;
        }
        if (bl->last) {
            if (bl->rc != JR_OK && err)
                *err = bl->err;
            else if (bl->has_final)
                decl_session_batch_hash(sess, bl->final_hash);
            return bl->rc;
        }
        pthread_mutex_lock(&rd->mu);
        rd->head = (rd->head + 1) % RING;
        rd->filled--;
        pthread_cond_broadcast(&rd->cv);
        pthread_mutex_unlock(&rd->mu);
    }
}

jr_status decl_csv_read(FILE *in, const char *name, jr_decl_session *sess, jr_error *err)
{
    reader *rd = calloc(1, sizeof *rd);
    jr_csv *c = rd ? csv_open(in) : NULL;
    if (!c) {
        free(rd);
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    }
    rd->c = c;
    rd->name = name;
    char **f;
    int n;
    int r = csv_next(c, &f, &n, err);
    jr_status rc = JR_OK;
    if (r == 0)
        rc = jr_fail(err, JR_EINVAL, "csv_empty", "", "%s: het bestand is leeg.", name);
    else if (r < 0)
        rc = jr_fail(err, JR_EINVAL, "csv_malformed", "", "%s: %s", name, err->message);
    for (int k = 0; rc == JR_OK && k < DCSV_COUNT; k++) {
        rd->map[k] = -1;
        for (int i = 0; i < n; i++)
            if (strcmp(f[i], decl_csv_columns[k]) == 0)
                rd->map[k] = i;
        if (rd->map[k] < 0)
            rc = jr_fail(err, JR_EINVAL, "csv_header", decl_csv_columns[k],
                         "%s:1: kolom '%s' ontbreekt in de kopregel (verwacht: %s).", name,
                         decl_csv_columns[k], decl_csv_header());
    }
    rd->ncols = n;
    pthread_t th;
    bool started = false;
    if (rc == JR_OK) {
        pthread_mutex_init(&rd->mu, NULL);
        pthread_cond_init(&rd->cv, NULL);
        decl_session_hashes_given(sess); /* the reader thread hashes the batches */
        started = pthread_create(&th, NULL, read_rows, rd) == 0;
        if (!started)
            rc = jr_fail(err, JR_ENOMEM, "no_thread", "", "%s: de lezer kon niet starten.", name);
    }
    long rows = 0;
    if (started) {
        rc = feed(rd, sess, &rows, err);
        pthread_mutex_lock(&rd->mu);
        rd->stop = true;
        pthread_cond_broadcast(&rd->cv);
        pthread_mutex_unlock(&rd->mu);
        pthread_join(th, NULL);
    }
    if (rc == JR_OK && rows == 0)
        rc = jr_fail(err, JR_EINVAL, "csv_empty", "", "%s: geen declaratieregels na de kopregel.",
                     name);
    if (started) {
        pthread_cond_destroy(&rd->cv);
        pthread_mutex_destroy(&rd->mu);
    }
    csv_close(c);
    free(rd);
    return rc;
}

jr_status decl_csv_import(const jr_ctx *ctx, FILE *in, const char *name, const char *source,
                          const decl_import_report *rep, jr_error *err)
{
    jr_decl_session *s = NULL;
    jr_status rc = decl_session_begin(ctx, source, &s, err);
    if (rc == JR_OK)
        rc = decl_csv_read(in, name, s, err);
    if (rc == JR_OK)
        rc = decl_session_commit(s, err);
    for (int i = 0; rc == JR_OK && i < decl_session_nbatches(s); i++) {
        const jr_decl_batch_summary *b = decl_session_batch(s, i);
        if (!b) {
            rc = jr_fail(err, JR_EDB, "database", "",
                         "%s: declaratie %d is opgeslagen maar niet terug te lezen.", name, i + 1);
            break;
        }
        if (rep->batch && rep->batch(rep->ud, b))
            break;
        if (rep->line)
            rc = decl_batch_outcomes(ctx, b->batch_id, rep->line, rep->ud, err);
    }
    decl_session_free(s);
    return rc;
}

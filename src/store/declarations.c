/*
 * declarations.c: the SQL of the declaration tables (see declarations.h):
 * the batches, their lines, the settlement sums over them, the running
 * totals, and what the declaration session reads of assignments and
 * contracts. Every statement is a string literal given to store_prepare,
 * so it is prepared once per store and found again by its pointer.
 */
#include "declarations.h"

#include "batch_lines.h"

#include "../core/sbuf.h"

#include <string.h>

/* The lines of the batches b: the decl_line rows of each batch's id range
 * (l). Every query over a batch's lines joins through this one fragment. */

/* The columns line_from_row reads, in order, of decl_line l. */
#define LINE_COLS                                                                                  \
    "l.id, l.ref, l.credit_ref, l.assignment_id, l.assignment_number, l.youth_id, l.bsn,"          \
    " l.category, l.product, l.begin_date, l.end_date, l.volume, l.unit, l.tariff_cents,"          \
    " l.amount_cents, l.credit, l.status, l.code, l.credited, l.debit_key"
#define LINE_NCOLS 20

/* The columns batch_from_row reads, in order, of decl_batch b and provider p. */
#define BATCH_COLS                                                                                 \
    "b.id, b.provider_id, b.number, p.agb, p.name, b.gemeente, b.period, b.dagtekening,"           \
    " b.content_hash, b.source, b.received_at, b.n_accepted, b.n_rejected, b.accepted_cents"
#define BATCH_FROM " FROM decl_batch b JOIN provider p ON p.id = b.provider_id"

/* ---- decl_batch ---- */

static void batch_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_decl_batch_row *b = row;
    (void)ud;
    memset(b, 0, sizeof *b);
    b->id = store_col_int(q, 0);
    b->provider_id = store_col_int(q, 1);
    str_copy(b->number, sizeof b->number, store_col_text(q, 2));
    str_copy(b->agb, sizeof b->agb, store_col_text(q, 3));
    str_copy(b->provider_name, sizeof b->provider_name, store_col_text(q, 4));
    str_copy(b->gemeente, sizeof b->gemeente, store_col_text(q, 5));
    month_parse(store_col_text(q, 6), &b->period);
    b->dagtekening = store_col_date(q, 7);
    str_copy(b->content_hash, sizeof b->content_hash, store_col_text(q, 8));
    str_copy(b->source, sizeof b->source, store_col_text(q, 9));
    str_copy(b->received_at, sizeof b->received_at, store_col_text(q, 10));
    b->n_accepted = store_col_int(q, 11);
    b->n_rejected = store_col_int(q, 12);
    b->accepted_cents = store_col_int(q, 13);
}

jr_status store_decl_batch_by_number(jr_store *st, int64_t provider_id, const char *number,
                                     store_decl_batch_row *out, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT id, content_hash, n_accepted, n_rejected, accepted_cents"
                               " FROM decl_batch WHERE provider_id = ? AND number = ?",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, provider_id);
    store_bind_text(q, 2, number);
    jr_status rc = store_step_one(q, err);
    if (rc != JR_OK)
        return rc;
    memset(out, 0, sizeof *out);
    out->id = store_col_int(q, 0);
    out->provider_id = provider_id;
    str_copy(out->number, sizeof out->number, number);
    str_copy(out->content_hash, sizeof out->content_hash, store_col_text(q, 1));
    out->n_accepted = store_col_int(q, 2);
    out->n_rejected = store_col_int(q, 3);
    out->accepted_cents = store_col_int(q, 4);
    store_reset(q);
    return JR_OK;
}

jr_status store_decl_batch_insert(jr_store *st, int64_t provider_id, const jr_decl_batch *b,
                                  const char *source, const char *received_at, int64_t *id,
                                  jr_error *err)
{
    jr_stmt *q =
        store_prepare(st,
                      "INSERT INTO decl_batch (provider_id, number, gemeente, period, dagtekening,"
                      " content_hash, source, received_at) VALUES (?, ?, ?, ?, ?, '', ?, ?)",
                      err);
    if (!q)
        return JR_EDB;
    char per[8], d[JR_DATE_ISO_LEN];
    store_bind_int(q, 1, provider_id);
    store_bind_text(q, 2, b->number);
    store_bind_text(q, 3, b->gemeente);
    store_bind_text(q, 4, month_format(b->period, per));
    store_bind_text(q, 5, date_format(b->dagtekening, d));
    store_bind_text(q, 6, source);
    store_bind_text(q, 7, received_at);
    jr_status rc = store_step_done(q, err);
    if (rc == JR_OK)
        *id = store_last_id(st);
    return rc;
}

jr_status store_decl_batch_close(jr_store *st, const store_decl_batch_close_row *c, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "UPDATE decl_batch SET content_hash = ?, first_line = ?,"
                               " last_line = ?, n_accepted = ?, n_rejected = ?, accepted_cents = ?"
                               " WHERE id = ?",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, c->content_hash);
    if (c->first_line) {
        store_bind_int(q, 2, c->first_line);
        store_bind_int(q, 3, c->last_line);
    }
    store_bind_int(q, 4, c->n_accepted);
    store_bind_int(q, 5, c->n_rejected);
    store_bind_int(q, 6, c->accepted_cents);
    store_bind_int(q, 7, c->id);
    return store_step_done(q, err);
}

jr_status store_decl_batch_get(jr_store *st, int64_t id, store_decl_batch_row *out, jr_error *err)
{
    jr_stmt *q = store_prepare(st, "SELECT " BATCH_COLS BATCH_FROM " WHERE b.id = ?", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    return store_one(q, batch_from_row, NULL, out, err);
}

jr_status store_decl_batch_list(jr_store *st, const jr_month *period, const char *gemeente,
                                const char *agb, store_decl_fn fn, void *ud, jr_error *err)
{
    jr_stmt *q =
        store_prepare(st,
                      "SELECT " BATCH_COLS BATCH_FROM " WHERE (?1 IS NULL OR b.period = ?1)"
                      " AND (?2 IS NULL OR b.gemeente = ?2)"
                      " AND (?3 IS NULL OR p.agb = ?3) ORDER BY b.id DESC",
                      err);
    if (!q)
        return JR_EDB;
    char per[8];
    store_bind_text(q, 1, period ? month_format(*period, per) : NULL);
    store_bind_text(q, 2, gemeente);
    store_bind_text(q, 3, agb);
    store_decl_batch_row b;
    return store_each(q, batch_from_row, NULL, &b, fn, ud, err);
}

/* ---- decl_line ---- */

/* line_from_row: the LINE_COLS of q from column first on */
static void line_cols(jr_stmt *q, int first, store_decl_line_row *o)
{
    memset(o, 0, sizeof *o);
    jr_decl_line *l = &o->line;
    o->id = store_col_int(q, first);
    str_copy(l->ref, sizeof l->ref, store_col_text(q, first + 1));
    str_copy(l->credit_ref, sizeof l->credit_ref, store_col_text(q, first + 2));
    o->assignment_id = store_col_int(q, first + 3);
    str_copy(l->assignment, sizeof l->assignment, store_col_text(q, first + 4));
    o->youth_id = store_col_int(q, first + 5);
    str_copy(l->bsn, sizeof l->bsn, store_col_text(q, first + 6));
    str_copy(l->category, sizeof l->category, store_col_text(q, first + 7));
    str_copy(l->product, sizeof l->product, store_col_text(q, first + 8));
    l->begin = store_col_date(q, first + 9);
    l->end = store_col_date(q, first + 10);
    l->volume = store_col_int(q, first + 11);
    str_copy(l->unit, sizeof l->unit, store_col_text(q, first + 12));
    l->tariff = store_col_int(q, first + 13);
    l->amount = store_col_int(q, first + 14);
    l->credit = store_col_int(q, first + 15) != 0;
    o->accepted = strcmp(store_col_text(q, first + 16), "A") == 0;
    str_copy(o->code, sizeof o->code, store_col_text(q, first + 17));
    o->credited = store_col_int(q, first + 18) != 0;
    o->debit_key = store_col_int(q, first + 19);
}

static void line_from_row(const void *ud, jr_stmt *q, void *row)
{
    (void)ud;
    line_cols(q, 0, row);
}

jr_status store_decl_line_insert(jr_store *st, const store_decl_line_new *n, int64_t *id,
                                 jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "INSERT INTO decl_line (batch_id, provider_id, ref, assignment_id, assignment_number,"
        " youth_id, bsn, category, product, begin_date, end_date, volume, unit, tariff_cents,"
        " amount_cents, credit, credit_ref, status, code, debit_key)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        err);
    if (!q)
        return JR_EDB;
    const jr_decl_line *l = n->line;
    store_bind_int(q, 1, n->batch_id);
    store_bind_int(q, 2, n->provider_id);
    store_bind_static(q, 3, l->ref);
    if (n->assignment_id) {
        store_bind_int(q, 4, n->assignment_id);
        store_bind_int(q, 6, n->youth_id);
        store_bind_int(q, 20, n->debit_key);
    }
    store_bind_static(q, 5, l->assignment);
    store_bind_static(q, 7, l->bsn);
    store_bind_static(q, 8, l->category);
    store_bind_static(q, 9, l->product);
    store_bind_static(q, 10, n->begin_iso);
    store_bind_static(q, 11, n->end_iso);
    store_bind_int(q, 12, l->volume);
    store_bind_static(q, 13, l->unit);
    store_bind_int(q, 14, l->tariff);
    store_bind_int(q, 15, l->amount);
    store_bind_int(q, 16, l->credit);
    store_bind_static(q, 17, l->credit ? l->credit_ref : NULL);
    store_bind_static(q, 18, n->accepted ? "A" : "R");
    store_bind_static(q, 19, n->code);
    jr_status rc = store_step_done(q, err);
    if (rc == JR_OK)
        *id = store_last_id(st);
    return rc;
}

jr_status store_decl_line_mark_credited(jr_store *st, int64_t id, jr_error *err)
{
    jr_stmt *q = store_prepare(st, "UPDATE decl_line SET credited = 1 WHERE id = ?", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, id);
    return store_step_done(q, err);
}

jr_status store_decl_line_ref_accepted(jr_store *st, int64_t provider_id, const char *ref,
                                       bool *out, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT 1 FROM decl_line WHERE provider_id = ? AND ref = ?"
                               " AND status = 'A'",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, provider_id);
    store_bind_text(q, 2, ref);
    store_step_result r = store_step(q, err);
    store_reset(q);
    if (r == STORE_ERROR)
        return JR_EDB;
    *out = r == STORE_ROW;
    return JR_OK;
}

jr_status store_decl_line_credit_target(jr_store *st, int64_t provider_id, const char *ref,
                                        store_decl_line_row *out, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT " LINE_COLS " FROM decl_line l"
                               " WHERE l.provider_id = ? AND l.ref = ? AND l.status = 'A'"
                               " AND l.credit = 0",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, provider_id);
    store_bind_text(q, 2, ref);
    jr_status rc = store_step_one(q, err);
    if (rc != JR_OK)
        return rc;
    line_cols(q, 0, out);
    store_reset(q);
    return JR_OK;
}

static void bed_from_row(const void *ud, jr_stmt *q, void *row)
{
    jr_bed_line *b = row;
    (void)ud;
    b->begin = store_col_date(q, 0);
    b->end = store_col_date(q, 1);
    b->etmalen = store_col_int(q, 2);
}

jr_status store_decl_line_beds(jr_store *st, int64_t youth_id, jr_date from, jr_date to,
                               int64_t assignment_id, store_decl_fn fn, void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT begin_date, end_date, volume FROM decl_line"
                               " WHERE youth_id = ? AND begin_date BETWEEN ? AND ?"
                               " AND status = 'A' AND unit = '14' AND assignment_id <> ?"
                               " AND credit = 0 AND credited = 0",
                               err);
    if (!q)
        return JR_EDB;
    char d1[JR_DATE_ISO_LEN], d2[JR_DATE_ISO_LEN];
    store_bind_int(q, 1, youth_id);
    store_bind_date(q, 2, from, d1);
    store_bind_date(q, 3, to, d2);
    store_bind_int(q, 4, assignment_id);
    jr_bed_line b;
    return store_each(q, bed_from_row, NULL, &b, fn, ud, err);
}

jr_status store_decl_line_open_outside(jr_store *st, int64_t assignment_id, jr_date from,
                                       jr_date until, bool *out, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT 1 FROM " STORE_BATCH_LINES " JOIN assignment a"
                               " ON b.provider_id = a.provider_id AND b.gemeente = a.gemeente"
                               " WHERE a.id = ?1 AND l.assignment_id = ?1 AND l.status = 'A'"
                               " AND l.credit = 0 AND l.credited = 0 AND (l.begin_date < ?2 OR"
                               " l.end_date > ?3) LIMIT 1",
                               err);
    if (!q)
        return JR_EDB;
    char f[JR_DATE_ISO_LEN], u[JR_DATE_ISO_LEN];
    store_bind_int(q, 1, assignment_id);
    store_bind_text(q, 2, from == JR_DATE_NONE ? "0000-01-01" : date_format(from, f));
    store_bind_text(q, 3, until == JR_DATE_NONE ? "9999-12-31" : date_format(until, u));
    store_step_result r = store_step(q, err);
    store_reset(q);
    if (r == STORE_ERROR)
        return JR_EDB;
    *out = r == STORE_ROW;
    return JR_OK;
}

static void open_debit_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_decl_open_debit *d = row;
    (void)ud;
    d->debit_key = store_col_int(q, 0);
    str_copy(d->product, sizeof d->product, store_col_text(q, 1));
}

jr_status store_decl_scope_open_debits(jr_store *st, int64_t provider_id, const char *gemeente,
                                       jr_month period, store_decl_fn fn, void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT l.debit_key, l.product FROM " STORE_BATCH_LINES
                               " WHERE b.provider_id = ? AND b.gemeente = ? AND b.period = ?"
                               " AND l.status = 'A' AND l.credit = 0 AND l.credited = 0",
                               err);
    if (!q)
        return JR_EDB;
    char per[8];
    store_bind_int(q, 1, provider_id);
    store_bind_text(q, 2, gemeente);
    store_bind_text(q, 3, month_format(period, per));
    store_decl_open_debit d;
    return store_each(q, open_debit_from_row, NULL, &d, fn, ud, err);
}

jr_status store_decl_batch_lines(jr_store *st, int64_t batch_id, store_decl_fn fn, void *ud,
                                 jr_error *err)
{
    jr_stmt *q = store_prepare(
        st, "SELECT " LINE_COLS " FROM " STORE_BATCH_LINES " WHERE b.id = ? ORDER BY l.id", err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, batch_id);
    store_decl_line_row l;
    return store_each(q, line_from_row, NULL, &l, fn, ud, err);
}

static void rejected_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_decl_rejected_row *r = row;
    (void)ud;
    line_cols(q, 0, &r->l);
    r->batch_id = store_col_int(q, LINE_NCOLS);
    str_copy(r->batch_number, sizeof r->batch_number, store_col_text(q, LINE_NCOLS + 1));
    str_copy(r->gemeente, sizeof r->gemeente, store_col_text(q, LINE_NCOLS + 2));
    str_copy(r->agb, sizeof r->agb, store_col_text(q, LINE_NCOLS + 3));
    r->period = 0;
    month_parse(store_col_text(q, LINE_NCOLS + 4), &r->period);
}

jr_status store_decl_rejected_lines(jr_store *st, const char *gemeente, const char *agb,
                                    int64_t limit, store_decl_fn fn, void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT " LINE_COLS ", b.id, b.number, b.gemeente, p.agb,"
                               " b.period FROM decl_line l JOIN decl_batch b ON b.id = l.batch_id"
                               " JOIN provider p ON p.id = b.provider_id WHERE l.status = 'R'"
                               " AND (?1 IS NULL OR b.gemeente = ?1) AND (?2 IS NULL OR"
                               " p.agb = ?2) ORDER BY l.id DESC LIMIT ?3",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, gemeente);
    store_bind_text(q, 2, agb);
    store_bind_int(q, 3, limit);
    store_decl_rejected_row r;
    return store_each(q, rejected_from_row, NULL, &r, fn, ud, err);
}

/* ---- settlement ---- */

static void settle_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_decl_settle_row *r = row;
    (void)ud;
    str_copy(r->gemeente, sizeof r->gemeente, store_col_text(q, 0));
    str_copy(r->agb, sizeof r->agb, store_col_text(q, 1));
    str_copy(r->provider_name, sizeof r->provider_name, store_col_text(q, 2));
    str_copy(r->product, sizeof r->product, store_col_text(q, 3));
    r->accepted = store_col_int(q, 4);
    r->n_accepted = store_col_int(q, 5);
    r->n_rejected = store_col_int(q, 6);
}

jr_status store_decl_settle_sums(jr_store *st, jr_month period, const char *gemeente,
                                 const char *agb, store_decl_fn fn, void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "SELECT b.gemeente, p.agb, p.name, l.product,"
        " SUM(CASE WHEN l.status = 'A' THEN CASE WHEN l.credit = 1 THEN -l.amount_cents"
        " ELSE l.amount_cents END ELSE 0 END),"
        " SUM(CASE WHEN l.status = 'A' THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN l.status = 'R' THEN 1 ELSE 0 END)"
        " FROM " STORE_BATCH_LINES " JOIN provider p ON p.id = b.provider_id"
        " WHERE b.period = ?1 AND (?2 IS NULL OR b.gemeente = ?2) AND (?3 IS NULL OR p.agb = ?3)"
        " GROUP BY b.gemeente, p.agb, p.name, l.product ORDER BY b.gemeente, p.agb, l.product",
        err);
    if (!q)
        return JR_EDB;
    char per[8];
    store_bind_text(q, 1, month_format(period, per));
    store_bind_text(q, 2, gemeente);
    store_bind_text(q, 3, agb);
    store_decl_settle_row r;
    return store_each(q, settle_from_row, NULL, &r, fn, ud, err);
}

jr_status store_decl_settle_lines(jr_store *st, jr_month period, const char *gemeente,
                                  const char *agb, const char *product, store_decl_fn fn, void *ud,
                                  jr_error *err)
{
    jr_stmt *q = store_prepare(
        st,
        "SELECT " LINE_COLS " FROM " STORE_BATCH_LINES " JOIN provider p ON p.id = b.provider_id"
        " WHERE b.period = ?1 AND (?2 IS NULL OR b.gemeente = ?2) AND (?3 IS NULL OR p.agb = ?3)"
        " AND (?4 IS NULL OR l.product = ?4) ORDER BY b.gemeente, p.agb, l.id",
        err);
    if (!q)
        return JR_EDB;
    char per[8];
    store_bind_text(q, 1, month_format(period, per));
    store_bind_text(q, 2, gemeente);
    store_bind_text(q, 3, agb);
    store_bind_text(q, 4, product);
    store_decl_line_row l;
    return store_each(q, line_from_row, NULL, &l, fn, ud, err);
}

/* ---- assignment_use ---- */

jr_status store_decl_total_get(jr_store *st, int64_t assignment_id, store_decl_total *out,
                               jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT used_cents, used_base, first_begin, last_end"
                               " FROM assignment_use WHERE assignment_id = ?",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, assignment_id);
    jr_status rc = store_step_one(q, err);
    if (rc != JR_OK)
        return rc;
    out->assignment_id = assignment_id;
    out->used_cents = store_col_int(q, 0);
    out->used_base = store_col_int(q, 1);
    out->first_begin = store_col_date(q, 2);
    out->last_end = store_col_date(q, 3);
    store_reset(q);
    return JR_OK;
}

#define P8 "?, ?, ?, ?, ?, ?, ?, ?"
_Static_assert(STORE_DECL_TOTALS_BATCH == 32, "the IN list below holds 32 placeholders");

jr_status store_decl_totals_get(jr_store *st, const int64_t *ids, int n, store_decl_total *out,
                                int *nout, jr_error *err)
{
    *nout = 0;
    jr_stmt *q = store_prepare(st,
                               "SELECT assignment_id, used_cents, used_base, first_begin, last_end"
                               " FROM assignment_use WHERE assignment_id IN (" P8 ", " P8 ", " P8
                               ", " P8 ")",
                               err);
    if (!q)
        return JR_EDB;
    for (int k = 0; k < STORE_DECL_TOTALS_BATCH; k++)
        store_bind_int(q, k + 1, k < n ? ids[k] : 0); /* ids start at 1 */
    store_step_result r;
    while ((r = store_step(q, err)) == STORE_ROW && *nout < n) {
        store_decl_total *t = &out[(*nout)++];
        t->assignment_id = store_col_int(q, 0);
        t->used_cents = store_col_int(q, 1);
        t->used_base = store_col_int(q, 2);
        t->first_begin = store_col_date(q, 3);
        t->last_end = store_col_date(q, 4);
    }
    store_reset(q);
    return r == STORE_ERROR ? JR_EDB : JR_OK;
}

jr_status store_decl_total_put(jr_store *st, const store_decl_total *t, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "INSERT INTO assignment_use (assignment_id, used_cents,"
                               " used_base, first_begin, last_end) VALUES (?, ?, ?, ?, ?)"
                               " ON CONFLICT (assignment_id) DO UPDATE SET"
                               " used_cents = excluded.used_cents,"
                               " used_base = excluded.used_base,"
                               " first_begin = excluded.first_begin,"
                               " last_end = excluded.last_end",
                               err);
    if (!q)
        return JR_EDB;
    char d1[JR_DATE_ISO_LEN], d2[JR_DATE_ISO_LEN];
    store_bind_int(q, 1, t->assignment_id);
    store_bind_int(q, 2, t->used_cents);
    store_bind_int(q, 3, t->used_base);
    store_bind_date(q, 4, t->first_begin, d1);
    store_bind_date(q, 5, t->last_end, d2);
    return store_step_done(q, err);
}

/* ---- assignments and contracts, as the session reads them ---- */

/* The columns fact_from_row reads, of assignment a. */
#define FACT_COLS                                                                                  \
    "a.number, a.id, a.provider_id, a.youth_id, a.bsn, a.gemeente, a.category, a.product,"         \
    " a.is_budget, a.budget_cents, a.volume, a.unit, a.start_date, a.end_date, a.status,"          \
    " a.care_start, a.care_stop"

static void fact_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_decl_fact *e = row;
    (void)ud;
    memset(e, 0, sizeof *e);
    jr_decl_assignment *a = &e->a;
    str_copy(e->number, sizeof e->number, store_col_text(q, 0));
    e->id = store_col_int(q, 1);
    e->provider_id = store_col_int(q, 2);
    e->youth_id = store_col_int(q, 3);
    str_copy(a->bsn, sizeof a->bsn, store_col_text(q, 4));
    str_copy(a->gemeente, sizeof a->gemeente, store_col_text(q, 5));
    str_copy(a->category, sizeof a->category, store_col_text(q, 6));
    str_copy(a->product, sizeof a->product, store_col_text(q, 7));
    a->is_budget = store_col_int(q, 8) != 0;
    a->budget = store_col_int(q, 9);
    a->volume = store_col_int(q, 10);
    str_copy(a->unit, sizeof a->unit, store_col_text(q, 11));
    date_parse(store_col_text(q, 12), &a->start);
    date_parse(store_col_text(q, 13), &a->end);
    a->withdrawn = strcmp(store_col_text(q, 14), "ingetrokken") == 0;
    a->care_start = store_col_date(q, 15);
    a->care_stop = store_col_date(q, 16);
}

jr_status store_decl_facts_scan(jr_store *st, int64_t provider_id, const char *gemeente,
                                jr_date from, jr_date to, store_decl_fn fn, void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT " FACT_COLS " FROM assignment a"
                               " WHERE a.provider_id = ? AND a.gemeente = ? AND a.end_date >= ?"
                               " AND a.start_date <= ?",
                               err);
    if (!q)
        return JR_EDB;
    char d1[JR_DATE_ISO_LEN], d2[JR_DATE_ISO_LEN];
    store_bind_int(q, 1, provider_id);
    store_bind_text(q, 2, gemeente);
    store_bind_text(q, 3, date_format(from, d1));
    store_bind_text(q, 4, date_format(to, d2));
    store_decl_fact e;
    return store_each(q, fact_from_row, NULL, &e, fn, ud, err);
}

jr_status store_decl_fact_by_number(jr_store *st, const char *number, store_decl_fact *out,
                                    jr_error *err)
{
    jr_stmt *q =
        store_prepare(st, "SELECT " FACT_COLS " FROM assignment a WHERE a.number = ?", err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, number);
    return store_one(q, fact_from_row, NULL, out, err);
}

static void id_from_row(const void *ud, jr_stmt *q, void *row)
{
    (void)ud;
    *(int64_t *)row = store_col_int(q, 0);
}

jr_status store_decl_bed_youths(jr_store *st, store_decl_fn fn, void *ud, jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT youth_id FROM assignment WHERE unit = '14'"
                               " GROUP BY youth_id HAVING count(*) > 1 ORDER BY youth_id",
                               err);
    if (!q)
        return JR_EDB;
    int64_t id;
    return store_each(q, id_from_row, NULL, &id, fn, ud, err);
}

static void contract_from_row(const void *ud, jr_stmt *q, void *row)
{
    store_decl_contract *c = row;
    (void)ud;
    str_copy(c->product, sizeof c->product, store_col_text(q, 0));
    c->start = JR_DATE_NONE;
    date_parse(store_col_text(q, 1), &c->start);
    c->end = store_col_date(q, 2);
}

jr_status store_decl_contracts(jr_store *st, int64_t provider_id, store_decl_fn fn, void *ud,
                               jr_error *err)
{
    jr_stmt *q = store_prepare(st,
                               "SELECT product, start_date, end_date FROM contract"
                               " WHERE provider_id = ?",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, provider_id);
    store_decl_contract c;
    return store_each(q, contract_from_row, NULL, &c, fn, ud, err);
}

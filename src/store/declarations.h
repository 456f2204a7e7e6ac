/*
 * declarations.h: the queries of the declaration tables: decl_batch (one
 * provider, municipality and month), decl_line (its lines, with their
 * outcome), assignment_use (the running totals of the assignments), and the
 * batch-shaped reads of assignments and contracts that the declaration
 * session makes while it checks lines.
 *
 * A batch's lines are the decl_line rows first_line..last_line (they are
 * written together); every query that walks a batch's lines reads that id
 * range (a range of the primary key, no index on batch_id to pay for at
 * import), and the join that says so is written once, in declarations.c.
 *
 * The session's statements are the import's hot path: each function here
 * is a store_prepare of a string literal (cached by its pointer), its binds
 * and its step, so calling one costs what the inline statement cost.
 * Functions take the store first and err last; a look-up that finds nothing
 * is JR_ENOTFOUND (err untouched: the service writes its own message), a
 * unique index that refuses a row JR_ECONFLICT, a failing step JR_EDB.
 * Dates are passed and returned as jr_date (bound as ISO text), periods as
 * jr_month; text fields are copied into the row structs.
 */
#ifndef JR_STORE_DECLARATIONS_H
#define JR_STORE_DECLARATIONS_H

#include "../domain/decl.h"
#include "store.h"

/* A row callback: row points at the function's row struct, valid during the
 * call; non-zero stops the iteration. */
typedef int (*store_decl_fn)(void *ud, const void *row);

/* ---- decl_batch ---- */

/* A stored batch (decl_batch joined with its provider). */
typedef struct {
    int64_t id;
    int64_t provider_id;
    char number[JR_REF_MAX];
    char agb[9];
    char provider_name[128];
    char gemeente[5];
    jr_month period;
    jr_date dagtekening;
    char content_hash[65];
    char source[256];
    char received_at[32];
    int64_t n_accepted;
    int64_t n_rejected;
    jr_cents accepted_cents; /* debits minus credits */
} store_decl_batch_row;

/* What closing a batch writes: its content hash, its line range (0, 0 when
 * it stored no line) and its counts. */
typedef struct {
    int64_t id;
    const char *content_hash;
    int64_t first_line, last_line;
    int64_t n_accepted, n_rejected;
    jr_cents accepted_cents;
} store_decl_batch_close_row;

/* store_decl_batch_by_number: the batch number of provider_id, received
 * before: only id, provider_id, number, content_hash and the three counts
 * are filled (what the session's replay check reads). JR_ENOTFOUND when
 * absent. */
jr_status store_decl_batch_by_number(jr_store *st, int64_t provider_id, const char *number,
                                     store_decl_batch_row *out, jr_error *err);
/* store_decl_batch_insert: a new batch b of provider_id read from source,
 * received at received_at (a store_timestamp), with no lines yet; its id in
 * *id. */
jr_status store_decl_batch_insert(jr_store *st, int64_t provider_id, const jr_decl_batch *b,
                                  const char *source, const char *received_at, int64_t *id,
                                  jr_error *err);
/* store_decl_batch_close: writes c's hash, line range and counts to its batch. */
jr_status store_decl_batch_close(jr_store *st, const store_decl_batch_close_row *c, jr_error *err);
/* store_decl_batch_get: every field of batch id; JR_ENOTFOUND when absent. */
jr_status store_decl_batch_get(jr_store *st, int64_t id, store_decl_batch_row *out, jr_error *err);
/* store_decl_batch_list: each store_decl_batch_row, newest first, of period
 * (NULL: any), municipality gemeente and provider agb (NULL: any). */
jr_status store_decl_batch_list(jr_store *st, const jr_month *period, const char *gemeente,
                                const char *agb, store_decl_fn fn, void *ud, jr_error *err);

/* ---- decl_line ---- */

/* A stored line with its outcome. */
typedef struct {
    int64_t id;
    jr_decl_line line;     /* as declared */
    int64_t assignment_id; /* 0: the line named no assignment of its provider */
    int64_t youth_id;      /* 0 likewise */
    bool accepted;         /* status 'A' (else 'R', rejected) */
    bool credited;         /* an accepted debit that an accepted credit cancelled */
    char code[8];          /* the reason code ("8001" when accepted) */
    int64_t debit_key;     /* the open-debit key (see declaration.c) */
} store_decl_line_row;

/* A line to store: the session's view of it. begin_iso and end_iso are the
 * line's dates as ISO text (the session keeps them formatted across lines);
 * every text is bound without a copy and need only live during the call. */
typedef struct {
    int64_t batch_id;
    int64_t provider_id;
    const jr_decl_line *line;
    int64_t assignment_id; /* 0: none found (then youth_id and debit_key are stored NULL) */
    int64_t youth_id;
    int64_t debit_key;
    const char *begin_iso, *end_iso;
    bool accepted;
    const char *code;
} store_decl_line_new;

/* store_decl_line_insert: stores n; its id in *id. JR_ECONFLICT when a
 * unique index refuses it (an accepted line of the provider with the same
 * reference is there). */
jr_status store_decl_line_insert(jr_store *st, const store_decl_line_new *n, int64_t *id,
                                 jr_error *err);
/* store_decl_line_mark_credited: line id (an accepted debit) is cancelled. */
jr_status store_decl_line_mark_credited(jr_store *st, int64_t id, jr_error *err);
/* store_decl_line_ref_accepted: whether provider_id has an accepted line
 * with reference ref. */
jr_status store_decl_line_ref_accepted(jr_store *st, int64_t provider_id, const char *ref,
                                       bool *out, jr_error *err);
/* store_decl_line_credit_target: the accepted debit of provider_id with
 * reference ref (the line a credit cancels); JR_ENOTFOUND when none. */
jr_status store_decl_line_credit_target(jr_store *st, int64_t provider_id, const char *ref,
                                        store_decl_line_row *out, jr_error *err);
/* store_decl_line_beds: each line (a jr_bed_line row: begin, end, etmalen)
 * of unit 14 accepted for youth_id with a begin date in from..to on
 * assignments other than assignment_id, debits not credited (a credit
 * marks its debit credited when it is accepted, so debits minus credits). */
jr_status store_decl_line_beds(jr_store *st, int64_t youth_id, jr_date from, jr_date to,
                               int64_t assignment_id, store_decl_fn fn, void *ud, jr_error *err);
/* store_decl_line_open_outside: whether assignment_id has an open debit
 * (accepted, not credited) that begins before from or ends after until
 * (JR_DATE_NONE: unbounded). It reads the assignment's provider's batches
 * for its municipality, where all its accepted lines lie. */
jr_status store_decl_line_open_outside(jr_store *st, int64_t assignment_id, jr_date from,
                                       jr_date until, bool *out, jr_error *err);

/* An open debit of a batch scope: its key and product. */
typedef struct {
    int64_t debit_key;
    char product[8];
} store_decl_open_debit;

/* store_decl_scope_open_debits: each store_decl_open_debit of the batches
 * of provider_id, municipality gemeente and period (a batch's scope). */
jr_status store_decl_scope_open_debits(jr_store *st, int64_t provider_id, const char *gemeente,
                                       jr_month period, store_decl_fn fn, void *ud, jr_error *err);

/* store_decl_batch_lines: each store_decl_line_row of batch batch_id, in
 * order (none when it does not exist). */
jr_status store_decl_batch_lines(jr_store *st, int64_t batch_id, store_decl_fn fn, void *ud,
                                 jr_error *err);

/* A rejected line with the batch it came in (the worklist's). */
typedef struct {
    store_decl_line_row l;
    int64_t batch_id;
    char batch_number[JR_REF_MAX];
    char gemeente[5];
    char agb[9];
    jr_month period;
} store_decl_rejected_row;

/* store_decl_rejected_lines: each store_decl_rejected_row, the most recent
 * first, at most limit, of municipality gemeente and provider agb (NULL: any). */
jr_status store_decl_rejected_lines(jr_store *st, const char *gemeente, const char *agb,
                                    int64_t limit, store_decl_fn fn, void *ud, jr_error *err);

/* ---- settlement: the accepted lines of a period ---- */

/* The accepted amount of one municipality, provider and product. */
typedef struct {
    char gemeente[5];
    char agb[9];
    char provider_name[128];
    char product[8];
    jr_cents accepted; /* debits minus credits */
    int64_t n_accepted;
    int64_t n_rejected;
} store_decl_settle_row;

/* store_decl_settle_sums: each store_decl_settle_row of period, ordered by
 * municipality, provider and product, of gemeente and agb (NULL: any). */
jr_status store_decl_settle_sums(jr_store *st, jr_month period, const char *gemeente,
                                 const char *agb, store_decl_fn fn, void *ud, jr_error *err);
/* store_decl_settle_lines: each store_decl_line_row of period behind those
 * sums, by municipality, provider and line, of product (NULL: any). */
jr_status store_decl_settle_lines(jr_store *st, jr_month period, const char *gemeente,
                                  const char *agb, const char *product, store_decl_fn fn, void *ud,
                                  jr_error *err);

/* ---- the running totals (assignment_use) ---- */

typedef struct {
    int64_t assignment_id;
    jr_cents used_cents;
    int64_t used_base; /* minutes or etmalen */
    /* the first begin and last end of its accepted debit lines (migration
       016), JR_DATE_NONE while it has none */
    jr_date first_begin, last_end;
} store_decl_total;

#define STORE_DECL_TOTALS_BATCH 32 /* the most totals store_decl_totals_get reads at once */

/* store_decl_total_get: the stored totals of assignment_id; JR_ENOTFOUND
 * when nothing was accepted on it yet. */
jr_status store_decl_total_get(jr_store *st, int64_t assignment_id, store_decl_total *out,
                               jr_error *err);
/* store_decl_totals_get: the stored totals among ids[0..n) (n at most
 * STORE_DECL_TOTALS_BATCH, ids positive) in out, their number in *nout;
 * ids with nothing stored are absent. One statement for them all. */
jr_status store_decl_totals_get(jr_store *st, const int64_t *ids, int n, store_decl_total *out,
                                int *nout, jr_error *err);
/* store_decl_total_put: writes t (inserted or replaced). */
jr_status store_decl_total_put(jr_store *st, const store_decl_total *t, jr_error *err);

/* ---- what the session reads of assignments and contracts ---- */

/* An assignment as the declaration checks see it. */
typedef struct {
    char number[JR_REF_MAX];
    int64_t id;
    int64_t provider_id;
    int64_t youth_id;
    jr_decl_assignment a; /* found, used and used_base are left zero */
} store_decl_fact;

/* store_decl_facts_scan: each store_decl_fact of provider_id in
 * municipality gemeente that runs on some day of from..to (one range scan
 * of the covering index assignment_decl). */
jr_status store_decl_facts_scan(jr_store *st, int64_t provider_id, const char *gemeente,
                                jr_date from, jr_date to, store_decl_fn fn, void *ud,
                                jr_error *err);
/* store_decl_fact_by_number: the assignment number, of any provider;
 * JR_ENOTFOUND when absent. */
jr_status store_decl_fact_by_number(jr_store *st, const char *number, store_decl_fact *out,
                                    jr_error *err);
/* store_decl_bed_youths: each youth id (an int64_t row) with more than one
 * residential (unit 14) assignment, ascending. */
jr_status store_decl_bed_youths(jr_store *st, store_decl_fn fn, void *ud, jr_error *err);

/* A contract of a provider: product over start..end (JR_DATE_NONE: open). */
typedef struct {
    char product[8];
    jr_date start, end;
} store_decl_contract;

/* store_decl_contracts: each store_decl_contract of provider_id. */
jr_status store_decl_contracts(jr_store *st, int64_t provider_id, store_decl_fn fn, void *ud,
                               jr_error *err);

#endif

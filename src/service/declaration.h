/*
 * declaration.h: the administreren process: a provider's declaration
 * batches come in line by line (from a CSV file, an iJw JW323 message or the
 * API), every line is checked (domain/decl.h) and stored as accepted or
 * rejected with its reason code; accepted lines are final and count against
 * the assignment's budget or volume.
 *
 * A session is one transaction over one input file, whose batches are
 * recorded as received when the session began. File-level faults (an
 * unknown AGB code, a batch number reused with other content, a batch split
 * over the file) abort it and nothing is stored. A batch received before
 * with the same content is recognised and changes nothing (idempotence).
 * Memory stays flat in the size of the input: lines are not kept; a batch's
 * assignment facts live while it is read, and a bounded table holds the
 * assignments' running totals.
 */
#ifndef JR_DECLARATION_H
#define JR_DECLARATION_H

#include "../domain/decl.h"
#include "../store/declarations.h"
#include "svc.h"

#include <sodium.h>

typedef struct jr_decl_session jr_decl_session;

typedef struct {
    int64_t batch_id;
    char number[JR_REF_MAX];
    char agb[9];
    char gemeente[5];
    jr_month period;
    int64_t n_accepted;
    int64_t n_rejected;
    jr_cents accepted_amount; /* debits minus credits */
    bool replayed;            /* received before with the same content: nothing changed */
} jr_decl_batch_summary;

/* One stored line with its outcome. */
typedef struct {
    int64_t id;
    char ref[JR_REF_MAX];
    char assignment[JR_REF_MAX];
    char product[8];
    jr_date begin, end;
    int64_t volume;
    char unit[4];
    jr_cents amount;
    bool credit;
    bool accepted;
    char code[8];
    const char *message;
} jr_decl_outcome;

jr_status decl_session_begin(const jr_ctx *ctx, const char *source, jr_decl_session **out,
                             jr_error *err);
/* decl_session_add: one line of batch b. Lines of one batch come together. */
jr_status decl_session_add(jr_decl_session *s, const jr_decl_batch *b, const jr_decl_line *l,
                           jr_error *err);
/* decl_session_expect: the batch the next line opens holds n lines (0: not
 * known). A batch of a few lines from a provider with many assignments in
 * the municipality then reads the ones it names one by one instead of
 * scanning them all (see docs/performance.md). */
void decl_session_expect(jr_decl_session *s, int64_t n);
/* The content hash of a batch: BLAKE2b-256 over its header (number, AGB,
 * municipality, period, dagtekening) and its lines, field by field. A batch
 * received again is recognised by it (the same number with the same hash
 * changes nothing; with another hash it is refused, iJw 9333). The session
 * computes it itself, unless the caller computes it alongside (the CSV
 * reader does, in its reader thread) with the same three functions. */
typedef struct {
    crypto_generichash_state st;
} jr_decl_hash;
void decl_hash_begin(jr_decl_hash *h, const jr_decl_batch *b);
void decl_hash_line(jr_decl_hash *h, const jr_decl_line *l);
void decl_hash_end(jr_decl_hash *h, char hex[65]);
/* decl_session_hashes_given: from now on the caller gives the hash of each
 * batch (decl_session_batch_hash) before that batch closes, that is before
 * the first line of the next batch and before the commit; the session then
 * hashes nothing itself. A batch that closes without its hash is a JR_EDB
 * fault. Only before the session's first line: false (and the session goes
 * on hashing, ignoring given hashes) after it. */
bool decl_session_hashes_given(jr_decl_session *s);
void decl_session_batch_hash(jr_decl_session *s, const char hex[65]);

/* decl_session_commit: closes the last batch and commits. */
jr_status decl_session_commit(jr_decl_session *s, jr_error *err);
/* decl_session_free: rolls back when not committed, then frees. */
void decl_session_free(jr_decl_session *s);
int decl_session_nbatches(const jr_decl_session *s);
/* decl_session_batch: the summary of the session's batch i as stored (read
 * back from the store; valid until the next call); NULL when out of range. */
const jr_decl_batch_summary *decl_session_batch(jr_decl_session *s, int i);
int64_t decl_session_nlines(const jr_decl_session *s);

/* decl_outcome_from_line: the outcome of a stored line, as lists show it. */
void decl_outcome_from_line(const store_decl_line_row *row, jr_decl_outcome *o);
/* decl_outcome_each: a store_decl_fn over store_decl_line_row rows that
 * hands each as a jr_decl_outcome to the decl_outcome_fn at ud: how the
 * services that list lines turn the store's rows into outcomes. */
typedef struct {
    jr_row_fn fn;
    void *ud;
} decl_outcome_fn;
int decl_outcome_each(void *ud, const void *row);

/* decl_batch_outcomes: each jr_decl_outcome of a stored batch, in order. */
jr_status decl_batch_outcomes(const jr_ctx *ctx, int64_t batch_id, jr_row_fn fn, void *ud,
                              jr_error *err);

#endif

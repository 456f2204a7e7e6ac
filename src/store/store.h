/*
 * store.h: the one narrow door to the database.
 *
 * Services speak SQL through this interface only: prepare (cached), bind,
 * step, read columns, and nested transactions. Placeholders are '?' numbered
 * from 1. The SQLite backend (store_sqlite.c) is the embedded default; the
 * schema is the set of migrations in store/migrations/, applied in order on
 * open and recorded in the schema_version table.
 *
 * Ownership: a jr_store owns its statements; a jr_stmt returned by
 * store_prepare stays valid until store_close and is reset on every prepare.
 * Text returned by store_col_text lives until the next step or reset.
 */
#ifndef JR_STORE_H
#define JR_STORE_H

#include "../core/err.h"
#include "../domain/date.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct jr_store jr_store;
typedef struct jr_stmt jr_stmt;

typedef enum {
    STORE_ROW = 1,
    STORE_DONE = 0,
    STORE_ERROR = -1,
} store_step_result;

/* store_open: opens (creating when absent) the database at path and brings
 * its schema up to date. Creates the parent directory when missing. */
jr_status store_open(const char *path, jr_store **out, jr_error *err);
void store_close(jr_store *st);

/* store_begin/commit/rollback: nested transactions (savepoints). Every
 * begin is matched by exactly one commit or rollback. */
jr_status store_begin(jr_store *st, jr_error *err);
jr_status store_commit(jr_store *st, jr_error *err);
void store_rollback(jr_store *st);
/* store_begin_write: a top-level transaction that takes the write lock at
 * once (SQLite: BEGIN IMMEDIATE), so that a writer waits for the lock
 * before it reads instead of failing to upgrade later. Only outside any
 * other transaction (else JR_EDB); ended by store_commit or store_rollback
 * like the others, and the savepoints of store_begin nest inside. */
jr_status store_begin_write(jr_store *st, jr_error *err);
int store_depth(const jr_store *st);

/* store_exec: runs SQL without results (may hold several statements). */
jr_status store_exec(jr_store *st, const char *sql, jr_error *err);

/* store_prepare: a statement for sql, cached by the sql pointer (pass string
 * literals), reset and with bindings cleared. NULL on error (err filled). */
jr_stmt *store_prepare(jr_store *st, const char *sql, jr_error *err);
void store_bind_int(jr_stmt *s, int idx, int64_t v);
void store_bind_text(jr_stmt *s, int idx, const char *v); /* NULL binds NULL */
/* store_bind_static: as store_bind_text without a copy: v must stay valid
 * and unchanged until the statement is stepped to its end or reset. */
void store_bind_static(jr_stmt *s, int idx, const char *v);
/* store_step: STORE_ROW, STORE_DONE, or STORE_ERROR (err filled; a
 * constraint violation is JR_ECONFLICT). */
store_step_result store_step(jr_stmt *s, jr_error *err);
int64_t store_col_int(jr_stmt *s, int col);
const char *store_col_text(jr_stmt *s, int col); /* "" for NULL */
bool store_col_null(jr_stmt *s, int col);
void store_reset(jr_stmt *s);

/* store_each: steps s to its end; for each row convert(conv_ud, s, row)
 * fills the caller's buffer row, then fn(ud, row) sees it (non-zero stops).
 * Resets s. JR_EDB when a step fails (err filled). The loop every list
 * function of the services shares. */
typedef void (*store_convert_fn)(const void *conv_ud, jr_stmt *s, void *row);
jr_status store_each(jr_stmt *s, store_convert_fn convert, const void *conv_ud, void *row,
                     int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

/* The steps every store module shares (steps.c):
 * store_step_done: steps a statement without rows to its end (which
 *   releases static bindings); JR_ECONFLICT when a constraint refuses it,
 *   JR_EDB on another failure (err filled either way).
 * store_step_one: steps a one-row look-up: JR_OK with the row there (the
 *   caller reads it, then resets), JR_ENOTFOUND (reset, err untouched)
 *   without, JR_EDB (reset) on failure.
 * store_one: store_step_one, then convert(conv_ud, s, row) fills the
 *   caller's row and s is reset: the one-row get of every store module.
 * store_step_exists: whether the bound look-up has a row (reset after). */
jr_status store_step_done(jr_stmt *s, jr_error *err);
jr_status store_step_one(jr_stmt *s, jr_error *err);
jr_status store_one(jr_stmt *s, store_convert_fn convert, const void *conv_ud, void *row,
                    jr_error *err);
jr_status store_step_exists(jr_stmt *s, bool *out, jr_error *err);
/* store_bind_date: binds d as ISO text (buf holds it until the step), NULL
 * for JR_DATE_NONE. store_col_date: the date in column col, JR_DATE_NONE
 * for NULL or text that is no date. */
void store_bind_date(jr_stmt *s, int idx, jr_date d, char buf[JR_DATE_ISO_LEN]);
jr_date store_col_date(jr_stmt *s, int col);

int64_t store_last_id(jr_store *st);

/* store_timestamp: now plus offset_seconds as ISO 8601 UTC with
 * milliseconds ("2026-12-03T10:21:49.123Z", STORE_TS_LEN with its NUL),
 * written to out and returned. The one clock of every stored timestamp:
 * queries bind it instead of calling a dialect's clock function. */
#define STORE_TS_LEN 25
const char *store_timestamp(int64_t offset_seconds, char out[STORE_TS_LEN]);

/* ---- backup and restore (docs/operations.md) ----
 * What a backup file holds, read by store_backup_info. */
typedef struct {
    int migrations;                 /* schema migrations applied in it */
    char last_migration[64];        /* the newest one's name */
    int64_t audit_rows;             /* rows of its audit log */
    char last_change[STORE_TS_LEN]; /* the newest audit row's time, "" without */
} store_backup_meta;

/* store_backup: a consistent copy of the whole database at this moment into
 * the new file dest, with SQLite's online backup API (readers and writers
 * of other connections go on). Written to a temporary file next to dest,
 * checked (PRAGMA quick_check), set to a self-contained rollback journal,
 * flushed to disk and only then renamed to dest: a failure (a full disk)
 * leaves no dest and no temporary file. JR_ECONFLICT (code
 * backup_exists) when dest exists; outside any transaction only. */
jr_status store_backup(jr_store *st, const char *dest, store_backup_meta *meta, jr_error *err);
/* store_backup_info: checks that src is a readable, intact jeugdregio
 * database whose migrations this program knows (a newer program's backup
 * is refused: code backup_newer), and describes it. Opens src read-only;
 * changes nothing. */
jr_status store_backup_info(const char *src, store_backup_meta *meta, jr_error *err);
/* store_restore: replaces the whole content of st with src (after the
 * checks of store_backup_info) in one write transaction of the backup
 * API: it either lands whole or not at all. Then applies the migrations
 * that are newer than the backup. Outside any transaction only. */
jr_status store_restore(jr_store *st, const char *src, store_backup_meta *meta, jr_error *err);
/* store_has_data: whether any provider, youth, declaration batch or user
 * exists (a restore over such a database needs the caller's say-so). */
jr_status store_has_data(jr_store *st, bool *out, jr_error *err);

/* store_next_number: the next value of a named counter (1, 2, ...). */
jr_status store_next_number(jr_store *st, const char *name, int64_t *out, jr_error *err);

#endif

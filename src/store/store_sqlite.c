/*
 * store_sqlite.c: the SQLite backend of store.h.
 *
 * Opens the database in WAL mode with foreign keys on, applies the embedded
 * migrations, and keeps one prepared statement per SQL text (keyed by the
 * pointer of the literal, so a look-up is a hash of an address).
 */
#include "../core/sbuf.h"
#include "store.h"

#include "embedded.h"

#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define STMT_CACHE 256 /* power of two */

struct jr_stmt {
    const char *sql;
    sqlite3_stmt *stmt;
    jr_store *store;
};

struct jr_store {
    sqlite3 *db;
    int depth;
    bool write_tx; /* depth 1 is a BEGIN IMMEDIATE transaction (store_begin_write) */
    jr_stmt cache[STMT_CACHE];
};

static jr_status db_error(jr_store *st, jr_error *err, const char *what)
{
    int code = sqlite3_extended_errcode(st->db);
    bool constraint = (code & 0xff) == SQLITE_CONSTRAINT;
    return jr_fail(err, constraint ? JR_ECONFLICT : JR_EDB, constraint ? "conflict" : "database",
                   "", "Databasefout bij %s: %s", what, sqlite3_errmsg(st->db));
}

static jr_status make_parent_dir(const char *path, jr_error *err)
{
    char dir[512];
    str_copy(dir, sizeof dir, path);
    char *slash = strrchr(dir, '/');
    if (slash == NULL || slash == dir)
        return JR_OK;
    *slash = '\0';
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(dir, 0750) != 0 && errno != EEXIST)
            return jr_fail(err, JR_EIO, "io", "db", "Map %s niet aan te maken: %s", dir,
                           strerror(errno));
        *p = '/';
    }
    if (mkdir(dir, 0750) != 0 && errno != EEXIST)
        return jr_fail(err, JR_EIO, "io", "db", "Map %s niet aan te maken: %s", dir,
                       strerror(errno));
    return JR_OK;
}

static jr_status migrate(jr_store *st, jr_error *err)
{
    jr_status rc = store_exec(st,
                              "CREATE TABLE IF NOT EXISTS schema_version ("
                              " name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
                              err);
    if (rc != JR_OK)
        return rc;
    for (const jr_embedded *m = jr_migrations; m->name; m++) {
        jr_stmt *q = store_prepare(st, "SELECT 1 FROM schema_version WHERE name = ?", err);
        if (!q)
            return JR_EDB;
        store_bind_text(q, 1, m->name);
        store_step_result r = store_step(q, err);
        store_reset(q);
        if (r == STORE_ERROR)
            return JR_EDB;
        if (r == STORE_ROW)
            continue;
        if ((rc = store_begin(st, err)) != JR_OK)
            return rc;
        if (store_exec(st, m->text, err) != JR_OK) {
            char why[sizeof err->message];
            str_copy(why, sizeof why, err ? err->message : "");
            store_rollback(st);
            return jr_fail(err, JR_EDB, "migration", "", "Migratie %s mislukt: %s", m->name, why);
        }
        jr_stmt *ins =
            store_prepare(st, "INSERT INTO schema_version (name, applied_at) VALUES (?, ?)", err);
        if (!ins) {
            store_rollback(st);
            return JR_EDB;
        }
        char now[STORE_TS_LEN];
        store_bind_text(ins, 1, m->name);
        store_bind_text(ins, 2, store_timestamp(0, now));
        if (store_step(ins, err) != STORE_DONE) {
            store_rollback(st);
            return JR_EDB;
        }
        if ((rc = store_commit(st, err)) != JR_OK)
            return rc;
    }
    return JR_OK;
}

/* SQLite counts every allocation under a global mutex unless told not to;
 * the store does not read those counts. Set once, before SQLite starts. */
static void sqlite_configure(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

jr_status store_open(const char *path, jr_store **out, jr_error *err)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, sqlite_configure);
    *out = NULL;
    jr_status rc = make_parent_dir(path, err);
    if (rc != JR_OK)
        return rc;
    jr_store *st = calloc(1, sizeof *st);
    if (!st)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    if (sqlite3_open_v2(path, &st->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK) {
        rc = jr_fail(err, JR_EIO, "db_open", "db", "Database %s niet te openen: %s", path,
                     st->db ? sqlite3_errmsg(st->db) : "geen geheugen");
        store_close(st);
        return rc;
    }
    sqlite3_busy_timeout(st->db, 5000);
    /* 16 KiB pages: shallower indexes and fewer page reads and writes; the
       declaration import ran 15 % faster than with 4 KiB (issue 3's bench).
       It applies to a new database; an existing one keeps its page size. */
    rc = store_exec(st,
                    "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL;"
                    " PRAGMA synchronous = NORMAL;"
                    " PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;"
                    " PRAGMA temp_store = MEMORY;",
                    err);
    if (rc == JR_OK)
        rc = migrate(st, err);
    if (rc != JR_OK) {
        store_close(st);
        return rc;
    }
    *out = st;
    return JR_OK;
}

void store_close(jr_store *st)
{
    if (!st)
        return;
    for (int i = 0; i < STMT_CACHE; i++)
        if (st->cache[i].stmt)
            sqlite3_finalize(st->cache[i].stmt);
    sqlite3_close(st->db);
    free(st);
}

jr_status store_exec(jr_store *st, const char *sql, jr_error *err)
{
    char *msg = NULL;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        jr_status rc = jr_fail(err, JR_EDB, "database", "", "Databasefout: %s",
                               msg ? msg : sqlite3_errmsg(st->db));
        sqlite3_free(msg);
        return rc;
    }
    return JR_OK;
}

jr_status store_begin(jr_store *st, jr_error *err)
{
    jr_status rc = store_exec(st, "SAVEPOINT jr", err);
    if (rc == JR_OK)
        st->depth++;
    return rc;
}

jr_status store_begin_write(jr_store *st, jr_error *err)
{
    if (st->depth != 0)
        return jr_fail(err, JR_EDB, "database", "",
                       "Databasefout: een schrijftransactie begint alleen buiten een andere.");
    jr_status rc = store_exec(st, "BEGIN IMMEDIATE", err);
    if (rc == JR_OK) {
        st->depth = 1;
        st->write_tx = true;
    }
    return rc;
}

/* store_top_write: is the innermost level the one store_begin_write opened? */
static bool store_top_write(const jr_store *st)
{
    return st->depth == 1 && st->write_tx;
}

jr_status store_commit(jr_store *st, jr_error *err)
{
    bool top = store_top_write(st);
    jr_status rc = store_exec(st, top ? "COMMIT" : "RELEASE jr", err);
    if (rc == JR_OK) {
        st->depth--;
        if (top)
            st->write_tx = false;
    }
    return rc;
}

void store_rollback(jr_store *st)
{
    /* reset statements first so no open read blocks the rollback */
    for (int i = 0; i < STMT_CACHE; i++)
        if (st->cache[i].stmt)
            sqlite3_reset(st->cache[i].stmt);
    if (store_top_write(st)) {
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        st->write_tx = false;
    } else {
        sqlite3_exec(st->db, "ROLLBACK TO jr; RELEASE jr", NULL, NULL, NULL);
    }
    st->depth--;
}

int store_depth(const jr_store *st)
{
    return st->depth;
}

jr_stmt *store_prepare(jr_store *st, const char *sql, jr_error *err)
{
    uintptr_t h = (uintptr_t)sql;
    h ^= h >> 17;
    h *= 0x9E3779B97F4A7C15ull;
    size_t i = (size_t)(h >> 40) & (STMT_CACHE - 1);
    for (size_t n = 0; n < STMT_CACHE; n++, i = (i + 1) & (STMT_CACHE - 1)) {
        jr_stmt *s = &st->cache[i];
        if (s->sql == sql) {
#ifdef JR_CHECK_SQL_CACHE
            /* keyed by the pointer: SQL built in a reused buffer would get
               another query's statement (debug builds check) */
            if (strcmp(sqlite3_sql(s->stmt), sql) != 0) {
                fprintf(stderr, "store_prepare: SQL at %p changed since it was prepared:\n%s\n",
                        (const void *)sql, sql);
                abort();
            }
#endif
            sqlite3_reset(s->stmt);
            sqlite3_clear_bindings(s->stmt);
            return s;
        }
        if (s->sql == NULL) {
            if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->stmt, NULL) !=
                SQLITE_OK) {
                db_error(st, err, "voorbereiden");
                s->stmt = NULL;
                return NULL;
            }
            s->sql = sql;
            s->store = st;
            return s;
        }
    }
    jr_fail(err, JR_EDB, "database", "", "Te veel verschillende SQL-opdrachten.");
    return NULL;
}

void store_bind_int(jr_stmt *s, int idx, int64_t v)
{
    sqlite3_bind_int64(s->stmt, idx, v);
}

void store_bind_text(jr_stmt *s, int idx, const char *v)
{
    if (v)
        sqlite3_bind_text(s->stmt, idx, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s->stmt, idx);
}

void store_bind_static(jr_stmt *s, int idx, const char *v)
{
    if (v)
        sqlite3_bind_text(s->stmt, idx, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s->stmt, idx);
}

store_step_result store_step(jr_stmt *s, jr_error *err)
{
    int rc = sqlite3_step(s->stmt);
    if (rc == SQLITE_ROW)
        return STORE_ROW;
    if (rc == SQLITE_DONE)
        return STORE_DONE;
    db_error(s->store, err, "uitvoeren");
    sqlite3_reset(s->stmt);
    return STORE_ERROR;
}

int64_t store_col_int(jr_stmt *s, int col)
{
    return sqlite3_column_int64(s->stmt, col);
}

const char *store_col_text(jr_stmt *s, int col)
{
    const unsigned char *t = sqlite3_column_text(s->stmt, col);
    return t ? (const char *)t : "";
}

bool store_col_null(jr_stmt *s, int col)
{
    return sqlite3_column_type(s->stmt, col) == SQLITE_NULL;
}

void store_reset(jr_stmt *s)
{
    sqlite3_reset(s->stmt);
}

jr_status store_each(jr_stmt *s, store_convert_fn convert, const void *conv_ud, void *row,
                     int (*fn)(void *ud, const void *row), void *ud, jr_error *err)
{
    store_step_result r;
    while ((r = store_step(s, err)) == STORE_ROW) {
        convert(conv_ud, s, row);
        if (fn(ud, row))
            break;
    }
    store_reset(s);
    return r == STORE_ERROR ? JR_EDB : JR_OK;
}

int64_t store_last_id(jr_store *st)
{
    return sqlite3_last_insert_rowid(st->db);
}

jr_status store_next_number(jr_store *st, const char *name, int64_t *out, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "INSERT INTO counter (name, value) VALUES (?, 1)"
                               " ON CONFLICT (name) DO UPDATE SET value = value + 1"
                               " RETURNING value",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, name);
    if (store_step(s, err) != STORE_ROW)
        return JR_EDB;
    *out = store_col_int(s, 0);
    store_reset(s);
    return JR_OK;
}

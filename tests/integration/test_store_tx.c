/*
 * test_store_tx.c: the store's transactions on a real SQLite file: the
 * top-level write transaction (store_begin_write) takes the write lock at
 * once, commits or rolls back as a whole with the savepoints of
 * store_begin nested inside, and refuses to start inside another.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    char dir[64], db[96];
    jr_store *a, *b; /* two connections to the same file */
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/jr_store_tx_XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
    jr_error err;
    jr_error_clear(&err);
    if (store_open(f->db, &f->a, &err) != JR_OK || store_open(f->db, &f->b, &err) != JR_OK)
        fail_msg("store_open: %s", err.message);
    if (store_exec(f->a, "CREATE TABLE t (v INTEGER NOT NULL)", &err) != JR_OK)
        fail_msg("create: %s", err.message);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    store_close(f->a);
    store_close(f->b);
    char path[128];
    static const char *const parts[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        snprintf(path, sizeof path, "%s%s", f->db, parts[i]);
        unlink(path);
    }
    rmdir(f->dir);
    free(f);
    return 0;
}

static int64_t count_rows(jr_store *st)
{
    jr_error err;
    jr_error_clear(&err);
    jr_stmt *q = store_prepare(st, "SELECT count(*) FROM t", &err);
    if (!q || store_step(q, &err) != STORE_ROW)
        fail_msg("count: %s", err.message);
    int64_t n = store_col_int(q, 0);
    store_reset(q);
    return n;
}

static void insert_row(jr_store *st, int64_t v)
{
    jr_error err;
    jr_error_clear(&err);
    jr_stmt *q = store_prepare(st, "INSERT INTO t (v) VALUES (?)", &err);
    if (!q)
        fail_msg("insert: %s", err.message);
    store_bind_int(q, 1, v);
    if (store_step(q, &err) != STORE_DONE)
        fail_msg("insert: %s", err.message);
}

static void a_write_transaction_commits_with_its_savepoints(void **state)
{
    fx *f = *state;
    jr_error err;
    jr_error_clear(&err);
    assert_int_equal(store_begin_write(f->a, &err), JR_OK);
    assert_int_equal(store_depth(f->a), 1);
    insert_row(f->a, 1);
    assert_int_equal(store_begin(f->a, &err), JR_OK); /* a service's savepoint */
    insert_row(f->a, 2);
    assert_int_equal(store_commit(f->a, &err), JR_OK);
    assert_int_equal(store_begin(f->a, &err), JR_OK); /* one that fails */
    insert_row(f->a, 3);
    store_rollback(f->a);
    assert_int_equal(store_depth(f->a), 1);
    assert_int_equal(count_rows(f->b), 0); /* nothing visible before the commit */
    assert_int_equal(store_commit(f->a, &err), JR_OK);
    assert_int_equal(store_depth(f->a), 0);
    assert_int_equal(count_rows(f->b), 2);
}

static void a_write_transaction_rolls_back_as_a_whole(void **state)
{
    fx *f = *state;
    jr_error err;
    jr_error_clear(&err);
    assert_int_equal(store_begin_write(f->a, &err), JR_OK);
    insert_row(f->a, 1);
    assert_int_equal(store_begin(f->a, &err), JR_OK);
    insert_row(f->a, 2);
    assert_int_equal(store_commit(f->a, &err), JR_OK);
    store_rollback(f->a);
    assert_int_equal(store_depth(f->a), 0);
    assert_int_equal(count_rows(f->a), 0);
    /* the store is usable again: a plain savepoint transaction commits */
    assert_int_equal(store_begin(f->a, &err), JR_OK);
    insert_row(f->a, 4);
    assert_int_equal(store_commit(f->a, &err), JR_OK);
    assert_int_equal(count_rows(f->b), 1);
}

static void a_write_transaction_holds_the_write_lock_at_once(void **state)
{
    fx *f = *state;
    jr_error err;
    jr_error_clear(&err);
    assert_int_equal(store_begin_write(f->a, &err), JR_OK);
    /* before a itself wrote anything, b can no longer take the lock */
    jr_error_clear(&err);
    assert_int_not_equal(store_begin_write(f->b, &err), JR_OK);
    assert_int_equal(store_depth(f->b), 0);
    store_rollback(f->a);
    jr_error_clear(&err);
    assert_int_equal(store_begin_write(f->b, &err), JR_OK);
    assert_int_equal(store_commit(f->b, &err), JR_OK);
}

static void a_write_transaction_starts_only_outside_another(void **state)
{
    fx *f = *state;
    jr_error err;
    jr_error_clear(&err);
    assert_int_equal(store_begin(f->a, &err), JR_OK);
    assert_int_equal(store_begin_write(f->a, &err), JR_EDB);
    assert_int_equal(store_depth(f->a), 1);
    assert_int_equal(store_commit(f->a, &err), JR_OK);
    assert_int_equal(store_begin_write(f->a, &err), JR_OK);
    assert_int_equal(store_begin_write(f->a, &err), JR_EDB);
    assert_int_equal(store_commit(f->a, &err), JR_OK);
    assert_int_equal(store_depth(f->a), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_write_transaction_commits_with_its_savepoints, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_write_transaction_rolls_back_as_a_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(a_write_transaction_holds_the_write_lock_at_once, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_write_transaction_starts_only_outside_another, setup,
                                        teardown),
    };
    return cmocka_run_group_tests_name("store-tx", tests, NULL, NULL);
}

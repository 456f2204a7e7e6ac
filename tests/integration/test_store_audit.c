/*
 * test_store_audit.c: the audit log's store module (store/audit.c) and the
 * audit service over it, on a fresh SQLite database: rows come back newest
 * first, each filter (entity, entity id, actor) and their combination
 * narrows, NULL filters keep every row, the limit holds, and every row is
 * stamped by store_timestamp (ISO 8601 UTC with milliseconds).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../unit/unit_support.h"
#include "service/svc.h"
#include "store/audit.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char dir[64];
    jr_store *store;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/jr-store-audit-XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    char db[128];
    snprintf(db, sizeof db, "%s/jr.db", f->dir);
    jr_error err;
    jr_error_clear(&err);
    if (store_open(db, &f->store, &err) != JR_OK) {
        fprintf(stderr, "store_open %s: %s\n", db, err.message);
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int teardown(void **state)
{
    fx *f = *state;
    store_close(f->store);
    nftw(f->dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
    free(f);
    return 0;
}

typedef struct {
    int n;
    jr_audit_row rows[16];
} acc;

static int collect(void *ud, const void *row)
{
    acc *a = ud;
    if (a->n < (int)(sizeof a->rows / sizeof a->rows[0]))
        a->rows[a->n] = *(const jr_audit_row *)row;
    a->n++;
    return 0;
}

static int stop_after_one(void *ud, const void *row)
{
    collect(ud, row);
    return 1;
}

static void insert(fx *f, const char *actor, const char *action, const char *entity, const char *id,
                   const char *detail)
{
    jr_error err;
    if (store_audit_insert(f->store, actor, action, entity, id, detail, &err) != JR_OK)
        fail_msg("store_audit_insert: %s", err.message);
}

static acc list(fx *f, const char *entity, const char *id, const char *actor, int64_t limit)
{
    acc a;
    memset(&a, 0, sizeof a);
    jr_error err;
    if (store_audit_list(f->store, entity, id, actor, limit, collect, &a, &err) != JR_OK)
        fail_msg("store_audit_list: %s", err.message);
    return a;
}

/* five rows: two entities, two ids of one, two actors */
static void five_rows(fx *f)
{
    insert(f, "anna", "jeugdige.toegevoegd", "jeugdige", "1", "eerste");
    insert(f, "anna", "toewijzing.aangemaakt", "toewijzing", "T1", "");
    insert(f, "bert", "toewijzing.gewijzigd", "toewijzing", "T1", "budget");
    insert(f, "bert", "toewijzing.aangemaakt", "toewijzing", "T2", "");
    insert(f, "anna", "toewijzing.beeindigd", "toewijzing", "T1", "klaar");
}

static void test_newest_first_and_every_column(void **state)
{
    fx *f = *state;
    five_rows(f);
    acc a = list(f, NULL, NULL, NULL, 100);
    assert_int_equal(a.n, 5);
    for (int i = 1; i < a.n; i++) {
        assert_true(a.rows[i - 1].id > a.rows[i].id);
        assert_true(strcmp(a.rows[i - 1].at, a.rows[i].at) >= 0); /* text sorts as time */
    }
    const jr_audit_row *last = &a.rows[0], *first = &a.rows[4];
    assert_string_equal(last->action, "toewijzing.beeindigd");
    assert_string_equal(last->detail, "klaar");
    assert_string_equal(first->actor, "anna");
    assert_string_equal(first->action, "jeugdige.toegevoegd");
    assert_string_equal(first->entity, "jeugdige");
    assert_string_equal(first->entity_id, "1");
    assert_string_equal(first->detail, "eerste");
}

static void test_stamped_by_store_timestamp(void **state)
{
    fx *f = *state;
    char before[STORE_TS_LEN], after[STORE_TS_LEN];
    store_timestamp(0, before);
    insert(f, "anna", "x", "e", "1", "");
    store_timestamp(0, after);
    acc a = list(f, NULL, NULL, NULL, 1);
    assert_int_equal(a.n, 1);
    const char *at = a.rows[0].at;
    /* "2026-12-03T10:21:49.123Z" */
    assert_int_equal(strlen(at), STORE_TS_LEN - 1);
    assert_int_equal(at[4], '-');
    assert_int_equal(at[10], 'T');
    assert_int_equal(at[19], '.');
    assert_int_equal(at[23], 'Z');
    assert_true(strcmp(before, at) <= 0);
    assert_true(strcmp(at, after) <= 0);
}

static void test_each_filter_narrows(void **state)
{
    fx *f = *state;
    five_rows(f);
    assert_int_equal(list(f, "toewijzing", NULL, NULL, 100).n, 4);
    assert_int_equal(list(f, "jeugdige", NULL, NULL, 100).n, 1);
    assert_int_equal(list(f, "toewijzing", "T1", NULL, 100).n, 3);
    assert_int_equal(list(f, "toewijzing", "T2", NULL, 100).n, 1);
    assert_int_equal(list(f, NULL, "T1", NULL, 100).n, 3); /* an id alone */
    assert_int_equal(list(f, NULL, NULL, "anna", 100).n, 3);
    assert_int_equal(list(f, NULL, NULL, "bert", 100).n, 2);
    acc a = list(f, "toewijzing", "T1", "bert", 100);
    assert_int_equal(a.n, 1);
    assert_string_equal(a.rows[0].action, "toewijzing.gewijzigd");
    /* no match: an empty list, not an error */
    assert_int_equal(list(f, "jeugdige", "T1", NULL, 100).n, 0);
    assert_int_equal(list(f, NULL, NULL, "carla", 100).n, 0);
    assert_int_equal(list(f, "", NULL, NULL, 100).n, 0); /* empty is a value, not "any" */
}

static void test_limit_and_stop(void **state)
{
    fx *f = *state;
    five_rows(f);
    acc a = list(f, NULL, NULL, NULL, 2);
    assert_int_equal(a.n, 2);
    assert_string_equal(a.rows[0].action, "toewijzing.beeindigd"); /* the newest two */
    assert_string_equal(a.rows[1].action, "toewijzing.aangemaakt");
    assert_int_equal(list(f, NULL, NULL, NULL, 0).n, 0);
    memset(&a, 0, sizeof a);
    jr_error err;
    assert_int_equal(store_audit_list(f->store, NULL, NULL, NULL, 100, stop_after_one, &a, &err),
                     JR_OK);
    assert_int_equal(a.n, 1);
}

/* the service: the actor defaults to "onbekend", a missing detail is empty,
 * and reading needs the audit role */
static void test_audit_service(void **state)
{
    fx *f = *state;
    jr_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.store = f->store;
    ctx.cat = unit_catalog();
    ctx.today = D("2025-06-30");
    jr_error err;
    assert_int_equal(audit_record(&ctx, "a.leeg", "e", "1", NULL, &err), JR_OK);
    ctx.actor = "";
    assert_int_equal(audit_record(&ctx, "a.leeg2", "e", "2", "d", &err), JR_OK);
    ctx.actor = "anna";
    assert_int_equal(audit_record(&ctx, "a.anna", "e", "3", "d", &err), JR_OK);
    acc a;
    memset(&a, 0, sizeof a);
    assert_int_equal(audit_list(&ctx, "e", NULL, NULL, 10, collect, &a, &err), JR_OK);
    assert_int_equal(a.n, 3);
    assert_string_equal(a.rows[0].actor, "anna");
    assert_string_equal(a.rows[1].actor, "onbekend");
    assert_string_equal(a.rows[2].actor, "onbekend");
    assert_string_equal(a.rows[2].detail, "");
    /* beheerder may read; toegang may not, and gets no row */
    ctx.who.role = JR_ROLE_BEHEERDER;
    memset(&a, 0, sizeof a);
    assert_int_equal(audit_list(&ctx, NULL, NULL, "anna", 10, collect, &a, &err), JR_OK);
    assert_int_equal(a.n, 1);
    ctx.who.role = JR_ROLE_TOEGANG;
    snprintf(ctx.who.gemeente, sizeof ctx.who.gemeente, "0193");
    memset(&a, 0, sizeof a);
    assert_int_equal(audit_list(&ctx, NULL, NULL, NULL, 10, collect, &a, &err), JR_EFORBIDDEN);
    assert_string_equal(err.code, "forbidden");
    assert_int_equal(a.n, 0);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_newest_first_and_every_column),
        T(test_stamped_by_store_timestamp),
        T(test_each_filter_narrows),
        T(test_limit_and_stop),
        T(test_audit_service),
    };
    return cmocka_run_group_tests(tests, unit_catalog_setup, NULL);
}

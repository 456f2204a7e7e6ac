/*
 * test_migrations.c: the schema migrations as a database that already
 * exists meets them.
 *
 * A database made by an earlier release holds some migrations and data;
 * opening it with this release applies the rest and must keep every fact.
 * The released migration texts are pinned by their hash: a migration that a
 * database may already hold is never edited (a table added to it would
 * never reach those databases); a change is a new migration.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../unit/unit_support.h"

#include "config/region.h"
#include "service/assignment.h"
#include "service/auth.h"
#include "service/contract_mgmt.h"
#include "store/embedded.h"
#include "store/store.h"

#include <ftw.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a, 64 bits: enough to notice an edit */
static uint64_t text_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static void migrations_once_released_never_change(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        uint64_t hash;
    } released[] = {
        {"001_init.sql", 0xeb2ba8204daebd65ull},
        {"002_auth.sql", 0x4ce6a922c5d338dfull},
        {"003_ijw.sql", 0xc509e22a85510676ull},
        {"004_decl_throughput.sql", 0x2432a73a632459bbull},
        {"005_ijw_stop.sql", 0x9d8bf8f4c60798d4ull},
        {"006_debit_scope.sql", 0xd8cfe1bfabe74cb7ull},
        {"007_bed_youths.sql", 0xf505460f837ecab7ull},
        {"008_referral_gemeente.sql", 0x400a53f92ff5e9a1ull},
        {"009_iso_timestamps.sql", 0xfc499da968335758ull},
        {"010_exchange_care.sql", 0xc705c9f71cac8b9aull},
        {"011_spend_summary.sql", 0x0a372c399319f74cull},
        {"012_begroting.sql", 0x31e794c899e43dc6ull},
    };
    size_t n = 0;
    for (const jr_embedded *m = jr_migrations; m->name; m++, n++) {
        if (n >= sizeof released / sizeof released[0])
            continue; /* a new migration: pin it here when it is released */
        assert_string_equal(m->name, released[n].name);
        uint64_t h = text_hash(m->text);
        if (h != released[n].hash)
            fail_msg("migration %s changed (hash 0x%016llx, pinned 0x%016llx): a database may "
                     "hold it already; add a new migration instead",
                     m->name, (unsigned long long)h, (unsigned long long)released[n].hash);
    }
    assert_true(n >= sizeof released / sizeof released[0]);
}

typedef struct {
    char dir[64];
    char db[96];
} fx;

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/jr-migrations-XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    snprintf(f->db, sizeof f->db, "%s/old.db", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    nftw(f->dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
    free(f);
    return 0;
}

static void exec_ok(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s\n-- in: %.200s", msg ? msg : "?", sql);
}

/* a database as the release with migrations 001..003 left it, with data */
static void make_release_3_database(const char *path)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    exec_ok(db, "CREATE TABLE schema_version (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
    for (const jr_embedded *m = jr_migrations; m->name && strcmp(m->name, "004") < 0; m++) {
        exec_ok(db, m->text);
        char sql[160];
        snprintf(sql, sizeof sql, "INSERT INTO schema_version VALUES ('%s', '2026-11-01 12:00:00')",
                 m->name);
        exec_ok(db, sql);
    }
    exec_ok(db,
            "INSERT INTO provider VALUES (1, '12345678', 'Jeugdzorg De Linde', 'instelling',"
            " '2026-11-01');"
            "INSERT INTO youth VALUES (7, '111222333', '2015-03-01', '0193', '2026-11-01');"
            "INSERT INTO assignment (id, number, youth_id, gemeente, provider_id, category,"
            " product, is_budget, budget_cents, volume, unit, frequency, start_date, end_date,"
            " status, care_start, used_cents, used_base, created_at) VALUES"
            " (3, 'TW019300000003', 7, '0193', 1, '45', '', 1, 519250, 0, '', '',"
            " '2025-01-01', '2025-12-31', 'actief', '2025-01-01', 81000, 600, '2026-11-01'),"
            " (4, 'TW019300000004', 7, '0193', 1, '45', '', 1, 100000, 0, '', '',"
            " '2025-01-01', '2025-12-31', 'actief', NULL, 0, 0, '2026-11-01');"
            "INSERT INTO decl_batch (id, provider_id, number, gemeente, period, dagtekening,"
            " content_hash, source, received_at, first_line, last_line, n_accepted,"
            " accepted_cents) VALUES (1, 1, 'D2025-03', '0193', '2025-03', '2025-04-05', 'x',"
            " 'maart.csv', '2026-11-01', 1, 2, 1, 81000);"
            "INSERT INTO decl_line (id, batch_id, provider_id, ref, assignment_id,"
            " assignment_number, youth_id, bsn, category, product, begin_date, end_date, volume,"
            " unit, tariff_cents, amount_cents, credit, status, code) VALUES"
            " (1, 1, 1, 'R1', 3, 'TW019300000003', 7, '111222333', '45', '45F02', '2025-03-01',"
            " '2025-03-31', 10, '04', 8100, 81000, 0, 'A', '8001'),"
            " (2, 1, 1, 'R2', NULL, 'TW999', NULL, '111222333', '45', '45F02', '2025-03-01',"
            " '2025-03-31', 1, '04', 8100, 8100, 0, 'R', '9338');"
            "INSERT INTO ledger_event (assignment_id, event_date, kind, cents, volume, note)"
            " VALUES (3, '2025-01-01', 'toegekend', 519250, 0, 'budget'),"
            " (3, '2025-02-01', 'gewijzigd', 10000, 0, 'reden 12: budget 5.292,50');");
    sqlite3_close(db);
}

/* every embedded migration, each applied once */
static int64_t n_migrations(void)
{
    int64_t n = 0;
    for (const jr_embedded *m = jr_migrations; m->name; m++)
        n++;
    return n;
}

static int64_t one_int(jr_store *st, const char *sql)
{
    jr_error err;
    jr_error_clear(&err);
    jr_stmt *q = store_prepare(st, sql, &err);
    if (!q)
        fail_msg("%s: %s", sql, err.message);
    if (store_step(q, &err) != STORE_ROW)
        fail_msg("%s: no row (%s)", sql, err.message);
    int64_t v = store_col_int(q, 0);
    store_reset(q);
    return v;
}

static void a_release_3_database_keeps_its_facts(void **state)
{
    fx *f = *state;
    make_release_3_database(f->db);
    jr_store *st;
    jr_error err;
    jr_error_clear(&err);
    if (store_open(f->db, &st, &err) != JR_OK)
        fail_msg("store_open: %s", err.message);
    assert_int_equal(one_int(st, "SELECT count(*) FROM schema_version"), n_migrations());
    /* 004: the running totals moved to assignment_use; nothing used: no row */
    assert_int_equal(one_int(st, "SELECT used_cents FROM assignment_use WHERE assignment_id = 3"),
                     81000);
    assert_int_equal(one_int(st, "SELECT used_base FROM assignment_use WHERE assignment_id = 3"),
                     600);
    assert_int_equal(one_int(st, "SELECT count(*) FROM assignment_use"), 1);
    /* 004: the youth's BSN on each assignment */
    assert_int_equal(one_int(st, "SELECT count(*) FROM assignment WHERE bsn = '111222333'"), 2);
    /* 004: the open-debit key: day number of 2025-03-01 (20148) * 2^31 + id;
       none for a line without an assignment */
    assert_int_equal(one_int(st, "SELECT debit_key FROM decl_line WHERE id = 1"),
                     20148LL * 2147483648LL + 3);
    assert_int_equal(one_int(st, "SELECT count(*) FROM decl_line WHERE debit_key IS NULL"), 1);
    /* 006: the open-debit rule moved from an index over all lines to the
       batch scope (the session checks it); the scope has its index */
    assert_int_equal(
        one_int(st, "SELECT count(*) FROM sqlite_schema WHERE name = 'decl_line_debit'"), 0);
    assert_int_equal(
        one_int(st, "SELECT count(*) FROM sqlite_schema WHERE name = 'decl_batch_scope'"), 1);
    /* 005: the stop history exists (named stop_history by 010) */
    assert_int_equal(one_int(st, "SELECT count(*) FROM stop_history"), 0);
    /* 010: the RedenWijziging of a change is data, taken from the note */
    assert_int_equal(one_int(st, "SELECT count(*) FROM ledger_event WHERE reason = '12'"), 1);
    assert_int_equal(one_int(st, "SELECT count(*) FROM ledger_event WHERE reason IS NULL"), 1);
    /* 011: the spending summary holds the accepted line, not the rejected */
    assert_int_equal(one_int(st, "SELECT count(*) FROM spend_month"), 1);
    assert_int_equal(one_int(st, "SELECT amount_cents FROM spend_month WHERE month = '2025-03'"
                                 " AND gemeente = '0193' AND provider_id = 1 AND product = '45F02'"
                                 " AND lines = 1"),
                     81000);
    assert_int_equal(one_int(st, "SELECT months FROM spend_year WHERE year = 2025 AND"
                                 " assignment_id = 3 AND youth_id = 7 AND amount_cents = 81000"),
                     1 << 2);
    assert_int_equal(one_int(st, "SELECT count(*) FROM spend_year"), 1);
    assert_int_equal(one_int(st, "SELECT amount_cents FROM spend_region_month WHERE"
                                 " month = '2025-03' AND provider_id = 1 AND product = '45F02'"),
                     81000);
    /* the youth's months, for the municipality and for the region ('') */
    assert_int_equal(one_int(st, "SELECT months FROM spend_youth WHERE year = 2025 AND"
                                 " gemeente = '0193' AND youth_id = 7"),
                     1 << 2);
    assert_int_equal(one_int(st, "SELECT months FROM spend_youth WHERE year = 2025 AND"
                                 " gemeente = '' AND youth_id = 7"),
                     1 << 2);
    assert_int_equal(one_int(st, "SELECT count(*) FROM spend_youth"), 2);
    /* 016: the accepted debit's days are the assignment's extent; a line of
       10 hours in 31 days is no candidate for the hours signal, and it lies
       inside the care period (from 2025-01-01): nothing else kept */
    assert_int_equal(one_int(st, "SELECT first_begin = '2025-03-01' AND last_end = '2025-03-31'"
                                 " FROM assignment_use WHERE assignment_id = 3"),
                     1);
    assert_int_equal(one_int(st, "SELECT count(*) FROM line_signal"), 0);
    assert_int_equal(one_int(st, "SELECT count(*) FROM care_outside"), 0);
    /* 020: the tariff model's tables, empty, and their constraints (store_exec answers a
       violated one as JR_ECONFLICT, naming it): a year's norms with an index
       method of its own kind refused, a functiegroep of a year without norms refused (its
       foreign key), an occupancy above 100 % refused */
    assert_int_equal(one_int(st, "SELECT count(*) FROM tariff_norm_years"), 0);
    assert_int_equal(one_int(st, "SELECT count(*) FROM tariff_adoptions"), 0);
    assert_int_equal(store_exec(st,
                                "INSERT INTO tariff_norm_years VALUES (2026, 'cao', 320, 250,"
                                " 'cpi', 8000, 1, 'x', 'test', '2026-11-25T00:00:00.000Z')",
                                &err),
                     JR_ECONFLICT);
    assert_non_null(strstr(err.message, "constraint failed"));
    assert_int_equal(store_exec(st,
                                "INSERT INTO tariff_norm_fg VALUES (2027, 'FG1', 7, 6, 329100,"
                                " 800, 833, 3000, 1300, 2500, 250, 1)",
                                &err),
                     JR_ECONFLICT);
    assert_non_null(strstr(err.message, "constraint failed"));
    assert_int_equal(store_exec(st,
                                "INSERT INTO tariff_norm_years VALUES (2026, 'cao', 320, 250,"
                                " 'vng', 8000, 1, 'x', 'test', '2026-11-25T00:00:00.000Z')",
                                &err),
                     JR_OK);
    assert_int_equal(store_exec(st,
                                "INSERT INTO tariff_norm_intensity VALUES (2026, 'WLICHT', 'FG1',"
                                " 540, 8, 2200, 700000, 1000000, 10001, 1)",
                                &err),
                     JR_ECONFLICT);
    assert_non_null(strstr(err.message, "constraint failed"));
    /* 018: the tender tables start empty; a standstill under 20 days and a
       second registration of one AGB in one lot and round are refused by
       the schema itself */
    assert_int_equal(one_int(st, "SELECT count(*) FROM tender"), 0);
    assert_int_equal(one_int(st, "SELECT count(*) FROM tender_registration"), 0);
    assert_int_equal(store_exec(st,
                                "INSERT INTO tender (name, description, publication_date, qa_end,"
                                " registration_end, assessment_start, assessment_end, award_date,"
                                " standstill_days, contract_start, created_by, created_at)"
                                " VALUES ('t', '', '2026-01-01', '2026-01-02', '2026-01-03',"
                                " '2026-01-04', '2026-01-05', '2026-01-06', 19, '2026-02-01',"
                                " 'test', '2026-01-01T00:00:00.000Z')",
                                &err),
                     JR_ECONFLICT);
    jr_error_clear(&err);
    assert_int_equal(
        store_exec(st,
                   "INSERT INTO tender (name, description, publication_date, qa_end,"
                   " registration_end, assessment_start, assessment_end, award_date,"
                   " standstill_days, contract_start, created_by, created_at)"
                   " VALUES ('t', '', '2026-01-01', '2026-01-02', '2026-01-03',"
                   " '2026-01-04', '2026-01-05', '2026-01-06', 20, '2026-02-01',"
                   " 'test', '2026-01-01T00:00:00.000Z');"
                   " INSERT INTO tender_lot (tender_id, lot, name) VALUES (1, 'P1', 'x');"
                   " INSERT INTO tender_registration (lot_id, agb, name, kind, round,"
                   " status, registered_by, registered_on) VALUES (1, '11111111', 'a',"
                   " 'instelling', 1, 'ingeschreven', 'test', '2026-01-02')",
                   &err),
        JR_OK);
    assert_int_equal(store_exec(st,
                                "INSERT INTO tender_registration (lot_id, agb, name, kind, round,"
                                " status, registered_by, registered_on) VALUES (1, '11111111', 'a',"
                                " 'instelling', 1, 'ingeschreven', 'test', '2026-01-02')",
                                &err),
                     JR_ECONFLICT);
    jr_error_clear(&err);
    assert_int_equal(store_exec(st,
                                "DELETE FROM tender_registration; DELETE FROM tender_lot;"
                                " DELETE FROM tender",
                                &err),
                     JR_OK);
    /* 023: the impact analysis's named scenarios: none yet, a name checked */
    assert_int_equal(one_int(st, "SELECT count(*) FROM impact_scenario"), 0);
    assert_int_equal(store_exec(st,
                                "INSERT INTO impact_scenario (name, scenario, saved_by, saved_at)"
                                " VALUES ('', '{}', 'test', '2026-01-01T00:00:00.000Z')",
                                &err),
                     JR_ECONFLICT);
    /* 025: the region binding: none in an old database, one row at most, a
       region named */
    assert_int_equal(one_int(st, "SELECT count(*) FROM region_binding"), 0);
    assert_int_equal(store_exec(st,
                                "INSERT INTO region_binding VALUES (2, 'IJsselland', '/x',"
                                " '2026-01-01T00:00:00.000Z')",
                                &err),
                     JR_ECONFLICT);
    jr_error_clear(&err);
    assert_int_equal(store_exec(st,
                                "INSERT INTO region_binding VALUES (1, '', '/x',"
                                " '2026-01-01T00:00:00.000Z')",
                                &err),
                     JR_ECONFLICT);
    jr_error_clear(&err);
    /* 022: the spending per product is spend_month without the provider,
       the municipality's row and the region's ('') */
    assert_int_equal(one_int(st, "SELECT amount_cents FROM spend_product_month WHERE"
                                 " gemeente = '0193' AND month = '2025-03' AND product = '45F02'"
                                 " AND lines = 1"),
                     81000);
    assert_int_equal(one_int(st, "SELECT amount_cents FROM spend_product_month WHERE"
                                 " gemeente = '' AND month = '2025-03' AND product = '45F02'"
                                 " AND lines = 1"),
                     81000);
    assert_int_equal(one_int(st, "SELECT count(*) FROM spend_product_month"), 2);
    /* and the end reasons find the stops of care through their index */
    assert_int_equal(
        one_int(st, "SELECT count(*) FROM sqlite_schema WHERE name = 'assignment_care_stop'"), 1);
    /* the service reads the moved totals */
    jr_ctx ctx = {.store = st, .cat = unit_catalog(), .actor = "test"};
    date_parse("2026-11-25", &ctx.today);
    jr_assignment a;
    if (assignment_get(&ctx, "TW019300000003", &a, &err) != JR_OK)
        fail_msg("assignment_get: %s", err.message);
    assert_int_equal(a.ledger.used, 81000);
    assert_int_equal(a.used_base, 600);
    assert_string_equal(a.bsn, "111222333");
    if (assignment_get(&ctx, "TW019300000004", &a, &err) != JR_OK)
        fail_msg("assignment_get: %s", err.message);
    assert_int_equal(a.ledger.used, 0);
    store_close(st);
}

/* the hash a session is stored under (as service/auth.c makes it) */
static void session_hash(const char *token, char out[JR_TOKEN_HEX])
{
    unsigned char h[32];
    crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
    sodium_bin2hex(out, JR_TOKEN_HEX, h, sizeof h);
}

#define TOKEN_LIVE "1111111111111111111111111111111111111111111111111111111111111111"
#define TOKEN_ENDED "2222222222222222222222222222222222222222222222222222222222222222"
#define TOKEN_IDLE "3333333333333333333333333333333333333333333333333333333333333333"

/* a database as the release with migrations 001..008 left it, with every
 * moment written as that release wrote it: SQLite's datetime('now'),
 * "YYYY-MM-DD HH:MM:SS" */
static void make_release_8_database(const char *path)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    exec_ok(db, "CREATE TABLE schema_version (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
    for (const jr_embedded *m = jr_migrations; m->name && strcmp(m->name, "009") < 0; m++) {
        exec_ok(db, m->text);
        char sql[160];
        snprintf(sql, sizeof sql,
                 "INSERT INTO schema_version VALUES ('%s', datetime('now', '-30 days'))", m->name);
        exec_ok(db, sql);
    }
    exec_ok(db,
            "INSERT INTO provider VALUES (1, '12345678', 'Jeugdzorg De Linde', 'instelling',"
            " '2026-11-01 12:00:00');"
            "INSERT INTO contract VALUES (1, 1, 'P1', '45A01', '2025-01-01', NULL,"
            " '2026-11-01 12:00:01');"
            "INSERT INTO youth VALUES (7, '111222333', '2015-03-01', '0193',"
            " '2026-11-01 12:00:02');"
            "INSERT INTO referral (id, youth_id, gemeente, referrer_type, referrer_name, route,"
            " budget, result, referral_date, status, created_at) VALUES (1, 7, '0193', '01',"
            " 'Toegang', 'budget', 'KB1', 'beter', '2025-01-01', 'open', '2026-11-01 12:00:03');"
            "INSERT INTO assignment (id, number, youth_id, gemeente, provider_id, category,"
            " product, is_budget, budget_cents, volume, unit, frequency, start_date, end_date,"
            " status, created_at) VALUES (3, 'TW019300000003', 7, '0193', 1, '45', '', 1,"
            " 519250, 0, '', '', '2025-01-01', '2025-12-31', 'actief', '2026-11-01 12:00:04');"
            "INSERT INTO decl_batch (id, provider_id, number, gemeente, period, dagtekening,"
            " content_hash, source, received_at) VALUES (1, 1, 'D2025-03', '0193', '2025-03',"
            " '2025-04-05', 'x', 'maart.csv', '2026-11-01 12:00:05');"
            "INSERT INTO app_user (id, name, display_name, role, pw_hash, locked_until,"
            " created_at) VALUES"
            " (1, 'lezer.a', 'Lezer A', 'lezer', 'x', NULL, datetime('now', '-2 days')),"
            " (2, 'lezer.dicht', 'Lezer Dicht', 'lezer', 'x', datetime('now', '+10 minutes'),"
            " datetime('now', '-2 days')),"
            " (3, 'lezer.weer', 'Lezer Weer', 'lezer', 'x', datetime('now', '-1 minutes'),"
            " datetime('now', '-2 days'));");
    char live[JR_TOKEN_HEX], ended[JR_TOKEN_HEX], idle[JR_TOKEN_HEX], sql[1024];
    session_hash(TOKEN_LIVE, live);
    session_hash(TOKEN_ENDED, ended);
    session_hash(TOKEN_IDLE, idle);
    snprintf(sql, sizeof sql,
             "INSERT INTO app_session VALUES"
             " ('%s', 1, 'csrf-live', datetime('now', '-5 minutes'), datetime('now', '+1 hours'),"
             " datetime('now', '-5 minutes'), '127.0.0.1'),"
             " ('%s', 1, 'csrf-ended', datetime('now', '-9 hours'), datetime('now', '-1 minutes'),"
             " datetime('now', '-2 minutes'), '127.0.0.1'),"
             " ('%s', 1, 'csrf-idle', datetime('now', '-1 hours'), datetime('now', '+1 hours'),"
             " datetime('now', '-31 minutes'), '127.0.0.1')",
             live, ended, idle);
    exec_ok(db, sql);
    sqlite3_close(db);
}

/* 009: the moments datetime('now') wrote take store_timestamp's form, so
 * that they compare with the moments the services bind: a session that was
 * live stays live, one that ended or idled out stays ended, a lock holds
 * until it ends. */
static void release_8_moments_take_the_iso_form(void **state)
{
    fx *f = *state;
    make_release_8_database(f->db);
    jr_store *st;
    jr_error err;
    jr_error_clear(&err);
    if (store_open(f->db, &st, &err) != JR_OK)
        fail_msg("store_open: %s", err.message);
    assert_int_equal(one_int(st, "SELECT count(*) FROM schema_version"), n_migrations());
    /* no value of the old form is left, in any column that held one */
    assert_int_equal(
        one_int(st, "SELECT (SELECT count(*) FROM schema_version WHERE substr(applied_at, 11, 1)"
                    " <> 'T' OR length(applied_at) <> 24)"
                    " + (SELECT count(*) FROM app_user WHERE substr(created_at, 11, 1) <> 'T'"
                    " OR substr(locked_until, 11, 1) <> 'T')"
                    " + (SELECT count(*) FROM app_session WHERE substr(created_at, 11, 1) <> 'T'"
                    " OR substr(expires_at, 11, 1) <> 'T' OR substr(last_seen, 11, 1) <> 'T')"),
        0);
    /* same second, milliseconds zero */
    assert_int_equal(one_int(st, "SELECT count(*) FROM provider"
                                 " WHERE created_at = '2026-11-01T12:00:00.000Z'"),
                     1);
    assert_int_equal(one_int(st, "SELECT count(*) FROM contract"
                                 " WHERE created_at = '2026-11-01T12:00:01.000Z'"),
                     1);
    assert_int_equal(
        one_int(st, "SELECT count(*) FROM youth WHERE created_at = '2026-11-01T12:00:02.000Z'"), 1);
    assert_int_equal(one_int(st, "SELECT count(*) FROM referral"
                                 " WHERE created_at = '2026-11-01T12:00:03.000Z'"),
                     1);
    assert_int_equal(one_int(st, "SELECT count(*) FROM assignment"
                                 " WHERE created_at = '2026-11-01T12:00:04.000Z'"),
                     1);
    assert_int_equal(one_int(st, "SELECT count(*) FROM decl_batch"
                                 " WHERE received_at = '2026-11-01T12:00:05.000Z'"),
                     1);
    /* the old moments sort with the new: the migrations 001..008 came
       before 009 */
    assert_int_equal(one_int(st, "SELECT count(*) FROM schema_version WHERE name < '009'"
                                 " AND applied_at >= (SELECT applied_at FROM schema_version"
                                 " WHERE name = '009_iso_timestamps.sql')"),
                     0);

    jr_ctx ctx = {.store = st, .cat = unit_catalog(), .actor = "test"};
    date_parse("2026-11-25", &ctx.today);
    jr_user u;
    char csrf[JR_TOKEN_HEX];
    if (auth_session(&ctx, TOKEN_LIVE, &u, csrf, &err) != JR_OK)
        fail_msg("a live session ended: %s", err.message);
    assert_string_equal(u.name, "lezer.a");
    assert_string_equal(csrf, "csrf-live");
    assert_int_equal(auth_session(&ctx, TOKEN_ENDED, &u, NULL, &err), JR_EAUTH);
    assert_string_equal(err.code, "session_expired");
    assert_int_equal(auth_session(&ctx, TOKEN_IDLE, &u, NULL, &err), JR_EAUTH);
    assert_string_equal(err.code, "session_expired");
    /* the live session was last seen 5 minutes ago: it is touched, in the
       new form, and stays live */
    assert_int_equal(one_int(st, "SELECT count(*) FROM app_session"
                                 " WHERE csrf = 'csrf-live' AND length(last_seen) = 24"
                                 " AND last_seen > created_at"),
                     1);
    assert_int_equal(auth_session(&ctx, TOKEN_LIVE, &u, NULL, &err), JR_OK);

    char token[JR_TOKEN_HEX];
    assert_int_equal(
        auth_login(&ctx, "lezer.dicht", "lang-genoeg-wachtwoord", NULL, token, csrf, &u, &err),
        JR_EAUTH);
    assert_string_equal(err.code, "login_locked");
    assert_int_equal(
        auth_login(&ctx, "lezer.weer", "lang-genoeg-wachtwoord", NULL, token, csrf, &u, &err),
        JR_EAUTH);
    assert_string_equal(err.code, "login_failed");
    store_close(st);
}

/* A migration that fails names itself and the reason, and leaves the
 * database as it was: the earlier migrations and the data stay. */
static void a_failing_migration_changes_nothing(void **state)
{
    fx *f = *state;
    make_release_3_database(f->db);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
    exec_ok(db, "CREATE TABLE assignment_use (x INTEGER)"); /* 004 creates it */
    sqlite3_close(db);
    jr_store *st = NULL;
    jr_error err;
    jr_error_clear(&err);
    assert_int_equal(store_open(f->db, &st, &err), JR_EDB);
    assert_null(st);
    assert_non_null(strstr(err.message, "Migratie 004_decl_throughput.sql mislukt: "));
    assert_non_null(strstr(err.message, "assignment_use already exists"));
    assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT (SELECT count(*) FROM schema_version),"
                                        " (SELECT used_cents FROM assignment WHERE id = 3)",
                                        -1, &q, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(q, 0), 3);
    assert_int_equal(sqlite3_column_int(q, 1), 81000); /* 004 did not drop the column */
    sqlite3_finalize(q);
    sqlite3_close(db);
}

/* the plan SQLite chooses: eqp is "EXPLAIN QUERY PLAN ..." as a literal (the
 * store caches statements by the text's address); one line per step */
static void query_plan(jr_store *st, const char *eqp, char *out, size_t n)
{
    jr_error err;
    jr_error_clear(&err);
    jr_stmt *q = store_prepare(st, eqp, &err);
    if (!q)
        fail_msg("%s: %s", eqp, err.message);
    out[0] = '\0';
    while (store_step(q, &err) == STORE_ROW) {
        size_t len = strlen(out);
        snprintf(out + len, n - len, "%s\n", store_col_text(q, 3));
    }
    store_reset(q);
}

/* The declaration import reads a batch's assignments from the covering
 * index alone, and the JW307 check reads only the provider's batches' line
 * ranges: without these plans the import reads a random page per line and
 * the check scans every line ever declared (docs/performance.md). */
static void the_import_queries_use_their_indexes(void **state)
{
    fx *f = *state;
    jr_store *st;
    jr_error err;
    jr_error_clear(&err);
    if (store_open(f->db, &st, &err) != JR_OK)
        fail_msg("store_open: %s", err.message);
    char plan[2048];
    query_plan(st,
               "EXPLAIN QUERY PLAN SELECT a.number, a.id, a.provider_id, a.youth_id, a.bsn, "
               "a.gemeente, a.category,"
               " a.product, a.is_budget, a.budget_cents, a.volume, a.unit, a.start_date,"
               " a.end_date, a.status, a.care_start, a.care_stop FROM assignment a"
               " WHERE a.provider_id = 1 AND a.gemeente = '0193' AND a.end_date >= '2025-03-01'"
               " AND a.start_date <= '2025-03-31'",
               plan, sizeof plan);
    if (!strstr(plan, "USING COVERING INDEX assignment_decl (provider_id=? AND gemeente=? AND "
                      "end_date>?)"))
        fail_msg("facts scan plan:\n%s", plan);
    query_plan(st,
               "EXPLAIN QUERY PLAN SELECT 1 FROM assignment a JOIN decl_batch b ON b.provider_id = "
               "a.provider_id"
               " AND b.gemeente = a.gemeente JOIN decl_line l ON l.id BETWEEN b.first_line AND"
               " b.last_line WHERE a.id = 3 AND l.assignment_id = 3 AND l.status = 'A'"
               " AND l.credit = 0 AND l.credited = 0 AND (l.begin_date < '2025-01-01' OR"
               " l.end_date > '2025-12-31') LIMIT 1",
               plan, sizeof plan);
    if (!strstr(plan, "SEARCH l USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)") ||
        strstr(plan, "SCAN l"))
        fail_msg("lines-outside plan:\n%s", plan);
    query_plan(st,
               "EXPLAIN QUERY PLAN SELECT l.debit_key, l.product FROM decl_batch b"
               " JOIN decl_line l ON l.id BETWEEN b.first_line AND b.last_line"
               " WHERE b.provider_id = 1 AND b.gemeente = '0193' AND b.period = '2025-03'"
               " AND l.status = 'A' AND l.credit = 0 AND l.credited = 0",
               plan, sizeof plan);
    if (!strstr(plan, "USING INDEX decl_batch_scope (provider_id=? AND gemeente=? AND period=?)") ||
        !strstr(plan, "SEARCH l USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"))
        fail_msg("open-debit scope plan:\n%s", plan);
    query_plan(st,
               "EXPLAIN QUERY PLAN SELECT youth_id FROM assignment WHERE unit = '14'"
               " GROUP BY youth_id HAVING count(*) > 1 ORDER BY youth_id",
               plan, sizeof plan);
    if (!strstr(plan, "SCAN assignment USING COVERING INDEX assignment_bed") ||
        strstr(plan, "TEMP B-TREE"))
        fail_msg("residential youths plan:\n%s", plan);
    query_plan(st,
               "EXPLAIN QUERY PLAN SELECT r.id FROM referral r JOIN youth y ON y.id = r.youth_id"
               " WHERE r.gemeente = ? ORDER BY r.id",
               plan, sizeof plan);
    if (!strstr(plan, "USING INDEX referral_gemeente (gemeente=?)") || strstr(plan, "TEMP B-TREE"))
        fail_msg("municipal referrals plan:\n%s", plan);
    query_plan(st,
               "EXPLAIN QUERY PLAN SELECT r.id FROM referral r JOIN youth y ON y.id = r.youth_id"
               " WHERE y.bsn = ? AND (CAST(? AS TEXT) IS NULL OR r.gemeente = ?) ORDER BY r.id",
               plan, sizeof plan);
    if (!strstr(plan, "SEARCH y USING") || !strstr(plan, "SEARCH r USING INDEX referral_youth"))
        fail_msg("a youth's referrals plan:\n%s", plan);
    store_close(st);
}

/* 019: a database of the releases before it (every migration below 019) with a provider and
 * its contract meets the framework tables: the contract table keeps its columns and its row,
 * the contract hangs under an agreement through the link table only, once, and the CHECKs
 * refuse a state, an outcome, a covenant status or an extension length outside the model */
static void release_17_contracts_hang_under_agreements(void **state)
{
    fx *f = *state;
    sqlite3 *db;
    assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
    exec_ok(db, "CREATE TABLE schema_version (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
    for (const jr_embedded *m = jr_migrations; m->name && strcmp(m->name, "019") < 0; m++) {
        exec_ok(db, m->text);
        char sql[160];
        snprintf(sql, sizeof sql,
                 "INSERT INTO schema_version VALUES ('%s', '2026-11-01T12:00:00Z')", m->name);
        exec_ok(db, sql);
    }
    exec_ok(db, "INSERT INTO provider VALUES (1, '12345678', 'Jeugdzorg De Linde', 'instelling',"
                " '2026-11-01T12:00:00Z');"
                "INSERT INTO contract VALUES (1, 1, 'P1', '45F02', '2023-01-01', NULL,"
                " '2026-11-01T12:00:01Z');");
    sqlite3_close(db);
    jr_store *st;
    jr_error err;
    jr_error_clear(&err);
    if (store_open(f->db, &st, &err) != JR_OK)
        fail_msg("store_open: %s", err.message);
    assert_int_equal(one_int(st, "SELECT count(*) FROM schema_version"), n_migrations());
    assert_int_equal(one_int(st, "SELECT count(*) FROM pragma_table_info('contract')"), 7);
    assert_int_equal(one_int(st, "SELECT count(*) FROM contract WHERE id = 1 AND lot = 'P1'"
                                 " AND product = '45F02' AND end_date IS NULL"),
                     1);
    assert_int_equal(one_int(st, "SELECT count(*) FROM framework_agreement"), 0);
    assert_int_equal(
        store_exec(st,
                   "INSERT INTO framework_agreement VALUES (1, 'P1', 'R', '2023-01-01',"
                   " '2024-12-31', 't', 'x');"
                   "INSERT INTO framework_contract VALUES (1, 1, 't', 'x');",
                   &err),
        JR_OK);
    assert_int_equal(one_int(st, "SELECT c.product = '45F02' FROM framework_contract fc JOIN"
                                 " contract c ON c.id = fc.contract_id WHERE fc.agreement_id = 1"),
                     1);
    static const char *const refused[] = {
        /* a contract under a second agreement */
        "INSERT INTO framework_agreement VALUES (2, 'P1', 'R', '2023-01-01', '2024-12-31', 't',"
        " 'x'); INSERT INTO framework_contract VALUES (1, 2, 't', 'x')",
        /* an end before the start */
        "INSERT INTO framework_agreement VALUES (3, 'P1', 'R', '2023-01-01', '2022-12-31', 't',"
        " 'x')",
        "INSERT INTO framework_extension VALUES (1, 1, 1, '2025-01-01', 0, '', 't', 'x')",
        "INSERT INTO framework_extension VALUES (1, 1, 1, '2025-01-01', 121, '', 't', 'x')",
        "INSERT INTO framework_proposal (agreement_id, proposer_kind, proposer, submitted_date,"
        " target_end, effect_date, title, description, effect_youth, effect_contractor,"
        " effect_client, state, created_by) VALUES (1, 'rsj', '', '2024-01-01', '2024-12-31',"
        " '2025-01-01', 't', 'd', 'j', 'o', 'g', 'aangenomen', 't')",
        "INSERT INTO framework_proposal (agreement_id, proposer_kind, proposer, submitted_date,"
        " target_end, effect_date, title, description, effect_youth, effect_contractor,"
        " effect_client, state, outcome, created_by) VALUES (1, 'toegang', '', '2024-01-01',"
        " '2024-12-31', '2025-01-01', 't', 'd', 'j', 'o', 'g', 'besloten', 'aangenomen', 't')",
        "INSERT INTO framework_evaluation VALUES (1, 1, '2024-06-30', 's', '2024-07-01', NULL)",
        "INSERT INTO covenant VALUES (1, 'C', '2023-03-15', 't', 'x');"
        " INSERT INTO covenant_commitment VALUES (1, 1, 't', 'd');"
        " INSERT INTO covenant_status VALUES (1, 1, '12345678', 'klaar', '2024-01-01', '', 't',"
        " 'x')",
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        assert_int_equal(store_begin(st, &err), JR_OK);
        jr_status rc = store_exec(st, refused[i], &err);
        store_rollback(st);
        if (rc == JR_OK)
            fail_msg("accepted: %s", refused[i]);
    }
    assert_int_equal(one_int(st, "SELECT count(*) FROM framework_contract"), 1);
    assert_int_equal(one_int(st, "SELECT count(*) FROM framework_agreement"), 1);
    store_close(st);
}

/* 021 on a database of release 8: an existing contract has no municipality
 * scope (every municipality of the region, so its assignments stand), the
 * new tables take rows for it and refuse a code that is no CBS code and a
 * contract that does not exist */
static void contract_management_keeps_old_contracts_whole(void **state)
{
    fx *f = *state;
    make_release_8_database(f->db);
    jr_store *st;
    jr_error err;
    jr_error_clear(&err);
    if (store_open(f->db, &st, &err) != JR_OK)
        fail_msg("store_open: %s", err.message);
    assert_int_equal(one_int(st, "SELECT count(*) FROM contract_gemeente"), 0);
    jr_ctx ctx = {.store = st, .cat = unit_catalog(), .actor = "test"};
    date_parse("2026-11-25", &ctx.today);
    jr_date d;
    date_parse("2025-02-01", &d);
    bool ok = false;
    /* the contract of 2025 for 45A01, no scope: every municipality */
    if (cm_scope_covers(&ctx, 1, false, "45A01", "0148", d, d, &ok, &err) != JR_OK)
        fail_msg("cm_scope_covers: %s", err.message);
    assert_true(ok);
    assert_int_equal(store_exec(st, "INSERT INTO contract_gemeente VALUES (1, '0193')", &err),
                     JR_OK);
    ok = true;
    assert_int_equal(cm_scope_covers(&ctx, 1, false, "45A01", "0148", d, d, &ok, &err), JR_OK);
    assert_false(ok);
    assert_int_equal(cm_scope_covers(&ctx, 1, false, "45A01", "0193", d, d, &ok, &err), JR_OK);
    assert_true(ok);
    assert_int_not_equal(store_exec(st, "INSERT INTO contract_gemeente VALUES (1, '019')", &err),
                         JR_OK);
    assert_int_not_equal(store_exec(st, "INSERT INTO contract_gemeente VALUES (99, '0148')", &err),
                         JR_OK);
    assert_int_not_equal(store_exec(st,
                                    "INSERT INTO provider_escalation (provider_id, kind, reason,"
                                    " step, step_on, created_by, created_at) VALUES (1, 'x', 'y',"
                                    " 'signaal', '2026-01-01', 't', 't')",
                                    &err),
                         JR_OK);
    assert_int_equal(one_int(st, "SELECT count(*) FROM contract_gemeente"), 1);
    store_close(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(migrations_once_released_never_change),
        cmocka_unit_test_setup_teardown(a_release_3_database_keeps_its_facts, setup, teardown),
        cmocka_unit_test_setup_teardown(release_8_moments_take_the_iso_form, setup, teardown),
        cmocka_unit_test_setup_teardown(a_failing_migration_changes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(the_import_queries_use_their_indexes, setup, teardown),
        cmocka_unit_test_setup_teardown(contract_management_keeps_old_contracts_whole, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(release_17_contracts_hang_under_agreements, setup,
                                        teardown),
    };
    return cmocka_run_group_tests_name("migrations", tests, unit_catalog_setup, NULL);
}

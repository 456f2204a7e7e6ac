/*
 * unit_support.h: small helpers shared by the unit tests.
 *
 * Include after <cmocka.h> (which needs <stdarg.h>, <stddef.h>, <setjmp.h>).
 */
#ifndef JR_UNIT_SUPPORT_H
#define JR_UNIT_SUPPORT_H

#include "config/region.h"
#include "domain/catalog.h"
#include "domain/date.h"
#include "domain/referral.h"
#include "store/store.h"

#include <stddef.h>
#include <stdint.h>

/* assert_i64_equal: as assert_int_equal, but prints signed values. */
#define assert_i64_equal(actual, expected)                                                         \
    do {                                                                                           \
        long long a_ = (long long)(actual), e_ = (long long)(expected);                            \
        if (a_ != e_)                                                                              \
            fail_msg("%s is %lld, expected %lld", #actual, a_, e_);                                \
    } while (0)

/* assert_err_code: err->code is expected, as far as jr_error.code can hold it.
 * (That it can hold every documented code is tested on its own, once, in
 * test_referral.c; here a truncated code still identifies the rule.) */
#define assert_err_code(err, expected)                                                             \
    unit_assert_err_code((err)->code, sizeof((err)->code), (expected))
void unit_assert_err_code(const char *actual, size_t cap, const char *expected);

/* D: the day number of an ISO date; fails the running test when it is none. */
jr_date D(const char *iso);
/* M: the month of "YYYY-MM"; fails the running test when it is none. */
jr_month M(const char *ym);

/* unit_catalog: the shipped region catalog ($JEUGDREGIO_CONFIG), loaded once.
 * Fails the running test when it does not load. */
const jr_catalog *unit_catalog(void);
/* unit_catalog_setup: a cmocka group setup that loads the catalog (returns -1 and
 * prints the loader's message when it does not load). */
int unit_catalog_setup(void **state);

/* unit_store_open: a fresh store (every migration applied) in a new
 * temporary folder /tmp/jr-NAME-XXXXXX, written to dir (64 bytes); -1 with
 * the reason on stderr when it cannot be made. unit_store_remove closes st
 * and removes the folder with everything in it. */
int unit_store_open(char dir[64], const char *name, jr_store **st);
void unit_store_remove(const char *dir, jr_store *st);

/* unit_catalog_copy: a writable heap copy of the shipped catalog (free() it). */
jr_catalog *unit_catalog_copy(void);

/* unit_referral_budget: a referral request of referrer type `type` for
 * keuzebudget `budget`, with a result and the date 2024-03-01. */
jr_referral_req unit_referral_budget(const char *type, const char *budget);
/* unit_referral_route: as unit_referral_budget, for route with product
 * (a region short code) and volume. */
jr_referral_req unit_referral_route(const char *type, jr_route route, const char *product,
                                    int64_t volume);

#endif

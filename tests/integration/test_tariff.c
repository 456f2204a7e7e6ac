/*
 * test_tariff.c: the tariff research service (service/tariff.h) on a store
 * with the shipped example norms of 2026: a norms document refused whole
 * with every bad field named and nothing stored, who may read and who may
 * change, an edit recomputing the build-up and audited with its old and
 * new values, the proposed catalog as the impact analysis reads it
 * (product -> cents, valid for the year), and an adoption refused when
 * the norms changed after its region file was made.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../unit/unit_support.h"

#include "io/tariff_norms.h"
#include "service/tariff.h"
#include "store/audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define assert_ok(call)                                                                            \
    do {                                                                                           \
        jr_error e_;                                                                               \
        jr_error_clear(&e_);                                                                       \
        jr_error *err = &e_;                                                                       \
        jr_status s_ = (call);                                                                     \
        if (s_ != JR_OK)                                                                           \
            fail_msg("%s failed: %s [%s] %s", #call, jr_status_name(s_), e_.code, e_.message);     \
    } while (0)

typedef struct {
    char dir[64];
    jr_store *store;
    jr_ctx ctx;
    jr_tariff_norms norms; /* the shipped norms of 2026 */
} fx;

static jr_ctx as(fx *f, jr_role role)
{
    jr_ctx c = f->ctx;
    memset(&c.who, 0, sizeof c.who);
    c.who.role = role;
    if (role == JR_ROLE_GEMEENTE || role == JR_ROLE_TOEGANG)
        strcpy(c.who.gemeente, "0193");
    if (role == JR_ROLE_AANBIEDER)
        strcpy(c.who.agb, "73000001");
    c.actor = role_name(role);
    return c;
}

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f || unit_store_open(f->dir, "tariff", &f->store) != 0) {
        free(f);
        return -1;
    }
    f->ctx.store = f->store;
    f->ctx.cat = unit_catalog();
    f->ctx.actor = "test";
    f->ctx.today = D("2025-11-15");
    *state = f;
    char path[512];
    const char *root = getenv("JR_SOURCE_ROOT");
    snprintf(path, sizeof path, "%s/config/ijsselland-tariff-norms-2026.json", root ? root : ".");
    assert_ok(tariff_norms_read(path, &f->norms, err));
    jr_ctx rsj = as(f, JR_ROLE_RSJ);
    assert_ok(tariff_norms_put(&rsj, &f->norms, err));
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    unit_store_remove(f->dir, f->store);
    free(f);
    return 0;
}

static void test_norms_refused_whole(void **state)
{
    fx *f = *state;
    jr_tariff_norms n = f->norms;
    n.year = 2027;
    n.fg[1].holiday_bp = 25000;
    strcpy(n.in[0].staff_fg, "FG8");
    n.wage_weight_bp = 10001;
    jr_ctx rsj = as(f, JR_ROLE_RSJ);
    jr_error err;
    jr_invalid_list list;
    jr_error_collect(&err, &list);
    assert_int_equal(tariff_norms_put(&rsj, &n, &err), JR_EINVAL);
    assert_int_equal(list.n, 3);
    assert_string_equal(list.item[0].field, "index.wage_weight_bp");
    assert_string_equal(list.item[1].field, "FG2.holiday_bp");
    assert_non_null(strstr(list.item[1].message, "vakantietoeslag 250,00 % ligt buiten"));
    assert_string_equal(list.item[2].field, "PLEEG.staff_fg");
    jr_tariff_model *m = malloc(sizeof *m);
    assert_non_null(m);
    jr_error_clear(&err);
    assert_int_equal(tariff_model(&rsj, 2027, m, &err), JR_ENOTFOUND);
    assert_err_code(&err, "norms_missing");
    free(m);
}

static void test_who_may(void **state)
{
    fx *f = *state;
    jr_tariff_model *m = malloc(sizeof *m);
    jr_tariff_proposal *p = malloc(sizeof *p);
    assert_non_null(m);
    assert_non_null(p);
    jr_error err;
    const jr_role readers[] = {JR_ROLE_SYSTEM, JR_ROLE_BEHEERDER, JR_ROLE_RSJ, JR_ROLE_GEMEENTE,
                               JR_ROLE_LEZER};
    for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++) {
        jr_ctx c = as(f, readers[i]);
        assert_ok(tariff_model(&c, 2026, m, err));
        assert_ok(tariff_proposal(&c, 2026, JR_TB_INDEX, p, err));
    }
    const jr_role others[] = {JR_ROLE_TOEGANG, JR_ROLE_AANBIEDER};
    for (size_t i = 0; i < 2; i++) {
        jr_ctx c = as(f, others[i]);
        jr_error_clear(&err);
        assert_int_equal(tariff_model(&c, 2026, m, &err), JR_EFORBIDDEN);
        assert_int_equal(tariff_proposal(&c, 2026, JR_TB_INDEX, p, &err), JR_EFORBIDDEN);
    }
    const jr_tariff_assign a = {"overhead_bp", "2000"};
    const jr_role readonly[] = {JR_ROLE_GEMEENTE, JR_ROLE_LEZER, JR_ROLE_TOEGANG};
    for (size_t i = 0; i < 3; i++) {
        jr_ctx c = as(f, readonly[i]);
        jr_error_clear(&err);
        assert_int_equal(tariff_norm_set(&c, 2026, "FG1", &a, 1, &err), JR_EFORBIDDEN);
        assert_int_equal(tariff_adopt(&c, 2026, JR_TB_INDEX, NULL, NULL, &err), JR_EFORBIDDEN);
        assert_int_equal(tariff_norms_put(&c, &f->norms, &err), JR_EFORBIDDEN);
    }
    jr_ctx rsj = as(f, JR_ROLE_RSJ);
    assert_ok(tariff_proposal(&rsj, 2026, JR_TB_INDEX, p, err));
    assert_false(p->adopted);
    assert_ok(tariff_model(&rsj, 2026, m, err));
    assert_i64_equal(m->norms.fg[0].overhead_bp, 2500);
    free(m);
    free(p);
}

typedef struct {
    int n;
    char last[384];
} audit_seen;

static int audit_row(void *ud, const void *row)
{
    audit_seen *s = ud;
    const jr_audit_row *r = row;
    if (s->n++ == 0)
        snprintf(s->last, sizeof s->last, "%s", r->detail);
    return 0;
}

/* an edit: the build-up recomputed from the new norm, the audit row with old and new */
static void test_norm_edit(void **state)
{
    fx *f = *state;
    jr_ctx rsj = as(f, JR_ROLE_RSJ);
    const jr_tariff_assign a[] = {{"monthly_salary", "4500.00"}, {"overhead_bp", "2400"}};
    assert_ok(tariff_norm_set(&rsj, 2026, "FG2", a, 2, err));
    jr_tariff_model *m = malloc(sizeof *m);
    assert_non_null(m);
    assert_ok(tariff_model(&rsj, 2026, m, err));
    jr_tariff_fg_norm want = f->norms.fg[1];
    assert_string_equal(want.code, "FG2");
    want.monthly_salary = 450000;
    want.overhead_bp = 2400;
    jr_tariff_build b;
    tariff_build_fg(&want, &b);
    assert_string_equal(m->lines[1].code, "FG2");
    assert_i64_equal(m->lines[1].b.tariff, b.tariff);
    assert_true(b.tariff != 8358); /* not the shipped FG2 tariff any more */
    assert_string_equal(m->updated_by, "rsj");
    audit_seen s = {0, ""};
    assert_ok(store_audit_list(f->store, "tariefnormen", "2026/FG2", NULL, 10, audit_row, &s, err));
    assert_int_equal(s.n, 1);
    char detail[128];
    snprintf(detail, sizeof detail, "monthly_salary %lld -> 450000; overhead_bp 2500 -> 2400",
             (long long)f->norms.fg[1].monthly_salary);
    assert_string_equal(s.last, detail);
    /* a bad value and an unknown field: both named, nothing changed */
    const jr_tariff_assign bad[] = {{"hours_per_fte", "veel"}, {"salaris", "1"}};
    jr_error err;
    jr_invalid_list list;
    jr_error_collect(&err, &list);
    assert_int_equal(tariff_norm_set(&rsj, 2026, "FG2", bad, 2, &err), JR_EINVAL);
    assert_int_equal(list.n, 2);
    assert_string_equal(list.item[0].field, "FG2.hours_per_fte");
    assert_string_equal(list.item[1].field, "FG2.salaris");
    jr_error_clear(&err);
    assert_int_equal(tariff_norm_set(&rsj, 2026, "FG9", a, 1, &err), JR_ENOTFOUND);
    free(m);
}

static const jr_tariff_price *price_of(const jr_tariff_price *v, int n, const char *product)
{
    for (int i = 0; i < n; i++)
        if (strcmp(v[i].product, product) == 0)
            return &v[i];
    return NULL;
}

/* the proposed catalog as prices: every product of the catalog with a tariff, valid for the
 * year; the current tariff indexed (FG1: 58.16 x 1.0306 = 59.9397 -> 59.94; ED 71.03 x
 * 1.0306 = 73.2035 -> 73.20) or the model's (FG1 59.93) */
static void test_proposed_catalog(void **state)
{
    fx *f = *state;
    jr_ctx lezer = as(f, JR_ROLE_LEZER);
    jr_tariff_price v[JR_MAX_PRODUCTS];
    int n = 0;
    assert_ok(tariff_proposed_catalog(&lezer, 2026, JR_TB_INDEX, v, JR_MAX_PRODUCTS, &n, err));
    int priced = 0;
    for (int i = 0; i < unit_catalog()->nproducts; i++)
        priced += unit_catalog()->products[i].nprices > 0;
    assert_int_equal(n, priced);
    for (int i = 0; i < n; i++) {
        assert_int_equal(v[i].from, D("2026-01-01"));
        assert_int_equal(v[i].to, D("2026-12-31"));
    }
    assert_non_null(price_of(v, n, "45F01"));
    assert_i64_equal(price_of(v, n, "45F01")->cents, 5994);
    assert_i64_equal(price_of(v, n, "45D01")->cents, 7320);
    assert_ok(tariff_proposed_catalog(&lezer, 2026, JR_TB_MODEL, v, JR_MAX_PRODUCTS, &n, err));
    assert_i64_equal(price_of(v, n, "45F01")->cents, 5993);
    assert_i64_equal(price_of(v, n, "45D01")->cents, 7320); /* no model: indexed */
    assert_ok(tariff_proposed_catalog(&lezer, 2026, JR_TB_INDEX, v, 3, &n, err));
    assert_int_equal(n, 3);
    jr_error err;
    jr_error_clear(&err);
    assert_int_equal(tariff_proposed_catalog(&lezer, 2031, JR_TB_INDEX, v, 3, &n, &err), JR_EINVAL);
    assert_err_code(&err, "index_missing");
    assert_int_equal(n, 0);
}

/* an adoption whose proposal changed since its region file was written is refused */
static void test_adopt_changed(void **state)
{
    fx *f = *state;
    jr_ctx rsj = as(f, JR_ROLE_RSJ);
    jr_tariff_proposal *p = malloc(sizeof *p), *q = malloc(sizeof *q);
    assert_non_null(p);
    assert_non_null(q);
    assert_ok(tariff_proposal(&rsj, 2026, JR_TB_INDEX, p, err));
    const jr_tariff_assign a = {"index_method", "ova"};
    assert_ok(tariff_norm_set(&rsj, 2026, NULL, &a, 1, err));
    jr_error err;
    jr_error_clear(&err);
    assert_int_equal(tariff_adopt(&rsj, 2026, JR_TB_INDEX, p, NULL, &err), JR_ECONFLICT);
    assert_err_code(&err, "proposal_changed");
    assert_ok(tariff_proposal(&rsj, 2026, JR_TB_INDEX, q, err));
    assert_false(q->adopted);
    assert_ok(tariff_adopt(&rsj, 2026, JR_TB_INDEX, q, p, err));
    assert_true(p->adopted);
    assert_string_equal(p->adopted_by, "rsj");
    audit_seen s = {0, ""};
    assert_ok(store_audit_list(f->store, "tarief", NULL, NULL, 100, audit_row, &s, err));
    assert_int_equal(s.n, p->n);
    free(p);
    free(q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_norms_refused_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(test_who_may, setup, teardown),
        cmocka_unit_test_setup_teardown(test_norm_edit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_proposed_catalog, setup, teardown),
        cmocka_unit_test_setup_teardown(test_adopt_changed, setup, teardown),
    };
    return cmocka_run_group_tests_name("tariff", tests, unit_catalog_setup, NULL);
}

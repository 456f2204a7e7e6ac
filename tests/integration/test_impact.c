/*
 * test_impact.c: the impact analysis (service/impact.h) through the
 * service on a small fixture built through the services, every figure
 * worked out BY HAND below from the fixture's lines (not by running the
 * same sums again), the scope of each role, and the refusals of the
 * scenario and of a production file of the old model.
 *
 * The fixture (2025 tariffs of the catalog: 45F01 58,16, 45F02 81,00;
 * KB1 1.038,50, KB3 5.192,50). Providers A (12345678) and B (87654321).
 *   a1  Z1 Zwolle    A  KB3  L1 2025-04 45F02 10 h 810,00; L2 2025-05 45F02
 *                            10 h 810,00; C2 credit of L2 -810,00
 *   a2  Z2 Zwolle    A  KB1  L3 2025-05 45F01 4 h 232,64; L5 2025-06 45F01
 *                            10 h 581,60
 *   a3  V1 Deventer  B  KB1  L4 2025-05 45F01 6 h 348,96
 *   a4  Z1 Zwolle    A  KB1  L0 2024-05 45F02 8 h (last year: not counted)
 * Realised 2025: A 1.624,24 (all Zwolle), B 348,96 (Deventer); 1.973,20.
 *
 * Scenario A (capped): 45F01 75,00, 45F02 90,00, KB1 800,00.
 *   a1: 900 + 900 - 900 = 900,00 (KB3 not named: capped at its own
 *   5.192,50, not reached); a2: 14 h x 75 = 1.050,00, capped at 800,00
 *   (one assignment, 250,00 off); a3: 6 x 75 = 450,00.
 *   A 1.700,00 (+75,76, 75,76/1.624,24 = 46,6 -> +47 per mille); B 450,00
 *   (+101,04, 289,5 -> +290); total 2.150,00 (+176,80, 89,6 -> +90).
 * Scenario B (uncapped): 45F01 50,00 only.
 *   a1: 45F02 has no tariff: 810,00 kept; a2: 14 x 50 = 700,00; a3 300,00.
 *   A 1.510,00 (-114,24, -70,3 -> -70); B 300,00 (-48,96, -140,3 -> -140);
 *   total 1.810,00 (-163,20, -82,7 -> -83). Losers: A, then B.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../unit/unit_support.h"

#include "io/decl_csv.h"
#include "render/render_impact.h"
#include "service/assignment.h"
#include "service/care.h"
#include "service/impact.h"
#include "service/provider.h"
#include "service/referrals.h"
#include "service/youth.h"
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

#define AGB_A "12345678"
#define AGB_B "87654321"
#define ZWOLLE "0193"
#define DEVENTER "0150"
#define Z1 "123456782"
#define Z2 "111111110"
#define V1 "111111134"

typedef struct {
    char dir[64];
    jr_store *store;
    jr_ctx ctx;
    char a[5][24];
    jr_imp_scenario sa, sb;
} fx;

static void assign(fx *f, int i, const char *bsn, const char *agb, const char *kb,
                   const char *start, const char *end)
{
    jr_referral_req r;
    memset(&r, 0, sizeof r);
    snprintf(r.referrer_type, sizeof r.referrer_type, "01");
    r.route = JR_ROUTE_BUDGET;
    snprintf(r.budget, sizeof r.budget, "%s", kb);
    snprintf(r.result, sizeof r.result, "De jeugdige gaat weer naar school.");
    r.date = D(start);
    int64_t rid = 0;
    assert_ok(referral_create(&f->ctx, bsn, &r, "Dr. Jansen", &rid, err));
    assert_ok(assignment_create(&f->ctx, rid, agb, D(start), D(end), f->a[i], err));
    assert_ok(care_start(&f->ctx, f->a[i], agb, D(start), err));
}

static void line(char *buf, size_t cap, const char *batch, const char *agb, const char *gemeente,
                 const char *period, const char *ref, const char *number, const char *bsn,
                 const char *product, int hours, const char *dc, const char *credit_ref)
{
    jr_cents t = 0;
    char begin[16], end[16];
    snprintf(begin, sizeof begin, "%s-01", period);
    date_format(month_last_day(M(period)), end); /* a whole month */
    if (!product_tariff(catalog_product(unit_catalog(), product), D(begin), &t))
        fail_msg("no tariff for %s", product);
    char ts[JR_MONEY_BUF], am[JR_MONEY_BUF];
    size_t n = strlen(buf);
    snprintf(buf + n, cap - n, "%s,%s,%s,%s,%s-28,%s,%s,%s,45,%s,%s,%s,%d,04,%s,%s,%s,%s\n", batch,
             agb, gemeente, period, period, ref, number, bsn, product, begin, end, hours,
             money_format_plain(t, ts), money_format_plain(t * hours, am), dc,
             credit_ref ? credit_ref : "");
}

/* every line of the fixture is accepted, or the sums below mean nothing */
static int accepted(void *ud, const void *row)
{
    const jr_decl_outcome *o = row;
    (void)ud;
    if (!o->accepted)
        fail_msg("line %s refused: %s %s", o->ref, o->code, o->message);
    return 0;
}

static void import(fx *f, const char *csv)
{
    FILE *in = fmemopen((void *)csv, strlen(csv), "rb");
    assert_non_null(in);
    decl_import_report rep = {NULL, accepted, NULL};
    assert_ok(decl_csv_import(&f->ctx, in, "fixture.csv", "test:impact", &rep, err));
    fclose(in);
}

static void scenario(fx *f, jr_imp_scenario *sc, const char *json)
{
    assert_ok(impact_scenario_text(&f->ctx, json, "test", sc, err));
}

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f || unit_store_open(f->dir, "impact", &f->store) != 0)
        return -1;
    f->ctx.store = f->store;
    f->ctx.cat = unit_catalog();
    f->ctx.actor = "test";
    f->ctx.today = D("2026-01-15");
    *state = f;
    assert_ok(provider_add(&f->ctx, AGB_A, "Jeugdzorg De Linde", "instelling", NULL, err));
    assert_ok(provider_add(&f->ctx, AGB_B, "Praktijk Het Baken", "instelling", NULL, err));
    assert_ok(contract_add(&f->ctx, AGB_A, "P1", "*", D("2024-01-01"), JR_DATE_NONE, NULL, err));
    assert_ok(contract_add(&f->ctx, AGB_B, "P1", "*", D("2024-01-01"), JR_DATE_NONE, NULL, err));
    assert_ok(youth_add(&f->ctx, Z1, D("2015-03-01"), ZWOLLE, NULL, err));
    assert_ok(youth_add(&f->ctx, Z2, D("2015-03-01"), ZWOLLE, NULL, err));
    assert_ok(youth_add(&f->ctx, V1, D("2014-06-01"), DEVENTER, NULL, err));
    assign(f, 1, Z1, AGB_A, "KB3", "2025-03-01", "2025-08-31");
    assign(f, 2, Z2, AGB_A, "KB1", "2025-01-01", "2025-06-30");
    assign(f, 3, V1, AGB_B, "KB1", "2025-04-10", "2025-09-30");
    assign(f, 4, Z1, AGB_A, "KB1", "2024-04-01", "2024-09-30");
    static char csv[4096];
    const char *h = decl_csv_header();
    snprintf(csv, sizeof csv, "%s\n", h);
    line(csv, sizeof csv, "A2024-05", AGB_A, ZWOLLE, "2024-05", "L0", f->a[4], Z1, "45F02", 8, "D",
         NULL);
    import(f, csv);
    snprintf(csv, sizeof csv, "%s\n", h);
    line(csv, sizeof csv, "A2025-04", AGB_A, ZWOLLE, "2025-04", "L1", f->a[1], Z1, "45F02", 10, "D",
         NULL);
    import(f, csv);
    snprintf(csv, sizeof csv, "%s\n", h);
    line(csv, sizeof csv, "A2025-05", AGB_A, ZWOLLE, "2025-05", "L2", f->a[1], Z1, "45F02", 10, "D",
         NULL);
    line(csv, sizeof csv, "A2025-05", AGB_A, ZWOLLE, "2025-05", "L3", f->a[2], Z2, "45F01", 4, "D",
         NULL);
    line(csv, sizeof csv, "B2025-05", AGB_B, DEVENTER, "2025-05", "L4", f->a[3], V1, "45F01", 6,
         "D", NULL);
    import(f, csv);
    snprintf(csv, sizeof csv, "%s\n", h);
    line(csv, sizeof csv, "A2025-05C", AGB_A, ZWOLLE, "2025-05", "C2", f->a[1], Z1, "45F02", 10,
         "C", "L2");
    line(csv, sizeof csv, "A2025-06", AGB_A, ZWOLLE, "2025-06", "L5", f->a[2], Z2, "45F01", 10, "D",
         NULL);
    import(f, csv);
    scenario(f, &f->sa,
             "{\"name\": \"A\", \"method\": \"capped\", \"tariffs\": {\"45F01\": 7500, \"45F02\": "
             "9000}, \"budgets\": {\"KB1\": 80000}}");
    scenario(f, &f->sb,
             "{\"name\": \"B\", \"method\": \"uncapped\", \"tariffs\": {\"45F01\": 5000}}");
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    unit_store_remove(f->dir, f->store);
    free(f);
    return 0;
}

static jr_ctx as(fx *f, jr_role role, const char *gemeente, const char *agb)
{
    jr_ctx c = f->ctx;
    memset(&c.who, 0, sizeof c.who);
    c.who.role = role;
    snprintf(c.who.gemeente, sizeof c.who.gemeente, "%s", gemeente ? gemeente : "");
    snprintf(c.who.agb, sizeof c.who.agb, "%s", agb ? agb : "");
    return c;
}

static void analyse(fx *f, const jr_ctx *c, jr_impact *r)
{
    jr_imp_scenario sc[2] = {f->sa, f->sb};
    assert_ok(impact_analyse(c, 2025, sc, 2, NULL, r, err));
}

static void assert_amounts(const jr_imp_amounts *a, jr_cents cur, jr_cents sa, jr_cents sb)
{
    assert_i64_equal(a->current, cur);
    assert_i64_equal(a->scen[0], sa);
    assert_i64_equal(a->scen[1], sb);
}

static void rsj_sees_every_row_worked_out_by_hand(void **state)
{
    fx *f = *state;
    jr_ctx c = as(f, JR_ROLE_RSJ, NULL, NULL);
    jr_impact r;
    analyse(f, &c, &r);
    assert_i64_equal(r.lines, 6); /* L1, L2, C2, L3, L5, L4: not L0 of 2024 */
    assert_amounts(&r.total, 197320, 215000, 181000);
    assert_int_equal(r.nproviders, 2);
    assert_string_equal(r.providers[0].code, AGB_A);
    assert_string_equal(r.providers[0].name, "Jeugdzorg De Linde");
    assert_amounts(&r.providers[0].a, 162424, 170000, 151000);
    assert_string_equal(r.providers[1].code, AGB_B);
    assert_amounts(&r.providers[1].a, 34896, 45000, 30000);
    assert_int_equal(r.nmunicipalities, 2);
    assert_string_equal(r.municipalities[0].code, DEVENTER);
    assert_string_equal(r.municipalities[0].name, "Deventer");
    assert_amounts(&r.municipalities[0].a, 34896, 45000, 30000);
    assert_string_equal(r.municipalities[1].code, ZWOLLE);
    assert_amounts(&r.municipalities[1].a, 162424, 170000, 151000);
    /* the cap: a2 only, 1.050,00 to 800,00; none under uncapped */
    assert_true(r.caps_apply);
    assert_i64_equal(r.caps[0].capped, 1);
    assert_i64_equal(r.caps[0].capped_cents, 25000);
    assert_i64_equal(r.caps[1].capped, 0);
    /* B names no tariff for 45F02: its 810,00 is kept and listed */
    assert_int_equal(r.nunpriced[1], 1);
    assert_string_equal(r.unpriced[1][0].code, "45F02");
    assert_i64_equal(r.unpriced[1][0].current, 81000);
    assert_int_equal(r.nunpriced[0], 0);
    /* the losers: none under A, A then B under B; the top 1 is A */
    size_t idx[4];
    assert_int_equal(impact_losers(&r, 0, 4, idx), 0);
    assert_int_equal(impact_losers(&r, 1, 4, idx), 2);
    assert_string_equal(r.providers[idx[0]].code, AGB_A);
    assert_string_equal(r.providers[idx[1]].code, AGB_B);
    assert_int_equal(impact_losers(&r, 1, 1, idx), 1);
    assert_string_equal(r.providers[idx[0]].code, AGB_A);
    /* the JSON: the per mille of each row */
    json_t *o = render_impact(&r, 10);
    assert_non_null(o);
    json_t *tot = json_array_get(json_object_get(json_object_get(o, "total"), "scenarios"), 0);
    assert_i64_equal(json_integer_value(json_object_get(tot, "difference_cents")), 17680);
    assert_i64_equal(json_integer_value(json_object_get(tot, "permille")), 90);
    tot = json_array_get(json_object_get(json_object_get(o, "total"), "scenarios"), 1);
    assert_i64_equal(json_integer_value(json_object_get(tot, "permille")), -83);
    json_t *pa = json_array_get(json_object_get(o, "providers"), 0);
    json_t *pb = json_array_get(json_object_get(o, "providers"), 1);
    assert_i64_equal(json_integer_value(json_object_get(
                         json_array_get(json_object_get(pa, "scenarios"), 0), "permille")),
                     47);
    assert_i64_equal(json_integer_value(json_object_get(
                         json_array_get(json_object_get(pa, "scenarios"), 1), "permille")),
                     -70);
    assert_i64_equal(json_integer_value(json_object_get(
                         json_array_get(json_object_get(pb, "scenarios"), 0), "permille")),
                     290);
    assert_i64_equal(json_integer_value(json_object_get(
                         json_array_get(json_object_get(pb, "scenarios"), 1), "permille")),
                     -140);
    json_t *los = json_array_get(json_object_get(o, "losers"), 1);
    assert_int_equal(json_array_size(json_object_get(los, "providers")), 2);
    json_decref(o);
    impact_free(&r);
}

static void one_scenario_and_another_year(void **state)
{
    fx *f = *state;
    jr_impact r;
    assert_ok(impact_analyse(&f->ctx, 2024, &f->sb, 1, NULL, &r, err));
    /* 2024: L0 only, 8 h 45F02 at 78,00 (the 2024 tariff); B names no 45F02 tariff */
    assert_i64_equal(r.lines, 1);
    assert_int_equal(r.nscen, 1);
    assert_i64_equal(r.total.current, r.total.scen[0]);
    assert_i64_equal(r.total.current, r.providers[0].a.current);
    impact_free(&r);
    /* a year without production: zero everywhere, no rows */
    assert_ok(impact_analyse(&f->ctx, 2023, &f->sa, 1, NULL, &r, err));
    assert_i64_equal(r.lines, 0);
    assert_int_equal(r.nproviders, 0);
    assert_int_equal(r.nmunicipalities, 0);
    impact_free(&r);
}

static void gemeente_sees_its_own_lezer_aggregates(void **state)
{
    fx *f = *state;
    jr_ctx g = as(f, JR_ROLE_GEMEENTE, DEVENTER, NULL);
    jr_impact r;
    analyse(f, &g, &r);
    assert_string_equal(r.gemeente, DEVENTER);
    assert_int_equal(r.nproviders, 1);
    assert_string_equal(r.providers[0].code, AGB_B);
    assert_amounts(&r.providers[0].a, 34896, 45000, 30000);
    assert_int_equal(r.nmunicipalities, 1);
    assert_string_equal(r.municipalities[0].code, DEVENTER);
    assert_amounts(&r.total, 197320, 215000, 181000); /* the region's total */
    impact_free(&r);
    /* Zwolle's controller: provider A's production in Zwolle only */
    g = as(f, JR_ROLE_GEMEENTE, ZWOLLE, NULL);
    analyse(f, &g, &r);
    assert_int_equal(r.nproviders, 1);
    assert_string_equal(r.providers[0].code, AGB_A);
    impact_free(&r);
    jr_ctx l = as(f, JR_ROLE_LEZER, NULL, NULL);
    analyse(f, &l, &r);
    assert_false(r.providers_shown);
    assert_int_equal(r.nproviders, 0);
    assert_int_equal(r.nmunicipalities, 2);
    assert_amounts(&r.total, 197320, 215000, 181000);
    json_t *o = render_impact(&r, 10);
    assert_int_equal(json_array_size(json_object_get(
                         json_array_get(json_object_get(o, "losers"), 1), "providers")),
                     0);
    json_decref(o);
    impact_free(&r);
}

static void provider_and_toegang_are_refused(void **state)
{
    fx *f = *state;
    const jr_ctx cs[] = {as(f, JR_ROLE_AANBIEDER, NULL, AGB_A),
                         as(f, JR_ROLE_TOEGANG, ZWOLLE, NULL)};
    for (size_t i = 0; i < 2; i++) {
        jr_impact r;
        jr_error err;
        jr_error_clear(&err);
        assert_int_equal(impact_analyse(&cs[i], 2025, &f->sa, 1, NULL, &r, &err), JR_EFORBIDDEN);
        assert_err_code(&err, "forbidden");
        impact_free(&r);
        assert_int_equal(impact_may(&cs[i], &err), JR_EFORBIDDEN);
    }
}

static void bad_input_is_refused(void **state)
{
    fx *f = *state;
    jr_impact r;
    jr_error err;
    jr_error_clear(&err);
    assert_int_equal(impact_analyse(&f->ctx, 1999, &f->sa, 1, NULL, &r, &err), JR_EINVAL);
    assert_err_code(&err, "year_invalid");
    assert_int_equal(impact_analyse(&f->ctx, 2025, &f->sa, 0, NULL, &r, &err), JR_EINVAL);
    assert_err_code(&err, "scenario_count");
    jr_imp_scenario two[2] = {f->sa, f->sa};
    assert_int_equal(impact_analyse(&f->ctx, 2025, two, 2, NULL, &r, &err), JR_EINVAL);
    assert_err_code(&err, "scenario_names");
    /* the scenario file: every refusal, each naming its key */
    jr_invalid_list inv;
    jr_error_collect(&err, &inv);
    jr_imp_scenario sc;
    assert_int_equal(impact_scenario_text(&f->ctx,
                                          "{\"name\": \"C\", \"tariffs\": {\"99X99\": 100, "
                                          "\"45F01\": -5, \"45F02\": 80.5}, \"budgets\": "
                                          "{\"KB8\": 1}}",
                                          "c.json", &sc, &err),
                     JR_EINVAL);
    assert_int_equal(inv.n, 4);
    assert_string_equal(inv.item[0].code, "tariff_unknown_product");
    assert_string_equal(inv.item[0].field, "tariffs.99X99");
    assert_non_null(strstr(inv.item[0].message, "c.json"));
    assert_string_equal(inv.item[1].code, "tariff_negative");
    assert_string_equal(inv.item[2].code, "tariff_not_whole");
    assert_string_equal(inv.item[3].code, "budget_unknown");
    /* malformed JSON: its line and column */
    jr_error_clear(&err);
    assert_int_equal(impact_scenario_text(&f->ctx,
                                          "{\"name\": \"D\",\n\"tariffs\": {\n\"45F01\" 1}}",
                                          "d.json", &sc, &err),
                     JR_EINVAL);
    assert_err_code(&err, "scenario_malformed");
    assert_non_null(strstr(err.message, "d.json: regel 3"));
    /* no name, no tariffs, a method that is none */
    jr_error_collect(&err, &inv);
    assert_int_equal(impact_scenario_text(&f->ctx, "{\"method\": \"soms\"}", "e.json", &sc, &err),
                     JR_EINVAL);
    assert_int_equal(inv.n, 3);
    assert_string_equal(inv.item[0].code, "scenario_name");
    assert_string_equal(inv.item[1].code, "scenario_method");
    assert_string_equal(inv.item[2].code, "scenario_tariffs");
}

#define PROD_HEAD "agb,gemeente,profile,product,unit,volume,amount_cents\n"

static void a_file_of_the_old_model(void **state)
{
    fx *f = *state;
    /* OP03 maps to 45F02; 20 h at 90,00 against 1.600,00 paid per profile; 10 h 45F01
       at 75,00 against 500,00; an applicant not in the store, 1 h of OP03 for 90,00 */
    const char *prod = PROD_HEAD "12345678,0193,OP03,,04,20,160000\n"
                                 "12345678,0150,OP01,45F01,04,10,50000\n"
                                 "99999990,0193,OP03,,04,1,9000\n";
    const char *map = "profile,product\nOP03,45F02\n";
    FILE *in = fmemopen((void *)prod, strlen(prod), "rb"),
         *pm = fmemopen((void *)map, strlen(map), "rb");
    jr_imp_production *p = NULL;
    assert_ok(impact_production_csv(&f->ctx, in, "oud.csv", pm, "profielen.csv", &p, err));
    fclose(in);
    fclose(pm);
    jr_impact r;
    assert_ok(impact_analyse(&f->ctx, 2022, &f->sa, 1, p, &r, err));
    impact_production_free(p);
    assert_true(r.from_file);
    assert_false(r.caps_apply);
    assert_i64_equal(r.lines, 3);
    assert_i64_equal(r.total.current, 219000);
    assert_i64_equal(r.total.scen[0], 264000);
    assert_int_equal(r.nproviders, 2);
    assert_string_equal(r.providers[0].code, AGB_A);
    assert_string_equal(r.providers[0].name, "Jeugdzorg De Linde");
    assert_i64_equal(r.providers[0].a.current, 210000);
    assert_i64_equal(r.providers[0].a.scen[0], 255000);
    assert_string_equal(r.providers[1].code, "99999990");
    assert_string_equal(r.providers[1].name, "");
    assert_i64_equal(r.providers[1].a.scen[0], 9000);
    assert_int_equal(r.nmunicipalities, 2);
    impact_free(&r);

    /* a bad file: each bad row named by its line and column, nothing used */
    const char *bad = PROD_HEAD "12345678,0193,OP03,,04,20,160000\n"
                                "12345678,0193,OP01,99X99,04,10,50000\n"
                                "12345678,0193,OP01,45F01,04,0,50000\n"
                                "12345678,0193,OP09,,04,1,100\n"
                                "1234,9999,OP01,45F01,02,1,-5\n";
    in = fmemopen((void *)bad, strlen(bad), "rb");
    pm = fmemopen((void *)map, strlen(map), "rb");
    jr_error err;
    jr_invalid_list inv;
    jr_error_collect(&err, &inv);
    p = NULL;
    assert_int_equal(impact_production_csv(&f->ctx, in, "fout.csv", pm, "p.csv", &p, &err),
                     JR_EINVAL);
    fclose(in);
    fclose(pm);
    assert_null(p);
    assert_string_equal(err.code, "product_unknown");
    assert_non_null(strstr(err.message, "fout.csv: regel 3, kolom product"));
    assert_int_equal(inv.n, 7);
    assert_string_equal(inv.item[1].code, "volume_invalid");
    assert_non_null(strstr(inv.item[1].message, "regel 4"));
    assert_string_equal(inv.item[2].code, "product_missing");
    assert_non_null(strstr(inv.item[2].message, "regel 5"));
    assert_string_equal(inv.item[3].code, "agb_invalid");
    assert_string_equal(inv.item[4].code, "gemeente_unknown");
    assert_string_equal(inv.item[5].code, "unit_invalid");
    assert_string_equal(inv.item[6].code, "amount_invalid");
    assert_non_null(strstr(inv.item[6].message, "regel 6"));
    /* a header without its columns */
    const char *nohead = "agb,gemeente,volume\n12345678,0193,1\n";
    in = fmemopen((void *)nohead, strlen(nohead), "rb");
    jr_error_clear(&err);
    assert_int_equal(impact_production_csv(&f->ctx, in, "kop.csv", NULL, NULL, &p, &err),
                     JR_EINVAL);
    fclose(in);
    assert_string_equal(err.code, "csv_header");
}

static void the_tables_to_export(void **state)
{
    fx *f = *state;
    jr_impact r;
    analyse(f, &f->ctx, &r);
    jr_xtables ts;
    memset(&ts, 0, sizeof ts);
    assert_ok(impact_tables(&r, 10, D("2026-01-15"), &ts, err));
    assert_int_equal(ts.n, 5);
    const jr_xtable *p = xtables_find(&ts, "aanbieders");
    assert_non_null(p);
    assert_int_equal(p->ncols, 9);
    assert_int_equal(p->nrows, 3); /* A, B and the total */
    assert_int_equal(p->cells[2].kind, JR_XC_CENTS);
    assert_i64_equal(p->cells[2].v, 162424);
    assert_int_equal(p->cells[5].kind, JR_XC_INT);
    assert_i64_equal(p->cells[5].v, 47);
    assert_true(p->total[2]);
    assert_i64_equal(p->cells[2 * 9 + 2].v, 197320);
    const jr_xtable *l = xtables_find(&ts, "verliezers-2");
    assert_non_null(l);
    assert_int_equal(l->nrows, 2);
    xtables_free(&ts);
    impact_free(&r);
}

typedef struct {
    int n;
    char action[4][48];
    char detail[4][384];
} audit_seen;

static int on_audit(void *ud, const void *row)
{
    audit_seen *a = ud;
    const jr_audit_row *r = row;
    if (a->n < 4) {
        snprintf(a->action[a->n], sizeof a->action[0], "%s", r->action);
        snprintf(a->detail[a->n], sizeof a->detail[0], "%s", r->detail);
    }
    a->n++;
    return 0;
}

static int count_saved(void *ud, const void *row)
{
    const jr_imp_saved *s = row;
    int *n = ud;
    if (strcmp(s->sc.name, "oud") == 0) {
        assert_false(s->valid);
        assert_non_null(strstr(s->problem, "99X99"));
    } else {
        assert_true(s->valid);
    }
    (*n)++;
    return 0;
}

static void named_scenarios_saved_replaced_audited(void **state)
{
    fx *f = *state;
    jr_ctx rsj = as(f, JR_ROLE_RSJ, NULL, NULL);
    rsj.actor = "rsj1";
    bool replaced = true;
    assert_ok(impact_scenario_save(&rsj, &f->sa, &replaced, err));
    assert_false(replaced);
    /* saved again with another tariff: replaced, the audit keeps what it was */
    jr_imp_scenario a2 = f->sa;
    a2.tariffs[0].cents = 7600;
    assert_ok(impact_scenario_save(&rsj, &a2, &replaced, err));
    assert_true(replaced);
    audit_seen au = {0};
    jr_ctx beh = as(f, JR_ROLE_BEHEERDER, NULL, NULL);
    assert_ok(audit_list(&beh, "impactscenario", "A", NULL, 10, on_audit, &au, err));
    assert_int_equal(au.n, 2);
    assert_string_equal(au.action[0], "impactscenario.vervangen");
    assert_non_null(strstr(au.detail[0], "\"45F01\":7500")); /* what it replaced */
    assert_string_equal(au.action[1], "impactscenario.opgeslagen");
    /* a gemeente reads and analyses it, may not save or delete */
    jr_ctx g = as(f, JR_ROLE_GEMEENTE, DEVENTER, NULL);
    jr_imp_saved sv;
    assert_ok(impact_scenario_find(&g, "A", &sv, err));
    assert_true(sv.valid);
    assert_string_equal(sv.saved_by, "rsj1");
    jr_cents t = 0;
    assert_true(impact_tariff(&sv.sc, "45F01", &t));
    assert_i64_equal(t, 7600);
    jr_impact r;
    assert_ok(impact_analyse(&g, 2025, &sv.sc, 1, NULL, &r, err));
    /* B's 6 h 45F01 at 76,00 = 456,00 */
    assert_i64_equal(r.providers[0].a.scen[0], 45600);
    impact_free(&r);
    jr_error e;
    jr_error_clear(&e);
    assert_int_equal(impact_scenario_save(&g, &f->sb, NULL, &e), JR_EFORBIDDEN);
    assert_int_equal(impact_scenario_delete(&g, "A", &e), JR_EFORBIDDEN);
    jr_ctx prov = as(f, JR_ROLE_AANBIEDER, NULL, AGB_A);
    assert_int_equal(impact_scenario_find(&prov, "A", &sv, &e), JR_EFORBIDDEN);
    assert_int_equal(impact_scenario_find(&g, "X", &sv, &e), JR_ENOTFOUND);
    assert_err_code(&e, "scenario_unknown");
    /* one the catalog no longer accepts: listed with its problem, refused for an analysis */
    assert_ok(store_exec(f->store,
                         "INSERT INTO impact_scenario (name, scenario, saved_by, saved_at) VALUES"
                         " ('oud', '{\"name\": \"oud\", \"tariffs\": {\"99X99\": 1}}', 'x',"
                         " '2024-01-01T00:00:00.000Z')",
                         err));
    int n = 0;
    assert_ok(impact_scenario_list(&g, count_saved, &n, err));
    assert_int_equal(n, 2);
    assert_int_equal(impact_scenario_find(&g, "oud", &sv, &e), JR_EINVAL);
    assert_err_code(&e, "scenario_invalid");
    /* deleted, audited; again: not found */
    assert_ok(impact_scenario_delete(&rsj, "A", err));
    assert_int_equal(impact_scenario_delete(&rsj, "A", &e), JR_ENOTFOUND);
    au.n = 0;
    assert_ok(audit_list(&beh, "impactscenario", "A", NULL, 10, on_audit, &au, err));
    assert_int_equal(au.n, 3);
    assert_string_equal(au.action[0], "impactscenario.verwijderd");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(rsj_sees_every_row_worked_out_by_hand, setup, teardown),
        cmocka_unit_test_setup_teardown(one_scenario_and_another_year, setup, teardown),
        cmocka_unit_test_setup_teardown(gemeente_sees_its_own_lezer_aggregates, setup, teardown),
        cmocka_unit_test_setup_teardown(provider_and_toegang_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_input_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(a_file_of_the_old_model, setup, teardown),
        cmocka_unit_test_setup_teardown(the_tables_to_export, setup, teardown),
        cmocka_unit_test_setup_teardown(named_scenarios_saved_replaced_audited, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

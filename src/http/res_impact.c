/*
 * res_impact.c: the impact analysis over HTTP (issue 12,
 * service/impact.h, docs/impact.md):
 * - POST /api/v1/impact-analyses[?format=xlsx|csv] with a JSON body
 *   {"year": JJJJ, "scenarios": [scenario, scenario?], "losers": N
 *   (optional, default 10), "production": CSV text of the old model
 *   (optional: else the database's year), "profiles": CSV text
 *   profile,product (optional)}: the analysis (render_impact, what
 *   `jeugdregio impact --json` prints), or with ?format= its tables as an
 *   Excel workbook or CSV download. Nothing is stored.
 * - GET /api/v1/impact-analyses?year=JJJJ&a=NAAM[&b=NAAM][&losers=N]
 *   [&format=xlsx|csv]: the same on saved scenarios (the results of named
 *   scenarios, as a link can hold them);
 * - GET /api/v1/impact-analyses/scenarios: the saved scenarios (a page);
 *   POST /api/v1/impact-analyses/scenarios with a scenario as body: saves
 *   it under its name (201, or 200 replacing one), rsj and beheerder;
 *   DELETE /api/v1/impact-analyses/scenarios?name=NAAM removes one;
 * - GET /api/v1/impact-analyses/template?year=JJJJ: a scenario holding the
 *   catalog's tariffs and keuzebudget amounts valid on 1 July of the year,
 *   to start a proposal from.
 * A scenario is the object impact_scenario_from_json reads; a bad one, a
 * bad file row or a bad field answers 400 naming every refusal
 * (invalidParams). Who may is the service's rule (403 for a role that may
 * not).
 */
#include "../render/render_impact.h"
#include "../render/xlsx.h"
#include "http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* text_file: a FILE over the body field name's text (NULL when absent) */
static FILE *text_file(http_req *r, const char *name, bool *bad)
{
    json_t *v = json_object_get(r->body, name);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v) || json_string_length(v) == 0) {
        http_invalid_add(r, "field_invalid", name, "%s is de tekst van een CSV-bestand.", name);
        *bad = true;
        return NULL;
    }
    return fmemopen((void *)json_string_value(v), json_string_length(v), "rb");
}

/* answer: the analysis as JSON, or its tables as a download (format) */
static void answer(http_req *r, const jr_impact *res, int64_t losers, const char *format, bool csv)
{
    jr_error err;
    jr_error_clear(&err);
    jr_status st = JR_OK;
    if (!format) {
        http_reply_json(r, 200, render_impact(res, (size_t)losers));
        return;
    }
    jr_xtables ts;
    memset(&ts, 0, sizeof ts);
    sbuf data = SBUF_INIT;
    st = impact_tables(res, (size_t)losers, r->ctx.today, &ts, &err);
    if (st == JR_OK)
        st = csv ? (xtables_csv(&ts, &data) < 0
                        ? jr_fail(&err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.")
                        : JR_OK)
                 : xlsx_bytes(&ts, &data, &err);
    if (st != JR_OK) {
        http_reply_error(r, &err);
        sbuf_free(&data);
    } else {
        char name[64];
        snprintf(name, sizeof name, "impactanalyse-%d%s%s.%s", (int)res->year,
                 res->gemeente[0] ? "-" : "", res->gemeente, csv ? "csv" : "xlsx");
        if (!data.data && sbuf_puts(&data, "") != 0)
            http_reply_fail(r, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
        else
            http_reply_raw(r, 200, csv ? "text/csv; charset=utf-8" : XLSX_TYPE, data.data, data.len,
                           name);
    }
    xtables_free(&ts);
}

/* ROUTE: POST /api/v1/impact-analyses V1ONLY */
void impact_post(http_req *r)
{
    const char *format = http_query(r, "format");
    bool csv = format && strcmp(format, "csv") == 0;
    if (format && !csv && strcmp(format, "xlsx") != 0)
        http_invalid_add(r, "format_invalid", "format", "De parameter format is xlsx of csv.");
    int64_t year = 0, losers = JR_IMP_LOSERS_DEFAULT;
    http_body_int(r, "year", true, JR_IMP_YEAR_MIN, JR_IMP_YEAR_MAX, &year);
    http_body_int(r, "losers", false, 0, JR_IMP_LOSERS_MAX, &losers);
    json_t *sv = json_object_get(r->body, "scenarios");
    if (!json_is_array(sv) || json_array_size(sv) < 1 || json_array_size(sv) > JR_IMP_SCEN_MAX)
        http_invalid_add(r, "scenario_count", "scenarios",
                         "scenarios is een lijst van een of twee scenario's.");
    bool bad = false;
    FILE *prod_in = text_file(r, "production", &bad);
    FILE *prof_in = text_file(r, "profiles", &bad);
    if (http_input_failed(r))
        goto close;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_imp_scenario sc[JR_IMP_SCEN_MAX];
    int n = (int)json_array_size(sv);
    jr_status st = impact_may(&r->ctx, &err);
    for (int i = 0; i < n && st != JR_EFORBIDDEN; i++) {
        char where[32];
        snprintf(where, sizeof where, "scenarios[%d]", i);
        jr_error e;
        jr_error_clear(&e);
        e.invalid = err.invalid;
        jr_status s =
            impact_scenario_from_json(&r->ctx, json_array_get(sv, (size_t)i), where, &sc[i], &e);
        if (s != JR_OK && st == JR_OK) {
            jr_error_take(&err, &e);
            st = s;
        }
    }
    jr_imp_production *prod = NULL;
    if (st == JR_OK && prod_in)
        st =
            impact_production_csv(&r->ctx, prod_in, "production", prof_in, "profiles", &prod, &err);
    jr_impact res;
    memset(&res, 0, sizeof res);
    if (st == JR_OK)
        st = impact_analyse(&r->ctx, (int32_t)year, sc, n, prod, &res, &err);
    impact_production_free(prod);
    if (st != JR_OK)
        http_reply_error(r, &err);
    else
        answer(r, &res, losers, format, csv);
    impact_free(&res);
close:
    if (prod_in)
        fclose(prod_in);
    if (prof_in)
        fclose(prof_in);
}

/* ROUTE: GET /api/v1/impact-analyses/template V1ONLY */
void impact_template(http_req *r)
{
    int64_t year = 0;
    if (!http_query(r, "year"))
        http_invalid_add(r, "query_missing", "year", "De parameter year ontbreekt (JJJJ).");
    http_query_int(r, "year", JR_IMP_YEAR_MIN, JR_IMP_YEAR_MAX, &year);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_error_clear(&err);
    jr_imp_scenario sc;
    if (impact_template_scenario(&r->ctx, (int32_t)year, &sc, &err) != JR_OK) {
        http_reply_error(r, &err);
        return;
    }
    http_reply_json(r, 200, render_impact_scenario(&sc));
}

/* ROUTE: GET /api/v1/impact-analyses V1ONLY */
void impact_get(http_req *r)
{
    const char *format = http_query(r, "format");
    bool csv = format && strcmp(format, "csv") == 0;
    if (format && !csv && strcmp(format, "xlsx") != 0)
        http_invalid_add(r, "format_invalid", "format", "De parameter format is xlsx of csv.");
    int64_t year = 0, losers = JR_IMP_LOSERS_DEFAULT;
    if (!http_query(r, "year"))
        http_invalid_add(r, "query_missing", "year", "De parameter year ontbreekt (JJJJ).");
    http_query_int(r, "year", JR_IMP_YEAR_MIN, JR_IMP_YEAR_MAX, &year);
    http_query_int(r, "losers", 0, JR_IMP_LOSERS_MAX, &losers);
    const char *names[2] = {http_query(r, "a"), http_query(r, "b")};
    if (!names[0])
        http_invalid_add(r, "query_missing", "a",
                         "De parameter a ontbreekt: de naam van een opgeslagen scenario.");
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_imp_saved *sv = calloc(2, sizeof *sv);
    if (!sv) {
        http_reply_fail(r, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
        return;
    }
    int n = names[1] ? 2 : 1;
    jr_status st = JR_OK;
    for (int i = 0; i < n && st == JR_OK; i++)
        st = impact_scenario_find(&r->ctx, names[i], &sv[i], &err);
    jr_imp_scenario sc[JR_IMP_SCEN_MAX];
    for (int i = 0; i < n; i++)
        sc[i] = sv[i].sc;
    free(sv);
    jr_impact res;
    memset(&res, 0, sizeof res);
    if (st == JR_OK)
        st = impact_analyse(&r->ctx, (int32_t)year, sc, n, NULL, &res, &err);
    if (st != JR_OK)
        http_reply_error(r, &err);
    else
        answer(r, &res, losers, format, csv);
    impact_free(&res);
}

HTTP_PAGE_ROW(saved_row, jr_imp_saved, render_impact_saved)

/* ROUTE: GET /api/v1/impact-analyses/scenarios V1ONLY */
void impact_scenarios(http_req *r)
{
    http_page p;
    if (!http_page_begin(r, &p))
        return;
    jr_error err;
    jr_error_clear(&err);
    jr_status rc = impact_scenario_list(&r->ctx, saved_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

/* ROUTE: POST /api/v1/impact-analyses/scenarios V1ONLY */
void impact_scenario_post(http_req *r)
{
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_imp_scenario sc;
    bool replaced = false;
    jr_status st = impact_may_save(&r->ctx, &err);
    if (st == JR_OK)
        st = impact_scenario_from_json(&r->ctx, r->body, "scenario", &sc, &err);
    if (st == JR_OK)
        st = impact_scenario_save(&r->ctx, &sc, &replaced, &err);
    if (st != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, replaced ? 200 : 201,
                        json_pack("{s:s, s:b, s:o}", "name", sc.name, "replaced", replaced,
                                  "scenario", impact_scenario_json(&sc)));
}

/* ROUTE: DELETE /api/v1/impact-analyses/scenarios V1ONLY */
void impact_scenario_del(http_req *r)
{
    const char *name = http_query(r, "name");
    if (!name)
        http_invalid_add(r, "query_missing", "name", "De parameter name ontbreekt.");
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_error_clear(&err);
    if (impact_scenario_delete(&r->ctx, name, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, json_pack("{s:s}", "deleted", name));
}

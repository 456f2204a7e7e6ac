/*
 * res_tariff.c: tariff research over HTTP (issue 12, service/tariff.h,
 * docs/tariffs.md):
 * - GET /api/v1/tariff-models: the years with norms;
 * - GET /api/v1/tariff-models/{year}: the norms of the year and the
 *   build-up of every tariff, step by step (render_tariff_model, what
 *   `jeugdregio tariff model --year --json` prints);
 * - PUT /api/v1/tariff-models/{year}: the year's norms replaced by the
 *   body, a norms document as the norms file holds it (its year must be
 *   the path's);
 * - PATCH /api/v1/tariff-models/{year}: the year's own fields (cao,
 *   ova_bp, pcc_bp, index_method, wage_weight_bp, example);
 * - PATCH /api/v1/tariff-models/{year}/norms/{code}: fields of one
 *   functiegroep's or intensity's norms (amounts as euro text "3412.50",
 *   the other numbers integers);
 * - GET /api/v1/catalog-proposals/{year}[?basis=index|model]: the proposed
 *   catalog beside the current one;
 * - POST /api/v1/catalog-proposals/{year}/adoptions {"basis"}: adopts it:
 *   answers 201 with the region file carrying the year's tariffs (checked
 *   by loading it with the region loader before the adoption is recorded)
 *   for the operator to install; the server's own region file is never
 *   changed.
 * Who may is the service's rule (403 for a role that may not).
 */
#include "../io/tariff_norms.h"
#include "../render/render_tariff.h"
#include "http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* path_year: the {year} of the path (refused input when it is none) */
static int32_t path_year(http_req *r)
{
    const char *s = r->params[0];
    int32_t y = 0;
    bool ok = s && strlen(s) == 4;
    for (int i = 0; ok && i < 4; i++)
        ok = s[i] >= '0' && s[i] <= '9';
    if (ok)
        y = (int32_t)atoi(s);
    if (!ok)
        http_invalid_add(r, "year_invalid", "year", "'%.12s' is geen jaar (JJJJ).", s ? s : "");
    return y;
}

static void reply_model(http_req *r, int32_t year, int status)
{
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_tariff_model *m = malloc(sizeof *m);
    if (!m) {
        http_reply_fail(r, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
        return;
    }
    if (tariff_model(&r->ctx, year, m, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, status, render_tariff_model(m));
    free(m);
}

HTTP_PAGE_ROW(year_row, jr_tariff_norms, render_tariff_year)

/* ROUTE: GET /api/v1/tariff-models V1ONLY */
void tariff_models_list(http_req *r)
{
    http_page p;
    if (!http_page_begin(r, &p))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_status rc = tariff_years(&r->ctx, year_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

/* ROUTE: GET /api/v1/tariff-models/{year} V1ONLY */
void tariff_models_get(http_req *r)
{
    int32_t year = path_year(r);
    if (http_input_failed(r))
        return;
    reply_model(r, year, 200);
}

/* ROUTE: PUT /api/v1/tariff-models/{year} V1ONLY */
void tariff_models_put(http_req *r)
{
    int32_t year = path_year(r);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_tariff_norms *n = malloc(sizeof *n);
    if (!n) {
        http_reply_fail(r, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
        return;
    }
    memset(n, 0, sizeof *n);
    jr_status rc = tariff_may_change(&r->ctx.who) /* a role that may not: 403 whatever the body */
                       ? tariff_norms_from_json(r->body, "normen", n, &err)
                       : tariff_norms_put(&r->ctx, n, &err);
    if (rc == JR_OK && n->year != year)
        rc = jr_refuse(&err, JR_OK, "year_mismatch", "year",
                       "Het jaar van de normen (%d) is niet het jaar van het adres (%d).",
                       (int)n->year, (int)year);
    if (rc == JR_OK) {
        snprintf(n->source, sizeof n->source, "API (%s)", r->ctx.actor ? r->ctx.actor : "?");
        rc = tariff_norms_put(&r->ctx, n, &err);
    }
    free(n);
    if (rc != JR_OK)
        http_reply_error(r, &err);
    else
        reply_model(r, year, 200);
}

/* patch: the body's fields as assignments to the norm code (NULL: the year's own) */
static void patch(http_req *r, const char *code)
{
    int32_t year = path_year(r);
    enum { MAX = 24 };
    jr_tariff_assign a[MAX];
    char text[MAX][48];
    int n = 0;
    const char *key;
    json_t *v;
    json_object_foreach(r->body, key, v)
    {
        if (n >= MAX) {
            http_invalid_add(r, "norm_too_many", key, "Hoogstens %d velden tegelijk.", MAX);
            break;
        }
        a[n].key = key;
        if (json_is_string(v))
            a[n].value = json_string_value(v);
        else if (json_is_integer(v)) {
            snprintf(text[n], sizeof text[n], "%lld", (long long)json_integer_value(v));
            a[n].value = text[n];
        } else if (json_is_boolean(v))
            a[n].value = json_is_true(v) ? "true" : "false";
        else {
            http_invalid_add(r, "norm_type", key,
                             "%s: geef tekst (een bedrag als \"3412.50\"), een geheel getal of "
                             "true/false.",
                             key);
            continue;
        }
        n++;
    }
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    if (tariff_norm_set(&r->ctx, year, code, a, n, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        reply_model(r, year, 200);
}

/* ROUTE: PATCH /api/v1/tariff-models/{year} V1ONLY */
void tariff_models_patch(http_req *r)
{
    patch(r, NULL);
}

/* ROUTE: PATCH /api/v1/tariff-models/{year}/norms/{code} V1ONLY */
void tariff_norms_patch(http_req *r)
{
    patch(r, r->params[1]);
}

static bool basis_of(http_req *r, const char *s, jr_tariff_basis *b)
{
    *b = JR_TB_INDEX;
    if (s && !tariff_basis_parse(s, b)) {
        http_invalid_add(r, "basis_invalid", "basis",
                         "basis '%.20s' is onbekend: kies index of model.", s);
        return false;
    }
    return true;
}

/* ROUTE: GET /api/v1/catalog-proposals/{year} V1ONLY */
void catalog_proposals_get(http_req *r)
{
    int32_t year = path_year(r);
    jr_tariff_basis basis;
    basis_of(r, http_query(r, "basis"), &basis);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_tariff_proposal *p = malloc(sizeof *p);
    if (!p) {
        http_reply_fail(r, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
        return;
    }
    if (tariff_proposal(&r->ctx, year, basis, p, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_tariff_proposal(p));
    free(p);
}

/* ROUTE: POST /api/v1/catalog-proposals/{year}/adoptions V1ONLY */
void catalog_proposals_adopt(http_req *r)
{
    int32_t year = path_year(r);
    const char *basis_s = NULL;
    http_body_str(r, "basis", false, 16, &basis_s);
    jr_tariff_basis basis;
    basis_of(r, basis_s, &basis);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_tariff_proposal *p = malloc(sizeof *p);
    char *text = NULL;
    if (!p) {
        http_reply_fail(r, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
        return;
    }
    jr_status rc;
    if (!tariff_may_change(&r->ctx.who)) /* refused before anything is built */
        rc = tariff_adopt(&r->ctx, year, basis, NULL, NULL, &err);
    else if ((rc = tariff_proposal(&r->ctx, year, basis, p, &err)) == JR_OK &&
             (rc = region_with_tariffs(r->ctx.cat->source, p, &text, &err)) == JR_OK &&
             (rc = region_tariffs_verify_text(text, p, &err)) == JR_OK)
        rc = tariff_adopt(&r->ctx, year, basis, p, p, &err);
    if (rc != JR_OK) {
        http_reply_error(r, &err);
    } else {
        json_error_t jerr;
        json_t *region = json_loads(text, 0, &jerr);
        const char *base = strrchr(r->ctx.cat->source, '/');
        char name[160];
        snprintf(name, sizeof name, "%.*s-%d.json",
                 (int)strcspn(base ? base + 1 : r->ctx.cat->source, "."),
                 base ? base + 1 : r->ctx.cat->source, (int)year);
        http_reply_json(r, 201,
                        json_pack("{s:i, s:s, s:i, s:s, s:o, s:o}", "year", (int)year, "basis",
                                  tariff_basis_name(basis), "products", p->n, "filename", name,
                                  "proposal", render_tariff_proposal(p), "region",
                                  region ? region : json_null()));
    }
    free(text);
    free(p);
}

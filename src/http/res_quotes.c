/*
 * res_quotes.c: the offerte process over HTTP: reading quotes, a
 * provider's answer (hours per functiegroep, months, plan), and the
 * municipality's accept (an assignment) or reject (with a reason).
 */
#include "../render/render.h"
#include "http.h"

#include "../core/sbuf.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

HTTP_PAGE_ROW(quotes_row, jr_quote, render_quote)

/* ROUTE: GET /api/v1/quotes */
void quotes_list(http_req *r)
{
    http_page p;
    int64_t referral = 0;
    jr_error err;
    jr_error_clear(&err);
    http_query_int(r, "referral", 1, INT64_MAX, &referral);
    if (!http_page_begin(r, &p))
        return;
    jr_status rc = quote_list(&r->ctx, referral, http_query(r, "agb"), quotes_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

static int quotes_line_row(void *ud, const void *row)
{
    const jr_quote_line *l = row;
    char hours[JR_MONEY_BUF]; /* hundredths of hours print like cents */
    return json_array_append_new(ud, json_pack("{s:s, s:s, s:I, s:I}", "product", l->product,
                                               "hours", money_format_plain(l->centi_hours, hours),
                                               "tariff_cents", (json_int_t)l->tariff,
                                               "amount_cents", (json_int_t)l->amount)) != 0;
}

/* quotes_reply: answers status with quote id as it is now, with its lines. */
static void quotes_reply(http_req *r, int status, int64_t id)
{
    jr_quote q;
    jr_error err;
    jr_error_clear(&err);
    json_t *lines = json_array();
    if (quote_get(&r->ctx, id, &q, &err) != JR_OK ||
        quote_lines(&r->ctx, id, quotes_line_row, lines, &err) != JR_OK) {
        json_decref(lines);
        http_reply_error(r, &err);
        return;
    }
    json_t *o = render_quote(&q);
    json_object_set_new(o, "lines", lines);
    http_reply_json(r, status, o);
}

/* ROUTE: GET /api/v1/quotes/{id} */
void quotes_show(http_req *r)
{
    int64_t id;
    if (http_param_int(r, 0, &id))
        quotes_reply(r, 200, id);
}

/* quotes_hours: "12.5" or 12.5 hours as hundredths; false when not. */
static bool quotes_hours(json_t *v, int64_t *out)
{
    if (json_is_string(v))
        return money_parse(json_string_value(v), out) && *out > 0;
    if (json_is_integer(v) && json_integer_value(v) > 0 && json_integer_value(v) < 100000) {
        *out = json_integer_value(v) * 100;
        return true;
    }
    if (json_is_real(v)) {
        double h = json_real_value(v) * 100.0;
        if (!(h > 0 && h < 1e7) || fabs(h - round(h)) > 1e-6)
            return false;
        *out = (int64_t)llround(h);
        return true;
    }
    return false;
}

/* ROUTE: POST /api/v1/quotes/{id}/answer */
void quotes_answer(http_req *r)
{
    int64_t id, months = 0;
    const char *plan = "", *agb = NULL;
    if (!http_param_int(r, 0, &id))
        return;
    http_body_int(r, "months", true, 1, 24, &months);
    http_body_str(r, "plan", false, 256, &plan);
    http_body_str(r, "agb", false, 9, &agb);
    json_t *list = json_object_get(r->body, "lines");
    size_t n = json_is_array(list) ? json_array_size(list) : 0;
    jr_quote_line lines[JR_QUOTE_MAX_LINES];
    memset(lines, 0, sizeof lines);
    if (n == 0 || n > JR_QUOTE_MAX_LINES)
        http_invalid_add(r, "quote_lines", "lines",
                         "Geef in 'lines' uren voor 1 tot %d functiegroepen, bijvoorbeeld "
                         "[{\"product\": \"FG2\", \"hours\": \"12.5\"}].",
                         JR_QUOTE_MAX_LINES);
    for (size_t i = 0; i < n && n <= JR_QUOTE_MAX_LINES; i++) {
        json_t *l = json_array_get(list, i);
        const char *product = json_string_value(json_object_get(l, "product"));
        if (!product || strlen(product) >= sizeof lines[i].product ||
            !quotes_hours(json_object_get(l, "hours"), &lines[i].centi_hours))
            http_invalid_add(r, "quote_line_invalid", "lines",
                             "Regel %zu van de offerte: geef een functiegroep ('product', "
                             "bijvoorbeeld FG2) en een positief aantal uren ('hours', hoogstens "
                             "twee decimalen).",
                             i + 1);
        else
            str_copy(lines[i].product, sizeof lines[i].product, product);
    }
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid; /* every field the service refuses */
    jr_error_collect(&err, &invalid);
    jr_quote q;
    /* a provider answers for itself; the beheerder for the quote's provider */
    if (r->ctx.who.role == JR_ROLE_AANBIEDER) {
        agb = r->ctx.who.agb;
    } else if (!agb && r->ctx.who.role == JR_ROLE_BEHEERDER) {
        if (quote_get(&r->ctx, id, &q, &err) != JR_OK) {
            http_reply_error(r, &err);
            return;
        }
        agb = q.agb;
    }
    if (quote_answer(&r->ctx, id, agb ? agb : "", lines, (int)n, (int32_t)months, plan, NULL,
                     &err) != JR_OK) {
        http_reply_error(r, &err);
        return;
    }
    quotes_reply(r, 200, id);
}

/* ROUTE: POST /api/v1/quotes/{id}/accept */
void quotes_accept(http_req *r)
{
    int64_t id;
    jr_date start;
    if (!http_param_int(r, 0, &id))
        return;
    http_body_date(r, "start", true, &start);
    if (http_input_failed(r))
        return;
    char number[24];
    jr_assignment a;
    jr_error err;
    jr_error_clear(&err);
    if (quote_accept(&r->ctx, id, start, number, &err) != JR_OK ||
        assignment_get(&r->ctx, number, &a, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 201, render_assignment(&a));
}

/* ROUTE: POST /api/v1/quotes/{id}/reject */
void quotes_reject(http_req *r)
{
    int64_t id;
    const char *reason = NULL;
    if (!http_param_int(r, 0, &id))
        return;
    http_body_str(r, "reason", false, 256, &reason);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_error_clear(&err);
    if (quote_reject(&r->ctx, id, reason, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        quotes_reply(r, 200, id);
}

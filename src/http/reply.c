/*
 * reply.c: the answers of handlers (JSON values, errors as problem details
 * with their HTTP status, pages of lists) and the typed reading of JSON
 * bodies and query arguments. A refused field is collected with a Dutch
 * message naming it (http_invalid_add); http_input_failed answers them all
 * at once as one 400 problem with its invalidParams.
 */
#include "http.h"

#include "../core/sbuf.h"
#include "../service/youth.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int http_status_of(jr_status st)
{
    switch (st) {
    case JR_EINVAL:
        return 400;
    case JR_EAUTH:
        return 401;
    case JR_EFORBIDDEN:
        return 403;
    case JR_ENOTFOUND:
        return 404;
    case JR_ECONFLICT:
        return 409;
    case JR_OK:
    case JR_EDB:
    case JR_EIO:
    case JR_ENOMEM:
        return 500;
    }
    return 500;
}

/* http_title: the problem title of status (Dutch, as RFC 9457 allows for
 * the status phrase of "about:blank"). */
static const char *http_title(int status)
{
    switch (status) {
    case 400:
        return "Ongeldige invoer";
    case 401:
        return "Niet ingelogd";
    case 403:
        return "Niet toegestaan";
    case 404:
        return "Niet gevonden";
    case 405:
        return "Methode niet toegestaan";
    case 409:
        return "Conflict";
    case 413:
        return "Te groot";
    case 429:
        return "Te veel verzoeken";
    default:
        return "Interne fout";
    }
}

json_t *http_invalid_param(const char *name, const char *code, const char *reason)
{
    return json_pack("{s:s, s:s, s:s}", "name", name, "code", code, "reason", reason);
}

json_t *http_problem_json(int status, const jr_error *err, const char *instance, json_t *invalid)
{
    json_t *o = json_pack("{s:s, s:s, s:i, s:s}", "type", "about:blank", "title",
                          http_title(status), "status", status, "detail", err->message);
    if (o && instance && *instance)
        json_object_set_new(o, "instance", json_string(instance));
    if (o) {
        json_object_set_new(o, "code", json_string(err->code));
        json_object_set_new(o, "field", json_string(err->field));
        json_object_set_new(o, "message", json_string(err->message));
    }
    if (o && !invalid && status == 400 && err->field[0] && jr_error_refusals(err) > 0) {
        invalid = json_array(); /* every refusal the service recorded, in its order */
        for (int i = 0; invalid && i < err->invalid->n; i++) {
            const jr_refusal *f = &err->invalid->item[i];
            if (f->field[0]) /* a parameter has a name; a refusal of none stands in detail */
                json_array_append_new(invalid, http_invalid_param(f->field, f->code, f->message));
        }
    } else if (o && !invalid && status == 400 && err->field[0]) {
        invalid = json_pack("[o]", http_invalid_param(err->field, err->code, err->message));
    } else {
        json_incref(invalid);
    }
    if (o && invalid)
        json_object_set(o, "invalidParams", invalid);
    json_decref(invalid);
    return o;
}

void http_reply_json(http_req *r, int status, json_t *value)
{
    free(r->reply_raw);
    r->reply_raw = NULL;
    r->reply_raw_len = 0;
    json_decref(r->reply);
    r->reply = value;
    r->status = value ? status : 500;
}

void http_reply_raw(http_req *r, int status, const char *ctype, char *data, size_t len,
                    const char *filename)
{
    json_decref(r->reply);
    r->reply = NULL;
    free(r->reply_raw);
    r->reply_raw = data;
    r->reply_raw_len = len;
    r->status = data ? status : 500;
    str_copy(r->reply_type, sizeof r->reply_type, ctype);
    r->reply_disposition[0] = '\0';
    if (filename)
        snprintf(r->reply_disposition, sizeof r->reply_disposition, "attachment; filename=\"%s\"",
                 filename);
    if (!data) {
        jr_error e;
        jr_error_clear(&e);
        jr_fail(&e, JR_ENOMEM, "internal", "", "Onvoldoende geheugen.");
        http_reply_json(r, 500, http_problem_json(500, &e, r->path, NULL));
    }
}

void http_reply_error(http_req *r, const jr_error *err)
{
    int status = http_status_of(err->status);
    if (status == 500) {
        /* the details go to the log, never to the client */
        fprintf(stderr, "jeugdregio serve: %s %s: %s (%s): %s\n", "interne fout", r->path,
                jr_status_name(err->status), err->code, err->message);
        jr_error e;
        jr_error_clear(&e);
        jr_fail(&e, JR_EDB, "internal", "",
                "Er ging iets mis op de server. Probeer het later "
                "opnieuw.");
        http_reply_json(r, 500, http_problem_json(500, &e, r->path, NULL));
        return;
    }
    http_reply_json(r, status, http_problem_json(status, err, r->path, NULL));
}

void http_reply_fail(http_req *r, jr_status st, const char *code, const char *field,
                     const char *fmt, ...)
{
    jr_error e;
    jr_error_clear(&e);
    e.status = st;
    str_copy(e.code, sizeof e.code, code);
    str_copy(e.field, sizeof e.field, field);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    http_reply_error(r, &e);
}

/* ---- collected refusals of the input --------------------------------------- */

void http_invalid_add(http_req *r, const char *code, const char *field, const char *fmt, ...)
{
    char reason[sizeof((jr_error *)0)->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    if (!r->invalid)
        r->invalid = json_array();
    if (r->invalid)
        json_array_append_new(r->invalid, http_invalid_param(field, code, reason));
}

bool http_input_failed(http_req *r)
{
    if (!r->invalid || json_array_size(r->invalid) == 0)
        return r->reply != NULL || r->reply_raw != NULL;
    json_t *first = json_array_get(r->invalid, 0);
    jr_error e;
    jr_error_clear(&e);
    e.status = JR_EINVAL;
    str_copy(e.code, sizeof e.code, json_string_value(json_object_get(first, "code")));
    str_copy(e.field, sizeof e.field, json_string_value(json_object_get(first, "name")));
    str_copy(e.message, sizeof e.message, json_string_value(json_object_get(first, "reason")));
    http_reply_json(r, 400, http_problem_json(400, &e, r->path, r->invalid));
    return true;
}

/* ---- the JSON body ------------------------------------------------------ */

/* http_parse_i64: the whole of s as a decimal integer */
static bool http_parse_i64(const char *s, int64_t *out)
{
    char *end = NULL;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (!*s || !end || *end != '\0' || errno != 0)
        return false;
    *out = v;
    return true;
}

static json_t *http_body_field(http_req *r, const char *name, bool required, bool *ok)
{
    json_t *v = r->body ? json_object_get(r->body, name) : NULL;
    *ok = true;
    if (v == NULL || json_is_null(v)) {
        if (required) {
            http_invalid_add(r, "field_missing", name, "Het veld '%s' ontbreekt.", name);
            *ok = false;
        }
        return NULL;
    }
    return v;
}

bool http_body_str(http_req *r, const char *name, bool required, size_t max, const char **out)
{
    bool ok;
    json_t *v = http_body_field(r, name, required, &ok);
    if (!v)
        return ok;
    if (!json_is_string(v)) {
        http_invalid_add(r, "field_type", name, "Het veld '%s' moet tekst zijn.", name);
        return false;
    }
    if (max > 0 && json_string_length(v) >= max) {
        http_invalid_add(r, "field_too_long", name,
                         "Het veld '%s' is te lang: hoogstens %zu tekens.", name, max - 1);
        return false;
    }
    if (strlen(json_string_value(v)) != json_string_length(v)) {
        http_invalid_add(r, "field_type", name, "Het veld '%s' bevat een ongeldig teken (NUL).",
                         name);
        return false;
    }
    *out = json_string_value(v);
    return true;
}

bool http_body_int(http_req *r, const char *name, bool required, int64_t lo, int64_t hi,
                   int64_t *out)
{
    bool ok;
    json_t *v = http_body_field(r, name, required, &ok);
    if (!v)
        return ok;
    int64_t n = 0;
    bool good = false;
    if (json_is_integer(v)) {
        n = json_integer_value(v);
        good = true;
    } else if (json_is_string(v)) { /* "12" as well as 12 */
        good = http_parse_i64(json_string_value(v), &n);
    }
    if (!good || n < lo || n > hi) {
        http_invalid_add(r, "field_type", name,
                         "Het veld '%s' moet een geheel getal van %" PRId64 " tot %" PRId64
                         " zijn.",
                         name, lo, hi);
        return false;
    }
    *out = n;
    return true;
}

bool http_body_date(http_req *r, const char *name, bool required, jr_date *out)
{
    bool ok;
    json_t *v = http_body_field(r, name, required, &ok);
    if (!v)
        return ok;
    if (!json_is_string(v) || !date_parse(json_string_value(v), out)) {
        http_invalid_add(r, "date_invalid", name, "Het veld '%s' moet een datum zijn (JJJJ-MM-DD).",
                         name);
        return false;
    }
    return true;
}

bool http_body_bool(http_req *r, const char *name, bool required, bool *out)
{
    bool ok;
    json_t *v = http_body_field(r, name, required, &ok);
    if (!v)
        return ok;
    if (!json_is_boolean(v)) {
        http_invalid_add(r, "field_type", name,
                         "Het veld '%s' moet waar of onwaar zijn (true of false).", name);
        return false;
    }
    *out = json_is_true(v);
    return true;
}

/* ---- query arguments and path parameters --------------------------------- */

void http_query_filename(const http_req *r, const char *dflt, char *out, size_t cap)
{
    const char *given = http_query(r, "name");
    size_t n = 0;
    for (const char *p = given ? given : ""; *p && n + 1 < cap && n < 100; p++)
        if (isalnum((unsigned char)*p) || strchr("._-", *p))
            out[n++] = *p;
    out[n] = '\0';
    if (n == 0)
        str_copy(out, cap, dflt);
}

bool http_query_int(http_req *r, const char *name, int64_t lo, int64_t hi, int64_t *out)
{
    const char *s = http_query(r, name);
    if (!s)
        return true;
    int64_t v;
    if (!http_parse_i64(s, &v) || v < lo || v > hi) {
        http_invalid_add(r, "query_invalid", name,
                         "De parameter %s moet een geheel getal van %" PRId64 " tot %" PRId64
                         " zijn.",
                         name, lo, hi);
        return false;
    }
    *out = v;
    return true;
}

bool http_query_month(http_req *r, const char *name, bool required, jr_month *out)
{
    const char *s = http_query(r, name);
    if (!s) {
        if (required)
            http_invalid_add(r, "query_missing", name,
                             "De parameter %s ontbreekt (een maand, JJJJ-MM).", name);
        return !required;
    }
    if (!month_parse(s, out)) {
        http_invalid_add(r, "month_invalid", name, "De parameter %s is geen maand (JJJJ-MM).",
                         name);
        return false;
    }
    return true;
}

bool http_param_int(http_req *r, int i, int64_t *out)
{
    int64_t v;
    if (i < r->nparams && http_parse_i64(r->params[i], &v) && v > 0) {
        *out = v;
        return true;
    }
    http_reply_fail(r, JR_ENOTFOUND, "not_found", "", "Dit adres bestaat niet: %s.", r->path);
    return false;
}

bool http_query_youth(http_req *r, jr_youth *y, const char **bsn)
{
    int64_t id = 0;
    *bsn = NULL;
    if (!http_query_int(r, "youth", 1, INT64_MAX, &id) || id == 0)
        return true;
    jr_error err;
    jr_error_clear(&err);
    jr_status rc = youth_get(&r->ctx, id, y, &err);
    if (rc == JR_ENOTFOUND) {
        *bsn = ""; /* no youth has it: the list is empty, as for an unknown youth */
        return true;
    }
    if (rc != JR_OK) {
        http_reply_error(r, &err);
        return false;
    }
    *bsn = y->bsn;
    return true;
}

/* ---- pages -------------------------------------------------------------- */

bool http_page_begin(http_req *r, http_page *p)
{
    memset(p, 0, sizeof *p);
    p->limit = HTTP_LIST_DEFAULT;
    const char *s = http_query(r, "limit");
    if (s) {
        int64_t v;
        if (!http_parse_i64(s, &v) || v < 1)
            http_invalid_add(r, "query_invalid", "limit",
                             "De parameter limit moet een geheel getal van 1 tot %d zijn.",
                             HTTP_LIST_MAX);
        else
            p->limit = v > HTTP_LIST_MAX ? HTTP_LIST_MAX : v;
    }
    http_query_int(r, "offset", 0, INT64_MAX / 2, &p->offset);
    if (http_input_failed(r))
        return false;
    p->items = json_array();
    if (!p->items) {
        http_reply_fail(r, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
        return false;
    }
    return true;
}

bool http_page_wants(http_page *p)
{
    int64_t i = p->total++;
    return i >= p->offset && i < p->offset + p->limit;
}

void http_page_add(http_page *p, json_t *item)
{
    if (item)
        json_array_append_new(p->items, item);
}

void http_page_reply(http_req *r, http_page *p)
{
    json_t *o = json_pack("{s:o, s:I, s:I, s:I}", "items", p->items, "total", (json_int_t)p->total,
                          "limit", (json_int_t)p->limit, "offset", (json_int_t)p->offset);
    p->items = NULL;
    http_reply_json(r, 200, o);
}

void http_page_finish(http_req *r, http_page *p, jr_status rc, const jr_error *err)
{
    if (rc == JR_OK) {
        http_page_reply(r, p);
        return;
    }
    http_page_free(p);
    http_reply_error(r, err);
}

void http_page_free(http_page *p)
{
    json_decref(p->items);
    p->items = NULL;
}

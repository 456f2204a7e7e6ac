/*
 * reply.c: the answers of handlers (JSON values, errors with their HTTP
 * status, pages of lists) and the typed reading of JSON bodies and query
 * arguments, each refusal answered with a Dutch message naming the field.
 */
#include "http.h"

#include "../core/sbuf.h"

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

json_t *http_error_json(const jr_error *err)
{
    return json_pack("{s:s, s:s, s:s}", "code", err->code, "message", err->message, "field",
                     err->field);
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
        jr_fail(&e, JR_ENOMEM, "internal", "", "Onvoldoende geheugen.");
        http_reply_json(r, 500, http_error_json(&e));
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
        jr_fail(&e, JR_EDB, "internal", "",
                "Er ging iets mis op de server. Probeer het later "
                "opnieuw.");
        http_reply_json(r, 500, http_error_json(&e));
        return;
    }
    http_reply_json(r, status, http_error_json(err));
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
            http_reply_fail(r, JR_EINVAL, "field_missing", name, "Het veld '%s' ontbreekt.", name);
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
        http_reply_fail(r, JR_EINVAL, "field_type", name, "Het veld '%s' moet tekst zijn.", name);
        return false;
    }
    if (max > 0 && json_string_length(v) >= max) {
        http_reply_fail(r, JR_EINVAL, "field_too_long", name,
                        "Het veld '%s' is te lang: hoogstens %zu tekens.", name, max - 1);
        return false;
    }
    if (strlen(json_string_value(v)) != json_string_length(v)) {
        http_reply_fail(r, JR_EINVAL, "field_type", name,
                        "Het veld '%s' bevat een ongeldig teken (NUL).", name);
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
        http_reply_fail(r, JR_EINVAL, "field_type", name,
                        "Het veld '%s' moet een geheel getal van %" PRId64 " tot %" PRId64 " zijn.",
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
        http_reply_fail(r, JR_EINVAL, "date_invalid", name,
                        "Het veld '%s' moet een datum zijn (JJJJ-MM-DD).", name);
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
        http_reply_fail(r, JR_EINVAL, "field_type", name,
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
        http_reply_fail(r, JR_EINVAL, "query_invalid", name,
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
            http_reply_fail(r, JR_EINVAL, "query_missing", name,
                            "De parameter %s ontbreekt (een maand, JJJJ-MM).", name);
        return !required;
    }
    if (!month_parse(s, out)) {
        http_reply_fail(r, JR_EINVAL, "month_invalid", name,
                        "De parameter %s is geen maand (JJJJ-MM).", name);
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

/* ---- pages -------------------------------------------------------------- */

bool http_page_begin(http_req *r, http_page *p)
{
    memset(p, 0, sizeof *p);
    p->limit = HTTP_LIST_DEFAULT;
    const char *s = http_query(r, "limit");
    if (s) {
        int64_t v;
        if (!http_parse_i64(s, &v) || v < 1) {
            http_reply_fail(r, JR_EINVAL, "query_invalid", "limit",
                            "De parameter limit moet een geheel getal van 1 tot %d zijn.",
                            HTTP_LIST_MAX);
            return false;
        }
        p->limit = v > HTTP_LIST_MAX ? HTTP_LIST_MAX : v;
    }
    if (!http_query_int(r, "offset", 0, INT64_MAX / 2, &p->offset))
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

/*
 * http.h: what a handler of the HTTP API gets and gives.
 *
 * The server (server.c) parses the request, finds its route (router.h),
 * checks the session and the CSRF token, reads the body and then calls the
 * route's handler with an http_req whose ctx acts as the logged-in user on a
 * store of its own. The handler calls the services, which hold every rule
 * and every check of role and tenant, and leaves its answer in the request:
 * a status and a JSON value (http_reply_json), or a jr_error
 * (http_reply_error) that becomes a problem (RFC 9457, application/problem+json):
 * {"type", "title", "status", "detail", "instance", "code", "field",
 * "message", and for invalid input "invalidParams": [{"name", "code",
 * "reason"}]}. Refused input is collected field by field (the typed readers
 * below, http_invalid_add) and answered at once (http_input_failed); the
 * fields a service refuses come back together the same way, through the
 * list a handler attaches to its jr_error (jr_error_collect).
 *
 * Ownership: the request owns body, upload and reply; a handler that sets
 * reply hands its reference over. Strings from http_query and params live
 * as long as the request.
 */
#ifndef JR_HTTP_H
#define JR_HTTP_H

#include "../domain/period.h"
#include "../service/auth.h"
#include "../service/youth.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* the version of the API (semantic versioning), in every response's
   API-Version header and in the OpenAPI description */
#define HTTP_API_VERSION "1.0.0"

#define HTTP_MAX_PARAMS 4
#define HTTP_JSON_MAX ((size_t)1 << 20) /* 1 MiB */
#define HTTP_CSV_MAX ((size_t)64 << 20) /* 64 MiB */
#define HTTP_XML_MAX ((size_t)64 << 20) /* 64 MiB */
#define HTTP_LIST_DEFAULT 50
#define HTTP_LIST_MAX 500

typedef enum {
    HTTP_GET = 0,
    HTTP_POST,
    HTTP_PATCH,
    HTTP_PUT,
    HTTP_DELETE,
    HTTP_HEAD,
    HTTP_OTHER,
} http_method;

typedef struct {
    /* what came in */
    http_method method;
    const char *path;
    void *conn;                          /* the libmicrohttpd connection (server.c only) */
    const char *params[HTTP_MAX_PARAMS]; /* the {name} segments of the route, in order */
    int nparams;
    json_t *body;    /* JSON routes: the body, an object ({} when empty) */
    FILE *upload;    /* CSV routes: the body, rewound */
    const char *raw; /* XML routes: the body in memory, NUL-terminated ("" when empty) */
    size_t raw_len;
    char client[64];
    bool secure_cookies;
    jr_user user; /* the session's user (when the route needs one) */
    char token[JR_TOKEN_HEX];
    char csrf[JR_TOKEN_HEX];
    jr_ctx ctx; /* acting as user, on this request's store */
    /* what goes out */
    int status;
    json_t *reply;
    char cookie[256]; /* a Set-Cookie value, when not empty */
    char *reply_raw;  /* a non-JSON answer (malloc'ed, owned by the request), sent instead */
    size_t reply_raw_len;
    char reply_type[96];         /* its Content-Type */
    char reply_disposition[192]; /* its Content-Disposition, when not empty */
    json_t *invalid;             /* the refused input so far: [{name, code, reason}], or NULL */
} http_req;

/* http_reply_json: answers status with value (the reference is taken; NULL
 * after an allocation failure answers 500). */
void http_reply_json(http_req *r, int status, json_t *value);
/* http_reply_raw: answers status with len bytes of data (taken over:
 * malloc'ed) as Content-Type ctype, offered as a download named filename
 * when not NULL. */
void http_reply_raw(http_req *r, int status, const char *ctype, char *data, size_t len,
                    const char *filename);
/* http_reply_error: answers err with the status its jr_status maps to
 * (http_status_of), or 500 with a generic message for internal faults; a
 * 400 names every refusal of err's list in invalidParams. Handlers that
 * call a service checking several fields attach a list first
 * (jr_error_collect). */
void http_reply_error(http_req *r, const jr_error *err);
/* http_reply_fail: as http_reply_error for an error made up here. */
void http_reply_fail(http_req *r, jr_status st, const char *code, const char *field,
                     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* http_status_of: the HTTP status of a service status. */
int http_status_of(jr_status st);
/* http_problem_json: the problem details of err answered as status: type
 * "about:blank", a Dutch title of the status, detail (err's message, also
 * kept as "message"), instance (the path, when not NULL or empty), code and
 * field (the first refusal); invalidParams: invalid (not taken); when NULL
 * on a 400 naming a field, every refusal in err's list (jr_error_collect)
 * that names one, in its order, else err's field alone. A new reference. */
json_t *http_problem_json(int status, const jr_error *err, const char *instance, json_t *invalid);
/* http_invalid_param: one entry of invalidParams (a new reference). */
json_t *http_invalid_param(const char *name, const char *code, const char *reason);
/* http_invalid_add: collects a refusal of input field (name of the body
 * field or query argument) with code and a Dutch message; nothing is
 * answered yet. */
void http_invalid_add(http_req *r, const char *code, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* http_input_failed: after reading the input: when refusals were collected,
 * answers them all as one 400 problem (the first also as code, field and
 * detail) and is true; true as well when an answer was already given (a
 * 404 of a path parameter); false when the handler can go on. */
bool http_input_failed(http_req *r);

/* http_query: the value of query argument name, or NULL when absent or
 * empty. */
const char *http_query(const http_req *r, const char *name);
/* http_query_filename: the file name the client gave (?name=), kept to
 * plain characters (letters, digits, "._-"; at most 100), for messages and
 * downloads; dflt when none is left. */
void http_query_filename(const http_req *r, const char *dflt, char *out, size_t cap);

/* Typed access to the JSON body. Each returns false after collecting a
 * refusal naming the field (http_invalid_add); the handler reads all its
 * fields, then returns when http_input_failed. A missing optional field
 * leaves *out as it was (as does a refused one). http_body_str refuses text of max bytes or more
 * (0: no limit), so that it fits a buffer of max bytes. */
bool http_body_str(http_req *r, const char *name, bool required, size_t max, const char **out);
bool http_body_int(http_req *r, const char *name, bool required, int64_t lo, int64_t hi,
                   int64_t *out);
bool http_body_date(http_req *r, const char *name, bool required, jr_date *out);
bool http_body_bool(http_req *r, const char *name, bool required, bool *out);
/* http_query_int / http_query_month: the same for query arguments. */
bool http_query_int(http_req *r, const char *name, int64_t lo, int64_t hi, int64_t *out);
bool http_query_month(http_req *r, const char *name, bool required, jr_month *out);
/* http_query_youth: the filter ?youth= (a youth's internal id): *bsn is
 * NULL when absent, the youth's BSN (in y) when the reader sees it, and ""
 * (no youth's) when not; a malformed id is collected as refused input.
 * False after answering another failure (a role that may not read
 * youths). */
bool http_query_youth(http_req *r, jr_youth *y, const char **bsn);
/* http_param_int: path parameter i as a positive id (else answers 404). */
bool http_param_int(http_req *r, int i, int64_t *out);

/* A page of a list: ?limit= (default 50, at most 500) and ?offset=. The
 * list functions call http_page_add for every row; rows inside the page
 * are kept, the others only counted. */
typedef struct {
    int64_t limit, offset, total;
    json_t *items;
} http_page;

/* HTTP_PAGE_ROW: defines a jr_row_fn `name` that adds the rows (of type
 * `type`) inside the page as render(row) to the http_page passed as ud. */
#define HTTP_PAGE_ROW(name, type, render)                                                          \
    static int name(void *ud, const void *row)                                                     \
    {                                                                                              \
        http_page *p_ = ud;                                                                        \
        if (http_page_wants(p_))                                                                   \
            http_page_add(p_, render((const type *)row));                                          \
        return 0;                                                                                  \
    }

/* http_figures_query: reads ?period= (required: JJJJ, JJJJ-MM, JJJJ-Qn or
 * JJJJ-Hn), ?gemeente= (optional, NULL: the region) and, when agb is not
 * NULL, ?aanbieder= (optional, NULL: every provider; the service checks
 * the AGB code), as every figure route asks them; a route without a
 * provider filter passes agb NULL and the parameter is not read. false
 * after answering 400. */
bool http_figures_query(http_req *r, jr_period *period, const char **gemeente, const char **agb);

/* http_page_begin: reads limit and offset; false after answering the
 * refusals collected so far (these and the handler's, see
 * http_input_failed). Read the other query arguments before it. */
bool http_page_begin(http_req *r, http_page *p);
/* http_page_wants: is the next row inside the page? Counts it either way. */
bool http_page_wants(http_page *p);
/* http_page_add: appends item (taking the reference). */
void http_page_add(http_page *p, json_t *item);
/* http_page_reply: answers 200 with {"items", "total", "limit", "offset"}. */
void http_page_reply(http_req *r, http_page *p);
/* http_page_finish: answers the page when rc is JR_OK, else err; frees. */
void http_page_finish(http_req *r, http_page *p, jr_status rc, const jr_error *err);
/* http_page_free: releases the items of a page that was not answered. */
void http_page_free(http_page *p);

#endif

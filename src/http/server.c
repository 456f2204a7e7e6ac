/*
 * server.c: the HTTP server (see server.h): libmicrohttpd's access handler
 * that routes each request, checks the session cookie and the CSRF header,
 * reads the body within its limit, runs the route's handler on a borrowed
 * store and sends the answer with the security headers; and the static
 * files of the web UI.
 *
 * A request goes through the access handler several times: the first call
 * (headers only) finds the route and checks the session, so that a body is
 * never read for a request that will be refused; the calls with body data
 * collect it (JSON in memory, CSV in a temporary file); the last call runs
 * the handler.
 */
#include "server.h"

#include "http.h"
#include "router.h"
#include "static.h"

#include "../core/sbuf.h"
#include "../store/store.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define SERVER_CSP                                                                                 \
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "              \
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
#define SERVER_COOKIE "jr_session"
#define SERVER_VENDOR_PREFIX "/vendor/bootstrap/"
#define SERVER_CHART_PREFIX "/vendor/chart/"
/* the old /api paths are deprecated since the release of /api/v1
   (2026-12-03T00:00:00Z, as RFC 9745's structured date) */
#define SERVER_DEPRECATED_SINCE "@1796256000"

struct http_server {
    struct MHD_Daemon *daemon;
    const jr_catalog *cat;
    char db_path[PATH_MAX];
    char web_root[PATH_MAX];    /* realpath, "" when absent */
    char vendor_root[PATH_MAX]; /* realpath, "" when absent */
    char vendor_link[PATH_MAX]; /* the tree its files link into (Debian), "" when none */
    char chart_root[PATH_MAX];  /* Chart.js: realpath, "" when absent */
    bool secure_cookies;
    uint16_t port;
    /* the store pool: nstores handles, nidle of them in idle */
    pthread_mutex_t pool_lock;
    pthread_cond_t pool_cond;
    jr_store **stores;
    jr_store **idle;
    int nstores, nidle;
    /* writers run one at a time */
    pthread_mutex_t write_lock;
    atomic_int active; /* requests between their first call and completion */
};

/* The state of one request, from its first call to its completion. */
typedef struct {
    http_server *srv;
    router_result match;
    http_req req;
    char path[ROUTER_PATH_MAX];
    bool answered; /* a response was queued */
    bool checked;  /* route, session and CSRF passed */
    bool is_api;
    size_t limit, received;
    bool too_large;
    sbuf body;
    FILE *upload;
} server_conn;

/* ---- the store pool ----------------------------------------------------- */

static jr_store *server_store_take(http_server *s)
{
    pthread_mutex_lock(&s->pool_lock);
    while (s->nidle == 0)
        pthread_cond_wait(&s->pool_cond, &s->pool_lock);
    jr_store *st = s->idle[--s->nidle];
    pthread_mutex_unlock(&s->pool_lock);
    return st;
}

static void server_store_give(http_server *s, jr_store *st)
{
    pthread_mutex_lock(&s->pool_lock);
    s->idle[s->nidle++] = st;
    pthread_cond_signal(&s->pool_cond);
    pthread_mutex_unlock(&s->pool_lock);
}

/* ---- responses ---------------------------------------------------------- */

/* server_add_security_headers: the headers of every response: the security
 * headers of docs/api.md and the API's version (API Design Rules,
 * API-57). */
static void server_add_security_headers(struct MHD_Response *resp)
{
    MHD_add_response_header(resp, "API-Version", HTTP_API_VERSION);
    MHD_add_response_header(resp, "Content-Security-Policy", SERVER_CSP);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Cross-Origin-Opener-Policy", "same-origin");
}

/* server_add_deprecation: on an answer to an old /api path, the headers
 * that say it is deprecated (RFC 9745) and where its successor is. */
static void server_add_deprecation(server_conn *c, struct MHD_Response *resp)
{
    if (!c->match.legacy)
        return;
    char link[ROUTER_PATH_MAX + 64];
    snprintf(link, sizeof link, "<%s%s>; rel=\"successor-version\"", ROUTER_V1, c->path + 4);
    MHD_add_response_header(resp, "Deprecation", SERVER_DEPRECATED_SINCE);
    MHD_add_response_header(resp, "Link", link);
}

/* server_send_raw: queues the non-JSON answer of req (reply_raw), whose
 * buffer the response takes over. */
static enum MHD_Result server_send_raw(server_conn *c, struct MHD_Connection *conn)
{
    http_req *r = &c->req;
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(r->reply_raw_len, r->reply_raw, MHD_RESPMEM_MUST_FREE);
    if (!resp)
        return MHD_NO;
    r->reply_raw = NULL;
    server_add_security_headers(resp);
    server_add_deprecation(c, resp);
    MHD_add_response_header(resp, "Content-Type", r->reply_type);
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    if (r->reply_disposition[0])
        MHD_add_response_header(resp, "Content-Disposition", r->reply_disposition);
    enum MHD_Result ok = MHD_queue_response(conn, (unsigned)(r->status ? r->status : 500), resp);
    MHD_destroy_response(resp);
    c->answered = true;
    return ok;
}

/* server_send_json: queues the answer of req (status and JSON reply, or
 * its non-JSON reply_raw). */
static enum MHD_Result server_send_json(server_conn *c, struct MHD_Connection *conn)
{
    http_req *r = &c->req;
    if (r->reply_raw && !r->reply)
        return server_send_raw(c, conn);
    char *text = NULL;
    if (r->reply)
        text = json_dumps(r->reply, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
    if (!text) {
        r->status = 500;
        static const char fallback[] =
            "{\"type\":\"about:blank\",\"title\":\"Interne fout\",\"status\":500,"
            "\"detail\":\"Er ging iets mis op de server.\",\"code\":\"internal\",\"field\":\"\","
            "\"message\":\"Er ging iets mis op de server.\"}";
        text = strdup(fallback);
        if (!text)
            return MHD_NO;
    }
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(strlen(text), text, MHD_RESPMEM_MUST_FREE);
    if (!resp) {
        free(text);
        return MHD_NO;
    }
    server_add_security_headers(resp);
    server_add_deprecation(c, resp);
    MHD_add_response_header(resp, "Content-Type",
                            r->status >= 400 ? "application/problem+json; charset=utf-8"
                                             : "application/json; charset=utf-8");
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    if (r->cookie[0])
        MHD_add_response_header(resp, "Set-Cookie", r->cookie);
    enum MHD_Result ok = MHD_queue_response(conn, (unsigned)(r->status ? r->status : 500), resp);
    MHD_destroy_response(resp);
    c->answered = true;
    return ok;
}

/* server_refuse: answers an error made here (before any handler ran). */
static enum MHD_Result server_refuse(server_conn *c, struct MHD_Connection *conn, int status,
                                     const char *code, const char *field, const char *message)
{
    jr_error e;
    jr_error_clear(&e);
    str_copy(e.code, sizeof e.code, code);
    str_copy(e.field, sizeof e.field, field);
    str_copy(e.message, sizeof e.message, message);
    http_reply_json(&c->req, status, http_problem_json(status, &e, c->path, NULL));
    return server_send_json(c, conn);
}

static enum MHD_Result server_send_text(server_conn *c, struct MHD_Connection *conn, int status,
                                        const char *text)
{
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(strlen(text), (void *)text, MHD_RESPMEM_PERSISTENT);
    if (!resp)
        return MHD_NO;
    server_add_security_headers(resp);
    MHD_add_response_header(resp, "Content-Type", "text/plain; charset=utf-8");
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    enum MHD_Result ok = MHD_queue_response(conn, (unsigned)status, resp);
    MHD_destroy_response(resp);
    c->answered = true;
    return ok;
}

/* ---- static files ------------------------------------------------------- */

static enum MHD_Result server_static(server_conn *c, struct MHD_Connection *conn, const char *url,
                                     http_method m)
{
    http_server *s = c->srv;
    if (m != HTTP_GET && m != HTTP_HEAD)
        return server_send_text(c, conn, 405, "405 Deze methode kan hier niet.\n");
    const char *root = s->web_root, *also = NULL, *rel = url;
    if (strncmp(url, SERVER_VENDOR_PREFIX, strlen(SERVER_VENDOR_PREFIX)) == 0) {
        root = s->vendor_root;
        also = s->vendor_link;
        rel = url + strlen(SERVER_VENDOR_PREFIX);
    } else if (strncmp(url, SERVER_CHART_PREFIX, strlen(SERVER_CHART_PREFIX)) == 0) {
        root = s->chart_root;
        rel = url + strlen(SERVER_CHART_PREFIX);
    }
    int fd = -1;
    uint64_t size = 0;
    const char *ctype = NULL;
    int status = root[0] ? static_open(root, also, rel, &fd, &size, &ctype) : 404;
    if (status != 200)
        return server_send_text(c, conn, 404, "404 Niet gevonden.\n");
    struct MHD_Response *resp = MHD_create_response_from_fd64(size, fd);
    if (!resp) {
        close(fd);
        return MHD_NO;
    }
    server_add_security_headers(resp);
    MHD_add_response_header(resp, "Content-Type", ctype);
    MHD_add_response_header(resp, "Cache-Control", "no-cache");
    enum MHD_Result ok = MHD_queue_response(conn, MHD_HTTP_OK, resp);
    MHD_destroy_response(resp);
    c->answered = true;
    return ok;
}

/* ---- the API ------------------------------------------------------------ */

static void server_client_address(struct MHD_Connection *conn, char *out, size_t cap)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    str_copy(out, cap, "-");
    if (!ci || !ci->client_addr)
        return;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
                  (socklen_t)cap);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out,
                  (socklen_t)cap);
}

const char *http_query(const http_req *r, const char *name)
{
    const char *v =
        MHD_lookup_connection_value((struct MHD_Connection *)r->conn, MHD_GET_ARGUMENT_KIND, name);
    return v && *v ? v : NULL;
}

/* server_base_ctx: a ctx on store for the request's user, or for nobody
 * (the least role) on a public route. */
static jr_ctx server_base_ctx(server_conn *c, jr_store *st)
{
    jr_ctx base;
    memset(&base, 0, sizeof base);
    base.store = st;
    base.cat = c->srv->cat;
    base.today = svc_today();
    if (c->req.user.name[0])
        return auth_ctx(&base, &c->req.user);
    base.actor = "web";
    base.who.role = JR_ROLE_LEZER;
    return base;
}

/* server_check_session: the first call's checks of cookie and CSRF
 * header; false after answering. */
static bool server_check_session(server_conn *c, struct MHD_Connection *conn, http_method m,
                                 enum MHD_Result *ret)
{
    http_req *r = &c->req;
    const char *token = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, SERVER_COOKIE);
    if (token && strlen(token) < sizeof r->token)
        str_copy(r->token, sizeof r->token, token);
    if (c->match.route->flags & HTTP_ROUTE_PUBLIC)
        return true;
    jr_store *st = server_store_take(c->srv);
    jr_ctx ctx = server_base_ctx(c, st);
    jr_error err;
    jr_error_clear(&err);
    jr_user u;
    jr_status rc = auth_session(&ctx, r->token, &u, r->csrf, &err);
    server_store_give(c->srv, st);
    if (rc != JR_OK) {
        http_reply_error(r, &err);
        *ret = server_send_json(c, conn);
        return false;
    }
    r->user = u;
    if (m != HTTP_GET && m != HTTP_HEAD) {
        const char *h = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-CSRF-Token");
        size_t n = strlen(r->csrf);
        if (!h || strlen(h) != n || n == 0 || sodium_memcmp(h, r->csrf, n) != 0) {
            *ret = server_refuse(c, conn, 403, "csrf", "X-CSRF-Token",
                                 "Het beveiligingstoken (CSRF) ontbreekt of klopt niet. Laad de "
                                 "pagina opnieuw en probeer het nog eens.");
            return false;
        }
    }
    return true;
}

/* server_first_call: route, session, CSRF and the body's announced size;
 * false after answering. */
static bool server_first_call(server_conn *c, struct MHD_Connection *conn, const char *url,
                              enum MHD_Result *ret)
{
    http_req *r = &c->req;
    http_method m = r->method;
    if (strlen(url) >= sizeof c->path) {
        *ret = server_refuse(c, conn, 404, "not_found", "", "Dit adres bestaat niet.");
        return false;
    }
    if (!router_match(m, c->path, &c->match)) {
        if (c->match.path_known)
            *ret = server_refuse(c, conn, 405, "method_not_allowed", "",
                                 "Deze methode kan niet op dit adres.");
        else
            *ret = server_refuse(c, conn, 404, "not_found", "", "Dit adres bestaat niet.");
        return false;
    }
    memcpy(r->params, c->match.params, sizeof r->params);
    r->nparams = c->match.nparams;
    if (MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "bsn")) {
        *ret = server_refuse(c, conn, 400, "bsn_in_url", "bsn",
                             "Een BSN hoort niet in een adres. Zoek de jeugdige met POST "
                             "/api/v1/youths/search (het BSN in de aanvraag) en gebruik het id.");
        return false;
    }
    if (!server_check_session(c, conn, m, ret))
        return false;
    c->checked = true;
    if (!router_has_body(m))
        return true;
    bool csv = c->match.route->flags & HTTP_ROUTE_CSV;
    bool xml = c->match.route->flags & HTTP_ROUTE_XML;
    c->limit = csv ? HTTP_CSV_MAX : xml ? HTTP_XML_MAX : HTTP_JSON_MAX;
    const char *len = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
    if (len && strtoull(len, NULL, 10) > c->limit) {
        *ret = server_refuse(c, conn, 413, "body_too_large", "",
                             csv || xml ? "Het bestand is te groot: hoogstens 64 MiB."
                                        : "De aanvraag is te groot: hoogstens 1 MiB.");
        return false;
    }
    if (xml) {
        const char *ct = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
        if (!ct ||
            (strncasecmp(ct, "application/xml", 15) != 0 && strncasecmp(ct, "text/xml", 8) != 0)) {
            *ret = server_refuse(c, conn, 400, "content_type", "Content-Type",
                                 "Stuur het iJw-bericht als XML (Content-Type: application/xml).");
            return false;
        }
    }
    if (csv) {
        const char *ct = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
        if (!ct || strncasecmp(ct, "text/csv", 8) != 0) {
            *ret = server_refuse(c, conn, 400, "content_type", "Content-Type",
                                 "Stuur het declaratiebestand als CSV (Content-Type: text/csv).");
            return false;
        }
        c->upload = tmpfile();
        if (!c->upload) {
            *ret = server_refuse(c, conn, 500, "internal", "",
                                 "Er ging iets mis op de server. Probeer het later opnieuw.");
            return false;
        }
    }
    return true;
}

/* server_body_ready: the body as the handler wants it; false after answering. */
static bool server_body_ready(server_conn *c, struct MHD_Connection *conn, enum MHD_Result *ret)
{
    http_req *r = &c->req;
    bool xml = c->match.route->flags & HTTP_ROUTE_XML;
    if (c->too_large) {
        *ret = server_refuse(c, conn, 413, "body_too_large", "",
                             c->upload || xml ? "Het bestand is te groot: hoogstens 64 MiB."
                                              : "De aanvraag is te groot: hoogstens 1 MiB.");
        return false;
    }
    if (xml) {
        r->raw = c->body.len ? sbuf_cstr(&c->body) : "";
        r->raw_len = c->body.len;
        return true;
    }
    if (c->upload) {
        if (fflush(c->upload) != 0 || fseek(c->upload, 0, SEEK_SET) != 0) {
            *ret = server_refuse(c, conn, 500, "internal", "",
                                 "Er ging iets mis op de server. Probeer het later opnieuw.");
            return false;
        }
        r->upload = c->upload;
        return true;
    }
    if (!router_has_body(r->method))
        return true;
    if (c->body.len == 0) {
        r->body = json_object();
    } else {
        json_error_t je;
        r->body = json_loadb(c->body.data, c->body.len, JSON_REJECT_DUPLICATES, &je);
        if (!r->body || !json_is_object(r->body)) {
            char msg[400];
            if (r->body)
                snprintf(msg, sizeof msg, "De aanvraag moet een JSON-object zijn.");
            else
                snprintf(msg, sizeof msg,
                         "De aanvraag is geen geldige JSON (regel %d, teken %d): %s", je.line,
                         je.column, je.text);
            *ret = server_refuse(c, conn, 400, "json_invalid", "", msg);
            return false;
        }
    }
    if (!r->body) {
        *ret = server_refuse(c, conn, 500, "internal", "", "Onvoldoende geheugen.");
        return false;
    }
    return true;
}

/* server_run: runs the handler on a borrowed store. A writer holds the
 * write lock and a write transaction (store_begin_write) around the
 * handler (the services nest their savepoints inside), so that a handler
 * calling several services is all or nothing: an answer of 400 or more
 * rolls the whole request back. The login keeps its own transactions (its
 * failed attempts must count), outside the lock. */
static void server_run(server_conn *c)
{
    http_req *r = &c->req;
    http_server *s = c->srv;
    bool writer = r->method != HTTP_GET && r->method != HTTP_HEAD;
    writer = writer || (c->match.route->flags & HTTP_ROUTE_WRITES);
    writer = writer && !(c->match.route->flags & HTTP_ROUTE_OWN_TX);
    jr_store *st = server_store_take(s);
    r->ctx = server_base_ctx(c, st);
    jr_error err;
    jr_error_clear(&err);
    if (writer) {
        pthread_mutex_lock(&s->write_lock);
        if (store_begin_write(st, &err) != JR_OK)
            goto fail;
    }
    c->match.route->fn(r);
    if (!http_input_failed(r))
        http_reply_fail(r, JR_EDB, "internal", "", "Geen antwoord van de afhandeling.");
    if (writer && r->status >= 400) {
        store_rollback(st);
    } else if (writer && store_commit(st, &err) != JR_OK) {
        store_rollback(st);
        goto fail;
    }
    if (writer)
        pthread_mutex_unlock(&s->write_lock);
    server_store_give(s, st);
    return;
fail:
    if (writer)
        pthread_mutex_unlock(&s->write_lock);
    server_store_give(s, st);
    http_reply_error(r, &err);
}

static enum MHD_Result server_access(void *cls, struct MHD_Connection *conn, const char *url,
                                     const char *method, const char *version,
                                     const char *upload_data, size_t *upload_data_size,
                                     void **con_cls)
{
    (void)version;
    http_server *s = cls;
    server_conn *c = *con_cls;
    enum MHD_Result ret = MHD_YES;
    if (c == NULL) {
        c = calloc(1, sizeof *c);
        if (!c)
            return MHD_NO;
        *con_cls = c;
        atomic_fetch_add(&s->active, 1);
        c->srv = s;
        http_method m = router_method_parse(method);
        str_copy(c->path, sizeof c->path, url);
        c->req.method = m;
        c->req.path = c->path;
        c->req.conn = conn;
        c->req.secure_cookies = s->secure_cookies;
        server_client_address(conn, c->req.client, sizeof c->req.client);
        c->is_api = strcmp(url, "/api") == 0 || strncmp(url, "/api/", 5) == 0;
        /* without a body everything waits for the last call (the connection
           stays open for the next request); with one, refuse before it is read */
        if (!c->is_api || !router_has_body(m))
            return MHD_YES;
        if (!server_first_call(c, conn, url, &ret))
            return ret;
        return MHD_YES;
    }
    if (*upload_data_size > 0) {
        size_t n = *upload_data_size;
        *upload_data_size = 0;
        if (c->answered || c->too_large)
            return MHD_YES;
        if (c->received + n > c->limit) {
            c->too_large = true;
            return MHD_YES;
        }
        c->received += n;
        int bad = c->upload ? fwrite(upload_data, 1, n, c->upload) != n
                            : sbuf_append(&c->body, upload_data, n) != 0;
        if (bad)
            c->too_large = true;
        return MHD_YES;
    }
    if (c->answered)
        return MHD_YES;
    if (!c->is_api)
        return server_static(c, conn, url, c->req.method);
    if (!c->checked && !server_first_call(c, conn, url, &ret))
        return ret;
    if (!server_body_ready(c, conn, &ret))
        return ret;
    server_run(c);
    return server_send_json(c, conn);
}

static void server_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                             enum MHD_RequestTerminationCode toe)
{
    (void)conn;
    (void)toe;
    http_server *s = cls;
    server_conn *c = *con_cls;
    if (!c)
        return;
    json_decref(c->req.body);
    json_decref(c->req.reply);
    json_decref(c->req.invalid);
    free(c->req.reply_raw);
    sbuf_free(&c->body);
    if (c->upload)
        fclose(c->upload);
    sodium_memzero(c->req.token, sizeof c->req.token);
    free(c);
    *con_cls = NULL;
    atomic_fetch_sub(&s->active, 1);
}

/* ---- start and stop ----------------------------------------------------- */

static void server_free(http_server *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->nstores; i++)
        store_close(s->stores[i]);
    free(s->stores);
    free(s->idle);
    pthread_mutex_destroy(&s->pool_lock);
    pthread_cond_destroy(&s->pool_cond);
    pthread_mutex_destroy(&s->write_lock);
    free(s);
}

static int server_threads(int asked)
{
    if (asked > 0)
        return asked > 64 ? 64 : asked;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 2 ? 2 : n > 16 ? 16 : (int)n;
}

jr_status http_server_start(const http_server_opts *o, http_server **out, jr_error *err)
{
    *out = NULL;
    jr_status rc = JR_OK;
    if (sodium_init() < 0)
        return jr_fail(err, JR_ENOMEM, "crypto", "", "libsodium kon niet starten.");
    json_object_seed(0); /* jansson's hash seed, once, before the workers start */
    http_server *s = calloc(1, sizeof *s);
    if (!s)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    pthread_mutex_init(&s->pool_lock, NULL);
    pthread_cond_init(&s->pool_cond, NULL);
    pthread_mutex_init(&s->write_lock, NULL);
    atomic_init(&s->active, 0);
    s->cat = o->cat;
    s->secure_cookies = o->secure_cookies;
    str_copy(s->db_path, sizeof s->db_path, o->db_path);
    if (o->web_dir && !realpath(o->web_dir, s->web_root))
        s->web_root[0] = '\0';
    if (o->vendor_dir && !realpath(o->vendor_dir, s->vendor_root))
        s->vendor_root[0] = '\0';
    if (s->vendor_root[0])
        static_link_root(s->vendor_root, "css/bootstrap.min.css", 2, s->vendor_link);
    if (o->chart_dir && !realpath(o->chart_dir, s->chart_root))
        s->chart_root[0] = '\0';
    int threads = server_threads(o->threads);
    s->stores = calloc((size_t)threads, sizeof *s->stores);
    s->idle = calloc((size_t)threads, sizeof *s->idle);
    if (!s->stores || !s->idle) {
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
        goto fail;
    }
    for (int i = 0; i < threads; i++) {
        if ((rc = store_open(s->db_path, &s->stores[i], err)) != JR_OK)
            goto fail;
        s->nstores++;
        s->idle[s->nidle++] = s->stores[i];
    }
    struct sockaddr_in a4;
    struct sockaddr_in6 a6;
    memset(&a4, 0, sizeof a4);
    memset(&a6, 0, sizeof a6);
    const char *bind = o->bind && *o->bind ? o->bind : "127.0.0.1";
    const struct sockaddr *sa;
    unsigned flags =
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ITC | MHD_USE_ERROR_LOG;
    if (inet_pton(AF_INET, bind, &a4.sin_addr) == 1) {
        a4.sin_family = AF_INET;
        a4.sin_port = htons(o->port);
        sa = (const struct sockaddr *)&a4;
    } else if (inet_pton(AF_INET6, bind, &a6.sin6_addr) == 1) {
        a6.sin6_family = AF_INET6;
        a6.sin6_port = htons(o->port);
        sa = (const struct sockaddr *)&a6;
        flags |= MHD_USE_IPv6;
    } else {
        rc = jr_fail(err, JR_EINVAL, "bind_invalid", "bind",
                     "'%s' is geen IP-adres (bijvoorbeeld 127.0.0.1 of ::1).", bind);
        goto fail;
    }
    s->daemon = MHD_start_daemon(flags, o->port, NULL, NULL, server_access, s, MHD_OPTION_SOCK_ADDR,
                                 sa, MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
                                 MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
                                 MHD_OPTION_CONNECTION_LIMIT, (unsigned)512,
                                 MHD_OPTION_NOTIFY_COMPLETED, server_completed, s, MHD_OPTION_END);
    if (!s->daemon) {
        rc = jr_fail(err, JR_EIO, "listen_failed", "port",
                     "Kan niet luisteren op %s poort %u (%s): is de poort al in gebruik?", bind,
                     (unsigned)o->port, strerror(errno));
        goto fail;
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = di ? di->port : o->port;
    *out = s;
    return JR_OK;
fail:
    server_free(s);
    return rc;
}

uint16_t http_server_port(const http_server *s)
{
    return s->port;
}

void http_server_stop(http_server *s, int grace_ms)
{
    if (!s)
        return;
    MHD_socket lsock = MHD_quiesce_daemon(s->daemon);
    struct timespec tick = {0, 20 * 1000 * 1000};
    for (int waited = 0; atomic_load(&s->active) > 0 && waited < grace_ms; waited += 20)
        nanosleep(&tick, NULL);
    MHD_stop_daemon(s->daemon);
    if (lsock != MHD_INVALID_SOCKET)
        close(lsock);
    server_free(s);
}

/*
 * router.h: the route table of the HTTP API and its matching.
 *
 * Every route is declared in a "ROUTE:" comment right above its handler in
 * a src/http file (see tools/mkroutes.awk for the form, for example
 * "ROUTE: GET /api/v1/youths/{id} WRITES"); the build generates the table
 * router_routes from them, so a handler and its route are written in one
 * place. A pattern is a path whose segments are literal or a {name}
 * parameter; literal segments win over a parameter at the same place.
 *
 * The API lives under /api/v1. For one release every route also answers
 * under its old path (/api/... without v1: the same handler), marked
 * deprecated in the answer (router_result.legacy), except the routes new in
 * v1 (flag V1ONLY). The whole table can be walked (router_route_count /
 * router_route_at), which is how openapi.c's description and the tests
 * check each other.
 */
#ifndef JR_ROUTER_H
#define JR_ROUTER_H

#include "http.h"

#define ROUTER_V1 "/api/v1"

typedef void (*http_handler_fn)(http_req *r);

enum {
    HTTP_ROUTE_PUBLIC = 1u << 0, /* no session needed (the login) */
    HTTP_ROUTE_CSV = 1u << 1,    /* the body is a CSV file, not JSON */
    HTTP_ROUTE_WRITES = 1u << 2, /* a GET that writes (an audited view): run as a writer */
    HTTP_ROUTE_OWN_TX = 1u << 3, /* the service keeps its own transactions (the login, whose
                                    Argon2id check must not hold the write lock) */
    HTTP_ROUTE_XML = 1u << 4,    /* the body is an XML message (application/xml or text/xml,
                                    at most 64 MiB), kept in memory as raw */
    HTTP_ROUTE_V1ONLY = 1u << 5, /* new in v1: no deprecated alias under the old /api path */
};

typedef struct {
    http_method method;
    const char *pattern;
    http_handler_fn fn;
    unsigned flags;
} http_route;

/* The table generated from the ROUTE comments (routes.c, built by
 * tools/mkroutes.awk), ended by an entry with a NULL pattern. */
extern const http_route router_routes[];
extern const int router_nroutes;

#define ROUTER_PATH_MAX 512

/* What router_match found: the route, its parameters (pointing into buf). */
typedef struct {
    const http_route *route;
    const char *params[HTTP_MAX_PARAMS];
    int nparams;
    bool path_known; /* some route has this path (for 405 instead of 404) */
    bool legacy;     /* asked under the old path (/api/... without v1): deprecated */
    char buf[ROUTER_PATH_MAX];
} router_result;

/* router_match: the route for method and path (under /api/v1, or an old
 * /api path of a route that keeps one: then res->legacy); false when none
 * (then res->path_known tells 404 from 405). */
bool router_match(http_method method, const char *path, router_result *res);

/* router_route_count / router_route_at: the routes of the table, in the
 * order they are declared; router_route_at is NULL past the end. */
int router_route_count(void);
const http_route *router_route_at(int i);
/* router_find: the route declared with exactly this method and pattern,
 * or NULL. */
const http_route *router_find(http_method method, const char *pattern);

/* router_method_name / router_method_parse: "GET" and the like for a
 * method and back (HTTP_OTHER for any other text). */
const char *router_method_name(http_method m);
http_method router_method_parse(const char *s);

/* router_has_body: does a request with this method carry a body? */
bool router_has_body(http_method m);

#endif

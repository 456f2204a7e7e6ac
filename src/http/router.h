/*
 * router.h: the route table of the HTTP API.
 *
 * Each resource file (res_*.c) exports a table of its routes, ended by an
 * entry with a NULL pattern; router.c joins them. A pattern is a path whose
 * segments are literal or a {name} parameter; literal segments win over a
 * parameter at the same place. The whole table can be walked
 * (router_route_count / router_route_at), which is how openapi.c's
 * description and the tests check each other.
 */
#ifndef JR_ROUTER_H
#define JR_ROUTER_H

#include "http.h"

typedef void (*http_handler_fn)(http_req *r);

enum {
    HTTP_ROUTE_PUBLIC = 1u << 0, /* no session needed (the login) */
    HTTP_ROUTE_CSV = 1u << 1,    /* the body is a CSV file, not JSON */
    HTTP_ROUTE_WRITES = 1u << 2, /* a GET that writes (an audited view): run as a writer */
    HTTP_ROUTE_OWN_TX = 1u << 3, /* the service keeps its own transactions (the login, whose
                                    Argon2id check must not hold the write lock) */
    HTTP_ROUTE_XML = 1u << 4,    /* the body is an XML message (application/xml or text/xml,
                                    at most 64 MiB), kept in memory as raw */
};

typedef struct {
    http_method method;
    const char *pattern;
    http_handler_fn fn;
    unsigned flags;
} http_route;

/* The tables of the resource files. */
extern const http_route res_session_routes[];
extern const http_route res_catalog_routes[];
extern const http_route res_providers_routes[];
extern const http_route res_youths_routes[];
extern const http_route res_referrals_routes[];
extern const http_route res_quotes_routes[];
extern const http_route res_assignments_routes[];
extern const http_route res_declarations_routes[];
extern const http_route res_settlements_routes[];
extern const http_route res_users_routes[];
extern const http_route res_audit_routes[];
extern const http_route res_worklist_routes[];
extern const http_route res_ijw_routes[];
extern const http_route res_openapi_routes[];

#define ROUTER_PATH_MAX 512

/* What router_match found: the route, its parameters (pointing into buf). */
typedef struct {
    const http_route *route;
    const char *params[HTTP_MAX_PARAMS];
    int nparams;
    bool path_known; /* some route has this path (for 405 instead of 404) */
    char buf[ROUTER_PATH_MAX];
} router_result;

/* router_match: the route for method and path; false when none (then
 * res->path_known tells 404 from 405). */
bool router_match(http_method method, const char *path, router_result *res);

int router_route_count(void);
const http_route *router_route_at(int i);

const char *router_method_name(http_method m);
http_method router_method_parse(const char *s);

/* router_has_body: does a request with this method carry a body? */
bool router_has_body(http_method m);

#endif

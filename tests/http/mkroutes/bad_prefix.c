/* mkroutes.awk must refuse this file: a route outside /api/v1. */
/* expect: bad_prefix.c:3: ROUTE path must start with /api/v1/: /api/things */
/* ROUTE: GET /api/things */
void things_list(http_req *r)
{
}

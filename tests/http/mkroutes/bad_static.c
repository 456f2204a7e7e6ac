/* mkroutes.awk must refuse this file: the table cannot reach a static handler. */
/* expect: bad_static.c:4: a ROUTE handler must not be static */
/* ROUTE: GET /api/v1/things */
static void things_list(http_req *r)
{
}

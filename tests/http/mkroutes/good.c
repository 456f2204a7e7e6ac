/* mkroutes.awk must take this file: two routes on one handler, flags, a second handler. */
/* ROUTE: GET /api/v1/things */
/* ROUTE: GET /api/v1/things/{id} WRITES V1ONLY */
void things_show(http_req *r)
{
}

/*
 * ROUTE: POST /api/v1/things CSV
 */
void things_add(http_req *r)
{
}

/* mkroutes.awk must refuse this file: the table cannot reach a static handler. */
/* ROUTE: GET /api/v1/things */
static void things_list(http_req *r)
{
}

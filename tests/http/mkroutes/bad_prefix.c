/* mkroutes.awk must refuse this file: a route outside /api/v1. */
/* ROUTE: GET /api/things */
void things_list(http_req *r)
{
}

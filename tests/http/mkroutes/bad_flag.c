/* mkroutes.awk must refuse this file: an unknown flag. */
/* ROUTE: GET /api/v1/things SECRET */
void things_list(http_req *r)
{
}

/* mkroutes.awk must refuse this file: no such method. */
/* ROUTE: FETCH /api/v1/things */
void things_list(http_req *r)
{
}

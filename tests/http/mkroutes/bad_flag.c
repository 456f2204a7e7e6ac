/* mkroutes.awk must refuse this file: an unknown flag. */
/* expect: bad_flag.c:3: unknown ROUTE flag SECRET */
/* ROUTE: GET /api/v1/things SECRET */
void things_list(http_req *r)
{
}

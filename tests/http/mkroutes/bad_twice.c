/* mkroutes.awk must refuse this file: one method and path declared twice. */
/* expect: bad_twice.c:8: ROUTE GET /api/v1/things is declared twice */
/* ROUTE: GET /api/v1/things */
void things_list(http_req *r)
{
}

/* ROUTE: GET /api/v1/things */
void things_again(http_req *r)
{
}

/* mkroutes.awk must refuse this file: no such method. */
/* expect: bad_method.c:3: ROUTE needs a method (GET POST PATCH PUT DELETE) and a path */
/* ROUTE: FETCH /api/v1/things */
void things_list(http_req *r)
{
}

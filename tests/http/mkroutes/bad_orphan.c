/* mkroutes.awk must refuse this file: a route without a handler after it. */
/* expect: bad_orphan.c:3: ROUTE without a handler */
/* ROUTE: GET /api/v1/things */

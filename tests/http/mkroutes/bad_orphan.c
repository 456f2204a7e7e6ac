/* mkroutes.awk must refuse this file: a route without a handler after it. */
/* ROUTE: GET /api/v1/things */

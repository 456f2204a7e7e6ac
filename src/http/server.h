/*
 * server.h: the HTTP server of jeugdregio: the JSON API under /api and the
 * static files of the web UI under /, on libmicrohttpd with a pool of
 * worker threads.
 *
 * Each worker borrows a store of its own from a pool (SQLite handles are
 * never shared by two threads at once); requests that change something run
 * one at a time, each inside one write transaction (store_begin_write)
 * around the service calls (the services nest their own savepoints inside). Every response
 * carries the security headers of docs/api.md.
 */
#ifndef JR_SERVER_H
#define JR_SERVER_H

#include "../core/err.h"
#include "../domain/catalog.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct http_server http_server;

typedef struct {
    const char *db_path;    /* the database file */
    const jr_catalog *cat;  /* the region, read-only, outlives the server */
    const char *bind;       /* numeric IPv4 or IPv6 address; NULL: 127.0.0.1 */
    uint16_t port;          /* 0: any free port (see http_server_port) */
    const char *web_dir;    /* the web UI's files, served under / */
    const char *vendor_dir; /* Bootstrap, served under /vendor/bootstrap/ (NULL: none) */
    const char *chart_dir;  /* Chart.js, served under /vendor/chart/ (NULL: none) */
    bool secure_cookies;    /* mark the session cookie Secure (behind HTTPS) */
    int threads;            /* worker threads; 0: one per CPU, 2 to 16 */
} http_server_opts;

/* http_server_start: opens the stores, binds and starts serving. The
 * strings of o are copied. */
jr_status http_server_start(const http_server_opts *o, http_server **out, jr_error *err);

/* http_server_port: the port the server listens on. */
uint16_t http_server_port(const http_server *s);

/* http_server_stop: stops accepting connections, lets the requests in
 * flight finish (waiting at most grace_ms), then stops the workers, closes
 * the stores and frees s. */
void http_server_stop(http_server *s, int grace_ms);

#endif

/*
 * http_client.h: a small HTTP/1.1 client for the HTTP tests: one request per
 * connection (Connection: close), the answer read to EOF, its status,
 * headers, body and parsed JSON kept until hc_free_responses (a cmocka
 * teardown). Failures end the test through cmocka's fail_msg.
 */
#ifndef JR_TEST_HTTP_CLIENT_H
#define JR_TEST_HTTP_CLIENT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char cookie[80];
    char csrf[80];
} session;

typedef struct {
    int status;
    char *raw;           /* the whole response, NUL-terminated */
    const char *headers; /* inside raw, from the status line up to the blank line */
    const char *body;
    size_t body_len;
    json_t *json; /* the body parsed, NULL when it is no JSON */
} resp;

/* hc_free_responses: frees every response of the test (a cmocka teardown). */
int hc_free_responses(void **state);
int hc_connect(int port);
void hc_send_all(int fd, const char *p, size_t n);
/* hc_read_response: reads the answer on fd up to EOF and closes fd. */
resp *hc_read_response(int fd);
/* hc_raw_request: sends head (request line and headers, without the blank
 * line) and body to the server on port, reads the answer. */
resp *hc_raw_request(int port, const char *head, const char *body, size_t body_len);
/* hc_header: the value of header name (a static copy), or NULL. */
const char *hc_header(const resp *r, const char *name);
/* hc_request: method path as session s (NULL: none), with the session's CSRF
 * token on writes unless csrf is false; body JSON unless ctype says. */
resp *hc_request(int port, const session *s, bool csrf, const char *method, const char *path,
                 const char *ctype, const char *body, size_t body_len);

#endif

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
#include <sys/types.h>

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

/* hc_expect_status: r, after failing the test unless its status is code. */
resp *hc_expect_status(resp *r, int code, const char *file, int line);
#define expect_status(r, code) hc_expect_status((r), (code), __FILE__, __LINE__)
/* hc_jget: r's JSON member key (fails the test when absent). */
json_t *hc_jget(const resp *r, const char *key);
/* hc_jstr / hc_jint: member key of object o as text / integer ("" / 0 when absent). */
const char *hc_jstr(json_t *o, const char *key);
long long hc_jint(json_t *o, const char *key);
#define assert_contains(haystack, needle)                                                          \
    do {                                                                                           \
        const char *h_ = (haystack);                                                               \
        if (!h_ || strstr(h_, (needle)) == NULL)                                                   \
            fail_msg("'%.300s' does not contain '%s'", h_ ? h_ : "(null)", (needle));              \
    } while (0)
/* hc_spawn: starts argv with stdout and stderr into files; its pid. */
pid_t hc_spawn(char *const argv[], const char *out, const char *err);
/* hc_slurp: the whole file at path (malloc'ed, NUL-terminated), NULL when unreadable. */
char *hc_slurp(const char *path);
/* hc_login_raw / hc_login: POST /api/session; hc_login keeps the cookie and CSRF token in s. */
resp *hc_login_raw(int port, const char *name, const char *password);
void hc_login(int port, const char *name, const char *password, session *s);

struct stat;
struct FTW;
/* hc_remove_entry: an nftw callback that removes every entry (a temp tree). */
int hc_remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw);
/* hc_new_bsn: a valid BSN the demo does not use: 9, then the counter *seq. */
void hc_new_bsn(int *seq, char out[10]);
/* hc_wait_port: the port a starting server (pid, writing to out_path and
 * err_path) announces; 0 when it stopped or took over 60 s. */
int hc_wait_port(pid_t pid, const char *out_path, const char *err_path);

#endif

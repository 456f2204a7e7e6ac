/*
 * http_client.c: the HTTP/1.1 client of the HTTP tests (see http_client.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/ident.h"
#include "http_client.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <jansson.h>
#include <netinet/in.h>
#include <setjmp.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---- responses, freed after each test -------------------------------------- */

#define MAX_RESP 4096
static resp *kept[MAX_RESP];
static int nkept;

int hc_free_responses(void **state)
{
    (void)state;
    for (int i = 0; i < nkept; i++) {
        json_decref(kept[i]->json);
        free(kept[i]->raw);
        free(kept[i]);
    }
    nkept = 0;
    return 0;
}

/* ---- a small HTTP/1.1 client ---------------------------------------------- */

int hc_connect(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        fail_msg("socket: %s", strerror(errno));
    struct timeval tv = {60, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0)
        fail_msg("connect to port %d: %s", port, strerror(errno));
    return fd;
}

void hc_send_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w <= 0)
            return; /* the server may answer early and close (413) */
        p += w;
        n -= (size_t)w;
    }
}

resp *hc_read_response(int fd)
{
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    for (;;) {
        if (len + 4096 > cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        ssize_t n = recv(fd, buf + len, cap - len - 1, 0);
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    close(fd);
    buf[len] = '\0';
    resp *r = calloc(1, sizeof *r);
    assert_non_null(r);
    if (nkept >= MAX_RESP)
        fail_msg("too many responses in one test");
    kept[nkept++] = r;
    r->raw = buf;
    r->headers = buf;
    if (sscanf(buf, "HTTP/1.1 %d", &r->status) != 1)
        fail_msg("no HTTP answer: '%.200s'", buf);
    char *end = strstr(buf, "\r\n\r\n");
    if (!end)
        fail_msg("no end of headers: '%.200s'", buf);
    end[2] = '\0'; /* headers end with one CRLF */
    r->body = end + 4;
    r->body_len = len - (size_t)(r->body - buf);
    json_error_t je;
    r->json = r->body_len ? json_loadb(r->body, r->body_len, 0, &je) : NULL;
    return r;
}

resp *hc_raw_request(int port, const char *head, const char *body, size_t body_len)
{
    int fd = hc_connect(port);
    hc_send_all(fd, head, strlen(head));
    hc_send_all(fd, "\r\n", 2);
    if (body_len)
        hc_send_all(fd, body, body_len);
    return hc_read_response(fd);
}

const char *hc_header(const resp *r, const char *name)
{
    static char val[1024];
    size_t n = strlen(name);
    for (const char *p = strstr(r->headers, "\r\n"); p && p[2]; p = strstr(p + 2, "\r\n")) {
        if (strncasecmp(p + 2, name, n) == 0 && p[2 + n] == ':') {
            const char *v = p + 3 + n;
            while (*v == ' ')
                v++;
            const char *e = strstr(v, "\r\n");
            snprintf(val, sizeof val, "%.*s", (int)(e ? e - v : (long)strlen(v)), v);
            return val;
        }
    }
    return NULL;
}

resp *hc_request(int port, const session *s, bool csrf, const char *method, const char *path,
                 const char *ctype, const char *body, size_t body_len)
{
    char head[4096];
    int n = snprintf(head, sizeof head,
                     "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n", method, path);
    if (s && s->cookie[0])
        n += snprintf(head + n, sizeof head - (size_t)n, "Cookie: jr_session=%s\r\n", s->cookie);
    if (s && csrf && strcmp(method, "GET") != 0)
        n += snprintf(head + n, sizeof head - (size_t)n, "X-CSRF-Token: %s\r\n", s->csrf);
    if (body) {
        n += snprintf(head + n, sizeof head - (size_t)n,
                      "Content-Type: %s\r\nContent-Length: %zu\r\n",
                      ctype ? ctype : "application/json", body_len);
    } else if (strcmp(method, "POST") == 0 || strcmp(method, "PATCH") == 0) {
        n += snprintf(head + n, sizeof head - (size_t)n, "Content-Length: 0\r\n");
    }
    return hc_raw_request(port, head, body, body ? body_len : 0);
}

resp *hc_expect_status(resp *r, int code, const char *file, int line)
{
    if (r->status != code)
        fail_msg("%s:%d: status %d, expected %d: %.600s", file, line, r->status, code, r->body);
    return r;
}

json_t *hc_jget(const resp *r, const char *key)
{
    json_t *v = r->json ? json_object_get(r->json, key) : NULL;
    if (!v)
        fail_msg("no '%s' in %.400s", key, r->body);
    return v;
}

const char *hc_jstr(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    if (!s)
        fail_msg("no string '%s'", key);
    return s;
}

long long hc_jint(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_integer(v))
        fail_msg("no integer '%s'", key);
    return (long long)json_integer_value(v);
}

pid_t hc_spawn(char *const argv[], const char *out, const char *err)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        fprintf(stderr, "posix_spawn %s: %s\n", argv[0], strerror(rc));
        return -1;
    }
    return pid;
}

char *hc_slurp(const char *path)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return NULL;
    fseek(in, 0, SEEK_END);
    long n = ftell(in);
    fseek(in, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf) {
        size_t got = fread(buf, 1, (size_t)n, in);
        buf[got] = '\0';
    }
    fclose(in);
    return buf;
}

resp *hc_login_raw(int port, const char *name, const char *password)
{
    char body[256];
    snprintf(body, sizeof body, "{\"name\": \"%s\", \"password\": \"%s\"}", name, password);
    return hc_request(port, NULL, false, "POST", "/api/session", NULL, body, strlen(body));
}

void hc_login(int port, const char *name, const char *password, session *s)
{
    resp *r = hc_expect_status(hc_login_raw(port, name, password), 200, __FILE__, __LINE__);
    const char *c = hc_header(r, "Set-Cookie");
    if (!c || strncmp(c, "jr_session=", 11) != 0)
        fail_msg("no session cookie for %s", name);
    snprintf(s->cookie, sizeof s->cookie, "%.64s", c + 11);
    snprintf(s->csrf, sizeof s->csrf, "%s", hc_jstr(r->json, "csrf"));
}

int hc_remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

/* new_bsn: a valid BSN the demo does not use (9 first, then a counter). */
void hc_new_bsn(int *seq, char out[10])
{
    for (;;) {
        char first8[9];
        snprintf(first8, sizeof first8, "9%07d", 1000 + (*seq)++);
        if (bsn_complete(first8, out))
            return;
    }
}

/* wait_port: the port a starting server (pid, writing to out and err)
 * announces; 0 when it stopped or took over 60 s. */
int hc_wait_port(pid_t pid, const char *out_path, const char *err_path)
{
    for (int i = 0; i < 600; i++) { /* sanitizers are slow */
        struct timespec t = {0, 100 * 1000 * 1000};
        nanosleep(&t, NULL);
        char *out = hc_slurp(out_path);
        const char *p = out ? strstr(out, "http://127.0.0.1:") : NULL;
        int port = p ? atoi(p + strlen("http://127.0.0.1:")) : 0;
        free(out);
        if (port)
            return port;
        int st;
        if (waitpid(pid, &st, WNOHANG) == pid) {
            char *e = hc_slurp(err_path);
            fprintf(stderr, "the server stopped:\n%s\n", e ? e : "");
            free(e);
            return 0;
        }
    }
    return 0;
}

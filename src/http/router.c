/*
 * router.c: walks the route table generated from the ROUTE comments
 * (router_routes) and matches a request's method and path against it,
 * under /api/v1 or, for one release, under the old /api paths (see
 * router.h).
 */
#include "router.h"

#include "../core/sbuf.h"

#include <stdio.h>
#include <string.h>

int router_route_count(void)
{
    return router_nroutes;
}

const http_route *router_route_at(int i)
{
    return i >= 0 && i < router_nroutes ? &router_routes[i] : NULL;
}

const http_route *router_find(http_method method, const char *pattern)
{
    for (const http_route *r = router_routes; r->pattern; r++)
        if (r->method == method && strcmp(r->pattern, pattern) == 0)
            return r;
    return NULL;
}

static const char *const router_method_names[] = {"GET",    "POST", "PATCH", "PUT",
                                                  "DELETE", "HEAD", "OTHER"};

const char *router_method_name(http_method m)
{
    return (unsigned)m <= HTTP_OTHER ? router_method_names[m] : "OTHER";
}

http_method router_method_parse(const char *s)
{
    for (int m = HTTP_GET; m < HTTP_OTHER; m++)
        if (s && strcmp(s, router_method_names[m]) == 0)
            return (http_method)m;
    return HTTP_OTHER;
}

bool router_has_body(http_method m)
{
    return m == HTTP_POST || m == HTTP_PATCH || m == HTTP_PUT;
}

/* router_split: splits path (copied into buf) at each '/' into segments,
 * keeping empty ones (so "/api/x/" never matches "/api/x"); -1 when it does
 * not fit or has too many. */
static int router_split(const char *path, char *buf, size_t cap, char **seg, int max)
{
    if (str_copy(buf, cap, path) >= cap)
        return -1;
    char *p = buf[0] == '/' ? buf + 1 : buf;
    int n = 0;
    for (;;) {
        if (n >= max)
            return -1;
        seg[n++] = p;
        char *slash = strchr(p, '/');
        if (!slash)
            return n;
        *slash = '\0';
        p = slash + 1;
    }
}

/* router_score: how well pattern matches the segments: -1 when not at all,
 * else the number of literal segments (more literals win). */
static int router_score(const char *pattern, char **seg, int nseg, const char **params,
                        int *nparams)
{
    int i = 0, score = 0, np = 0;
    const char *p = pattern;
    if (*p == '/')
        p++;
    while (*p) {
        const char *end = strchr(p, '/');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (i >= nseg)
            return -1;
        if (p[0] == '{') {
            if (seg[i][0] == '\0' || np >= HTTP_MAX_PARAMS)
                return -1;
            params[np++] = seg[i];
        } else {
            if (strlen(seg[i]) != len || strncmp(seg[i], p, len) != 0)
                return -1;
            score++;
        }
        i++;
        p = end ? end + 1 : p + len;
    }
    if (i != nseg)
        return -1;
    *nparams = np;
    return score;
}

/* router_v1_path: path as the /api/v1 path it stands for, into out; sets
 * *legacy when it is an old /api path. False when it is neither or does not
 * fit. */
static bool router_v1_path(const char *path, char *out, size_t cap, bool *legacy)
{
    size_t v1 = strlen(ROUTER_V1);
    *legacy = false;
    if (strncmp(path, ROUTER_V1, v1) == 0 && (path[v1] == '/' || path[v1] == '\0'))
        return str_copy(out, cap, path) < cap;
    if (strncmp(path, "/api/", 5) != 0)
        return false;
    *legacy = true;
    int n = snprintf(out, cap, "%s%s", ROUTER_V1, path + 4);
    return n >= 0 && (size_t)n < cap;
}

bool router_match(http_method method, const char *path, router_result *res)
{
    memset(res, 0, sizeof *res);
    char full[ROUTER_PATH_MAX];
    bool legacy;
    if (!router_v1_path(path, full, sizeof full, &legacy))
        return false;
    char *seg[16];
    int nseg = router_split(full, res->buf, sizeof res->buf, seg, 16);
    if (nseg < 0)
        return false;
    res->legacy = legacy;
    int best = -1;
    http_method want = method == HTTP_HEAD ? HTTP_GET : method;
    for (const http_route *r = router_routes; r->pattern; r++) {
        if (legacy && (r->flags & HTTP_ROUTE_V1ONLY))
            continue;
        const char *params[HTTP_MAX_PARAMS];
        int np = 0;
        int score = router_score(r->pattern, seg, nseg, params, &np);
        if (score < 0)
            continue;
        res->path_known = true;
        if (r->method != want || score <= best)
            continue;
        best = score;
        res->route = r;
        res->nparams = np;
        memcpy(res->params, params, sizeof params);
    }
    return res->route != NULL;
}

/*
 * static.c: serving files from a root directory safely (see static.h).
 */
#include "static.h"

#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

const char *static_content_type(const char *path)
{
    static const struct {
        const char *ext, *type;
    } types[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".json", "application/json; charset=utf-8"},
        {".map", "application/json; charset=utf-8"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
        {".woff2", "font/woff2"},
        {".woff", "font/woff"},
    };
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (dot && (!slash || dot > slash))
        for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
            if (strcasecmp(dot, types[i].ext) == 0)
                return types[i].type;
    return "application/octet-stream";
}

/* static_path_safe: no "..", no hidden segment, no backslash, no empty
 * segment inside the path. */
static bool static_path_safe(const char *rel)
{
    if (strchr(rel, '\\'))
        return false;
    const char *p = rel;
    while (*p) {
        const char *end = strchr(p, '/');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == 0 && end)
            return false;
        if (len > 0 && p[0] == '.')
            return false; /* ".", "..", ".git", ".env" */
        if (!end)
            break;
        p = end + 1;
    }
    return true;
}

/* static_under: does path lie in the tree prefix? */
static bool static_under(const char *path, const char *prefix)
{
    size_t n = prefix ? strlen(prefix) : 0;
    return n > 1 && strncmp(path, prefix, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

void static_link_root(const char *root, const char *probe, int depth, char *out)
{
    char path[PATH_MAX], real[PATH_MAX];
    out[0] = '\0';
    int n = snprintf(path, sizeof path, "%s/%s", root, probe);
    if (n < 0 || (size_t)n >= sizeof path || !realpath(path, real) || static_under(real, root))
        return;
    for (int i = 0; i < depth; i++) {
        char *slash = strrchr(real, '/');
        if (!slash || slash == real)
            return;
        *slash = '\0';
    }
    snprintf(out, PATH_MAX, "%s", real);
}

int static_open(const char *root, const char *also, const char *rel, int *fd, uint64_t *size,
                const char **ctype)
{
    *fd = -1;
    while (*rel == '/')
        rel++;
    if (!static_path_safe(rel))
        return 404;
    char path[PATH_MAX], real[PATH_MAX];
    bool dir = *rel == '\0' || rel[strlen(rel) - 1] == '/';
    int n = snprintf(path, sizeof path, "%s/%s%s", root, rel, dir ? "index.html" : "");
    if (n < 0 || (size_t)n >= sizeof path)
        return 404;
    if (!realpath(path, real))
        return 404;
    /* after symlinks, the file must still lie under the root */
    if (!static_under(real, root) && !static_under(real, also))
        return 404;
    int f = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (f < 0)
        return 404;
    struct stat st;
    if (fstat(f, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(f);
        return 404;
    }
    *fd = f;
    *size = (uint64_t)st.st_size;
    *ctype = static_content_type(real);
    return 200;
}

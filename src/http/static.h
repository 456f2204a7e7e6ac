/*
 * static.h: the static files of the web UI (HTML, CSS, ES modules, images)
 * and of the vendored Bootstrap: resolving a URL path to a file under a
 * root, never outside it, with its Content-Type.
 */
#ifndef JR_STATIC_H
#define JR_STATIC_H

#include <stdint.h>

/* static_open: opens the file that URL path rel (decoded, starting after
 * the root's prefix, "" for the root itself) names under root, an absolute
 * path without symlinks (realpath). After resolving symlinks the file must
 * lie under root or under also (NULL: none; Debian's Bootstrap links its
 * files to another tree). A path with a ".." or a hidden segment, a file
 * outside those trees, a directory without index.html or a missing file
 * give 404; success gives 200 with an open *fd (the caller closes it), its
 * *size and *ctype. */
int static_open(const char *root, const char *also, const char *rel, int *fd, uint64_t *size,
                const char **ctype);

/* static_link_root: the tree the files under root link into, judged by
 * the file probe (e.g. "css/bootstrap.min.css", which lies depth levels
 * below that tree): writes it to out (PATH_MAX bytes), or "" when probe
 * is no link out of root. */
void static_link_root(const char *root, const char *probe, int depth, char *out);

/* static_content_type: by file name extension; application/octet-stream
 * when unknown. */
const char *static_content_type(const char *path);

#endif

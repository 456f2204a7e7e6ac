/*
 * sbuf.h: a growable byte string, used wherever text is built up.
 *
 * An sbuf is a plain struct the caller owns; sbuf_free releases its memory.
 * The buffer is always NUL-terminated after any successful append. Appends
 * return 0 on success and -1 when memory runs out (the content is kept).
 */
#ifndef JR_SBUF_H
#define JR_SBUF_H

#include <stddef.h>

typedef struct {
    char *data; /* NUL-terminated, or NULL while empty */
    size_t len;
    size_t cap;
} sbuf;

#define SBUF_INIT                                                                                  \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

int sbuf_append(sbuf *b, const char *s, size_t n);
int sbuf_puts(sbuf *b, const char *s);
int sbuf_putc(sbuf *b, char c);
/* sbuf_cstr: the content as a C string; "" when empty. */
const char *sbuf_cstr(const sbuf *b);
void sbuf_reset(sbuf *b);
void sbuf_free(sbuf *b);

/* str_copy: copies src (NULL as "") into dst of cap bytes, truncating, always
 * NUL-terminated when cap > 0; returns strlen(src). The bounded copy used
 * everywhere instead of snprintf(dst, cap, "%s", src). */
size_t str_copy(char *dst, size_t cap, const char *src);

/* JR_STR(x): the expansion of macro x as a string literal, for a constant
 * written into SQL text (the statement cache wants literal SQL). */
#define JR_STR_(x) #x
#define JR_STR(x) JR_STR_(x)

#endif

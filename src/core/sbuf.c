/*
 * sbuf.c: growable byte strings.
 */
#include "sbuf.h"

#include <stdlib.h>
#include <string.h>

static int sbuf_reserve(sbuf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (p == NULL)
        return -1;
    b->data = p;
    b->cap = cap;
    return 0;
}

int sbuf_append(sbuf *b, const char *s, size_t n)
{
    if (sbuf_reserve(b, n) != 0)
        return -1;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int sbuf_puts(sbuf *b, const char *s)
{
    return sbuf_append(b, s, strlen(s));
}

int sbuf_putc(sbuf *b, char c)
{
    if (b->len + 1 < b->cap) { /* the common case, without a call to memcpy */
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return 0;
    }
    return sbuf_append(b, &c, 1);
}

const char *sbuf_cstr(const sbuf *b)
{
    return b->data ? b->data : "";
}

void sbuf_reset(sbuf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void sbuf_free(sbuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

size_t str_copy(char *dst, size_t cap, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (cap == 0)
        return n;
    size_t k = n < cap - 1 ? n : cap - 1;
    if (k)
        memcpy(dst, src, k);
    dst[k] = '\0';
    return n;
}

/*
 * xtable.c: the export's table model and its CSV (see xtable.h).
 */
#include "xtable.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

jr_xtable *xtables_add(jr_xtables *ts, const char *name, const char *title, int ncols)
{
    if (ncols < 1 || ncols > JR_XT_MAX_COLS)
        return NULL;
    if (ts->n == ts->cap) {
        int cap = ts->cap ? 2 * ts->cap : 8;
        jr_xtable *t = realloc(ts->t, (size_t)cap * sizeof *t);
        if (!t)
            return NULL;
        ts->t = t;
        ts->cap = cap;
    }
    jr_xtable *t = &ts->t[ts->n++];
    memset(t, 0, sizeof *t);
    str_copy(t->name, sizeof t->name, name);
    str_copy(t->title, sizeof t->title, title);
    t->ncols = ncols;
    return t;
}

jr_xcell *xtable_row(jr_xtable *t, bool total)
{
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 16;
        jr_xcell *c = realloc(t->cells, cap * (size_t)t->ncols * sizeof *c);
        if (!c)
            return NULL;
        t->cells = c;
        bool *tot = realloc(t->total, cap * sizeof *tot);
        if (!tot)
            return NULL;
        t->total = tot;
        t->cap = cap;
    }
    jr_xcell *row = &t->cells[t->nrows * (size_t)t->ncols];
    memset(row, 0, (size_t)t->ncols * sizeof *row);
    t->total[t->nrows] = total;
    t->nrows++;
    return row;
}

bool xcell_text(jr_xcell *c, const char *s)
{
    size_t n = strlen(s);
    char *copy = malloc(n + 1);
    if (!copy)
        return false;
    memcpy(copy, s, n + 1);
    free(c->text);
    c->kind = JR_XC_TEXT;
    c->text = copy;
    return true;
}

const jr_xtable *xtables_find(const jr_xtables *ts, const char *name)
{
    for (int i = 0; i < ts->n; i++)
        if (strcmp(ts->t[i].name, name) == 0)
            return &ts->t[i];
    return NULL;
}

void xtables_free(jr_xtables *ts)
{
    for (int i = 0; i < ts->n; i++) {
        jr_xtable *t = &ts->t[i];
        for (size_t k = 0; k < t->nrows * (size_t)t->ncols; k++)
            free(t->cells[k].text);
        free(t->cells);
        free(t->total);
    }
    free(ts->t);
    ts->t = NULL;
    ts->n = ts->cap = 0;
}

/* ---- CSV ---- */

static int field(sbuf *out, const char *s)
{
    if (!strpbrk(s, ";\"\r\n"))
        return sbuf_puts(out, s);
    if (sbuf_putc(out, '"') != 0)
        return -1;
    for (const char *p = s; *p; p++)
        if ((*p == '"' && sbuf_putc(out, '"') != 0) || sbuf_putc(out, *p) != 0)
            return -1;
    return sbuf_putc(out, '"');
}

/* v / div with `decimals` digits after a decimal comma, no separators */
static void fixed(char *buf, size_t cap, int64_t v, int64_t div, int decimals)
{
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    snprintf(buf, cap, "%s%" PRIu64 ",%0*" PRIu64, v < 0 ? "-" : "", u / (uint64_t)div, decimals,
             u % (uint64_t)div);
}

static int cell(sbuf *out, const jr_xcell *c)
{
    char buf[48];
    switch (c->kind) {
    case JR_XC_EMPTY:
        return 0;
    case JR_XC_TEXT:
        return field(out, c->text ? c->text : "");
    case JR_XC_INT:
        snprintf(buf, sizeof buf, "%" PRId64, c->v);
        return sbuf_puts(out, buf);
    case JR_XC_CENTS:
        fixed(buf, sizeof buf, c->v, 100, 2);
        return sbuf_puts(out, buf);
    case JR_XC_X10:
        fixed(buf, sizeof buf, c->v, 10, 1);
        return sbuf_puts(out, buf);
    case JR_XC_DATE: {
        char d[JR_DATE_ISO_LEN];
        return sbuf_puts(out, date_format(c->d, d));
    }
    }
    return 0;
}

int xtable_csv(const jr_xtable *t, bool bom, sbuf *out)
{
    if (bom && sbuf_puts(out, "\xEF\xBB\xBF") != 0)
        return -1;
    for (int c = 0; c < t->ncols; c++)
        if ((c && sbuf_putc(out, ';') != 0) || field(out, t->head[c]) != 0)
            return -1;
    if (sbuf_puts(out, "\r\n") != 0)
        return -1;
    for (size_t r = 0; r < t->nrows; r++) {
        for (int c = 0; c < t->ncols; c++)
            if ((c && sbuf_putc(out, ';') != 0) ||
                cell(out, &t->cells[r * (size_t)t->ncols + (size_t)c]) != 0)
                return -1;
        if (sbuf_puts(out, "\r\n") != 0)
            return -1;
    }
    return 0;
}

int xtables_csv(const jr_xtables *ts, sbuf *out)
{
    if (ts->n == 1)
        return xtable_csv(&ts->t[0], true, out);
    if (sbuf_puts(out, "\xEF\xBB\xBF") != 0)
        return -1;
    for (int i = 0; i < ts->n; i++) {
        if ((i && sbuf_puts(out, "\r\n") != 0) || field(out, ts->t[i].title) != 0 ||
            sbuf_puts(out, "\r\n") != 0 || xtable_csv(&ts->t[i], false, out) != 0)
            return -1;
    }
    return 0;
}

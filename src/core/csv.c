/*
 * csv.c: the streaming CSV tokenizer.
 */
#include "csv.h"

#include "sbuf.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct jr_csv {
    FILE *in;
    char sep;
    bool first;
    long line;      /* lines read so far */
    long row_line;  /* line where the current row started */
    sbuf field_buf; /* all fields of a row, NUL-separated */
    size_t offsets[CSV_MAX_FIELDS];
    char *fields[CSV_MAX_FIELDS];
};

jr_csv *csv_open(FILE *in)
{
    jr_csv *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->in = in;
    c->first = true;
    c->sep = ',';
    return c;
}

void csv_close(jr_csv *c)
{
    if (!c)
        return;
    sbuf_free(&c->field_buf);
    free(c);
}

long csv_line(const jr_csv *c)
{
    return c->row_line;
}

int csv_next(jr_csv *c, char ***fields, int *n, jr_error *err)
{
    for (;;) {
        int ch = getc_unlocked(c->in);
        if (ch == EOF)
            return 0;
        c->line++;
        c->row_line = c->line;
        sbuf_reset(&c->field_buf);
        int nf = 0;
        bool quoted = false, was_quoted = false, field_start = true;
        size_t start = 0;
        if (c->first && ch == 0xEF) { /* UTF-8 BOM */
            int b2 = getc_unlocked(c->in), b3 = getc_unlocked(c->in);
            if (b2 != 0xBB || b3 != 0xBF)
                return jr_fail(err, JR_EINVAL, "csv_malformed", "", "regel %ld: ongeldige tekens",
                               c->line),
                       -1;
            ch = getc_unlocked(c->in);
        }
        for (;; ch = getc_unlocked(c->in)) {
            /* the header row decides the separator: ';' when it comes before any ',' */
            if (c->first && !quoted && nf == 0 && ch == ';')
                c->sep = ';';
            if (ch == EOF && quoted)
                return jr_fail(err, JR_EINVAL, "csv_malformed", "",
                               "regel %ld: aanhalingsteken niet gesloten", c->row_line),
                       -1;
            if (quoted) {
                if (ch == '"') {
                    int nx = getc_unlocked(c->in);
                    if (nx == '"') {
                        sbuf_putc(&c->field_buf, '"');
                        continue;
                    }
                    quoted = false;
                    ungetc(nx, c->in);
                    continue;
                }
                if (ch == '\n')
                    c->line++;
                sbuf_putc(&c->field_buf, (char)ch);
            } else if (ch == '"' && field_start) {
                quoted = was_quoted = true;
                field_start = false;
            } else if (ch == '"') {
                return jr_fail(err, JR_EINVAL, "csv_malformed", "",
                               "regel %ld: aanhalingsteken midden in een veld", c->row_line),
                       -1;
            } else if (ch == c->sep) {
                if (nf >= CSV_MAX_FIELDS - 1)
                    return jr_fail(err, JR_EINVAL, "csv_malformed", "",
                                   "regel %ld: meer dan %d kolommen", c->row_line, CSV_MAX_FIELDS),
                           -1;
                sbuf_putc(&c->field_buf, '\0');
                c->offsets[nf++] = start;
                start = c->field_buf.len;
                field_start = true;
                was_quoted = false;
            } else if (ch == '\n' || ch == EOF) {
                break;
            } else if (ch == '\r') {
                int nx = getc_unlocked(c->in);
                if (nx != '\n' && nx != EOF)
                    ungetc(nx, c->in);
                break;
            } else {
                if (was_quoted)
                    return jr_fail(err, JR_EINVAL, "csv_malformed", "",
                                   "regel %ld: tekst na een gesloten aanhalingsteken", c->row_line),
                           -1;
                sbuf_putc(&c->field_buf, (char)ch);
                field_start = false;
            }
            if (c->field_buf.len > CSV_MAX_ROW)
                return jr_fail(err, JR_EINVAL, "csv_malformed", "",
                               "regel %ld: regel langer dan %zu tekens", c->row_line, CSV_MAX_ROW),
                       -1;
        }
        sbuf_putc(&c->field_buf, '\0');
        c->offsets[nf++] = start;
        c->first = false;
        if (nf == 1 && c->field_buf.data[0] == '\0' && !was_quoted)
            continue; /* blank line */
        for (int i = 0; i < nf; i++)
            c->fields[i] = c->field_buf.data + c->offsets[i];
        *fields = c->fields;
        *n = nf;
        return 1;
    }
}

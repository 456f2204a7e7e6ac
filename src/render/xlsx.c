/*
 * xlsx.c: tables as an Excel workbook (see xlsx.h).
 */
#include "xlsx.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

typedef struct {
    lxw_format *title, *head, *text, *num, *money, *x10, *date;
    lxw_format *t_text, *t_num, *t_money, *t_x10; /* the same in a total row: bold */
} formats;

static lxw_format *fmt(lxw_workbook *wb, const char *num, bool bold)
{
    lxw_format *f = workbook_add_format(wb);
    if (num)
        format_set_num_format(f, num);
    if (bold)
        format_set_bold(f);
    return f;
}

#define MONEY_FMT "\"€\" #,##0.00;-\"€\" #,##0.00"

static void make_formats(lxw_workbook *wb, formats *f)
{
    f->title = fmt(wb, NULL, true);
    format_set_font_size(f->title, 12);
    f->head = fmt(wb, NULL, true);
    format_set_bottom(f->head, LXW_BORDER_THIN);
    format_set_text_wrap(f->head);
    f->text = fmt(wb, NULL, false);
    f->num = fmt(wb, "#,##0", false);
    f->money = fmt(wb, MONEY_FMT, false);
    f->x10 = fmt(wb, "0.0", false);
    f->date = fmt(wb, "yyyy-mm-dd", false);
    f->t_text = fmt(wb, NULL, true);
    f->t_num = fmt(wb, "#,##0", true);
    f->t_money = fmt(wb, MONEY_FMT, true);
    f->t_x10 = fmt(wb, "0.0", true);
}

/* a sheet name Excel accepts: at most 31 characters, none of []:*?/\ */
static void sheet_name(const char *in, char out[32])
{
    size_t o = 0;
    for (const char *p = in; *p && o < 31; p++)
        out[o++] = strchr("[]:*?/\\", *p) ? '-' : *p;
    out[o] = '\0';
}

static void write_table(lxw_workbook *wb, const formats *f, const jr_xtable *t)
{
    char name[32];
    sheet_name(t->name, name);
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    if (!ws)
        return;
    worksheet_write_string(ws, 0, 0, t->title, f->title);
    const lxw_row_t head = 2;
    double width[JR_XT_MAX_COLS];
    for (int c = 0; c < t->ncols; c++) {
        worksheet_write_string(ws, head, (lxw_col_t)c, t->head[c], f->head);
        width[c] = 10;
    }
    for (size_t r = 0; r < t->nrows; r++) {
        bool tot = t->total[r];
        lxw_row_t row = head + 1 + (lxw_row_t)r;
        for (int c = 0; c < t->ncols; c++) {
            const jr_xcell *x = &t->cells[r * (size_t)t->ncols + (size_t)c];
            lxw_col_t col = (lxw_col_t)c;
            double w = 10;
            switch (x->kind) {
            case JR_XC_EMPTY:
                break;
            case JR_XC_TEXT:
                worksheet_write_string(ws, row, col, x->text ? x->text : "",
                                       tot ? f->t_text : f->text);
                w = x->text ? (double)strlen(x->text) + 2 : 10;
                break;
            case JR_XC_INT:
                worksheet_write_number(ws, row, col, (double)x->v, tot ? f->t_num : f->num);
                break;
            case JR_XC_CENTS:
                worksheet_write_number(ws, row, col, (double)x->v / 100.0,
                                       tot ? f->t_money : f->money);
                w = 16;
                break;
            case JR_XC_X10:
                worksheet_write_number(ws, row, col, (double)x->v / 10.0, tot ? f->t_x10 : f->x10);
                break;
            case JR_XC_DATE: {
                int y, m, d;
                date_to_ymd(x->d, &y, &m, &d);
                lxw_datetime dt = {.year = y, .month = m, .day = d};
                worksheet_write_datetime(ws, row, col, &dt, f->date);
                w = 12;
                break;
            }
            }
            if (w > width[c])
                width[c] = w > 48 ? 48 : w;
        }
    }
    for (int c = 0; c < t->ncols; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width[c], NULL);
    worksheet_freeze_panes(ws, head + 1, 0);
    if (t->nrows > 0)
        worksheet_autofilter(ws, head, 0, head + (lxw_row_t)t->nrows, (lxw_col_t)(t->ncols - 1));
}

jr_status xlsx_write(const jr_xtables *ts, const char *path, jr_error *err)
{
    lxw_workbook *wb = workbook_new(path);
    if (!wb)
        return jr_fail(err, JR_EIO, "file_unwritable", "out", "%s: niet te schrijven.", path);
    int y, m, d;
    date_to_ymd(ts->produced, &y, &m, &d);
    struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d};
    lxw_doc_properties props = {
        .title = (char *)ts->title, .author = (char *)"jeugdregio", .created = timegm(&tm)};
    workbook_set_properties(wb, &props);
    formats f;
    make_formats(wb, &f);
    for (int i = 0; i < ts->n; i++)
        write_table(wb, &f, &ts->t[i]);
    if (ts->n == 0)
        workbook_add_worksheet(wb, "leeg");
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) {
        unlink(path);
        return jr_fail(err, JR_EIO, "file_unwritable", "out", "%s: niet te schrijven: %s.", path,
                       lxw_strerror(e));
    }
    return JR_OK;
}

jr_status xlsx_bytes(const jr_xtables *ts, sbuf *out, jr_error *err)
{
    const char *dir = getenv("TMPDIR");
    char path[512];
    snprintf(path, sizeof path, "%s/jeugdregio-XXXXXX.xlsx", dir && *dir ? dir : "/tmp");
    int fd = mkstemps(path, 5);
    if (fd < 0)
        return jr_fail(err, JR_EIO, "file_unwritable", NULL, "Tijdelijk bestand niet te maken: %s.",
                       strerror(errno));
    close(fd);
    jr_status rc = xlsx_write(ts, path, err);
    if (rc != JR_OK)
        return rc;
    FILE *in = fopen(path, "rb");
    if (!in) {
        unlink(path);
        return jr_fail(err, JR_EIO, "file_unreadable", NULL, "%s: niet te lezen: %s.", path,
                       strerror(errno));
    }
    char buf[65536];
    size_t n;
    while (rc == JR_OK && (n = fread(buf, 1, sizeof buf, in)) > 0)
        if (sbuf_append(out, buf, n) != 0)
            rc = jr_fail(err, JR_ENOMEM, "nomem", NULL, "Onvoldoende geheugen.");
    if (rc == JR_OK && ferror(in))
        rc = jr_fail(err, JR_EIO, "file_unreadable", NULL, "%s: niet te lezen.", path);
    fclose(in);
    unlink(path);
    return rc;
}

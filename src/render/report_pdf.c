/*
 * report_pdf.c: the council report as a PDF (see report_pdf.h).
 *
 * Layout: A4 portrait in points; a cursor y runs down the page and every
 * block first asks for its height (need), which starts a new page when it
 * does not fit. The document is drawn twice: the first pass only counts
 * the pages and notes on which page each section starts, so that the
 * second can print "pagina N van M" and the table of contents on the
 * cover. Text is laid out by pango in DejaVu Sans at absolute sizes, so
 * that the metrics do not depend on a screen resolution. Numbers are
 * formatted here in Dutch from the integers the services computed;
 * doubles appear only to place a bar in a chart.
 */
#include "report_pdf.h"

#include "../domain/date.h"
#include "../domain/endings.h"
#include "../domain/forecast.h"
#include "../domain/money.h"
#include "../domain/stats.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <inttypes.h>
#include <pango/pangocairo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- page geometry (points) ---- */

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN_X 56.0
#define MARGIN_TOP 56.0
#define MARGIN_BOTTOM 64.0
#define CONTENT_W (PAGE_W - 2 * MARGIN_X)
#define FONT "DejaVu Sans"

#define MAX_SECTIONS 16
#define TB_COLS 8
#define TB_ROWS 80
#define TB_CELL 96
#define BAR_MAX 64

/* ---- formatting in Dutch ---- */

typedef struct {
    char s[64];
} txt;

static txt tf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static txt tf(const char *fmt, ...)
{
    txt t;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t.s, sizeof t.s, fmt, ap);
    va_end(ap);
    return t;
}

/* 1234567 as "1.234.567" */
static txt t_int(int64_t v)
{
    char digits[24];
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int n = snprintf(digits, sizeof digits, "%" PRIu64, u);
    txt t;
    size_t o = 0;
    if (v < 0)
        t.s[o++] = '-';
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            t.s[o++] = '.';
        t.s[o++] = digits[i];
    }
    t.s[o] = '\0';
    return t;
}

/* tenths as "12,3" */
static txt t_x10(int64_t v)
{
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    txt whole = t_int((int64_t)(u / 10));
    return tf("%s%s,%" PRIu64, v < 0 ? "-" : "", whole.s, u % 10);
}

static txt t_pct(int64_t x10)
{
    if (x10 < 0)
        return tf("-");
    return tf("%s %%", t_x10(x10).s);
}

static txt t_money(jr_cents c)
{
    char buf[JR_MONEY_BUF];
    return tf("%s", money_format_nl(c, buf));
}

/* growth in tenths with its sign, "-" when there is none */
static txt t_growth(bool has, int64_t x10)
{
    if (!has)
        return tf("-");
    return tf("%s%s %%", x10 > 0 ? "+" : "", t_x10(x10).s);
}

static txt t_growth_of(int64_t now, int64_t before)
{
    int64_t g = 0;
    bool has = stats_growth_x10(now, before, &g);
    return t_growth(has, g);
}

/* a count of youths as shown: "< 10" when hidden */
static txt t_count(jr_fig_count c, int64_t threshold)
{
    if (c.hidden)
        return tf("< %" PRId64, threshold);
    return t_int(c.n);
}

static txt t_hidden_or(bool hidden, int64_t n, int64_t threshold)
{
    return t_count((jr_fig_count){.n = n, .hidden = hidden}, threshold);
}

/* days from twice the median: "12" or "12,5" */
static txt t_half(int64_t x2)
{
    return x2 % 2 ? tf("%s,5", t_int(x2 / 2).s) : t_int(x2 / 2);
}

static const char *const month_names[12] = {"januari",   "februari", "maart",    "april",
                                            "mei",       "juni",     "juli",     "augustus",
                                            "september", "oktober",  "november", "december"};

static txt t_date(jr_date d)
{
    int y, m, day;
    date_to_ymd(d, &y, &m, &day);
    if (m < 1 || m > 12)
        return tf("-");
    return tf("%d %s %d", day, month_names[m - 1], y);
}

static txt t_month(jr_month mo)
{
    int m = (int)(mo % 12);
    return tf("%s %d", month_names[m], (int)(mo / 12));
}

/* "2e kwartaal 2025 (1 april t/m 30 juni 2025)" */
static txt t_period_long(const jr_period *p)
{
    txt a = t_date(p->first), b = t_date(p->last);
    switch (p->kind) {
    case JR_PERIOD_MONTH:
        return tf("%s %d", month_names[p->index - 1], p->year);
    case JR_PERIOD_QUARTER:
        return tf("%de kwartaal %d (%s t/m %s)", p->index, p->year, a.s, b.s);
    case JR_PERIOD_HALF:
        return tf("%de halfjaar %d (%s t/m %s)", p->index, p->year, a.s, b.s);
    case JR_PERIOD_YEAR:
        break;
    }
    return tf("het jaar %d", p->year);
}

static txt t_period(const jr_period *p)
{
    char b[JR_PERIOD_TEXT_LEN];
    return tf("%s", period_format(p, b));
}

/* ---- the drawing state ---- */

typedef struct {
    sbuf *out; /* NULL: the counting pass discards the bytes */
    bool nomem;
} sink;

typedef struct {
    char cells[TB_ROWS][TB_COLS][TB_CELL];
    bool bold[TB_ROWS];
    bool shade[TB_ROWS];
} table_rows;

typedef struct {
    const jr_council_report *r;
    cairo_surface_t *surface;
    cairo_t *cr;
    bool final;                     /* the second pass: outline, contents and page total */
    int page, pages;                /* the current page (1-based); the total of pass 1 */
    double y;                       /* the cursor */
    int nsections;                  /* sections started so far */
    int section_page[MAX_SECTIONS]; /* pass 1's start page per section */
    char footer[160];
    table_rows *tb; /* scratch for the table being built */
    int tb_n;
} pdf;

static cairo_status_t sink_write(void *closure, const unsigned char *data, unsigned int len)
{
    sink *s = closure;
    if (!s->out)
        return CAIRO_STATUS_SUCCESS;
    if (sbuf_append(s->out, (const char *)data, len) != 0) {
        s->nomem = true;
        return CAIRO_STATUS_WRITE_ERROR;
    }
    return CAIRO_STATUS_SUCCESS;
}

/* text: a layout of s in the font at size (points), bold or not, wrapped
 * at width, aligned; the caller frees it */
static PangoLayout *text(pdf *p, const char *s, double size, bool bold, double width,
                         PangoAlignment align)
{
    PangoLayout *l = pango_cairo_create_layout(p->cr);
    PangoFontDescription *fd = pango_font_description_from_string(FONT);
    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    if (bold)
        pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, align);
    pango_layout_set_text(l, s, -1);
    return l;
}

static double layout_height(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

static void show(pdf *p, PangoLayout *l, double x, double y)
{
    cairo_move_to(p->cr, x, y);
    pango_cairo_show_layout(p->cr, l);
}

static void gray(pdf *p, double g)
{
    cairo_set_source_rgb(p->cr, g, g, g);
}

static void ink(pdf *p)
{
    cairo_set_source_rgb(p->cr, 0.1, 0.1, 0.12);
}

static void accent(pdf *p)
{
    cairo_set_source_rgb(p->cr, 0.05, 0.33, 0.55); /* a dark blue */
}

/* the footer of the current page: the report's name and "pagina N van M" */
static void footer(pdf *p)
{
    double y = PAGE_H - MARGIN_BOTTOM + 24;
    gray(p, 0.6);
    cairo_set_line_width(p->cr, 0.5);
    cairo_move_to(p->cr, MARGIN_X, y - 6);
    cairo_line_to(p->cr, PAGE_W - MARGIN_X, y - 6);
    cairo_stroke(p->cr);
    gray(p, 0.35);
    PangoLayout *l = text(p, p->footer, 7.5, false, CONTENT_W * 0.75, PANGO_ALIGN_LEFT);
    show(p, l, MARGIN_X, y);
    g_object_unref(l);
    char pg[48];
    snprintf(pg, sizeof pg, "pagina %d van %d", p->page, p->final ? p->pages : p->page);
    l = text(p, pg, 7.5, false, CONTENT_W * 0.25, PANGO_ALIGN_RIGHT);
    show(p, l, MARGIN_X + CONTENT_W * 0.75, y);
    g_object_unref(l);
    ink(p);
}

static void new_page(pdf *p)
{
    footer(p);
    cairo_show_page(p->cr);
    p->page++;
    p->y = MARGIN_TOP;
}

/* need: room for h points below the cursor, or a new page */
static void need(pdf *p, double h)
{
    if (p->y + h > PAGE_H - MARGIN_BOTTOM && p->y > MARGIN_TOP)
        new_page(p);
}

static void space(pdf *p, double h)
{
    p->y += h;
}

/* para: a wrapped paragraph at size, kept on one page */
static void para_sized(pdf *p, const char *s, double size, bool bold)
{
    PangoLayout *l = text(p, s, size, bold, CONTENT_W, PANGO_ALIGN_LEFT);
    double h = layout_height(l);
    need(p, h);
    ink(p);
    show(p, l, MARGIN_X, p->y);
    g_object_unref(l);
    p->y += h + 5;
}

static void para(pdf *p, const char *s)
{
    para_sized(p, s, 9.5, false);
}

static void paraf(pdf *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void paraf(pdf *p, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    para(p, buf);
}

static void note(pdf *p, const char *s)
{
    PangoLayout *l = text(p, s, 7.5, false, CONTENT_W, PANGO_ALIGN_LEFT);
    double h = layout_height(l);
    need(p, h);
    gray(p, 0.35);
    show(p, l, MARGIN_X, p->y);
    g_object_unref(l);
    ink(p);
    p->y += h + 6;
}

/* section: a numbered chapter on a new page (except the first after the
 * cover), with its bookmark in the PDF outline */
static void section(pdf *p, const char *title)
{
    if (p->y > MARGIN_TOP)
        new_page(p);
    int i = p->nsections++;
    if (i < MAX_SECTIONS && !p->final)
        p->section_page[i] = p->page;
    if (p->final) {
        char dest[64];
        snprintf(dest, sizeof dest, "page=%d pos=[%d %d]", p->page, (int)MARGIN_X, (int)MARGIN_TOP);
        cairo_pdf_surface_add_outline(p->surface, CAIRO_PDF_OUTLINE_ROOT, title, dest, 0);
    }
    PangoLayout *l = text(p, title, 16, true, CONTENT_W, PANGO_ALIGN_LEFT);
    accent(p);
    show(p, l, MARGIN_X, p->y);
    double h = layout_height(l);
    g_object_unref(l);
    p->y += h + 4;
    cairo_set_line_width(p->cr, 1.2);
    cairo_move_to(p->cr, MARGIN_X, p->y);
    cairo_line_to(p->cr, PAGE_W - MARGIN_X, p->y);
    cairo_stroke(p->cr);
    ink(p);
    p->y += 12;
}

static void subheading(pdf *p, const char *title)
{
    PangoLayout *l = text(p, title, 11, true, CONTENT_W, PANGO_ALIGN_LEFT);
    double h = layout_height(l);
    need(p, h + 60); /* never alone at the foot of a page */
    p->y += 4;
    accent(p);
    show(p, l, MARGIN_X, p->y);
    g_object_unref(l);
    ink(p);
    p->y += h + 5;
}

/* ---- tables ---- */

typedef struct {
    int ncols;
    const char *head[TB_COLS];
    double width[TB_COLS]; /* shares of the content width, summing to 1 */
    bool right[TB_COLS];   /* numbers are right-aligned */
    double size;           /* font size; 0: 8.5 */
} table_spec;

static void tb_start(pdf *p)
{
    p->tb_n = 0;
}

/* tb_row: one row of ncols cells (const char *) */
static void tb_row(pdf *p, int ncols, bool bold, ...)
{
    if (p->tb_n >= TB_ROWS)
        return;
    int i = p->tb_n++;
    p->tb->bold[i] = bold;
    p->tb->shade[i] = false;
    va_list ap;
    va_start(ap, bold);
    for (int c = 0; c < TB_COLS; c++) {
        const char *s = c < ncols ? va_arg(ap, const char *) : "";
        str_copy(p->tb->cells[i][c], TB_CELL, s ? s : "");
    }
    va_end(ap);
}

static void tb_shade_last(pdf *p)
{
    if (p->tb_n > 0)
        p->tb->shade[p->tb_n - 1] = true;
}

/* the height of one row of cells, as laid out */
static double row_draw(pdf *p, const table_spec *t, char cells[][TB_CELL], bool bold, bool header,
                       bool draw, double y)
{
    double size = t->size > 0 ? t->size : 8.5;
    double x = MARGIN_X, h = 0;
    for (int c = 0; c < t->ncols; c++) {
        double w = t->width[c] * CONTENT_W;
        PangoLayout *l = text(p, cells[c], size, bold || header, w - 6,
                              t->right[c] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
        double lh = layout_height(l);
        if (draw) {
            if (header)
                cairo_set_source_rgb(p->cr, 1, 1, 1);
            else
                ink(p);
            show(p, l, x + 3, y + 3);
        }
        g_object_unref(l);
        if (lh > h)
            h = lh;
        x += w;
    }
    return h + 6;
}

static void table_header(pdf *p, const table_spec *t)
{
    char head[TB_COLS][TB_CELL];
    for (int c = 0; c < t->ncols; c++)
        str_copy(head[c], TB_CELL, t->head[c]);
    double h = row_draw(p, t, head, true, true, false, p->y);
    accent(p);
    cairo_rectangle(p->cr, MARGIN_X, p->y, CONTENT_W, h);
    cairo_fill(p->cr);
    row_draw(p, t, head, true, true, true, p->y);
    p->y += h;
}

/* table: the rows built with tb_row under t's header; the header is
 * repeated on every page the table continues on */
static void table(pdf *p, const table_spec *t)
{
    char head[TB_COLS][TB_CELL];
    for (int c = 0; c < t->ncols; c++)
        str_copy(head[c], TB_CELL, t->head[c]);
    double hh = row_draw(p, t, head, true, true, false, p->y);
    double first =
        p->tb_n > 0 ? row_draw(p, t, p->tb->cells[0], p->tb->bold[0], false, false, 0) : 0;
    need(p, hh + first);
    table_header(p, t);
    for (int i = 0; i < p->tb_n; i++) {
        double h = row_draw(p, t, p->tb->cells[i], p->tb->bold[i], false, false, 0);
        if (p->y + h > PAGE_H - MARGIN_BOTTOM) {
            new_page(p);
            table_header(p, t);
        }
        if (p->tb->shade[i])
            cairo_set_source_rgb(p->cr, 0.87, 0.92, 0.97);
        else if (i % 2)
            gray(p, 0.955);
        else
            cairo_set_source_rgb(p->cr, 1, 1, 1);
        cairo_rectangle(p->cr, MARGIN_X, p->y, CONTENT_W, h);
        cairo_fill(p->cr);
        row_draw(p, t, p->tb->cells[i], p->tb->bold[i], false, true, p->y);
        p->y += h;
    }
    gray(p, 0.6);
    cairo_set_line_width(p->cr, 0.5);
    cairo_move_to(p->cr, MARGIN_X, p->y);
    cairo_line_to(p->cr, PAGE_W - MARGIN_X, p->y);
    cairo_stroke(p->cr);
    ink(p);
    p->y += 10;
}

/* ---- charts ---- */

typedef struct {
    int n;
    char label[BAR_MAX][48];
    char value[BAR_MAX][48]; /* the value as printed at the bar's end */
    int64_t v[BAR_MAX];      /* the value in its integer unit; negatives draw as 0 */
    bool mark[BAR_MAX];      /* highlighted (the municipality's own) */
    bool has_ref;
    int64_t ref; /* a reference line (the region's average), same unit */
    char ref_label[64];
} bars;

static void bar_add(bars *b, const char *label, int64_t v, const char *value, bool mark)
{
    if (b->n >= BAR_MAX)
        return;
    str_copy(b->label[b->n], sizeof b->label[0], label);
    str_copy(b->value[b->n], sizeof b->value[0], value);
    b->v[b->n] = v;
    b->mark[b->n] = mark;
    b->n++;
}

/* chart: horizontal bars, one per row, scaled to the largest value */
static void chart(pdf *p, const char *title, const bars *b)
{
    const double row = 15, label_w = 130, value_w = 80;
    double h = 18 + b->n * row + (b->has_ref ? 14 : 0) + 8;
    if (b->n == 0)
        return;
    need(p, h);
    PangoLayout *l = text(p, title, 9, true, CONTENT_W, PANGO_ALIGN_LEFT);
    ink(p);
    show(p, l, MARGIN_X, p->y);
    g_object_unref(l);
    p->y += 16;
    int64_t max = b->has_ref && b->ref > 0 ? b->ref : 0;
    for (int i = 0; i < b->n; i++)
        if (b->v[i] > max)
            max = b->v[i];
    double x0 = MARGIN_X + label_w, span = CONTENT_W - label_w - value_w;
    double top = p->y;
    for (int i = 0; i < b->n; i++) {
        double y = top + i * row;
        l = text(p, b->label[i], 8, b->mark[i], label_w - 6, PANGO_ALIGN_RIGHT);
        ink(p);
        show(p, l, MARGIN_X, y + 1);
        g_object_unref(l);
        double w = max > 0 && b->v[i] > 0 ? span * ((double)b->v[i] / (double)max) : 0;
        if (b->mark[i])
            cairo_set_source_rgb(p->cr, 0.85, 0.42, 0.05);
        else
            cairo_set_source_rgb(p->cr, 0.30, 0.55, 0.78);
        if (w > 0) {
            cairo_rectangle(p->cr, x0, y + 2, w, row - 4);
            cairo_fill(p->cr);
        }
        l = text(p, b->value[i], 8, b->mark[i], value_w - 4, PANGO_ALIGN_LEFT);
        ink(p);
        show(p, l, x0 + w + 4, y + 1);
        g_object_unref(l);
    }
    p->y = top + b->n * row;
    if (b->has_ref && max > 0) {
        double x = x0 + span * ((double)b->ref / (double)max);
        cairo_set_source_rgb(p->cr, 0.75, 0.1, 0.1);
        cairo_set_line_width(p->cr, 1);
        double dash[] = {3, 2};
        cairo_set_dash(p->cr, dash, 2, 0);
        cairo_move_to(p->cr, x, top);
        cairo_line_to(p->cr, x, p->y + 2);
        cairo_stroke(p->cr);
        cairo_set_dash(p->cr, NULL, 0, 0);
        l = text(p, b->ref_label, 7.5, false, CONTENT_W - label_w, PANGO_ALIGN_LEFT);
        show(p, l, x0, p->y + 3);
        g_object_unref(l);
        p->y += 14;
        ink(p);
    }
    p->y += 10;
}

/* ---- the sections ---- */

static bool is_region(const jr_council_report *r)
{
    return !r->gemeente[0];
}

/* "Zwolle" or "de regio IJsselland" in running text */
static txt who_text(const jr_council_report *r)
{
    return is_region(r) ? tf("de regio %s", r->region) : tf("%s", r->name);
}

static const char *const section_titles[] = {
    "1. Kerncijfers",
    "2. Uitgaven",
    "3. Verwijzingen",
    "4. Duur, wachttijd en beëindiging",
    "5. Budgetgebruik",
    "6. Ambulantisering",
    "7. Concentratie van aanbieders",
    "8. Vergelijking tussen gemeenten",
    "9. Begroting en prognose",
    "10. Signalen voor de controle",
    "Bijlage: definities",
};
#define NSECTIONS ((int)(sizeof section_titles / sizeof section_titles[0]))

static void sec_cover(pdf *p)
{
    const jr_council_report *r = p->r;
    p->y = 150;
    accent(p);
    cairo_rectangle(p->cr, MARGIN_X, 120, 60, 6);
    cairo_fill(p->cr);
    para_sized(p, "Raadsrapportage jeugdhulp", 26, true);
    space(p, 4);
    if (is_region(r))
        para_sized(p, tf("Regio %s", r->region).s, 18, false);
    else {
        para_sized(p, tf("Gemeente %s", r->name).s, 18, false);
        para_sized(p, tf("Regio %s", r->region).s, 12, false);
    }
    space(p, 10);
    para_sized(p, tf("Periode: %s", t_period_long(&r->period).s).s, 11, true);
    paraf(p, "Elk cijfer staat naast dezelfde periode een jaar eerder (%s).",
          t_period(&r->before).s);
    space(p, 14);
    paraf(p,
          "Dit rapport is een openbaar stuk. Aantallen van 1 tot %" PRId64
          " jeugdigen, en wat daarop is gebaseerd, staan er als \"< %" PRId64
          "\": zo is geen jeugdige te herkennen. Bedragen zijn de geaccepteerde declaraties van "
          "aanbieders (debet min credit), in euro's.",
          r->threshold, r->threshold);
    paraf(p, "Opgesteld op %s%s%s met jeugdregio.", t_date(r->produced).s,
          r->produced_by[0] ? " door " : "", r->produced_by);
    space(p, 24);
    para_sized(p, "Inhoud", 12, true);
    for (int i = 0; i < NSECTIONS; i++) {
        int pg = p->final ? p->section_page[i] : 0;
        PangoLayout *l = text(p, section_titles[i], 10, false, CONTENT_W - 60, PANGO_ALIGN_LEFT);
        double h = layout_height(l);
        if (p->final) {
            char link[64];
            snprintf(link, sizeof link, "page=%d pos=[%d %d]", pg, (int)MARGIN_X, (int)MARGIN_TOP);
            cairo_tag_begin(p->cr, CAIRO_TAG_LINK, link);
        }
        ink(p);
        show(p, l, MARGIN_X, p->y);
        g_object_unref(l);
        char num[16];
        snprintf(num, sizeof num, "%d", pg);
        l = text(p, p->final ? num : "00", 10, false, 60, PANGO_ALIGN_RIGHT);
        show(p, l, PAGE_W - MARGIN_X - 60, p->y);
        g_object_unref(l);
        if (p->final)
            cairo_tag_end(p->cr, CAIRO_TAG_LINK);
        p->y += h + 4;
    }
}

static void sec_key(pdf *p)
{
    const jr_council_report *r = p->r;
    const jr_figures_volume *v = &r->volume;
    const jr_fig_spend_row *s = &r->spending.spend;
    int64_t th = r->threshold;
    bool reg = !is_region(r) && v->has_region;

    if (v->now.youths.hidden)
        paraf(p, "In %s kregen minder dan %" PRId64 " jeugdigen uit %s jeugdhulp.",
              t_period(&r->period).s, th, who_text(r).s);
    else
        paraf(p,
              "In %s kregen %s jeugdigen uit %s jeugdhulp%s%s%s (%s dezelfde periode vorig jaar).",
              t_period(&r->period).s, t_int(v->now.youths.n).s, who_text(r).s,
              v->now.per_thousand_x10 >= 0 ? ": " : "",
              v->now.per_thousand_x10 >= 0 ? t_x10(v->now.per_thousand_x10).s : "",
              v->now.per_thousand_x10 >= 0 ? " per 1.000 jeugdigen tot 18 jaar" : "",
              v->prev.youths.hidden ? tf("minder dan %" PRId64 " in", th).s
                                    : tf("%s in", t_int(v->prev.youths.n).s).s);
    paraf(p, "Aan jeugdhulp werd %s besteed%s%s.", t_money(s->total).s,
          s->has_growth ? ", een verandering van " : "",
          s->has_growth ? tf("%s ten opzichte van dezelfde periode vorig jaar",
                             t_growth(true, s->growth_x10).s)
                              .s
                        : "");

    char h1[16], h2[16];
    str_copy(h1, sizeof h1, t_period(&r->period).s);
    str_copy(h2, sizeof h2, t_period(&r->before).s);
    table_spec t = {.ncols = reg ? 5 : 4,
                    .head = {"Kerncijfer", h1, h2, "Verschil", "Regio"},
                    .width = {0.38, 0.16, 0.16, 0.13, 0.17},
                    .right = {false, true, true, true, true}};
    if (!reg) {
        t.width[0] = 0.46;
        t.width[1] = 0.19;
        t.width[2] = 0.19;
        t.width[3] = 0.16;
    }
    tb_start(p);
#define KEY_ROW(label, now, prev, diff, region)                                                    \
    tb_row(p, t.ncols, false, label, (now).s, (prev).s, (diff).s, reg ? (region).s : "")
    txt none = tf("-");
    KEY_ROW("Jeugdigen in zorg", t_count(v->now.youths, th), t_count(v->prev.youths, th),
            (v->now.youths.hidden || v->prev.youths.hidden)
                ? none
                : t_growth_of(v->now.youths.n, v->prev.youths.n),
            t_count(v->region_now.youths, th));
    KEY_ROW("Per 1.000 jeugdigen tot 18 jaar",
            v->now.per_thousand_x10 >= 0 ? t_x10(v->now.per_thousand_x10) : none,
            v->prev.per_thousand_x10 >= 0 ? t_x10(v->prev.per_thousand_x10) : none, none,
            v->region_now.per_thousand_x10 >= 0 ? t_x10(v->region_now.per_thousand_x10) : none);
    KEY_ROW("Aandeel van jeugdigen tot 18 jaar", t_pct(v->now.share_x10), t_pct(v->prev.share_x10),
            none, t_pct(v->region_now.share_x10));
    KEY_ROW("Actieve toewijzingen", t_int(v->now.active), t_int(v->prev.active),
            t_growth_of(v->now.active, v->prev.active), t_int(v->region_now.active));
    KEY_ROW("Gestarte toewijzingen", t_int(v->now.started), t_int(v->prev.started),
            t_growth_of(v->now.started, v->prev.started), t_int(v->region_now.started));
    KEY_ROW("Beëindigde toewijzingen", t_int(v->now.ended), t_int(v->prev.ended),
            t_growth_of(v->now.ended, v->prev.ended), t_int(v->region_now.ended));
    const jr_figures_referrals *rf = &r->referrals;
    KEY_ROW("Verwijzingen", t_count(rf->now.total, th), t_count(rf->prev.total, th),
            (rf->now.total.hidden || rf->prev.total.hidden)
                ? none
                : t_growth_of(rf->now.total.n, rf->prev.total.n),
            t_count(rf->region_now.total, th));
    const jr_fig_spend_row *rs = &r->spending.region_spend;
    KEY_ROW("Uitgaven", t_money(s->total), t_money(s->total_prev),
            t_growth(s->has_growth, s->growth_x10), t_money(rs->total));
    KEY_ROW("Uitgaven per jeugdige", s->has_per_youth ? t_money(s->per_youth) : none, none, none,
            rs->has_per_youth ? t_money(rs->per_youth) : none);
    KEY_ROW("Uitgaven per toewijzing", s->has_per_assignment ? t_money(s->per_assignment) : none,
            none, none, rs->has_per_assignment ? t_money(rs->per_assignment) : none);
#undef KEY_ROW
    table(p, &t);
    note(p, "Verschil: de groei ten opzichte van dezelfde periode vorig jaar. De uitgaven per "
            "jeugdige en per toewijzing gelden voor de jeugdigen en toewijzingen achter de "
            "geaccepteerde declaraties van de periode.");
}

static void sec_spending(pdf *p)
{
    const jr_council_report *r = p->r;
    const jr_fig_spend_row *s = &r->spending.spend;
    char h1[16], h2[16];
    str_copy(h1, sizeof h1, t_period(&r->period).s);
    str_copy(h2, sizeof h2, t_period(&r->before).s);

    subheading(p, "Per voorziening");
    table_spec t = {.ncols = 4,
                    .head = {"Voorziening", h1, h2, "Groei"},
                    .width = {0.40, 0.22, 0.22, 0.16},
                    .right = {false, true, true, true}};
    tb_start(p);
    bars b = {0};
    for (int v = 0; v < JR_VZ_COUNT; v++) {
        const jr_fig_spend_group *g = &s->by_voorziening[v];
        if (v == JR_VZ_OTHER && g->now == 0 && g->prev == 0)
            continue;
        tb_row(p, 4, false, figures_voorziening_name((jr_voorziening)v), t_money(g->now).s,
               t_money(g->prev).s, t_growth(g->has_growth, g->growth_x10).s);
        bar_add(&b, figures_voorziening_name((jr_voorziening)v), g->now, t_money(g->now).s, false);
    }
    tb_row(p, 4, true, "Totaal", t_money(s->total).s, t_money(s->total_prev).s,
           t_growth(s->has_growth, s->growth_x10).s);
    table(p, &t);
    chart(p, tf("Uitgaven per voorziening, %s", h1).s, &b);

    subheading(p, "Per product");
    table_spec tp = {.ncols = 5,
                     .head = {"Code", "Product", h1, h2, "Groei"},
                     .width = {0.12, 0.36, 0.19, 0.19, 0.14},
                     .right = {false, false, true, true, true}};
    tb_start(p);
    for (int i = 0; i < s->nproducts; i++) {
        const jr_fig_spend_group *g = &s->by_product[i];
        if (g->now == 0 && g->prev == 0)
            continue;
        tb_row(p, 5, false, g->code, g->name, t_money(g->now).s, t_money(g->prev).s,
               t_growth(g->has_growth, g->growth_x10).s);
    }
    if (p->tb_n == 0)
        para(p, "Geen geaccepteerde declaraties in deze periode of dezelfde periode vorig jaar.");
    else
        table(p, &tp);

    /* the ten providers with the highest spending */
    int n = s->nproviders;
    int top[10], ntop = 0;
    for (int k = 0; k < 10; k++) {
        int best = -1;
        for (int i = 0; i < n; i++) {
            bool taken = false;
            for (int j = 0; j < ntop; j++)
                taken = taken || top[j] == i;
            if (taken || s->by_provider[i].now <= 0)
                continue;
            if (best < 0 || s->by_provider[i].now > s->by_provider[best].now)
                best = i;
        }
        if (best < 0)
            break;
        top[ntop++] = best;
    }
    subheading(p, "Aanbieders met de hoogste uitgaven");
    if (ntop == 0) {
        para(p, "Geen aanbieder declareerde in deze periode.");
        return;
    }
    table_spec tv = {.ncols = 5,
                     .head = {"AGB", "Aanbieder", h1, "Aandeel", "Groei"},
                     .width = {0.13, 0.41, 0.19, 0.12, 0.15},
                     .right = {false, false, true, true, true}};
    tb_start(p);
    for (int k = 0; k < ntop; k++) {
        const jr_fig_spend_group *g = &s->by_provider[top[k]];
        tb_row(p, 5, false, g->code, g->name, t_money(g->now).s,
               t_pct(s->total > 0 ? stats_share_x10(g->now, s->total) : -1).s,
               t_growth(g->has_growth, g->growth_x10).s);
    }
    table(p, &tv);
    paraf(p, "%d aanbieders declareerden in deze periode; hierboven de %d met de hoogste uitgaven.",
          n, ntop);
}

static void sec_referrals(pdf *p)
{
    const jr_council_report *r = p->r;
    const jr_figures_referrals *f = &r->referrals;
    int64_t th = r->threshold;
    bool reg = !is_region(r) && f->has_region;
    char h1[16], h2[16];
    str_copy(h1, sizeof h1, t_period(&r->period).s);
    str_copy(h2, sizeof h2, t_period(&r->before).s);
    paraf(p, "Verwijzingen met een verwijsdatum in de periode, naar wie verwees en naar de route "
             "(keuzebudget, offerte, wonen/verblijf, crisis, dyslexie).");
    table_spec t = {.ncols = reg ? 4 : 3,
                    .head = {"Verwijzer", h1, h2, "Regio"},
                    .width = {0.46, 0.18, 0.18, 0.18},
                    .right = {false, true, true, true}};
    subheading(p, "Naar verwijzer");
    tb_start(p);
    for (int i = 0; i < JR_FIG_REFERRER_TYPES; i++)
        tb_row(p, t.ncols, false, f->now.by_referrer[i].name,
               t_count(f->now.by_referrer[i].n, th).s, t_count(f->prev.by_referrer[i].n, th).s,
               t_count(f->region_now.by_referrer[i].n, th).s);
    tb_row(p, t.ncols, true, "Totaal", t_count(f->now.total, th).s, t_count(f->prev.total, th).s,
           t_count(f->region_now.total, th).s);
    table(p, &t);

    subheading(p, "Naar route");
    t.head[0] = "Route";
    tb_start(p);
    bars b = {0};
    for (int i = 0; i < JR_FIG_ROUTES; i++) {
        const jr_fig_referral_group *g = &f->now.by_route[i];
        tb_row(p, t.ncols, false, g->name, t_count(g->n, th).s,
               t_count(f->prev.by_route[i].n, th).s, t_count(f->region_now.by_route[i].n, th).s);
        if (!g->n.hidden)
            bar_add(&b, g->name, g->n.n, t_int(g->n.n).s, false);
    }
    table(p, &t);
    chart(p, tf("Verwijzingen naar route, %s", h1).s, &b);
    note(p, "Een route met minder dan de drempel aan verwijzingen ontbreekt in de grafiek.");
}

static void days_table(pdf *p, const char *first, const jr_fc_days *rows, size_t n,
                       const jr_fc_days *total, int64_t th)
{
    table_spec t = {.ncols = 5,
                    .head = {first, "Toewijzingen", "Gemiddeld", "Mediaan", "90%-punt"},
                    .width = {0.40, 0.15, 0.15, 0.15, 0.15},
                    .right = {false, true, true, true, true}};
    tb_start(p);
    for (size_t i = 0; i <= n; i++) {
        const jr_fc_days *d = i < n ? &rows[i] : total;
        const char *name = i < n ? report_label(p->r, d->key) : "Totaal";
        if (d->hidden) {
            tb_row(p, 5, i == n, name, tf("< %" PRId64 " jeugdigen", th).s, "-", "-", "-");
            continue;
        }
        if (d->n == 0) {
            tb_row(p, 5, i == n, name, "0", "-", "-", "-");
            continue;
        }
        tb_row(p, 5, i == n, name, t_int(d->n).s, tf("%s dagen", t_int(d->mean).s).s,
               tf("%s dagen", t_half(d->median_x2).s).s, tf("%s dagen", t_int(d->p90).s).s);
    }
    table(p, &t);
}

static void sec_care(pdf *p)
{
    const jr_council_report *r = p->r;
    int64_t th = r->threshold;
    const jr_fc_durations *du = &r->durations;
    subheading(p, "Duur van beëindigde toewijzingen");
    para(p, "De duur van de toewijzingen die in de periode eindigden, van start tot einde.");
    days_table(p, "Budget of product", du->by_voorziening, du->n, &du->total, th);
    if (!du->total.hidden && du->total.n > 0) {
        table_spec t = {.ncols = 3,
                        .head = {"Duur (klassen van het CBS)", "Toewijzingen", "Aandeel"},
                        .width = {0.5, 0.25, 0.25},
                        .right = {false, true, true}};
        tb_start(p);
        for (int c = 0; c < JR_DUR_NCLASSES; c++)
            tb_row(p, 3, false, stats_duration_label((jr_duration_class)c),
                   t_int(du->total.classes[c]).s,
                   t_pct(stats_share_x10(du->total.classes[c], du->total.n)).s);
        table(p, &t);
    }

    const jr_fc_waiting *w = &r->waiting;
    subheading(p, "Wachttijd van verwijzing tot start van de zorg");
    para(p, "Dagen van de verwijsdatum tot de start van de zorg, voor de toewijzingen die in de "
            "periode startten na een verwijzing.");
    days_table(p, "Budget of product", w->by_voorziening, w->nv, &w->total, th);

    const jr_fc_endings *e = &r->endings;
    subheading(p, "Reden van beëindiging");
    table_spec t = {.ncols = 3,
                    .head = {"Groep (zoals het CBS)", "Beëindigingen", "Aandeel"},
                    .width = {0.5, 0.25, 0.25},
                    .right = {false, true, true}};
    tb_start(p);
    for (int g = 0; g < JR_END_NGROUPS; g++)
        tb_row(p, 3, false, end_group_label((jr_end_group)g),
               t_hidden_or(e->group_hidden[g], e->groups[g], th).s,
               e->group_hidden[g] ? "-" : t_pct(e->group_share_x10[g]).s);
    tb_row(p, 3, true, "Totaal", t_hidden_or(e->total_hidden, e->total, th).s, "");
    table(p, &t);
    if (e->ended_before_hidden || e->reentered_hidden)
        paraf(p,
              "Terugkeer binnen 12 maanden: te weinig jeugdigen om te tonen (minder dan "
              "%" PRId64 ").",
              th);
    else if (e->ended_before == 0)
        para(p, "Terugkeer binnen 12 maanden: in de 12 maanden voor de periode eindigde bij geen "
                "jeugdige de zorg.");
    else
        paraf(p,
              "Terugkeer: van de %s jeugdigen bij wie de zorg in de 12 maanden voor de periode "
              "eindigde, kregen er %s (%s) in de periode opnieuw een toewijzing.",
              t_int(e->ended_before).s, t_int(e->reentered).s, t_pct(e->reentry_share_x10).s);
}

static void sec_budget_use(pdf *p)
{
    const jr_council_report *r = p->r;
    const jr_fc_budget_use *b = &r->budget_use;
    int64_t th = r->threshold;
    para(p, "Toegekend en gebruikt budget van de ambulante toewijzingen die in de periode "
            "eindigden; wat niet gebruikt is, blijft bij de gemeente (vrijgevallen).");
    table_spec t = {
        .ncols = 6,
        .head = {"Budget", "Toewijzingen", "Toegekend", "Gebruikt", "Gebruik", "Vrijgevallen"},
        .width = {0.14, 0.15, 0.2, 0.19, 0.12, 0.2},
        .right = {false, true, true, true, true, true}};
    tb_start(p);
    for (size_t i = 0; i <= b->n; i++) {
        const jr_fc_budget *x = i < b->n ? &b->by_budget[i] : &b->total;
        const char *name = i < b->n ? report_label(r, x->key) : "Totaal";
        if (x->hidden) {
            tb_row(p, 6, i == b->n, name, tf("< %" PRId64 " jeugdigen", th).s, "-", "-", "-", "-");
            continue;
        }
        tb_row(p, 6, i == b->n, name, t_int(x->n).s, t_money(x->granted).s, t_money(x->used).s,
               t_pct(x->use_x10).s, t_money(x->released).s);
    }
    table(p, &t);
    if (!b->total.hidden && b->total.granted > 0)
        paraf(p,
              "Van het toegekende budget van %s werd %s gebruikt (%s); %s viel vrij voor de "
              "gemeente.",
              t_money(b->total.granted).s, t_money(b->total.used).s, t_pct(b->total.use_x10).s,
              t_money(b->total.released).s);
}

static void sec_ambulant(pdf *p)
{
    const jr_council_report *r = p->r;
    const jr_figures_ambulant *a = &r->ambulant;
    int64_t th = r->threshold;
    para(p, "Ambulantisering: het aandeel ambulante hulp tegenover wonen/verblijf, in jeugdigen "
            "(met een actieve toewijzing) en in geld (geaccepteerde declaraties), per maand.");
    table_spec t = {.ncols = 7,
                    .head = {"Maand", "Ambulant", "Verblijf", "Aandeel", "Ambulant (€)",
                             "Verblijf (€)", "Aandeel"},
                    .width = {0.17, 0.11, 0.11, 0.1, 0.2, 0.2, 0.11},
                    .right = {false, true, true, true, true, true, true},
                    .size = 8};
    tb_start(p);
    bars b = {0};
    for (int i = 0; i <= a->nmonths + 1; i++) {
        const jr_fb_amb_point *x = i < a->nmonths    ? &a->now[i]
                                   : i == a->nmonths ? &a->total
                                                     : &a->total_prev;
        txt name = i < a->nmonths    ? t_month(x->month)
                   : i == a->nmonths ? tf("Periode")
                                     : tf("Vorig jaar");
        tb_row(p, 7, i >= a->nmonths, name.s, t_count(x->ambulant, th).s,
               t_count(x->verblijf, th).s, t_pct(x->youth_share_x10).s,
               t_money(x->ambulant_cents).s, t_money(x->verblijf_cents).s,
               t_pct(x->money_share_x10).s);
        if (i < a->nmonths && x->money_share_x10 >= 0)
            bar_add(&b, name.s, x->money_share_x10, t_pct(x->money_share_x10).s, false);
    }
    table(p, &t);
    if (b.n > 0 && a->total_prev.money_share_x10 >= 0) {
        b.has_ref = true;
        b.ref = a->total_prev.money_share_x10;
        snprintf(b.ref_label, sizeof b.ref_label, "- - vorig jaar: %s",
                 t_pct(a->total_prev.money_share_x10).s);
    }
    chart(p, "Aandeel ambulant in de uitgaven, per maand", &b);
}

static void sec_concentration(pdf *p)
{
    const jr_council_report *r = p->r;
    const jr_fc_concentration *c = &r->concentration;
    para(p, "Hoe de uitgaven over de aanbieders zijn verdeeld: het aandeel van de vijf grootste "
            "aanbieders en de Herfindahl-Hirschman-index (HHI, 0 tot 10.000; boven 2.500 geldt een "
            "markt als sterk geconcentreerd).");
    table_spec t = {.ncols = 5,
                    .head = {"Voorziening", "Aanbieders", "Uitgaven", "Top-5", "HHI"},
                    .width = {0.3, 0.15, 0.25, 0.15, 0.15},
                    .right = {false, true, true, true, true}};
    tb_start(p);
    for (size_t i = 0; i <= c->n; i++) {
        const jr_fc_conc *x = i < c->n ? &c->by_voorziening[i] : &c->total;
        tb_row(p, 5, i == c->n, i < c->n ? x->key : "Alle voorzieningen", t_int(x->providers).s,
               t_money(x->total).s, t_pct(x->top5_x10).s, x->total > 0 ? t_int(x->hhi).s : "-");
    }
    table(p, &t);
}

/* one benchmark cell as text */
static txt bench_cell(const jr_fb_cell *c, jr_fb_figure f, int64_t th)
{
    if (c->hidden)
        return tf("< %" PRId64, th);
    if (!c->has)
        return tf("-");
    if (figures_bench_is_money(f))
        return t_money(c->value);
    return t_x10(c->value);
}

static void bench_chart(pdf *p, const jr_council_report *r, jr_fb_figure f)
{
    const jr_figures_benchmark *b = &r->benchmark;
    bars ch = {0};
    for (int i = 0; i < b->nrows; i++) {
        const jr_fb_cell *c = &b->rows[i].cells[f];
        if (c->hidden || !c->has)
            continue;
        bar_add(&ch, b->rows[i].name, c->value, bench_cell(c, f, r->threshold).s,
                strcmp(b->rows[i].gemeente, r->gemeente) == 0);
    }
    const jr_fb_cell *rc = &b->region.cells[f];
    if (rc->has && !rc->hidden) {
        ch.has_ref = true;
        ch.ref = rc->value;
        snprintf(ch.ref_label, sizeof ch.ref_label, "- - regio: %s",
                 bench_cell(rc, f, r->threshold).s);
    }
    chart(p, figures_bench_label(f), &ch);
}

static void sec_benchmark(pdf *p)
{
    const jr_council_report *r = p->r;
    const jr_figures_benchmark *b = &r->benchmark;
    int64_t th = r->threshold;
    paraf(p,
          "De gemeenten van de regio naast elkaar op dezelfde cijfers, per 1.000 jeugdigen tot 18 "
          "jaar, met de regio als geheel%s. Een gemeente met een kleine groep staat er als \"< "
          "%" PRId64 "\".",
          is_region(r) ? "" : tf("; %s is gemarkeerd", r->name).s, th);
    static const jr_fb_figure cols[] = {JR_FB_YOUTHS_PER_1000, JR_FB_STARTED_PER_1000,
                                        JR_FB_SPEND_PER_YOUTH, JR_FB_SPEND_PER_1000,
                                        JR_FB_AMBULANT_SHARE,  JR_FB_VERBLIJF_PER_1000};
    table_spec t = {.ncols = 7,
                    .head = {"Gemeente", "Jeugdigen per 1.000", "Gestart per 1.000",
                             "Uitgaven per jeugdige", "Uitgaven per 1.000", "Ambulant (%)",
                             "Verblijf per 1.000"},
                    .width = {0.2, 0.12, 0.12, 0.15, 0.17, 0.12, 0.12},
                    .right = {false, true, true, true, true, true, true},
                    .size = 7.5};
    tb_start(p);
    for (int i = 0; i <= b->nrows; i++) {
        const jr_fb_row *row = i < b->nrows ? &b->rows[i] : &b->region;
        txt c[6];
        for (int k = 0; k < 6; k++)
            c[k] = bench_cell(&row->cells[cols[k]], cols[k], th);
        bool own = i < b->nrows && r->gemeente[0] && strcmp(row->gemeente, r->gemeente) == 0;
        tb_row(p, 7, own || i == b->nrows, i < b->nrows ? row->name : "Regio", c[0].s, c[1].s,
               c[2].s, c[3].s, c[4].s, c[5].s);
        if (own)
            tb_shade_last(p);
    }
    table(p, &t);
    bench_chart(p, r, JR_FB_YOUTHS_PER_1000);
    bench_chart(p, r, JR_FB_SPEND_PER_1000);
}

static void sec_control(pdf *p)
{
    const jr_council_report *r = p->r;
    const jr_budget_control *c = &r->control;
    paraf(p,
          "De begroting %d tegenover wat er tot en met de laatste gedeclareerde maand is "
          "gerealiseerd, wat open toewijzingen nog vastleggen (verplicht), en de prognose tot het "
          "einde van het jaar.",
          (int)c->year);
    table_spec t = {.ncols = 7,
                    .head = {"Voorziening", "Begroting", "Gerealiseerd", "Verplicht", "Prognose",
                             "Van begroting", "Signaal"},
                    .width = {0.15, 0.15, 0.16, 0.13, 0.16, 0.1, 0.15},
                    .right = {false, true, true, true, true, true, false},
                    .size = 7.5};
    tb_start(p);
    for (int v = 0; v <= JR_VZ_COUNT; v++) {
        const jr_bc_row *x = v < JR_VZ_COUNT ? &c->rows[v] : &c->total;
        if (v == JR_VZ_OTHER && !x->has_budget && x->realised == 0 && x->fc.forecast == 0)
            continue;
        tb_row(p, 7, v == JR_VZ_COUNT, x->name, x->has_budget ? t_money(x->budget).s : "-",
               t_money(x->realised).s, t_money(x->committed).s, t_money(x->fc.forecast).s,
               x->has_share ? t_pct(x->share_x10).s : "-", forecast_level_name(x->level));
        if (x->level == JR_FC_OVER)
            tb_shade_last(p);
    }
    table(p, &t);
    if (c->method[0])
        paraf(p, "Methode: %s", c->method);
    const jr_bc_row *tot = &c->total;
    if (!tot->has_budget)
        paraf(p, "Voor %d is nog geen begroting ingevoerd; de prognose staat er zonder signaal.",
              (int)c->year);
    else if (tot->level == JR_FC_OVER)
        paraf(p, "Let op: de prognose van %s overschrijdt de begroting van %s met %s.",
              t_money(tot->fc.forecast).s, t_money(tot->budget).s,
              t_money(tot->fc.forecast - tot->budget).s);
    else
        paraf(p, "De prognose van %s blijft binnen de begroting van %s (%s).",
              t_money(tot->fc.forecast).s, t_money(tot->budget).s, t_pct(tot->share_x10).s);
    note(p, "Signaal: op koers (prognose onder 95 % van de begroting), let op (95 % tot en met "
            "100 %), overschrijding (boven de begroting).");
}

static void sec_signals(pdf *p)
{
    const jr_council_report *r = p->r;
    const jr_signals *s = &r->signals;
    const jr_signal_limits *l = &s->limits;
    paraf(p,
          "Signalen wijzen de controller van de gemeente op declaraties om na te gaan. Het zijn "
          "aanleidingen tot nader onderzoek, geen bevindingen: daarom staan er in dit openbare "
          "rapport geen namen van aanbieders bij. In %s %s er %d.",
          t_period(&r->period).s, s->n == 1 ? "was" : "waren", s->n);
    table_spec t = {.ncols = 3,
                    .head = {"Signaal", "Signalen", "Aanbieders"},
                    .width = {0.6, 0.2, 0.2},
                    .right = {false, true, true}};
    tb_start(p);
    for (int k = 0; k < JR_SIG_KINDS; k++) {
        /* the providers behind the kind's signals (a provider may have several jumps) */
        int providers = 0;
        for (int i = 0; i < s->n; i++) {
            if (s->signals[i].kind != (jr_signal_kind)k)
                continue;
            bool seen = false;
            for (int j = 0; j < i && !seen; j++)
                seen = s->signals[j].kind == (jr_signal_kind)k &&
                       strcmp(s->signals[j].agb, s->signals[i].agb) == 0;
            providers += !seen;
        }
        tb_row(p, 3, false, signal_kind_name((jr_signal_kind)k), t_int(s->counts[k]).s,
               t_int(providers).s);
    }
    tb_row(p, 3, true, "Totaal", t_int(s->n).s, "");
    table(p, &t);
    char money[JR_MONEY_BUF];
    paraf(p,
          "De drempels van de regio: een aanbieder bij wie minstens %d %% van de beëindigde "
          "budgettoewijzingen (en minstens %d) voor %d %% of meer is gebruikt; een regel van meer "
          "dan %d uur per week; een regel voor de start of na de stop van de zorg; credits boven "
          "%d %% van de debetregels; een maand boven %d %% van het gemiddelde van de drie "
          "maanden ervoor en minstens %s.",
          (int)l->budget_share_pct, (int)l->budget_min_assignments, (int)l->budget_used_pct,
          (int)l->hours_per_week, (int)l->credit_share_pct, (int)l->jump_factor_pct,
          money_format_nl(l->jump_min_cents, money));
    note(p, "De signalen met de regels erachter staan voor de controller in de monitor "
            "(Signalen), binnen de eigen gemeente.");
}

static void defn(pdf *p, const char *term, const char *text_)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "%s. %s", term, text_);
    PangoLayout *l = text(p, buf, 8.5, false, CONTENT_W, PANGO_ALIGN_LEFT);
    /* the term in bold */
    PangoAttrList *al = pango_attr_list_new();
    PangoAttribute *at = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
    at->start_index = 0;
    at->end_index = (guint)strlen(term);
    pango_attr_list_insert(al, at);
    pango_layout_set_attributes(l, al);
    pango_attr_list_unref(al);
    double h = layout_height(l);
    need(p, h);
    ink(p);
    show(p, l, MARGIN_X, p->y);
    g_object_unref(l);
    p->y += h + 5;
}

static void sec_definitions(pdf *p)
{
    const jr_council_report *r = p->r;
    char small[256];
    snprintf(small, sizeof small,
             "Een aantal jeugdigen van 1 tot %" PRId64 " staat er als \"< %" PRId64
             "\", en ook wat erop is gebaseerd (een aantal per "
             "1.000, een aandeel, een gemiddelde per jeugdige). 0 wordt getoond.",
             r->threshold, r->threshold);
    defn(p, "Periode",
         "Een maand, kwartaal, halfjaar of jaar, alle dagen inbegrepen; elk cijfer staat naast "
         "dezelfde periode een jaar eerder.");
    defn(p, "Kleine groepen", small);
    defn(p, "Jeugdigen in zorg",
         "Het aantal verschillende jeugdigen met een toewijzing die op minstens een dag van de "
         "periode actief was (niet ingetrokken; van de startdatum tot de einddatum, of de eerdere "
         "datum waarop de zorg stopte).");
    defn(p, "Per 1.000 jeugdigen en aandeel",
         "Gedeeld door het aantal inwoners tot 18 jaar van de gemeente (de regio: de som), zoals "
         "de indicator van het CBS.");
    defn(p, "Gestarte en beëindigde toewijzingen",
         "Toewijzingen met hun startdatum, of hun einddatum, in de periode.");
    defn(p, "Verwijzingen",
         "Verwijzingen met een verwijsdatum in de periode, naar het soort verwijzer van het iJw "
         "(gemeentelijke toegang, huisarts, jeugdarts, gecertificeerde instelling, medisch "
         "specialist, rechter, overig) en naar de route: een van de zeven keuzebudgetten, een "
         "offerte, wonen/verblijf, crisis of dyslexie.");
    defn(p, "Uitgaven",
         "De geaccepteerde declaratieregels van de maanden van de periode, debet min credit, "
         "betaald door de gemeente van de declaratie. Groei is (nu - vorig jaar) / vorig jaar; "
         "zonder uitgaven vorig jaar is er geen groei.");
    defn(p, "Duur",
         "Van de start tot het einde van de toewijzingen die in de periode eindigden, in dagen, "
         "en in de duurklassen van het CBS (naar kalendermaanden). De mediaan is het middelste "
         "getal; het 90%-punt het getal waaronder 90 % valt.");
    defn(p, "Wachttijd",
         "Dagen van de verwijsdatum tot de start van de zorg, voor de toewijzingen die in de "
         "periode startten na een verwijzing.");
    defn(p, "Reden van beëindiging",
         "De reden van een definitieve stop van de zorg in de periode (iJw RedenBeeindiging), "
         "gegroepeerd zoals het CBS: volgens plan (31), voortijdig (32 tot en met 35), overig, "
         "onbekend. Terugkeer: jeugdigen bij wie de zorg in de 12 maanden voor de periode "
         "eindigde en die in de periode opnieuw een toewijzing kregen.");
    defn(p, "Budgetgebruik",
         "Voor ambulante toewijzingen die in de periode eindigden: het toegekende budget, wat "
         "ervan werd gedeclareerd en geaccepteerd, en wat vrijviel voor de gemeente.");
    defn(p, "Ambulantisering",
         "Het aandeel ambulant in de jeugdigen met een ambulante of een verblijfstoewijzing, en in "
         "de uitgaven aan beide.");
    defn(p, "Concentratie",
         "Het aandeel van de vijf aanbieders met de hoogste uitgaven, en de HHI: de som van de "
         "gekwadrateerde marktaandelen in procenten.");
    defn(p, "Vergelijking",
         "Per gemeente dezelfde cijfers per 1.000 jeugdigen; de regio is het totaal van de regio "
         "gedeeld door zijn inwoners tot 18 jaar.");
    defn(p, "Begroting en prognose",
         "Gerealiseerd: de geaccepteerde uitgaven van het jaar. Verplicht: het deel van open "
         "toewijzingen dat in de rest van het jaar valt. Prognose: gerealiseerd plus de "
         "run-rate van de laatste drie maanden tot december (met het seizoenspatroon van vorig "
         "jaar als dat er is) plus de verplichtingen die daar nog niet in zitten.");
    note(p, "De volledige definities staan in docs/figures.md van jeugdregio.");
}

typedef void (*section_fn)(pdf *p);
static const section_fn section_fns[] = {
    sec_key,           sec_spending,  sec_referrals, sec_care,    sec_budget_use, sec_ambulant,
    sec_concentration, sec_benchmark, sec_control,   sec_signals, sec_definitions};
_Static_assert(sizeof section_fns / sizeof section_fns[0] ==
                   sizeof section_titles / sizeof section_titles[0],
               "a title per section");

/* ---- the two passes ---- */

static jr_status draw(pdf *p, sink *s, jr_error *err)
{
    const jr_council_report *r = p->r;
    p->surface = cairo_pdf_surface_create_for_stream(sink_write, s, PAGE_W, PAGE_H);
    p->cr = cairo_create(p->surface);
    if (p->final) {
        char title[160], date[32];
        int y, m, d;
        date_to_ymd(r->produced, &y, &m, &d);
        snprintf(title, sizeof title, "Raadsrapportage jeugdhulp %s %s",
                 is_region(r) ? r->region : r->name, t_period(&r->period).s);
        snprintf(date, sizeof date, "%04d-%02d-%02dT00:00:00Z", y, m, d);
        cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE, title);
        cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_AUTHOR,
                                       is_region(r) ? tf("Regio %s", r->region).s
                                                    : tf("Gemeente %s", r->name).s);
        cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR, "jeugdregio");
        cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
        cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }
    snprintf(p->footer, sizeof p->footer, "Raadsrapportage jeugdhulp · %s · %s",
             is_region(r) ? tf("regio %s", r->region).s : tf("gemeente %s", r->name).s,
             t_period(&r->period).s);
    p->page = 1;
    p->nsections = 0;
    p->y = MARGIN_TOP;
    ink(p);
    sec_cover(p);
    for (int i = 0; i < NSECTIONS; i++) {
        section(p, section_titles[i]);
        section_fns[i](p);
    }
    footer(p);
    cairo_show_page(p->cr);
    cairo_status_t st = cairo_status(p->cr);
    cairo_destroy(p->cr);
    cairo_surface_finish(p->surface);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(p->surface);
    cairo_surface_destroy(p->surface);
    p->cr = NULL;
    p->surface = NULL;
    if (s->nomem)
        return jr_fail(err, JR_ENOMEM, "nomem", NULL, "Geen geheugen voor de PDF.");
    if (st != CAIRO_STATUS_SUCCESS)
        return jr_fail(err, JR_EIO, "pdf_failed", NULL, "De PDF kon niet worden gemaakt: %s.",
                       cairo_status_to_string(st));
    return JR_OK;
}

jr_status report_pdf_render(const jr_council_report *r, sbuf *out, jr_error *err)
{
    pdf *p = calloc(1, sizeof *p);
    table_rows *tb = calloc(1, sizeof *tb);
    if (!p || !tb) {
        free(p);
        free(tb);
        return jr_fail(err, JR_ENOMEM, "nomem", NULL, "Geen geheugen voor de PDF.");
    }
    p->r = r;
    p->tb = tb;
    sink count = {.out = NULL};
    jr_status rc = draw(p, &count, err);
    if (rc == JR_OK) {
        p->pages = p->page;
        p->final = true;
        sink real = {.out = out};
        rc = draw(p, &real, err);
    }
    free(tb);
    free(p);
    return rc;
}

/*
 * xtable.h: a table of typed cells as it is exported (issue 11: "export of
 * every table to Excel and CSV"): a title, Dutch column headers and rows of
 * cells that are text, whole numbers, amounts in eurocents, tenths (a rate
 * or a percentage with one decimal), numbers with one decimal, or dates.
 * render/export.h builds them from the figures; xtable_csv writes CSV and
 * render/xlsx.h an Excel workbook with real number and date cells.
 *
 * CSV as Dutch spreadsheets read it: UTF-8 with a byte-order mark, fields
 * separated by ';', the decimal comma and no thousands separator (an
 * amount is "1234,56", a rate "12,3"), dates ISO 8601, a field quoted when
 * it holds ';', '"' or a line break. Several tables follow one another,
 * each after its title on a line of its own and a blank line between them;
 * one table is its header and its rows only.
 */
#ifndef JR_XTABLE_H
#define JR_XTABLE_H

#include "../core/sbuf.h"
#include "../domain/date.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    JR_XC_EMPTY = 0, /* no value (null): an empty cell */
    JR_XC_TEXT,      /* text, also "< 10" for a hidden small group */
    JR_XC_INT,       /* a whole number */
    JR_XC_CENTS,     /* an amount in eurocents */
    JR_XC_X10,       /* tenths: 123 is 12,3 */
    JR_XC_DATE,      /* a day */
} jr_xcell_kind;

typedef struct {
    jr_xcell_kind kind;
    int64_t v;  /* INT, CENTS, X10 */
    jr_date d;  /* DATE */
    char *text; /* TEXT: owned */
} jr_xcell;

#define JR_XT_MAX_COLS 16

typedef struct {
    char name[32];   /* short, unique in a workbook: the sheet's name */
    char title[160]; /* what the table shows, with its scope and period */
    int ncols;
    char head[JR_XT_MAX_COLS][48];
    size_t nrows, cap;
    jr_xcell *cells; /* nrows * ncols, row by row */
    bool *total;     /* per row: a total row (bold in Excel) */
} jr_xtable;

/* A list of tables: one export. */
typedef struct {
    char title[160];  /* the export's title (the workbook's) */
    jr_date produced; /* its date (the workbook's creation date) */
    int n, cap;
    jr_xtable *t;
} jr_xtables;

/* xtables_add: a new empty table with ncols columns at the end of ts;
 * NULL when out of memory. */
jr_xtable *xtables_add(jr_xtables *ts, const char *name, const char *title, int ncols);
/* xtable_row: a new row of empty cells; NULL when out of memory. */
jr_xcell *xtable_row(jr_xtable *t, bool total);
/* xcell_text: sets c to a copy of s; false when out of memory. */
bool xcell_text(jr_xcell *c, const char *s);
/* xtables_find: the table called name, or NULL. */
const jr_xtable *xtables_find(const jr_xtables *ts, const char *name);
void xtables_free(jr_xtables *ts);

/* xtable_csv: t as CSV (header and rows) appended to out, with the
 * byte-order mark when bom; -1 when out of memory. */
int xtable_csv(const jr_xtable *t, bool bom, sbuf *out);
/* xtables_csv: every table of ts, each after its title, or the one table
 * alone; -1 when out of memory. */
int xtables_csv(const jr_xtables *ts, sbuf *out);

#endif

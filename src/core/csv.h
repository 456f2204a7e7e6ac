/*
 * csv.h: a streaming CSV reader (RFC 4180: quoted fields, doubled quotes,
 * newlines inside quotes), separator ',' or ';' detected from the first row.
 *
 * Memory is one row at a time. Fields returned by csv_next stay valid until
 * the next call. A UTF-8 byte order mark before the first row is skipped.
 */
#ifndef JR_CSV_H
#define JR_CSV_H

#include "err.h"

#include <stdio.h>

#define CSV_MAX_FIELDS 64
#define CSV_MAX_ROW ((size_t)64 * 1024)

typedef struct jr_csv jr_csv;

jr_csv *csv_open(FILE *in);
void csv_close(jr_csv *c);
/* csv_next: 1 with a row in *fields (n of them), 0 at the end, -1 on a
 * malformed row (err names the line). Blank lines are skipped. */
int csv_next(jr_csv *c, char ***fields, int *n, jr_error *err);
/* csv_line: the line number (1-based) where the last row started. */
long csv_line(const jr_csv *c);

#endif

/*
 * decl_csv.h: the CSV format for declaration lines (an interface: it parses,
 * the declaration service decides). README.md documents the columns.
 *
 * A syntactic fault anywhere (a missing column, a date that is no date, a
 * number that is no number) refuses the whole file with an error naming the
 * file, the line and the column; semantic faults are the service's line
 * checks and give a reason code per line.
 */
#ifndef JR_DECL_CSV_H
#define JR_DECL_CSV_H

#include "../service/declaration.h"

#include <stdio.h>

/* decl_csv_read: feeds every row of in (named name in messages) to sess. */
jr_status decl_csv_read(FILE *in, const char *name, jr_decl_session *sess, jr_error *err);

/* decl_csv_header: the header row the format expects, without newline. */
const char *decl_csv_header(void);

#endif

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

/* The columns of the format, in the order of decl_csv_header (a file may
 * order them as it likes: the header row names them). */
enum {
    DCSV_NUMBER,
    DCSV_AGB,
    DCSV_GEMEENTE,
    DCSV_PERIOD,
    DCSV_DAGTEKENING,
    DCSV_REF,
    DCSV_ASSIGNMENT,
    DCSV_BSN,
    DCSV_CATEGORY,
    DCSV_PRODUCT,
    DCSV_BEGIN,
    DCSV_END,
    DCSV_VOLUME,
    DCSV_UNIT,
    DCSV_TARIFF,
    DCSV_AMOUNT,
    DCSV_DC,
    DCSV_CREDIT_REF,
    DCSV_COUNT
};

/* decl_csv_columns: the name of each column in the header row */
extern const char *const decl_csv_columns[DCSV_COUNT];

/* decl_csv_read: feeds every row of in (named name in messages) to sess. */
jr_status decl_csv_read(FILE *in, const char *name, jr_decl_session *sess, jr_error *err);

/* decl_csv_header: the header row the format expects, without newline. */
const char *decl_csv_header(void);

#endif

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

/* How an import reports what it stored (decl_csv_import). */
typedef struct {
    /* batch: each batch of the file, in file order, as stored (a batch
     * received before says so: replayed); non-zero stops the report. NULL:
     * not reported. */
    int (*batch)(void *ud, const jr_decl_batch_summary *b);
    /* line: each jr_decl_outcome of the batch just reported, in order
     * (non-zero stops that batch's lines). NULL: lines are not read. */
    jr_row_fn line;
    void *ud;
} decl_import_report;

/* decl_csv_import: the one declaration import of every door (the CLI's
 * `declare`, the API's POST /api/declarations): one session over the CSV
 * in (named name in messages, recorded as source in each batch), committed
 * when the file reads without a file-level fault, then reported batch by
 * batch through rep. Nothing is stored when it fails before the commit; a
 * failure while reporting (a batch or its lines could not be read back)
 * comes after the commit. The caller owns in (it may stream: it is read
 * once, front to back) and rep. Needs JR_ACT_PROVIDE; the lines are
 * reported within the principal's scope (decl_batch_outcomes). */
jr_status decl_csv_import(const jr_ctx *ctx, FILE *in, const char *name, const char *source,
                          const decl_import_report *rep, jr_error *err);

/* decl_csv_header: the header row the format expects, without newline. */
const char *decl_csv_header(void);

#endif

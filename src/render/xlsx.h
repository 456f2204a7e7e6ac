/*
 * xlsx.h: tables (render/xtable.h) as an Excel workbook through
 * libxlsxwriter: one worksheet per table, its title in the first row, the
 * header bold and frozen with an autofilter, and real cells: whole numbers
 * ("#,##0"), amounts in euros ("€ #,##0.00"), tenths ("0.0"), dates
 * (yyyy-mm-dd) and text ("< 10" for a hidden small group stays text).
 * Excel holds numbers as doubles: an amount is its cents divided by 100,
 * exact to the cent for every amount below 2^53 cents. The workbook's
 * creation date is the export's date (ts->produced), so the same export
 * gives the same workbook.
 */
#ifndef JR_XLSX_H
#define JR_XLSX_H

#include "../core/err.h"
#include "xtable.h"

/* xlsx_write: the workbook of ts at path. JR_EIO (code file_unwritable)
 * naming libxlsxwriter's reason; a failure leaves no file. */
jr_status xlsx_write(const jr_xtables *ts, const char *path, jr_error *err);
/* xlsx_bytes: the workbook of ts appended to out (through a temporary file
 * in $TMPDIR or /tmp, removed). */
jr_status xlsx_bytes(const jr_xtables *ts, sbuf *out, jr_error *err);

#endif

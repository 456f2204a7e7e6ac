/*
 * report_pdf.h: the council report (raadsrapportage) as an A4 PDF, laid out
 * with cairo and pango from what service/report.h gathered: a cover, the key
 * figures beside last year's, spending with a chart, referrals, care
 * (duration, waiting, endings, re-entry), budget use, ambulantisering, the
 * providers' concentration, the benchmark between the municipalities with a
 * chart, budget control, and the definitions in an appendix; page numbers
 * ("pagina 3 van 9") and the report's name in every footer, and a PDF
 * outline (bookmarks) per section. Dutch throughout; money as "€ 1.234,56"
 * (charts convert cents to points only to place a bar).
 *
 * The report is a list of sections (report_pdf.c, `section_titles` and `section_fns`): adding one
 * is a function and a row. Rendering reads nothing but its argument: the same report gives the same
 * bytes (the PDF's creation date is the report's date of production, not the clock).
 */
#ifndef JR_REPORT_PDF_H
#define JR_REPORT_PDF_H

#include "../core/err.h"
#include "../core/sbuf.h"
#include "../service/report.h"

/* report_pdf_render: the PDF of r appended to out. JR_ENOMEM, or JR_EIO
 * with cairo's message when cairo or pango fail (out then holds nothing
 * useful). */
jr_status report_pdf_render(const jr_council_report *r, sbuf *out, jr_error *err);

#endif

/*
 * export.h: every figure of the monitor as tables to export (issue 11),
 * to Excel (render/xlsx.h) or CSV (render/xtable.h).
 *
 * A figure is computed by its service within the principal's scope and
 * rendered to its JSON shape, the same the API answers; a table
 * specification per figure (export.c, `figures`) then picks the rows and
 * columns of each table out of that shape, with Dutch headers. So an
 * export shows exactly what the API and the monitor show, hidden small
 * groups included ("< 10" stays text), and a new figure is exported by
 * adding its specification, not a new writer. A cell's type follows the
 * JSON: a key ending in _cents is an amount, in _x10 tenths, an ISO date
 * string a date, an integer a whole number, a fraction (a median of days)
 * tenths rounded.
 *
 * The figures: volume, referrals, spending, durations, waiting, endings,
 * concentration, budget, benchmark, ambulantisering, quotes, signals, control (the
 * period a year) and expensive (personal data: the service refuses a role
 * that may not see it and records the export in the audit log); "monitor"
 * is every figure but expensive and control together, one sheet per table.
 */
#ifndef JR_EXPORT_H
#define JR_EXPORT_H

#include "../domain/period.h"
#include "../service/svc.h"
#include "xtable.h"

/* export_known: whether name is a figure export_figure knows. */
bool export_known(const char *name);
/* export_names: the names, separated by ", " (for a usage message). */
const char *export_names(void);

/* export_figure: the tables of figure name for period and gemeente (NULL:
 * the region, or a municipal role's own) into *out (zeroed by the caller;
 * release with xtables_free, also after a failure). agb: the production of
 * that provider only (NULL: every provider), as the figure's own route
 * filters it; benchmark, control and signals have no provider filter and
 * ignore it (their titles then name no provider). limit: the expensive
 * list's length (0: its default). JR_EINVAL figure_unknown, period_invalid
 * (control wants a year), and each figure's own refusals (aanbieder_unknown
 * among them). */
jr_status export_figure(const jr_ctx *ctx, const char *name, const jr_period *period,
                        const char *gemeente, const char *agb, int64_t limit, jr_xtables *out,
                        jr_error *err);

/* export_view: *view is ts, or with table set only that table of it (ts
 * keeps owning it). JR_EINVAL table_unknown naming the tables there are. */
jr_status export_view(const jr_xtables *ts, const char *figure, const char *table, jr_xtables *view,
                      jr_error *err);
/* export_bytes: view as CSV (csv) or as an Excel workbook, appended to out. */
jr_status export_bytes(const jr_xtables *view, bool csv, sbuf *out, jr_error *err);

#endif

/*
 * signals.h (service): the material control signals a municipal
 * controller follows up (issue 11, "Beheersen"), for one reporting period
 * and one municipality (or the region), each with the lines behind it.
 * The rules and the region's thresholds are domain/signals.h; the rows the
 * store reads (store/signals.h). Per provider:
 *
 * 1. budget_vol: its budget assignments ended in the period, the used-up
 *    ones listed;
 * 2. uren: its accepted lines of a functiegroep (ambulant hours; crisis
 *    care on call is not counted) of more than the limit of hours per week;
 * 3. buiten_zorg: its accepted lines before the start or after the stop of
 *    care;
 * 4. credits: its accepted credits against its debits, the credit lines
 *    listed;
 * 5. sprong: a month of the period above the factor times the mean of the
 *    three months before, those four months listed.
 * Lines are the accepted lines of the batches of the period's months (paid
 * by the municipality asked); budget assignments those ended in the
 * period; months from the spending summary.
 *
 * Scope: beheerder, rsj and the system any municipality or the region;
 * toegang and gemeente their own municipality (asking none gives their
 * own). The lines behind a signal name youths (BSN): they are given to the
 * roles that may read the municipality's personal data, and each such
 * reading is recorded in the audit log (action signalen.inzien); a lezer,
 * or a municipal role asking another municipality or the region, gets the
 * signals with their counts and amounts but no lines (aggregate). A
 * provider's role is refused: the signals are the controller's.
 */
#ifndef JR_SERVICE_SIGNALS_H
#define JR_SERVICE_SIGNALS_H

#include "../domain/period.h"
#include "../domain/signals.h"
#include "figures.h"
#include "svc.h"

#define JR_SIG_MAX_LINES 100 /* the lines kept per signal (count has them all) */

/* One line behind a signal: a declaration line, an ended budget
 * assignment (budget_vol), or a month's amount (sprong). */
typedef struct {
    int64_t line_id;     /* the declaration line; 0 for an assignment or a month */
    char month[8];       /* the batch's month (YYYY-MM), or the month (sprong) */
    char assignment[24]; /* the assignment's number; "" for a month */
    int64_t youth_id;    /* the youth's file; 0 for a month */
    char bsn[10];        /* "" for a month */
    char product[8];     /* the line's product, or the assignment's keuzebudget */
    jr_date begin, end;  /* the line's days, or the assignment's start and end */
    int64_t volume;      /* the line's volume in its unit */
    char unit[3];
    jr_cents cents;    /* the line's amount (a credit negative), the used budget, the month's */
    jr_cents granted;  /* budget_vol: the granted budget */
    int64_t value_x10; /* uren: hours per week; budget_vol: used of granted, % tenths */
    char note[48];     /* Dutch: "voor start zorg", "credit", "maand van de sprong", ... */
} jr_sig_line;

typedef struct {
    jr_signal_kind kind;
    char agb[9];
    char provider[96];
    char month[8];      /* sprong: the month; "" otherwise */
    int64_t count;      /* the lines (or assignments) behind it, all of them */
    int64_t of;         /* budget_vol: assignments ended; credits: debit lines */
    jr_cents cents;     /* uren, buiten_zorg: the lines' amount; credits: credits;
                           sprong: the month; budget_vol: used */
    jr_cents reference; /* credits: debits; sprong: the limit; budget_vol: granted */
    int64_t value_x10;  /* budget_vol, credits: the share in % tenths; uren: the highest
                           hours per week in tenths; -1 none */
    char text[240];     /* the signal in one Dutch sentence */
    int nlines;         /* kept (at most JR_SIG_MAX_LINES; 0 for an aggregate) */
    jr_sig_line *lines;
} jr_signal;

typedef struct {
    jr_period period;
    jr_fig_scope scope;
    bool aggregate; /* no lines (the viewer may not see personal data here) */
    jr_signal_limits limits;
    int64_t counts[JR_SIG_KINDS]; /* signals per kind */
    int n, cap;
    jr_signal *signals; /* by kind, then AGB, then month */
} jr_signals;

/* signals_kind_parse: the kind of its code ("budget_vol", ...); false for
 * anything else. */
bool signals_kind_parse(const char *code, jr_signal_kind *out);

/* signals_find: the signals of period for gemeente (NULL: the region, or a
 * municipal role's own), of one kind or of all (kind NULL). JR_EINVAL
 * (gemeente_unknown, kind_invalid), JR_EFORBIDDEN; release with
 * signals_free, also after a failure. */
jr_status signals_find(const jr_ctx *ctx, const jr_period *period, const char *gemeente,
                       const char *kind, jr_signals *out, jr_error *err);
void signals_free(jr_signals *s);

#endif

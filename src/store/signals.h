/*
 * signals.h (store): the rows behind the material control signals
 * (service/signals.h, domain/signals.h): the accepted declaration lines of
 * a period with their assignment's care dates, the ended budget
 * assignments with what was used of them, and each provider's accepted
 * amount per month from the spending summary (migration 011). The store
 * only reads; which row is a signal the domain rules decide.
 *
 * gemeente and agb are optional filters (NULL: any): the batch's (for
 * lines and amounts) or the assignment's municipality, and the provider's
 * AGB. A list hands each row (const store_sig_* *) to its callback in a buffer of its own, valid
 * for that call only (non-zero from the callback stops the list).
 */
#ifndef JR_STORE_SIGNALS_H
#define JR_STORE_SIGNALS_H

#include "../domain/date.h"
#include "../domain/money.h"
#include "store.h"

#include <stdbool.h>
#include <stdint.h>

/* One accepted declaration line of a batch of the period. */
typedef struct {
    int64_t id;
    char month[8]; /* the batch's month, YYYY-MM */
    char gemeente[5];
    char agb[9];
    char provider[96];
    char assignment[24]; /* the assignment's number */
    int64_t youth_id;
    char bsn[10];
    char product[8];
    jr_date begin, end;
    int64_t volume;
    char unit[3];
    jr_cents cents; /* the line's amount, positive also for a credit */
    bool credit;
    int64_t assignment_id;         /* 0 when the line names no known assignment */
    jr_date care_start, care_stop; /* the assignment's; JR_DATE_NONE when not reported */
    bool accepted;                 /* always true for a row handed out */
} store_sig_line;

/* store_sig_lines_each: the accepted lines of the batches of months
 * first..last, by provider (all of one provider's lines together), then
 * by municipality, month, batch and line: the batches are walked in the
 * order of their index decl_batch_scope (provider, municipality, month),
 * so the lines need no sort (a sort by AGB and line over a quarter's
 * lines cost half of the signals' time on the national bench). */
jr_status store_sig_lines_each(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                               const char *agb, int (*fn)(void *ud, const void *row), void *ud,
                               jr_error *err);

/* One budget assignment ended (status beeindigd, end_date) in the period. */
typedef struct {
    char agb[9];
    char provider[96];
    char number[24];
    int64_t youth_id;
    char bsn[10];
    char budget[8]; /* the referral's keuzebudget, "" for a quote */
    jr_date start, end;
    jr_cents granted, used;
} store_sig_budget;

/* store_sig_budgets_each: the ended budget assignments of first..last, by
 * provider and assignment. */
jr_status store_sig_budgets_each(jr_store *st, jr_date first, jr_date last, const char *gemeente,
                                 const char *agb, int (*fn)(void *ud, const void *row), void *ud,
                                 jr_error *err);

/* One provider's accepted amount (debits minus credits) of one month. */
typedef struct {
    char agb[9];
    char provider[96];
    char month[8];
    jr_cents cents;
} store_sig_month;

/* store_sig_months_each: per provider and month of first..last with an
 * amount, from the spending summary (the region's rows when gemeente is
 * NULL), by provider and month. */
jr_status store_sig_months_each(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                                const char *agb, int (*fn)(void *ud, const void *row), void *ud,
                                jr_error *err);

/* ---- what the import and the care service keep for the signals (016) ---- */

/* store_sig_line_keep: line_id, of a batch of period, into line_signal (an
 * accepted credit, or an accepted line of more than JR_SIG_HOURS_KEPT hours
 * per week). */
jr_status store_sig_line_keep(jr_store *st, jr_month period, int64_t line_id, jr_error *err);

/* store_sig_care_outside_set: assignment_id of provider_id in care_outside
 * (on) or not (off); setting what is already so changes nothing. */
jr_status store_sig_care_outside_set(jr_store *st, int64_t provider_id, int64_t assignment_id,
                                     bool on, jr_error *err);

/* An assignment's care period against the dates of its accepted debit
 * lines. */
typedef struct {
    int64_t provider_id;
    jr_date care_start, care_stop; /* JR_DATE_NONE when not reported */
    jr_date first_begin, last_end; /* JR_DATE_NONE while no debit line is accepted */
} store_sig_extent;

/* store_sig_extent_get: the extent of assignment_id; JR_ENOTFOUND when the
 * assignment does not exist. */
jr_status store_sig_extent_get(jr_store *st, int64_t assignment_id, store_sig_extent *out,
                               jr_error *err);

/* ---- what the signals read of it ---- */

/* store_sig_kept_each: the kept lines (line_signal) of the batches of
 * months first..last, accepted ones only, in the order of
 * store_sig_lines_each (provider, municipality, month, batch, line);
 * care_start and care_stop are not read (JR_DATE_NONE). */
jr_status store_sig_kept_each(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                              int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

/* store_sig_outside_each: the accepted debit lines of the batches of months
 * first..last on the assignments in care_outside (of gemeente when given),
 * with their assignment's care dates; per provider in provider id order,
 * each provider's in the order of store_sig_lines_each. */
jr_status store_sig_outside_each(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                                 int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

/* One provider's accepted lines of the period from the spending summary:
 * their amount (debits minus credits) and number (debits and credits). */
typedef struct {
    char agb[9];
    jr_cents cents;
    int64_t lines;
} store_sig_total;

/* store_sig_totals_each: per provider with accepted lines in first..last
 * (the region's rows when gemeente is NULL), by AGB. */
jr_status store_sig_totals_each(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                                int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

#endif

/*
 * store/figures_care.h: the queries behind the monitor's figures on care
 * itself (service/figures_care.h): the assignments that ended, whose care
 * started or stopped, or that started in a range of days, and the accepted
 * spending per voorziening and provider. Each is a plain read, filtered by
 * municipality and provider (NULL: any), with its dates bound as ISO text;
 * day differences, medians and shares are computed by the service in C, so
 * the SQL stays in the subset SQLite and PostgreSQL share.
 *
 * Ownership: each row is handed to the callback in a buffer of the store's,
 * valid for that call only (non-zero from the callback stops the list).
 */
#ifndef JR_STORE_FIGURES_CARE_H
#define JR_STORE_FIGURES_CARE_H

#include "../domain/date.h"
#include "../domain/money.h"
#include "store.h"

#include <stdbool.h>
#include <stdint.h>

/* One assignment as the figures see it. */
typedef struct {
    int64_t id;
    int64_t youth_id;
    char gemeente[5];
    char agb[9];
    bool is_budget;
    char product[8];       /* iJw product code; "" for a budget assignment */
    char budget[8];        /* the referral's keuzebudget ("KB1".."KB7"); "" when none */
    char route[12];        /* the referral's route (budget, offerte, ...); "" without referral */
    char status[16];       /* actief | beeindigd | ingetrokken */
    jr_date start, end;    /* the grant's period */
    jr_date care_start;    /* JR_DATE_NONE until start zorg */
    jr_date care_stop;     /* JR_DATE_NONE until stop zorg */
    char stop_reason[3];   /* iJw RedenBeeindiging; "" when none */
    jr_date referral_date; /* JR_DATE_NONE without referral */
    jr_cents granted;      /* budget_cents (budget assignments) */
    jr_cents used;         /* accepted debits minus credits (assignment_use) */
} jr_fc_row;

/* The callback of the lists below. */
typedef int (*jr_fc_row_fn)(void *ud, const jr_fc_row *row);

/* store_fc_ended_each: the assignments ended (status beeindigd) with their
 * end date from first to last, both included, in id order. */
jr_status store_fc_ended_each(jr_store *st, const char *gemeente, const char *agb, jr_date first,
                              jr_date last, jr_fc_row_fn fn, void *ud, jr_error *err);
/* store_fc_care_started_each: the assignments whose care started from
 * first to last (any status), in id order. */
jr_status store_fc_care_started_each(jr_store *st, const char *gemeente, const char *agb,
                                     jr_date first, jr_date last, jr_fc_row_fn fn, void *ud,
                                     jr_error *err);
/* store_fc_care_stopped_each: the assignments not withdrawn whose current
 * stop of care lies from first to last (temporary stops included: the
 * caller tells them apart), in id order. */
jr_status store_fc_care_stopped_each(jr_store *st, const char *gemeente, const char *agb,
                                     jr_date first, jr_date last, jr_fc_row_fn fn, void *ud,
                                     jr_error *err);
/* store_fc_youth_started: whether youth_id has an assignment not
 * withdrawn whose grant starts from first to last, within the scope (the
 * started list's question for one youth, through the index on the
 * youth): *yes. */
jr_status store_fc_youth_started(jr_store *st, const char *gemeente, const char *agb, jr_date first,
                                 jr_date last, int64_t youth_id, bool *yes, jr_error *err);

/* Accepted spending of one provider on one product. */
typedef struct {
    char product[8]; /* the lines' product code */
    char agb[9];
    jr_cents amount; /* accepted debits minus accepted credits */
} jr_fc_spend_row;

/* store_fc_spending_each: the accepted declaration lines of the batches
 * of the months from first's to last's (for whole months, as a jr_period
 * is: the lines beginning from first to last), summed per (product,
 * provider), in that order; the municipality is the batch's (always its
 * assignments'). Read from the spending summary the import writes with
 * each batch (migration 011, spend_month), never from the lines. */
jr_status store_fc_spending_each(jr_store *st, const char *gemeente, const char *agb, jr_date first,
                                 jr_date last, int (*fn)(void *ud, const jr_fc_spend_row *row),
                                 void *ud, jr_error *err);

#endif

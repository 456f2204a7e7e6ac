/*
 * quotes.h: the quote and quote_line tables: quotes (offertes) a
 * municipality asks of providers for a referral, and the hours per
 * functiegroep of an answer.
 *
 * The queries of the quote service (service/quote.c), written once here in
 * the SQL SQLite and PostgreSQL share. The service keeps the rules (which
 * status may follow which, the tariffs, the contract check); these
 * functions only read and write rows.
 *
 * Ownership: texts are copied into the caller's row structs; a list hands
 * each row to its callback in a buffer of its own, valid for that call only
 * (non-zero from the callback stops the list).
 */
#ifndef JR_STORE_QUOTES_H
#define JR_STORE_QUOTES_H

#include "../domain/date.h"
#include "../domain/money.h"
#include "store.h"

#include <stdint.h>

/* One line of an answer: hours of one functiegroep. */
typedef struct {
    char product[8];     /* a functiegroep: iJw code or short code (FG2) */
    int64_t centi_hours; /* hours x 100 */
    jr_cents tariff;     /* filled by the service */
    jr_cents amount;     /* filled by the service */
} jr_quote_line;

/* One quote row, with its provider's AGB code, its referral's municipality
 * and date, and the number of the assignment it became. */
typedef struct {
    int64_t id;
    int64_t referral_id;
    char gemeente[5]; /* of the referral: the municipality that asks */
    char agb[9];
    char status[16];       /* aangevraagd | beantwoord | geaccepteerd | afgewezen */
    jr_date referral_date; /* the tariffs of this date price the answer */
    jr_date requested;
    jr_date answered; /* JR_DATE_NONE while open */
    int32_t months;
    jr_cents total;
    char plan[256];
    char reason[256];
    char assignment[24];
} jr_quote;

/* store_quote_insert: a quote asked of provider_id for referral_id on
 * requested; its id in *id. JR_ECONFLICT (err filled) when that provider
 * was asked for that referral already. */
jr_status store_quote_insert(jr_store *st, int64_t referral_id, int64_t provider_id,
                             jr_date requested, int64_t *id, jr_error *err);
/* store_quote_get: quote id in *out; JR_ENOTFOUND (err untouched: the
 * caller says what is missing). */
jr_status store_quote_get(jr_store *st, int64_t id, jr_quote *out, jr_error *err);
/* store_quote_list: fn(ud, const jr_quote *) for each quote by id, of
 * referral_id (0: any), of the provider with AGB code agb and of the
 * referrals of municipality gemeente (NULL: any). */
jr_status store_quote_list(jr_store *st, int64_t referral_id, const char *agb, const char *gemeente,
                           int (*fn)(void *ud, const void *row), void *ud, jr_error *err);
/* store_quote_set_status: sets the status of quote id, and its reason
 * unless reason is NULL. */
jr_status store_quote_set_status(jr_store *st, int64_t id, const char *status, const char *reason,
                                 jr_error *err);
/* store_quote_line_insert: one line of quote id's answer (as priced). */
jr_status store_quote_line_insert(jr_store *st, int64_t id, const jr_quote_line *line,
                                  jr_error *err);
/* store_quote_set_answered: quote id is answered on answered for months
 * months, total in all, with plan. */
jr_status store_quote_set_answered(jr_store *st, int64_t id, jr_date answered, int32_t months,
                                   jr_cents total, const char *plan, jr_error *err);
/* store_quote_set_accepted: quote id is accepted and became the assignment
 * with number number. */
jr_status store_quote_set_accepted(jr_store *st, int64_t id, const char *number, jr_error *err);
/* store_quote_reject_open: every still open (asked or answered) quote of
 * referral_id other than except_id is rejected with reason. */
jr_status store_quote_reject_open(jr_store *st, int64_t referral_id, int64_t except_id,
                                  const char *reason, jr_error *err);
/* store_quote_lines: fn(ud, const jr_quote_line *) for each line of quote
 * id, by product. */
jr_status store_quote_lines(jr_store *st, int64_t id, int (*fn)(void *ud, const void *row),
                            void *ud, jr_error *err);

#endif

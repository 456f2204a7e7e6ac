/*
 * quote.h: the offerte process. For a referral with route offerte the
 * municipality asks one or more contracted ambulant providers; each answers
 * with hours per functiegroep, a duration and a plan; the total is p*q at
 * the catalog tariffs. Accepting one turns it into a budget assignment for
 * that total and rejects the others; any answer may be rejected with a reason.
 */
#ifndef JR_QUOTE_H
#define JR_QUOTE_H

#include "../store/quotes.h"
#include "svc.h"

#define JR_QUOTE_MAX_LINES 16

/* jr_quote and jr_quote_line, the rows, are declared in store/quotes.h. */

/* quote_request: asks each provider in agbs (n of them) for a quote on the
 * referral; ids (may be NULL) receives the quote ids. The referral must be
 * a quote referral and open (these stop the checks); then every provider
 * is checked (known, contracted) before refusing: err holds the first
 * refusal, err's list (jr_error_collect) each of them in the order of
 * agbs. An unknown provider as the first refusal answers agb_unknown
 * (JR_ENOTFOUND) alone, as a look-up does. */
jr_status quote_request(const jr_ctx *ctx, int64_t referral_id, const char *const *agbs, int n,
                        int64_t *ids, jr_error *err);
/* quote_answer: the provider agb answers quote id with lines (hours per
 * functiegroep), a duration in months and a plan; total returned in *total.
 * The quote must be the provider's and open, its referral readable (these
 * stop the checks); then the number of lines, the months and each line
 * (functiegroep, hours, contract, tariff) are checked before refusing:
 * err holds the first refusal, err's list (jr_error_collect) each of them
 * in that order. A line with an unknown or repeated functiegroep is not
 * checked further. */
jr_status quote_answer(const jr_ctx *ctx, int64_t id, const char *agb, jr_quote_line *lines,
                       int nlines, int32_t months, const char *plan, jr_cents *total,
                       jr_error *err);
/* quote_accept: the municipality accepts an answered quote: a budget
 * assignment for its total starting on start; the other quotes of the
 * referral are rejected. */
jr_status quote_accept(const jr_ctx *ctx, int64_t id, jr_date start, char number[24],
                       jr_error *err);
jr_status quote_reject(const jr_ctx *ctx, int64_t id, const char *reason, jr_error *err);
jr_status quote_get(const jr_ctx *ctx, int64_t id, jr_quote *out, jr_error *err);
/* quote_lines: each jr_quote_line of an answered quote (same scope as quote_get). */
jr_status quote_lines(const jr_ctx *ctx, int64_t id, jr_row_fn fn, void *ud, jr_error *err);
/* quote_list: each jr_quote, filtered by referral (0: any) and provider (NULL: any). */
jr_status quote_list(const jr_ctx *ctx, int64_t referral_id, const char *agb, jr_row_fn fn,
                     void *ud, jr_error *err);

#endif

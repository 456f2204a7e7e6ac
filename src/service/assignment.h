/*
 * assignment.h: the toewijzen process and the life of an assignment:
 * issue, change, end (releasing what is left), withdraw, start and stop of
 * care, and its budget ledger.
 */
#ifndef JR_ASSIGNMENT_H
#define JR_ASSIGNMENT_H

#include "../domain/assignment.h"
#include "svc.h"

typedef struct {
    int64_t id;
    char number[24];
    int64_t youth_id;
    char bsn[10];
    char gemeente[5];
    int64_t provider_id;
    char agb[9];
    int64_t referral_id; /* 0 when none */
    int64_t quote_id;    /* 0 when none */
    jr_grant grant;
    char status[16];     /* actief | beeindigd | ingetrokken */
    jr_date care_start;  /* JR_DATE_NONE until start zorg */
    jr_date care_stop;   /* JR_DATE_NONE until stop zorg */
    char stop_reason[3]; /* iJw RedenBeeindiging */
    jr_ledger ledger;    /* money (budget assignments; p*q value for volumes) */
    int64_t used_base;   /* used volume in base units (minutes or etmalen) */
} jr_assignment;

typedef struct {
    int64_t id;
    jr_date date;
    char kind[16]; /* toegekend | gewijzigd | vrijgevallen */
    jr_cents cents;
    int64_t volume;
    char note[256];
} jr_ledger_event;

/* assignment_create: assigns the open referral referral_id (route budget,
 * verblijf, crisis or dyslexie; a quote goes through quote_accept) to the
 * provider agb, contracted for the product on start. end may be
 * JR_DATE_NONE: the longest the product allows. The referral's state and
 * the provider's existence stop the checks; then the plan (assignment_plan,
 * its first fault) and the contract are checked before refusing: err holds
 * the first refusal, err's list (jr_error_collect) each of them. */
jr_status assignment_create(const jr_ctx *ctx, int64_t referral_id, const char *agb, jr_date start,
                            jr_date end, char number[24], jr_error *err);

/* assignment_insert: internal: stores a planned grant (used by quotes). */
jr_status assignment_insert(const jr_ctx *ctx, int64_t youth_id, const char *gemeente,
                            int64_t provider_id, int64_t referral_id, int64_t quote_id,
                            const jr_grant *g, char number[24], jr_error *err);

jr_status assignment_get(const jr_ctx *ctx, const char *number, jr_assignment *out, jr_error *err);
/* assignment_list: each jr_assignment, filtered by municipality, provider
 * AGB and/or youth BSN (NULL: any). */
jr_status assignment_list(const jr_ctx *ctx, const char *gemeente, const char *agb, const char *bsn,
                          jr_row_fn fn, void *ud, jr_error *err);

/* assignment_change: a new budget (cents) or volume (units) when amount >= 0,
 * a new end date when end != JR_DATE_NONE; reason is an iJw RedenWijziging.
 * An assignment that is not active stops the checks; then the reason, the
 * amount and the end (assignment_change_check) are checked before refusing:
 * err holds the first refusal, err's list (jr_error_collect) each of them. */
jr_status assignment_change(const jr_ctx *ctx, const char *number, int64_t amount, jr_date end,
                            const char *reason, jr_error *err);
/* assignment_end: ends an active assignment on date; what was not used is
 * released to the municipality. */
jr_status assignment_end(const jr_ctx *ctx, const char *number, jr_date date, const char *reason,
                         jr_error *err);
/* assignment_withdraw: removes an assignment (RedenWijziging 13): no more
 * declarations on it; accepted lines stay. */
jr_status assignment_withdraw(const jr_ctx *ctx, const char *number, jr_error *err);

/* care_start / care_stop: the provider agb confirms start or stop of care
 * (stop with an iJw RedenBeeindiging). */
jr_status care_start(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                     jr_error *err);
jr_status care_stop(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                    const char *reason, jr_error *err);
/* assignment_own: the provider agb's own assignment number (another's
 * answers JR_ENOTFOUND, as if it did not exist); the role must provide care. */
jr_status assignment_own(const jr_ctx *ctx, const char *number, const char *agb, jr_assignment *a,
                         jr_error *err);
/* assignment_set_care: runs sql (?1 the date d, unbound for JR_DATE_NONE;
 * ?2 reason; ?3 the assignment id) in a transaction with the audit row
 * action. */
jr_status assignment_set_care(const jr_ctx *ctx, const jr_assignment *a, const char *sql, jr_date d,
                              const char *reason, const char *action, jr_error *err);
/* stop_reason_name: the Dutch meaning of an iJw RedenBeeindiging; "" when unknown. */
const char *stop_reason_name(const char *code);

/* ledger_events: each jr_ledger_event of the assignment, in order. */
jr_status ledger_events(const jr_ctx *ctx, const char *number, jr_row_fn fn, void *ud,
                        jr_error *err);

#endif

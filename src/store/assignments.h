/*
 * store/assignments.h: the SQL of assignments and what hangs on them: the
 * assignment itself (by number or by id, written once), its budget ledger
 * events, the care dates, the stop history of each start of care
 * (stop_history), the declaration lines a correction of care must keep
 * inside.
 *
 * Every function takes the store first and the error last and returns
 * jr_status; a look-up that finds nothing is JR_ENOTFOUND with err left
 * for the caller to fill. The SQL is the subset SQLite and PostgreSQL
 * share.
 */
#ifndef JR_STORE_ASSIGNMENTS_H
#define JR_STORE_ASSIGNMENTS_H

#include "../domain/assignment.h"
#include "../domain/budget.h"
#include "../domain/care.h"
#include "../domain/date.h"
#include "store.h"

/* An assignment as stored. The store fills every field but ledger.granted
 * and ledger.released (ledger.used is what was declared): the money value
 * of a volume takes the catalog's tariff, which the service applies
 * (assignment.h). */
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

/* store_assignment_by_number / _by_id: the assignment into out. */
jr_status store_assignment_by_number(jr_store *st, const char *number, jr_assignment *out,
                                     jr_error *err);
jr_status store_assignment_by_id(jr_store *st, int64_t id, jr_assignment *out, jr_error *err);
/* store_assignment_number_of / store_assignment_id_of: an assignment's
 * number (24 bytes) from its id, its id from its number; nothing else is
 * read (the JW323 reader asks it for every ToewijzingNummer). */
jr_status store_assignment_number_of(jr_store *st, int64_t id, char number[24], jr_error *err);
jr_status store_assignment_id_of(jr_store *st, const char *number, int64_t *id, jr_error *err);
/* store_assignment_each: every assignment of municipality gemeente,
 * provider agb and youth bsn (NULL: any), in id order, to fn (non-zero
 * stops) as a jr_assignment; before fn sees it, done(done_ud, row) (may be
 * NULL) completes it. */
jr_status store_assignment_each(jr_store *st, const char *gemeente, const char *agb,
                                const char *bsn, void (*done)(const void *done_ud, void *row),
                                const void *done_ud, int (*fn)(void *ud, const void *row), void *ud,
                                jr_error *err);
/* store_assignment_current: the ids (at most cap, *n of them) of the
 * active assignments of youth bsn with provider agb in gemeente that end on
 * or after today, in id order. */
jr_status store_assignment_current(jr_store *st, const char *bsn, const char *agb,
                                   const char *gemeente, jr_date today, int64_t *ids, int cap,
                                   int *n, jr_error *err);

/* store_assignment_insert: a new active assignment number of youth_id
 * (its BSN copied) in gemeente with provider_id for grant g, made at
 * created_at; *id receives its row. */
jr_status store_assignment_insert(jr_store *st, const char *number, int64_t youth_id,
                                  const char *gemeente, int64_t provider_id, int64_t referral_id,
                                  int64_t quote_id, const jr_grant *g, const char *created_at,
                                  int64_t *id, jr_error *err);
/* store_assignment_change: a new amount (budget cents or volume; negative:
 * unchanged) and/or end (JR_DATE_NONE: unchanged) of assignment id. */
jr_status store_assignment_change(jr_store *st, int64_t id, int64_t amount, jr_date end,
                                  jr_error *err);
/* store_assignment_close: assignment id is status (beeindigd, ingetrokken)
 * from date on. */
jr_status store_assignment_close(jr_store *st, int64_t id, const char *status, jr_date date,
                                 jr_error *err);

/* store_ledger_event_add: an event of assignment id's ledger; reason is the
 * iJw RedenWijziging of a change (NULL: none). */
jr_status store_ledger_event_add(jr_store *st, int64_t id, jr_date date, const char *kind,
                                 jr_cents cents, int64_t volume, const char *note,
                                 const char *reason, jr_error *err);
/* store_ledger_event_each: the events of assignment number, in order. */
jr_status store_ledger_event_each(jr_store *st, const char *number,
                                  int (*fn)(void *ud, const void *row), void *ud, jr_error *err);
/* store_assignment_set_care_start: assignment id's start of care is date
 * (JR_DATE_NONE: none). */
jr_status store_assignment_set_care_start(jr_store *st, int64_t id, jr_date date, jr_error *err);
/* store_assignment_set_care_stop: its stop of care is date with iJw
 * RedenBeeindiging reason (JR_DATE_NONE: none, and no reason). */
jr_status store_assignment_set_care_stop(jr_store *st, int64_t id, jr_date date, const char *reason,
                                         jr_error *err);

/* ---- stop_history ---- */

/* store_stop_history_of: the stops recorded for assignment id and the start
 * of care begin that were not withdrawn, counted into h; *current: one of
 * them is the actueel one. */
jr_status store_stop_history_of(jr_store *st, int64_t id, jr_date begin, jr_stop_history *h,
                                bool *current, jr_error *err);
/* store_stop_add: records a stop (end, reason) of id's start begin in state
 * (actueel, vervangen, vervallen). */
jr_status store_stop_add(jr_store *st, int64_t id, jr_date begin, jr_date end, const char *reason,
                         const char *state, jr_error *err);
/* store_stop_set_state: the actueel stop of id's start begin becomes state. */
jr_status store_stop_set_state(jr_store *st, int64_t id, jr_date begin, const char *state,
                               jr_error *err);
/* store_stop_change: the actueel stop of id's start begin ends on end with
 * reason instead. */
jr_status store_stop_change(jr_store *st, int64_t id, jr_date begin, jr_date end,
                            const char *reason, jr_error *err);

#endif

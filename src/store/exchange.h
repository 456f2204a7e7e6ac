/*
 * store/exchange.h: the tables of the iJw message exchange (migration
 * 003_ijw.sql and 010): the received-message log (ijw_inbox), the messages
 * the region sends (ijw_outbox) with the decisions a JW319 is written from
 * (ijw_antwoord), what the last JW301 said of each assignment
 * (ijw_toewijzing) and the client names a provider gave (ijw_client).
 *
 * Every function takes the store first and the error last and returns
 * jr_status; a look-up that finds nothing is JR_ENOTFOUND with err left
 * for the caller to fill. Text a row struct points to (char *) is owned by
 * the struct and freed by its _free function. The SQL is the subset SQLite
 * and PostgreSQL share; timestamps are bound (store_timestamp).
 */
#ifndef JR_STORE_EXCHANGE_H
#define JR_STORE_EXCHANGE_H

#include "../domain/date.h"
#include "../domain/decl.h"
#include "store.h"

/* A received message to log. NULL text binds NULL; 0 ids bind NULL. */
typedef struct {
    const char *code; /* "JW315" */
    const char *sender, *receiver, *ident, *dagtekening, *xsd_basis, *xsd_bericht;
    const char *content_hash;
    int64_t duplicate_of; /* the row whose Identificatie it reused (9056); 0: none */
    const char *source;   /* the file or name it came from */
    const char *answer_code, *answer_ident; /* NULL: no answer (a retour) */
    jr_date answer_date;
    const char *answer; /* the answer text; NULL: none, or written again (JW325) */
    const char *header_code;
    int64_t batch_id;        /* a JW323's declaration batch; 0: none */
    const char *decl_number; /* a JW323's DeclaratieNummer; NULL: not a JW323 */
    int64_t decl_total;
    const char *decl_dc;
    const char *summary; /* the result as JSON text */
    const char *received_at;
    const char *actor;
} store_inbox_new;

/* store_inbox_insert: logs m; *id receives its row id. */
jr_status store_inbox_insert(jr_store *st, const store_inbox_new *m, int64_t *id, jr_error *err);

/* store_inbox_find: the first logged message of sender, code and ident (not
 * a refused duplicate): its id and content hash (65 bytes). */
jr_status store_inbox_find(jr_store *st, const char *sender, const char *code, const char *ident,
                           int64_t *id, char hash[65], jr_error *err);

/* store_inbox_finish: records the answer text (NULL: none), summary and
 * header_code of row id. */
jr_status store_inbox_finish(jr_store *st, int64_t id, const char *answer, const char *summary,
                             const char *header_code, jr_error *err);

/* store_inbox_set_decl_code: the code refusing a JW323's Declaratie. */
jr_status store_inbox_set_decl_code(jr_store *st, int64_t id, const char *code, jr_error *err);

/* What the log keeps of an answer, for replaying it. */
typedef struct {
    char code[8];        /* the message received */
    char answer_code[8]; /* "" when none */
    char answer_ident[16];
    char *answer;  /* NULL when none was kept */
    char *summary; /* never NULL on JR_OK */
} store_inbox_answer;

jr_status store_inbox_answer_get(jr_store *st, int64_t id, store_inbox_answer *out, jr_error *err);
void store_inbox_answer_free(store_inbox_answer *a);

/* What a JW325 is written from: the logged JW323. */
typedef struct {
    char sender[16], receiver[16], answer_ident[16], header_code[8], decl_code[8];
    char number[16], total_dc[4];
    jr_date answer_date;
    int64_t batch_id, total;
    char *ident, *dagtekening, *xsd_basis, *xsd_bericht; /* as they stood */
} store_inbox_decl;

jr_status store_inbox_decl_get(jr_store *st, int64_t id, store_inbox_decl *out, jr_error *err);
void store_inbox_decl_free(store_inbox_decl *d);

/* ---- ijw_outbox ---- */

/* A message the region writes. body "" with an ijw_antwoord row: a JW319
 * rendered when it is exported. exported_at NULL: not handed out yet. */
typedef struct {
    const char *code, *sender, *receiver, *ident;
    jr_date dagtekening;
    const char *body;
    int nrecords;
    const char *created_at, *exported_at;
} store_outbox_new;

jr_status store_outbox_insert(jr_store *st, const store_outbox_new *m, int64_t *id, jr_error *err);

/* store_outbox_find: the sent message code ident from sender to receiver. */
jr_status store_outbox_find(jr_store *st, const char *code, const char *ident, const char *sender,
                            const char *receiver, int64_t *id, jr_error *err);

/* store_outbox_set_retour: the RetourCodes of the provider's retour on row id. */
jr_status store_outbox_set_retour(jr_store *st, int64_t id, const char *codes, const char *at,
                                  jr_error *err);

/* store_outbox_link_retour: inbox row inbox_id is the retour on the message
 * code ident sent to receiver. */
jr_status store_outbox_link_retour(jr_store *st, int64_t inbox_id, const char *code,
                                   const char *ident, const char *receiver, jr_error *err);

/* store_outbox_set_exported: row id was handed out at `at`; body (NULL:
 * unchanged) is the text it was handed out as. */
jr_status store_outbox_set_exported(jr_store *st, int64_t id, const char *body, const char *at,
                                    jr_error *err);

/* ---- ijw_antwoord: the decision a JW319 says ---- */

typedef struct {
    int64_t outbox_id, verzoek_id;
    const char *antwoord;   /* VerzoekAntwoord: "1" afgewezen, "2" in onderzoek */
    const char *reden;      /* RedenAfwijzingVerzoek; NULL for "2" */
    const char *woonplaats; /* the Woonplaatsbeginsel's municipality; NULL: none */
    const char *referentie; /* ReferentieAanbieder */
} store_antwoord_new;

jr_status store_antwoord_insert(jr_store *st, const store_antwoord_new *a, jr_error *err);

/* A pending JW319: its outbox row, and the decision when it is rendered at
 * export (has_decision); else body holds the text queued before 010. */
typedef struct {
    int64_t id;
    char sender[16], receiver[16], ident[16];
    jr_date dagtekening;
    int nrecords;
    char *body;
    bool has_decision;
    char antwoord[2], reden[3], woonplaats[5];
    char *referentie;
} store_antwoord_row;

/* store_antwoord_next_pending: the oldest JW319 not handed out, of
 * municipality gemeente (NULL: any). */
jr_status store_antwoord_next_pending(jr_store *st, const char *gemeente, store_antwoord_row *out,
                                      jr_error *err);
void store_antwoord_row_free(store_antwoord_row *r);

/* ---- ijw_verzoek: a provider's request and its decision ---- */

typedef struct {
    const char *kind; /* VOT | VOW */
    const char *agb, *gemeente, *bsn, *referentie;
    int64_t inbox_id;
    const char *status;     /* toegewezen | afgewezen | in_onderzoek */
    const char *reden;      /* NULL: none */
    const char *woonplaats; /* NULL: none */
    const char *message;
    int64_t referral_id; /* 0: none */
    const char *created_at;
} store_verzoek_new;

jr_status store_verzoek_insert(jr_store *st, const store_verzoek_new *v, int64_t *id,
                               jr_error *err);
/* store_verzoek_referentie_taken: has agb used referentie before? */
jr_status store_verzoek_referentie_taken(jr_store *st, const char *agb, const char *referentie,
                                         bool *taken, jr_error *err);
/* store_verzoek_open: is a request of agb for bsn under investigation (no
 * assignment of its referral yet, the referral not closed)? */
jr_status store_verzoek_open(jr_store *st, const char *agb, const char *bsn, bool *open,
                             jr_error *err);
/* store_verzoek_set_answer: request id is answered by outbox row outbox_id. */
jr_status store_verzoek_set_answer(jr_store *st, int64_t id, int64_t outbox_id, jr_error *err);

/* A stored request as its refusal needs it. */
typedef struct {
    char kind[4], agb[9], gemeente[5], bsn[10], referentie[64], status[16], reden[3];
    bool assigned;   /* an assignment came of its referral */
    int open_quotes; /* quotes of its referral asked or answered, not decided */
} store_verzoek_row;

jr_status store_verzoek_get(jr_store *st, int64_t id, store_verzoek_row *out, jr_error *err);
/* store_verzoek_refuse: request id, still in_onderzoek, is afgewezen with
 * reden, woonplaats (NULL: none) and message. */
jr_status store_verzoek_refuse(jr_store *st, int64_t id, const char *reden, const char *woonplaats,
                               const char *message, jr_error *err);

/* A request still under investigation (status in_onderzoek, no assignment
 * made for its referral yet), for listing; no personal data. */
typedef struct {
    int64_t id;
    char kind[4]; /* VOT | VOW */
    char agb[9];
    char gemeente[5];
    char referentie[64];
    int64_t referral_id; /* 0: none */
    int open_quotes;     /* quotes of its referral asked or answered, not decided */
    int quotes;          /* all quotes of its referral */
    char created_at[32];
    char message[320];
} jr_req_pending;

/* store_verzoek_pending_each: each jr_req_pending of gemeente and agb
 * (NULL: any), oldest first, to fn (non-zero stops). */
jr_status store_verzoek_pending_each(jr_store *st, const char *gemeente, const char *agb,
                                     int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

/* ---- ijw_toewijzing: the iJw side of an assignment ---- */

/* An assignment as the JW301 tells it, with what the last JW301 said. */
typedef struct {
    int64_t id; /* the ToewijzingNummer */
    char gemeente[5], agb[9];
    int64_t youth_id;
    char category[3], product[8], unit[3], frequency[2];
    bool is_budget;
    int64_t budget, volume;
    jr_date start, end;
    char status[16];
    char created[32];
    bool sent;             /* a JW301 told it before */
    char sent_state[160];  /* what that JW301 said */
    char referentie[64];   /* the ReferentieAanbieder of the request it answers */
    bool referentie_sent;  /* named in a JW301 already */
    char reden[4];         /* the RedenWijziging to send next ("12"), "" when none */
    char change_reason[3]; /* the RedenWijziging of its last change, "" when none */
    jr_date changed;       /* the last day it changed */
    /* the JW301 writer's own: not stored */
    char state[160];
    bool included;
} store_toewijzing_row;

/* store_toewijzing_each: every assignment of municipality gemeente (NULL:
 * any) as a store_toewijzing_row, ordered by municipality, provider, youth
 * and id, to fn (non-zero stops). */
jr_status store_toewijzing_each(jr_store *st, const char *gemeente,
                                int (*fn)(void *ud, const void *row), void *ud, jr_error *err);
/* store_toewijzing_of_client: the same for the assignments of youth_id
 * with provider agb in gemeente, in id order. */
jr_status store_toewijzing_of_client(jr_store *st, const char *gemeente, const char *agb,
                                     int64_t youth_id, int (*fn)(void *ud, const void *row),
                                     void *ud, jr_error *err);
/* store_toewijzing_sent: the JW301 in outbox row outbox_id told assignment
 * id as state, at `at`; its referentie counts as sent, its reden is done. */
jr_status store_toewijzing_sent(jr_store *st, int64_t id, const char *state, int64_t outbox_id,
                                const char *at, jr_error *err);

/* How a JW301 names its client: the youth, and the name and sex a
 * provider's message gave (has_name false: none came yet). */
typedef struct {
    char bsn[10];
    jr_date birth;
    bool has_name;
    char sex[2];
    char last[256], prefix[64], initials[32];
} store_client_name;

jr_status store_client_name_get(jr_store *st, int64_t youth_id, store_client_name *out,
                                jr_error *err);

/* store_toewijzing_mark_changed: assignment id was granted or changed on a
 * wijzigingsverzoek referentie: the next JW301 names it, with
 * RedenWijziging 12. */
jr_status store_toewijzing_mark_changed(jr_store *st, int64_t id, const char *referentie,
                                        jr_error *err);

/* ---- ijw_client ---- */

/* store_client_keep: the name and sex a provider's message gave for bsn. */
jr_status store_client_keep(jr_store *st, const char *bsn, const char *sex, const char *last,
                            const char *prefix, const char *initials, const char *at,
                            jr_error *err);

#endif

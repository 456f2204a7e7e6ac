/*
 * exchange.h: the municipality's side of the iJw message exchange as a
 * service: the inbox (every received message logged by sender, type and
 * Identificatie; the same bytes again are answered the same and change
 * nothing, other bytes under a known Identificatie are refused with 9056),
 * the outbox (the JW301 and JW319 the region sends, marked when handed
 * out, with the provider's retour on them), the transaction of each
 * received message and each export, and their audit.
 *
 * The iJw interface (src/ijw) reads and writes the XML and calls these
 * functions; it holds no SQL and opens no transaction. Messages are named
 * by their code ("JW315"). A receipt runs: exchange_receive (opens the
 * transaction), exchange_log, the processing by the other services,
 * exchange_end (records the answer, audits, commits or rolls back). An
 * export runs: exchange_export_begin, exchange_sent or exchange_answer_next
 * / exchange_answer_sent per message, exchange_export_end.
 */
#ifndef JR_EXCHANGE_H
#define JR_EXCHANGE_H

#include "../store/declarations.h"
#include "../store/exchange.h"
#include "svc.h"

/* exchange_new_ident: the next Identificatie of a message the region
 * writes ("JR" and ten digits). */
jr_status exchange_new_ident(const jr_ctx *ctx, char out[16], jr_error *err);

/* What the log knew of a received message's identification. */
typedef enum {
    EXCHANGE_NEW = 0, /* never received */
    EXCHANGE_REPLAY,  /* received before with the same bytes: answer the same */
    EXCHANGE_REUSED,  /* received before with other bytes: refuse (9056) */
} exchange_seen;

/* exchange_receive: a message `code` from provider agb with Identificatie
 * ident is about to be processed: the principal may send it (the system
 * and an administrator anything; a provider's user only its own
 * organisation's: JR_EFORBIDDEN), and *known (0 when new) and known_hash
 * say what the log knew of it (exchange_seen_of judges them once the
 * message's own hash is known). Opens the transaction on JR_OK:
 * exchange_end closes it. */
jr_status exchange_receive(const jr_ctx *ctx, const char *code, const char *agb, const char *ident,
                           int64_t *known, char known_hash[65], jr_error *err);

/* exchange_seen_of: what a message with content hash is, given what
 * exchange_receive found (known, known_hash). */
exchange_seen exchange_seen_of(int64_t known, const char *known_hash, const char *hash);

/* exchange_log: logs a received message (m->received_at and m->actor are
 * filled here); *id receives its row, which the processing refers to. */
jr_status exchange_log(const jr_ctx *ctx, store_inbox_new *m, int64_t *id, jr_error *err);

/* exchange_set_decl_code: the code refusing a JW323's Declaratie (9333). */
jr_status exchange_set_decl_code(const jr_ctx *ctx, int64_t inbox_id, const char *code,
                                 jr_error *err);

/* exchange_answer_of / exchange_decl_of: what the log kept of row id (to
 * answer a replay; to write a JW325); the caller frees it. */
jr_status exchange_answer_of(const jr_ctx *ctx, int64_t id, store_inbox_answer *out, jr_error *err);
jr_status exchange_decl_of(const jr_ctx *ctx, int64_t id, store_inbox_decl *out, jr_error *err);

/* How a receipt ends. inbox_id 0: nothing to record (a replay). */
typedef struct {
    int64_t inbox_id;
    const char *answer;      /* the answer text; NULL: none, or written again (JW325) */
    const char *summary;     /* the result as JSON */
    const char *header_code; /* the code refusing the whole message; NULL: none */
    const char *action;      /* audit action: ijw.ontvangen, ijw.herhaald */
    const char *entity_id;   /* "JW315:AGB:IDENT" */
    const char *detail;      /* for the audit log: no personal data */
} exchange_outcome;

/* exchange_end: closes the transaction exchange_receive opened: with rc
 * JR_OK records o's answer, summary and header code, audits, commits;
 * otherwise rolls back. Returns rc, or the failure of closing. */
jr_status exchange_end(const jr_ctx *ctx, jr_status rc, const exchange_outcome *o, jr_error *err);

/* exchange_depth / exchange_unwind: a receipt that failed halfway (the
 * reader stopped inside a JW323) leaves its transaction open: the caller
 * notes the depth before and unwinds to it (nothing stays). */
int exchange_depth(const jr_ctx *ctx);
void exchange_unwind(const jr_ctx *ctx, int depth);

/* exchange_keep_client: the name and sex a provider's message gave the
 * client bsn (sex NULL: "0"), for the JW301, which names the client. */
jr_status exchange_keep_client(const jr_ctx *ctx, const char *bsn, const char *sex,
                               const char *last, const char *prefix, const char *initials,
                               jr_error *err);

/* exchange_retour: the provider's retour (a JW302 on sent_code JW301, a
 * JW320 on a JW319) of the message `answered` the region (gemeente) sent
 * provider agb: its RetourCodes (space separated) recorded with it; *found
 * false when no such message was sent. */
jr_status exchange_retour(const jr_ctx *ctx, const char *sent_code, const char *answered,
                          const char *gemeente, const char *agb, const char *codes, bool *found,
                          jr_error *err);
/* exchange_link_retour: inbox row inbox_id is that retour. */
jr_status exchange_link_retour(const jr_ctx *ctx, int64_t inbox_id, const char *sent_code,
                               const char *answered, const char *agb, jr_error *err);

/* ---- the outbox ---- */

/* exchange_answer_queue: a JW319 is due from gemeente to agb on request
 * verzoek_id (referentie): antwoord "1" refused (reden, woonplaats or NULL)
 * or "2" under investigation. Its Identificatie and Dagtekening (today)
 * are given now, its text is written when it is exported; *outbox_id
 * receives its row. Inside the caller's transaction. */
jr_status exchange_answer_queue(const jr_ctx *ctx, int64_t verzoek_id, const char *gemeente,
                                const char *agb, const char *referentie, const char *antwoord,
                                const char *reden, const char *woonplaats, int64_t *outbox_id,
                                jr_error *err);

/* exchange_export_begin: the principal may send messages (JR_ACT_REFER);
 * opens the export's transaction, closed by exchange_export_end (commits
 * when rc is JR_OK, else rolls back: nothing is marked sent). */
jr_status exchange_export_begin(const jr_ctx *ctx, jr_error *err);
jr_status exchange_export_end(const jr_ctx *ctx, jr_status rc, jr_error *err);

/* exchange_sent: logs message code (ident, from sender to receiver, body,
 * nrecords records) as written and handed out now, and audits it with
 * detail; *outbox_id receives its row. */
jr_status exchange_sent(const jr_ctx *ctx, const char *code, const char *sender,
                        const char *receiver, const char *ident, const char *body, int nrecords,
                        const char *detail, int64_t *outbox_id, jr_error *err);

/* exchange_toewijzingen: every assignment of gemeente (NULL: any) as the
 * JW301 tells it, ordered by client (municipality, provider, youth), to fn
 * (non-zero stops); exchange_toewijzingen_of: one client's, in id order. */
jr_status exchange_toewijzingen(const jr_ctx *ctx, const char *gemeente, jr_row_fn fn, void *ud,
                                jr_error *err);
jr_status exchange_toewijzingen_of(const jr_ctx *ctx, const char *gemeente, const char *agb,
                                   int64_t youth_id, jr_row_fn fn, void *ud, jr_error *err);
/* exchange_client_name: how a JW301 names youth_id. */
jr_status exchange_client_name(const jr_ctx *ctx, int64_t youth_id, store_client_name *out,
                               jr_error *err);
/* exchange_toewijzing_sent: the JW301 in outbox row outbox_id told
 * assignment id as state. */
jr_status exchange_toewijzing_sent(const jr_ctx *ctx, int64_t id, const char *state,
                                   int64_t outbox_id, jr_error *err);

/* exchange_jw325_lines: each store_decl_line_row of declaration batch batch_id, in
 * order, as a JW325 answers them, to fn (non-zero stops). */
jr_status exchange_jw325_lines(const jr_ctx *ctx, int64_t batch_id, jr_row_fn fn, void *ud,
                               jr_error *err);

/* exchange_answer_next: the oldest JW319 not handed out of municipality
 * gemeente (NULL: any) into out (free it); JR_ENOTFOUND when none. */
jr_status exchange_answer_next(const jr_ctx *ctx, const char *gemeente, store_antwoord_row *out,
                               jr_error *err);
/* exchange_answer_sent: JW319 a was handed out as body; audited. */
jr_status exchange_answer_sent(const jr_ctx *ctx, const store_antwoord_row *a, const char *body,
                               jr_error *err);

#endif

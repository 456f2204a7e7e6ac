/*
 * ijw.h: the iJw 3.2 message exchange of the region (the municipality's
 * side of the standard): reading, checking and processing the messages
 * providers send, writing the answers and the messages the municipality
 * sends.
 *
 * Received and answered here:
 *   JW315 verzoek om toewijzing   -> JW316 retour (the decision follows as a
 *                                    JW301 toewijzing or a JW319 antwoord)
 *   JW317 verzoek om wijziging    -> JW318 retour (then JW301 or JW319)
 *   JW305 start zorg              -> JW306 retour
 *   JW307 stop zorg               -> JW308 retour
 *   JW323 declaratie              -> JW325 declaratie-antwoord
 *   JW302 / JW320                    the provider's retour on a JW301 / JW319
 * Sent (ijw_export): JW301 toewijzing, JW319 antwoord op een verzoek.
 * Every one of the 14 messages can also be written and read by the
 * library (the provider's side is used by the tests and by ijw_csv_to_jw323).
 *
 * A message is checked by the project's own validator (structure, types,
 * lengths and code lists of release 3.2; see schema.h) as it streams in. A
 * message that is not well-formed or breaks the schema is refused with an
 * error naming the file, the line and the element: nothing is stored and no
 * answer is written. A valid message is processed in one transaction; the
 * standard's technical rules and the region's rules give retourcodes in the
 * answer, never a half-applied message. A message is known by its sender,
 * type and Identificatie: received again with the same bytes it changes
 * nothing and gets the same answer; with other bytes it is refused (9056).
 *
 * Declaration files are read streaming (xmlTextReader): memory stays flat
 * in the file size, and the JW325 is written from the stored lines.
 * Messages carry personal data: errors and the audit log name files,
 * senders, types and counts, never BSNs or names.
 */
#ifndef JR_IJW_H
#define JR_IJW_H

#include "../core/sbuf.h"
#include "../service/svc.h"
#include "schema.h"

#include <jansson.h>
#include <stdio.h>

#define IJW_MAX_RESULT_CODES 48

typedef struct {
    char code[8];
    int64_t n;
} ijw_code_count;

/* What one import did. */
typedef struct {
    ijw_msg msg;        /* the message read */
    ijw_msg answer_msg; /* the answer written, IJW_NMSG when none (a retour received) */
    char sender[16];    /* Afzender (AGB) */
    char receiver[16];  /* Ontvanger (CBS code) */
    char ident[64];     /* its Identificatie */
    char answer_ident[16];
    bool replayed; /* received before with the same bytes: answered the same, nothing changed */
    int64_t accepted, rejected; /* records (prestaties, products, ...) accepted / rejected */
    int ncodes;
    ijw_code_count codes[IJW_MAX_RESULT_CODES]; /* retourcode -> count, in the answer */
} ijw_result;

/* ijw_result_codes_json: the retourcodes of r as a JSON object, code ->
 * count (a new reference; NULL when out of memory). */
json_t *ijw_result_codes_json(const ijw_result *r);

/* ijw_import_buffer: processes the message in data (len bytes; name is used
 * in messages) in one transaction and appends the answer to *answer (left
 * empty when the message needs none). The door for the HTTP API. */
jr_status ijw_import_buffer(const jr_ctx *ctx, const char *data, size_t len, const char *name,
                            sbuf *answer, ijw_result *res, jr_error *err);

/* ijw_import_stream: as ijw_import_buffer, reading from in and writing the
 * answer to out (may be NULL to discard it): memory flat in the size. */
jr_status ijw_import_stream(const jr_ctx *ctx, FILE *in, const char *name, FILE *out,
                            ijw_result *res, jr_error *err);

/* ijw_import_file: imports the file at path and writes the answer into
 * out_dir (NULL: beside the input) as NAME_JWnnn.xml, through a temporary
 * name renamed once the transaction committed. answer_path (cap bytes)
 * receives its path ("" when none). */
jr_status ijw_import_file(const jr_ctx *ctx, const char *path, const char *out_dir,
                          char *answer_path, size_t cap, ijw_result *res, jr_error *err);

/* ijw_answer_name: the file name of the answer to input `path` of type m. */
void ijw_answer_name(const char *path, ijw_msg answer, char *out, size_t cap);

/* ijw_validate_stream: only checks the message in in against the schema (no
 * store); *msg receives its type. */
jr_status ijw_validate_stream(FILE *in, const char *name, ijw_msg *msg, jr_error *err);
jr_status ijw_validate_buffer(const char *data, size_t len, const char *name, ijw_msg *msg,
                              jr_error *err);

/* One written outgoing message. */
typedef struct {
    ijw_msg msg;
    char ident[16];
    char receiver[16]; /* AGB */
    char sender[16];   /* CBS code */
    int nrecords;      /* ToegewezenProducten, or 1 */
} ijw_out_info;

/* Called with each message ijw_export writes: its text (len bytes). A
 * non-OK return stops the export and rolls it back. */
typedef jr_status (*ijw_out_fn)(void *ud, const ijw_out_info *info, const char *xml, size_t len,
                                jr_error *err);

/* ijw_export: writes the pending outgoing messages of type m (IJW_JW301:
 * every client whose assignments with a provider changed since the last
 * JW301, or were never sent; IJW_JW319: the queued answers to requests),
 * optionally only those that changed on or after since (JR_DATE_NONE: all).
 * The messages are marked sent when fn accepted all of them; *n receives
 * their number. */
jr_status ijw_export(const jr_ctx *ctx, ijw_msg m, jr_date since, ijw_out_fn fn, void *ud, int *n,
                     jr_error *err);

/* ijw_csv_to_jw323: writes the declaration batch of the CSV file in (the
 * format of decl_csv.h, one batch; in must be seekable: it is read twice,
 * once for the total) as one JW323 with Identificatie ident to out: the
 * provider's side, for tests, benchmarks and providers who keep CSV. With
 * ctx, assignment numbers are turned into their ToewijzingNummer. */
jr_status ijw_csv_to_jw323(const jr_ctx *ctx, FILE *in, const char *name, FILE *out,
                           const char *ident, jr_error *err);

/* ijw_msg_code: "JW301" for IJW_JW301. */
const char *ijw_msg_code(ijw_msg m);

/* ijw_jr_code_to_retour: the iJw retourcode a JW325 carries for a line the
 * declaration checks rejected with code (a project JRnn code maps to the
 * nearest retourcode; an iJw code to itself). */
const char *ijw_jr_code_to_retour(const char *code);

#endif

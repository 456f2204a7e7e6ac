/*
 * ijw_internal.h: what the files of src/ijw share and nobody else needs:
 * the streaming validator state, input sources with their content hash,
 * the reader's events, the message tree of the small messages, the
 * writer (xmlTextWriter checked by the same validator as it writes), and
 * the per-message processing entry points.
 */
#ifndef JR_IJW_INTERNAL_H
#define JR_IJW_INTERNAL_H

#include "ijw.h"
#include "schema_nodes.h"

#include "../core/sbuf.h"
#include "../service/exchange.h"
#include "../service/request.h"

#include <libxml/xmlwriter.h>
#include <sodium.h>
#include <stdio.h>

#define IJW_MAX_DEPTH 16
#define IJW_MAX_COLLAPSED 1024   /* integers, dates, times longer than this are refused */
#define IJW_MAX_VALUE 65536      /* the longest text of one element (a Commentaar) */
#define IJW_MAX_TREE_NODES 20000 /* the largest message held as a tree (all but JW323) */
#define IJW_MAX_CODES 4          /* retourcodes per element class */
#define IJW_XSD_VERSION "0.1.0"  /* BasisschemaXsdVersie and BerichtXsdVersie of release 3.2 */

/* ---- validate.c: the structure, element by element ---- */

typedef struct {
    int node;  /* the element */
    int cur;   /* the child reached so far, -1 before the first */
    int count; /* occurrences of cur so far */
} ijw_vframe;

typedef struct {
    const ijw_msgdef *def;
    int depth;
    bool done;
    ijw_vframe frames[IJW_MAX_DEPTH];
} ijw_vstate;

void ijw_vstate_init(ijw_vstate *v, ijw_msg msg);
/* ijw_vstate_start: an element opens: its node, or -1 with *why (and the
 * element that was expected, or NULL). */
int ijw_vstate_start(ijw_vstate *v, const char *local, const char *ns, const char **why,
                     const char **expected);
/* ijw_vstate_text_ok: may this text stand in the element now open? */
bool ijw_vstate_text_ok(const ijw_vstate *v, const char *text, size_t n);
/* ijw_vstate_end: the open element closes with value (its text, leaves
 * only): its node, or -1 with *why. */
int ijw_vstate_end(ijw_vstate *v, const char *value, size_t n, const char **why,
                   const char **expected);
int ijw_vstate_node(const ijw_vstate *v);

/* ---- reader.c ---- */

/* Where a message comes from: a buffer or a stream; the bytes read are
 * hashed (BLAKE2b-256) for idempotence. */
typedef struct {
    const char *data;
    size_t len, pos;
    FILE *f;
    crypto_generichash_state hash;
    uint64_t nbytes;
} ijw_source;

void ijw_source_buffer(ijw_source *s, const char *data, size_t len);
void ijw_source_stream(ijw_source *s, FILE *f);
/* ijw_source_hash: the hex hash of everything read (call once, at the end). */
void ijw_source_hash(ijw_source *s, char out[65]);

typedef struct {
    /* the message type is known (root element) */
    jr_status (*on_msg)(void *ud, ijw_msg msg, jr_error *err);
    jr_status (*on_start)(void *ud, int node, long line, jr_error *err);
    /* value: the text of a leaf (NUL-terminated, n bytes), NULL otherwise */
    jr_status (*on_end)(void *ud, int node, const char *value, size_t n, long line, jr_error *err);
} ijw_events;

/* ijw_read: parses and validates the whole message, calling ev (may be
 * NULL) for every element. Schema faults fail with JR_EINVAL, code
 * "ijw_schema" (or "ijw_xml" when not well-formed), the field naming the
 * element and the message "NAME:LINE: element X: ...". *msg receives the
 * type (IJW_NMSG when the root was not recognised). */
jr_status ijw_read(ijw_source *src, const char *name, const ijw_events *ev, void *ud, ijw_msg *msg,
                   jr_error *err);

/* ---- tree.c: the small messages as a tree ---- */

typedef struct ijw_tnode {
    int node;         /* index in the message's nodes */
    const char *name; /* its element name */
    long line;
    char *value; /* a leaf's text as it stood, NUL-terminated; NULL otherwise */
    size_t len;
    struct ijw_tnode *parent, *first, *last, *next;
    int ncodes;
    char codes[IJW_MAX_CODES][5]; /* retourcodes the processing gave this class */
} ijw_tnode;

typedef struct ijw_tree ijw_tree;

ijw_tree *ijw_tree_new(void);
void ijw_tree_free(ijw_tree *t);
/* ijw_tree_skip: events below node skip are not kept (the stream of a JW323) */
void ijw_tree_skip(ijw_tree *t, int skip);
extern const ijw_events ijw_tree_events; /* ud: the ijw_tree */
ijw_tnode *ijw_tree_root(const ijw_tree *t);
/* ijw_tree_find: the first node of schema node `node` anywhere below root */
ijw_tnode *ijw_tree_find(const ijw_tree *t, int node);
/* ijw_tn_child: the first child of n that is schema node `node`, or NULL */
ijw_tnode *ijw_tn_child(const ijw_tnode *n, int node);
/* ijw_tn_next: the next sibling of c of the same schema node, or NULL */
ijw_tnode *ijw_tn_next(const ijw_tnode *c);
/* ijw_tn_val: the text of the child leaf `node` of n, NULL when absent */
const char *ijw_tn_val(const ijw_tnode *n, int node);
/* ijw_tn_code: adds a retourcode to the class n (once each) */
void ijw_tn_code(ijw_tnode *n, const char *code);
bool ijw_tn_ok(const ijw_tnode *n); /* no code, or only 0200 */
/* ijw_tn_mark: sets code on n and every class below it that has no code */
void ijw_tn_mark(ijw_tnode *n, const char *code);

/* ---- writer.c ---- */

typedef struct {
    sbuf *buf;  /* or */
    FILE *file; /* or neither: discard */
    bool failed;
} ijw_sink;

/* ijw_sink_put: writes len bytes to the sink; false (and s->failed) when
 * the sink failed, now or before */
bool ijw_sink_put(ijw_sink *s, const char *buf, size_t len);

typedef struct {
    xmlTextWriterPtr w;
    ijw_msg msg;
    const ijw_msgdef *def;
    ijw_vstate v;
    ijw_sink *sink;
    bool failed;
    char why[160];
} ijw_writer;

jr_status ijw_w_open(ijw_writer *w, ijw_msg msg, ijw_sink *sink, jr_error *err);
void ijw_w_start(ijw_writer *w, int node);
void ijw_w_end(ijw_writer *w);
void ijw_w_leaf(ijw_writer *w, int node, const char *value);
void ijw_w_leaf_int(ijw_writer *w, int node, int64_t v);
void ijw_w_leaf_date(ijw_writer *w, int node, jr_date d);
/* ijw_w_close: ends the document and flushes; fails (JR_EDB, "ijw_write")
 * when the writer or the sink failed or the output broke the schema. */
jr_status ijw_w_close(ijw_writer *w, jr_error *err);
/* ijw_w_abort: frees a writer that will not be closed. */
void ijw_w_abort(ijw_writer *w);

/* The header of a message as read (pointers into the tree). */
typedef struct {
    const char *afzender, *ontvanger;
    const char *ident, *dagtekening;
    const char *xsd_basis, *xsd_bericht;
} ijw_header;

/* ijw_header_of: the header fields of a message tree */
void ijw_header_of(const ijw_tree *t, ijw_header *h);

/* ijw_w_header: writes the Header of message w->msg: the fixed codes, then
 * Afzender, Ontvanger, BerichtIdentificatie (ident, dagtekening) and the
 * XsdVersie of this release; for a retour also the identification of the
 * message it answers (in) and RetourCodes (codes, n of them; none: 0200).
 * Leaves the Header open when keep_open (the JW325 adds to it). */
void ijw_w_header(ijw_writer *w, const char *afzender, const char *ontvanger, const char *ident,
                  jr_date dagtekening, const ijw_header *in, const char *const *codes, int ncodes);

/* ijw_w_echo: writes the retour of the body of a received message: every
 * element of the retour message's structure below retour node `rnode`,
 * taken from the received class `src` (the same element of the heenbericht),
 * with each class's RetourCodes (its codes; 0200 when it has none, `dflt`
 * when given). */
void ijw_w_echo(ijw_writer *w, int rnode, const ijw_tnode *src, const char *dflt);

/* ---- ijw.c: the import of one message ---- */

typedef struct ijw_import ijw_import;

/* What processing one received message needs and gives. */
struct ijw_import {
    const jr_ctx *ctx; /* who imports */
    jr_ctx sys;        /* the municipality deciding (system role, same actor) */
    const char *name;
    ijw_result *res;
    ijw_sink *sink;
    ijw_tree *tree;
    ijw_header hdr;
    const char *provider; /* the provider's AGB: Afzender, or Ontvanger in a retour */
    const char *gemeente; /* the municipality: Ontvanger, or Afzender in a retour */
    char hash[65];
    int64_t inbox_id;
    char answer_ident[16];
    jr_date answer_date;
    const char *header_code; /* a code refusing the whole message, NULL when none */
    const char *decl_code;   /* a JW323: the code refusing its Declaratie, NULL when none */
    const char *decl_number; /* a JW323: its DeclaratieNummer */
    char detail[256];        /* for the audit log: what happened, no personal data */
};

/* ijw_result_code: counts one retourcode in the result */
void ijw_result_code(ijw_result *r, const char *code);

/* ijw_ref_assignment: the assignment (number, 24 bytes) of ToewijzingNummer
 * text nr, when it exists; false otherwise. */
bool ijw_ref_assignment(const jr_ctx *ctx, const char *nr, char number[24], int64_t *id);

/* ijw_parse_date / ijw_parse_int: a validated value (XSD whitespace collapse) */
bool ijw_parse_date(const char *s, jr_date *out);
bool ijw_parse_int(const char *s, int64_t *out);

/* The processing of each received message type (msg_*.c). Tree messages
 * set the retourcodes on the tree's classes; ijw.c writes the retour. */
jr_status ijw_process_jw305(ijw_import *im, jr_error *err);
jr_status ijw_process_jw307(ijw_import *im, jr_error *err);
jr_status ijw_process_jw315(ijw_import *im, jr_error *err);
jr_status ijw_process_jw317(ijw_import *im, jr_error *err);
jr_status ijw_process_jw302(ijw_import *im, jr_error *err);
jr_status ijw_process_jw320(ijw_import *im, jr_error *err);
/* ijw_client_ok: the client of a JW305/JW307/JW315 (the same layout, its
 * nodes given): false when the BSN fails the 11-check (codes 0001, 0233 set,
 * *rc JR_OK) or keeping the name failed (*rc) */
bool ijw_client_ok(ijw_import *im, ijw_tnode *client, int bsn_node, int sex_node, int naam_node,
                   jr_error *err, jr_status *rc);
/* msg_retour.c: links a logged JW302/JW320 to the message it answered */
jr_status ijw_link_retour(ijw_import *im, const char *sent_code, jr_error *err);

/* msg_jw323.c: the streaming declaration import and the JW325. The JW323
 * events arrive with the tree's (which keeps all but the Clienten). */
typedef struct ijw_decl ijw_decl;
ijw_decl *ijw_decl_new(ijw_import *im);
void ijw_decl_free(ijw_decl *d);
jr_status ijw_decl_start(ijw_decl *d, int node, long line, jr_error *err);
jr_status ijw_decl_end(ijw_decl *d, int node, const char *v, size_t n, long line, jr_error *err);
/* ijw_decl_finish: after the whole message was read: decides, answers, logs */
jr_status ijw_decl_finish(ijw_decl *d, jr_error *err);
/* ijw_decl_abort: a failure halfway: drops the declaration session */
void ijw_decl_abort(ijw_decl *d);
/* ijw_write_jw325: the JW325 answering the JW323 logged as inbox row
 * inbox_id, from the log and the stored lines (the same every time) */
jr_status ijw_write_jw325(const jr_ctx *ctx, int64_t inbox_id, ijw_sink *sink, ijw_result *res,
                          jr_error *err);

/* msg_jw301.c */
jr_status ijw_export_jw301(const jr_ctx *ctx, jr_date since, ijw_out_fn fn, void *ud, int *n,
                           jr_error *err);
/* msg_request.c */
jr_status ijw_export_jw319(const jr_ctx *ctx, ijw_out_fn fn, void *ud, int *n, jr_error *err);

/* ijw.c: the received message's log row, the header checks, the retour
 * (the log, its idempotence and the transaction are service/exchange.h's) */
/* ijw_inbox_insert: logs the message im read (with duplicate_of when it was
 * refused for reusing an Identificatie), the answer it gets and, for a
 * JW323, its batch; the answer text follows with ijw_end. */
jr_status ijw_inbox_insert(ijw_import *im, ijw_msg msg, int64_t duplicate_of, ijw_msg answer_msg,
                           int64_t batch_id, const char *decl_number, int64_t decl_total,
                           const char *decl_dc, jr_error *err);
/* ijw_inbox_replay: the answer logged for row id again, to im->sink */
jr_status ijw_inbox_replay(ijw_import *im, int64_t id, jr_error *err);
/* ijw_replayed: a message received before with the same bytes: the same
 * answer again, an audit record, nothing else; ends the transaction */
jr_status ijw_replayed(ijw_import *im, ijw_msg msg, int64_t known, jr_error *err);
/* ijw_begin: the checks of every received message before processing; the
 * exchange service opens the transaction. *known / known_hash: what the
 * log knew of its identification (the earlier row, 0 when new; its hash). */
jr_status ijw_begin(ijw_import *im, ijw_msg msg, int64_t *known, char known_hash[65],
                    jr_error *err);
/* ijw_end: ends the receipt begun by ijw_begin: with rc JR_OK the answer
 * text (NULL: none, or written again from the store) and the result are
 * recorded and audited and the transaction commits; else it rolls back */
jr_status ijw_end(ijw_import *im, ijw_msg msg, jr_status rc, const char *answer, jr_error *err);
/* ijw_answer_of: JW302 for JW301, ..., JW325 for JW323; IJW_NMSG for a retour */
ijw_msg ijw_answer_of(ijw_msg m);
/* ijw_write_retour: the retour answer of received tree message t */
jr_status ijw_write_retour(const ijw_tree *t, const ijw_header *h, ijw_msg answer,
                           const char *ident, jr_date date, const char *header_code, ijw_sink *sink,
                           jr_error *err);

#endif

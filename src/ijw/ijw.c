/*
 * ijw.c: the import of one received iJw message, whatever its type: the
 * header's technical rules, the fields of its log row, the retour (the
 * echoed message with a RetourCode per class) and the text of its audit
 * record. Who may send it, the received-message log that makes every
 * message idempotent by its identification (sender, type, Identificatie)
 * and the transaction around the processing are the exchange service's
 * (service/exchange.h). The processing of each type lives in msg_*.c; the
 * files and streams doors (ijw_import_file, _stream, _buffer) are at the
 * end.
 *
 * The log keeps each answer as it was written (the JW325 of a declaration
 * is written again from its stored lines, which never change), so a message
 * received twice is answered the same, byte for byte.
 */
#include "ijw_internal.h"

#include "../domain/ident.h"
#include "../service/assignment.h"
#include "../service/exchange.h"
#include "../service/provider.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *ijw_msg_code(ijw_msg m)
{
    return (unsigned)m < IJW_NMSG ? ijw_msgdefs[m].code : "?";
}

bool ijw_parse_date(const char *s, jr_date *out)
{
    char buf[32];
    size_t n = s ? strlen(s) : 0;
    if (n == 0 || n >= sizeof buf)
        return false;
    memcpy(buf, s, n + 1);
    n = ijw_value_collapse(buf, n);
    return date_parse_n(buf, (int)n, out);
}

bool ijw_parse_int(const char *s, int64_t *out)
{
    size_t n = s ? strlen(s) : 0;
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    int64_t v = 0;
    int digits = 0;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
        if (v > (INT64_MAX - 9) / 10)
            return false;
        v = v * 10 + (s[i] - '0');
        digits++;
    }
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    if (digits == 0 || i != n)
        return false;
    *out = neg ? -v : v;
    return true;
}

void ijw_result_code(ijw_result *r, const char *code)
{
    for (int i = 0; i < r->ncodes; i++)
        if (strcmp(r->codes[i].code, code) == 0) {
            r->codes[i].n++;
            return;
        }
    if (r->ncodes < IJW_MAX_RESULT_CODES) {
        str_copy(r->codes[r->ncodes].code, sizeof r->codes[0].code, code);
        r->codes[r->ncodes++].n = 1;
    }
}

bool ijw_ref_assignment(const jr_ctx *ctx, const char *nr, char number[24], int64_t *id)
{
    int64_t v;
    if (!ijw_parse_int(nr, &v) || v <= 0 || assignment_number_of(ctx, v, number, NULL) != JR_OK)
        return false;
    if (id)
        *id = v;
    return true;
}

/* ---- the received-message log (service/exchange.h keeps it) ---- */

json_t *ijw_result_codes_json(const ijw_result *r)
{
    json_t *o = json_object();
    for (int i = 0; o && i < r->ncodes; i++)
        json_object_set_new(o, r->codes[i].code, json_integer((json_int_t)r->codes[i].n));
    return o;
}

/* summary_text: the result as the log keeps it (compact JSON, sorted keys;
 * free it), NULL when out of memory */
static char *summary_text(const ijw_result *r)
{
    json_t *sj = json_pack("{s:I, s:I, s:o}", "accepted", (json_int_t)r->accepted, "rejected",
                           (json_int_t)r->rejected, "codes", ijw_result_codes_json(r));
    char *summary = sj ? json_dumps(sj, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_decref(sj);
    return summary;
}

static void summary_load(ijw_result *r, const char *text)
{
    json_t *j = json_loads(text, 0, NULL);
    if (!j)
        return;
    r->accepted = json_integer_value(json_object_get(j, "accepted"));
    r->rejected = json_integer_value(json_object_get(j, "rejected"));
    const char *k;
    json_t *v;
    json_object_foreach(json_object_get(j, "codes"), k, v)
    {
        for (json_int_t i = 0; i < json_integer_value(v); i++)
            ijw_result_code(r, k);
    }
    json_decref(j);
}

jr_status ijw_inbox_insert(ijw_import *im, ijw_msg msg, int64_t duplicate_of, ijw_msg answer_msg,
                           int64_t batch_id, const char *decl_number, int64_t decl_total,
                           const char *decl_dc, jr_error *err)
{
    char *summary = summary_text(im->res);
    if (!summary)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    bool answered = answer_msg != IJW_NMSG;
    store_inbox_new m = {
        .code = ijw_msg_code(msg),
        .sender = im->provider,
        .receiver = im->gemeente,
        .ident = im->hdr.ident,
        .dagtekening = im->hdr.dagtekening,
        .xsd_basis = im->hdr.xsd_basis,
        .xsd_bericht = im->hdr.xsd_bericht,
        .content_hash = im->hash,
        .duplicate_of = duplicate_of,
        .source = im->name,
        .answer_code = answered ? ijw_msg_code(answer_msg) : NULL,
        .answer_ident = answered ? im->answer_ident : NULL,
        .answer_date = im->answer_date,
        .header_code = im->header_code,
        .batch_id = batch_id,
        .decl_number = decl_number,
        .decl_total = decl_total,
        .decl_dc = decl_dc,
        .summary = summary,
    };
    jr_status rc = exchange_log(im->ctx, &m, &im->inbox_id, err);
    free(summary);
    return rc;
}

/* ijw_inbox_replay: the answer the log kept for row id, to the sink, and
 * its summary into res; JW325s are written again from their lines. */
jr_status ijw_inbox_replay(ijw_import *im, int64_t id, jr_error *err)
{
    store_inbox_answer a;
    jr_status rc = exchange_answer_of(im->ctx, id, &a, err);
    if (rc != JR_OK)
        return rc;
    ijw_result *r = im->res;
    r->answer_msg = ijw_msg_by_code(a.answer_code);
    str_copy(r->answer_ident, sizeof r->answer_ident, a.answer_ident);
    bool regenerate = !a.answer && strcmp(a.code, "JW323") == 0;
    if (a.answer)
        ijw_sink_put(im->sink, a.answer, strlen(a.answer));
    r->replayed = true;
    if (regenerate) {
        ijw_result scratch;
        memset(&scratch, 0, sizeof scratch);
        rc = ijw_write_jw325(im->ctx, id, im->sink, &scratch, err);
    }
    summary_load(r, a.summary);
    store_inbox_answer_free(&a);
    if (rc == JR_OK && im->sink->failed)
        rc = jr_fail(err, JR_EIO, "ijw_write", "", "Het antwoord kon niet worden geschreven.");
    return rc;
}

/* ---- the header ---- */

static bool msg_received(ijw_msg m)
{
    return m == IJW_JW302 || m == IJW_JW305 || m == IJW_JW307 || m == IJW_JW315 || m == IJW_JW317 ||
           m == IJW_JW320 || m == IJW_JW323;
}

ijw_msg ijw_answer_of(ijw_msg m)
{
    switch (m) {
    case IJW_JW301:
    case IJW_JW305:
    case IJW_JW307:
    case IJW_JW315:
    case IJW_JW317:
    case IJW_JW319:
        return (ijw_msg)(m + 1);
    case IJW_JW323:
        return IJW_JW325;
    default:
        return IJW_NMSG;
    }
}

/* ijw_begin: the checks every received message passes before its content
 * is processed: the type is one the municipality receives, the exchange
 * service lets the principal send it and says whether the log knew its
 * identification (*known, known_hash), and its header's technical rules (the
 * code of the first one it fails goes to im->header_code). The
 * transaction is open on JR_OK: ijw_end closes it. */
jr_status ijw_begin(ijw_import *im, ijw_msg msg, int64_t *known, char known_hash[65], jr_error *err)
{
    const jr_ctx *ctx = im->ctx;
    ijw_header *h = &im->hdr;
    bool retour = msg == IJW_JW302 || msg == IJW_JW320; /* the header of the message answered */
    im->provider = retour ? h->ontvanger : h->afzender;
    im->gemeente = retour ? h->afzender : h->ontvanger;
    if (!msg_received(msg))
        return jr_fail(err, JR_EINVAL, "ijw_direction", "BerichtCode",
                       "%s: een %s verstuurt de gemeente zelf; jeugdregio ontvangt alleen "
                       "JW302, JW305, JW307, JW315, JW317, JW320 en JW323. Niet verwerkt.",
                       im->name, ijw_msg_code(msg));
    jr_status rc =
        exchange_receive(ctx, ijw_msg_code(msg), im->provider, h->ident, known, known_hash, err);
    if (rc != JR_OK)
        return rc;
    str_copy(im->res->sender, sizeof im->res->sender, im->provider);
    str_copy(im->res->receiver, sizeof im->res->receiver, im->gemeente);
    str_copy(im->res->ident, sizeof im->res->ident, h->ident);
    im->header_code = NULL;
    jr_date d;
    if (!ijw_parse_date(h->dagtekening, &d))
        im->header_code = "0001"; /* a real date, but outside what the region administers */
    else if (d > ctx->today)
        im->header_code = "8848"; /* TR135: Dagtekening in the future */
    else if (!catalog_municipality(ctx->cat, im->gemeente))
        im->header_code = "S300"; /* TR378: not a municipality (of this region) */
    else {
        jr_provider p;
        jr_error e2;
        if (provider_find(ctx, im->provider, &p, &e2) != JR_OK)
            im->header_code = "0001"; /* an unknown sender */
    }
    im->sys = svc_system(ctx);
    im->answer_date = ctx->today;
    return JR_OK;
}

/* ijw_write_retour: the retour of a received tree message to sink: the
 * header answering it (with header_code when the whole message is refused;
 * the classes then say 0233, not assessed) and the body echoed with each
 * class's codes. */
jr_status ijw_write_retour(const ijw_tree *t, const ijw_header *h, ijw_msg answer,
                           const char *ident, jr_date date, const char *header_code, ijw_sink *sink,
                           jr_error *err)
{
    ijw_writer w;
    jr_status rc = ijw_w_open(&w, answer, sink, err);
    if (rc != JR_OK)
        return rc;
    const char *codes[1] = {header_code};
    ijw_w_header(&w, h->afzender, h->ontvanger, ident, date, h, codes, header_code ? 1 : 0);
    const ijw_tnode *root = ijw_tree_root(t);
    for (const ijw_tnode *c = root->first; c; c = c->next) {
        if (c->node == 1)
            continue; /* the Header */
        int rnode = -1;
        const ijw_msgdef *def = &ijw_msgdefs[answer];
        for (int k = def->nodes[0].first_child; k >= 0; k = def->nodes[k].next)
            if (strcmp(def->nodes[k].name, c->name) == 0)
                rnode = k;
        if (rnode >= 0)
            ijw_w_echo(&w, rnode, c, header_code ? "0233" : NULL);
    }
    return ijw_w_close(&w, err);
}

/* the record classes of a message whose codes the result counts */
static bool is_record(ijw_msg m, int node)
{
    switch (m) {
    case IJW_JW305:
        return node == N305_Client_StartProducten_StartProduct;
    case IJW_JW307:
        return node == N307_Client_StopProducten_StopProduct;
    case IJW_JW315:
        return node == N315_Client_AangevraagdeProducten_AangevraagdProduct;
    case IJW_JW317:
        return node == N317_Client_Verzoek;
    default:
        return false;
    }
}

static void count_records(ijw_result *r, ijw_msg m, const ijw_tnode *n, const char *dflt)
{
    for (; n; n = n->next) {
        if (is_record(m, n->node)) {
            if (n->ncodes == 0)
                ijw_result_code(r, dflt);
            for (int i = 0; i < n->ncodes; i++)
                ijw_result_code(r, n->codes[i]);
            if (n->ncodes == 0 ? strcmp(dflt, "0200") == 0 : ijw_tn_ok(n))
                r->accepted++;
            else
                r->rejected++;
        }
        count_records(r, m, n->first, dflt);
    }
}

/* ijw_end: the end of a receipt: with rc JR_OK the answer (text, or NULL)
 * and the result recorded with the logged message, its audit record, the
 * commit; otherwise the rollback. Returns rc or the failure of ending. */
jr_status ijw_end(ijw_import *im, ijw_msg msg, jr_status rc, const char *answer, jr_error *err)
{
    char eid[48], detail[384];
    snprintf(eid, sizeof eid, "%s:%s:%.12s", ijw_msg_code(msg), im->provider, im->hdr.ident);
    const ijw_result *r = im->res;
    const char *dcode = im->header_code ? im->header_code : im->decl_code;
    bool answered = r->answer_msg != IJW_NMSG;
    if (msg == IJW_JW323)
        snprintf(detail, sizeof detail,
                 "JW323 declaratie %s van %s aan %s%s%s: %lld geaccepteerd, %lld afgewezen; "
                 "antwoord JW325 %s; bron %s%s%s",
                 im->decl_number, im->hdr.afzender, im->hdr.ontvanger,
                 dcode ? ", afgekeurd met " : "", dcode ? dcode : "", (long long)r->accepted,
                 (long long)r->rejected, im->answer_ident, im->name, im->detail[0] ? "; " : "",
                 im->detail);
    else
        snprintf(detail, sizeof detail,
                 "%s van %s aan %s%s%s: %lld geaccepteerd, %lld afgewezen%s%s%s%s; bron %s%s%s",
                 ijw_msg_code(msg), im->provider, im->gemeente,
                 im->header_code ? ", afgekeurd met " : "", im->header_code ? im->header_code : "",
                 (long long)r->accepted, (long long)r->rejected, answered ? "; antwoord " : "",
                 answered ? ijw_msg_code(r->answer_msg) : "", answered ? " " : "",
                 answered ? r->answer_ident : "", im->name, im->detail[0] ? "; " : "", im->detail);
    char *summary = rc == JR_OK ? summary_text(r) : NULL;
    if (rc == JR_OK && !summary)
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    exchange_outcome o = {im->inbox_id,    answer, summary, im->header_code,
                          "ijw.ontvangen", eid,    detail};
    rc = exchange_end(im->ctx, rc, &o, err);
    free(summary);
    return rc;
}

jr_status ijw_replayed(ijw_import *im, ijw_msg msg, int64_t known, jr_error *err)
{
    jr_status rc = ijw_inbox_replay(im, known, err);
    /* nothing changes but the audit log: who sent it again */
    char eid[48], detail[256];
    snprintf(eid, sizeof eid, "%s:%s:%.12s", ijw_msg_code(msg), im->provider, im->hdr.ident);
    snprintf(detail, sizeof detail, "%s opnieuw ontvangen van %s: hetzelfde antwoord%s%s; bron %s",
             ijw_msg_code(msg), im->provider, im->res->answer_msg != IJW_NMSG ? " " : "",
             im->res->answer_ident, im->name);
    exchange_outcome o = {0, NULL, NULL, NULL, "ijw.herhaald", eid, detail};
    return exchange_end(im->ctx, rc, &o, err);
}

static jr_status process_tree(ijw_import *im, ijw_msg msg, jr_error *err)
{
    switch (msg) {
    case IJW_JW305:
        return ijw_process_jw305(im, err);
    case IJW_JW307:
        return ijw_process_jw307(im, err);
    case IJW_JW315:
        return ijw_process_jw315(im, err);
    case IJW_JW317:
        return ijw_process_jw317(im, err);
    case IJW_JW302:
        return ijw_process_jw302(im, err);
    case IJW_JW320:
        return ijw_process_jw320(im, err);
    default:
        return jr_fail(err, JR_EDB, "internal", "", "Onverwacht berichttype.");
    }
}

/* finishes a tree message after it was read and validated: logged first
 * (the processing refers to the log row), processed, answered */
static jr_status finish_tree(ijw_import *im, ijw_msg msg, jr_error *err)
{
    ijw_header_of(im->tree, &im->hdr);
    int64_t known = 0;
    char known_hash[65];
    jr_status rc = ijw_begin(im, msg, &known, known_hash, err);
    if (rc != JR_OK)
        return rc;
    exchange_seen seen = exchange_seen_of(known, known_hash, im->hash);
    ijw_msg answer = ijw_answer_of(msg); /* IJW_NMSG: a retour is not answered */
    im->res->answer_msg = answer;
    if (seen == EXCHANGE_REPLAY)
        return ijw_replayed(im, msg, known, err);
    if (seen == EXCHANGE_REUSED)
        im->header_code = "9056"; /* TR056: the Identificatie is taken */
    if (answer != IJW_NMSG) {
        rc = exchange_new_ident(im->ctx, im->answer_ident, err);
        str_copy(im->res->answer_ident, sizeof im->res->answer_ident, im->answer_ident);
    }
    if (rc == JR_OK)
        rc = ijw_inbox_insert(im, msg, known, answer, 0, NULL, 0, NULL, err);
    if (rc == JR_OK && !im->header_code)
        rc = process_tree(im, msg, err);
    sbuf text = SBUF_INIT;
    if (rc == JR_OK) {
        const char *dflt = im->header_code ? "0233" : "0200";
        count_records(im->res, msg, ijw_tree_root(im->tree), dflt);
        if (im->header_code)
            ijw_result_code(im->res, im->header_code);
    }
    if (rc == JR_OK && answer != IJW_NMSG) {
        ijw_sink s = {&text, NULL, false};
        rc = ijw_write_retour(im->tree, &im->hdr, answer, im->answer_ident, im->answer_date,
                              im->header_code, &s, err);
    }
    if (rc == JR_OK && (msg == IJW_JW302 || msg == IJW_JW320) && !im->header_code)
        rc = ijw_link_retour(im, msg == IJW_JW302 ? "JW301" : "JW319", err);
    if (rc == JR_OK && answer != IJW_NMSG) {
        if (!ijw_sink_put(im->sink, sbuf_cstr(&text), text.len))
            rc = jr_fail(err, JR_EIO, "ijw_write", "", "Het antwoord kon niet worden geschreven.");
    }
    rc = ijw_end(im, msg, rc, answer != IJW_NMSG ? sbuf_cstr(&text) : NULL, err);
    sbuf_free(&text);
    return rc;
}

/* ---- reading: one message, any type ---- */

typedef struct {
    ijw_import *im;
    ijw_decl *decl;
    ijw_msg msg;
} dispatch;

static jr_status d_msg(void *ud, ijw_msg msg, jr_error *err)
{
    dispatch *d = ud;
    d->msg = msg;
    jr_status rc = ijw_tree_events.on_msg(d->im->tree, msg, err);
    if (rc == JR_OK && msg == IJW_JW323) {
        ijw_tree_skip(d->im->tree, N323_Declaratie_Clienten);
        d->decl = ijw_decl_new(d->im);
        if (!d->decl)
            rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    }
    return rc;
}

static jr_status d_start(void *ud, int node, long line, jr_error *err)
{
    dispatch *d = ud;
    jr_status rc = ijw_tree_events.on_start(d->im->tree, node, line, err);
    if (rc == JR_OK && d->decl)
        rc = ijw_decl_start(d->decl, node, line, err);
    return rc;
}

static jr_status d_end(void *ud, int node, const char *v, size_t n, long line, jr_error *err)
{
    dispatch *d = ud;
    jr_status rc = ijw_tree_events.on_end(d->im->tree, node, v, n, line, err);
    if (rc == JR_OK && d->decl)
        rc = ijw_decl_end(d->decl, node, v, n, line, err);
    return rc;
}

static const ijw_events dispatch_events = {d_msg, d_start, d_end};

static jr_status import_source(const jr_ctx *ctx, ijw_source *src, const char *name, ijw_sink *sink,
                               ijw_result *res, jr_error *err)
{
    memset(res, 0, sizeof *res);
    res->msg = res->answer_msg = IJW_NMSG;
    if (sodium_init() < 0)
        return jr_fail(err, JR_ENOMEM, "crypto", "", "libsodium kon niet starten.");
    ijw_import im;
    memset(&im, 0, sizeof im);
    im.ctx = ctx;
    im.name = name;
    im.res = res;
    im.sink = sink;
    im.tree = ijw_tree_new();
    if (!im.tree)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    dispatch d = {&im, NULL, IJW_NMSG};
    int depth = exchange_depth(ctx);
    jr_status rc = ijw_read(src, name, &dispatch_events, &d, &res->msg, err);
    ijw_source_hash(src, im.hash);
    if (rc == JR_OK && d.decl)
        rc = ijw_decl_finish(d.decl, err);
    else if (rc == JR_OK)
        rc = finish_tree(&im, res->msg, err);
    if (d.decl) {
        if (rc != JR_OK)
            ijw_decl_abort(d.decl);
        ijw_decl_free(d.decl);
    }
    exchange_unwind(ctx, depth); /* a failure halfway: nothing stays */
    ijw_tree_free(im.tree);
    if (rc != JR_OK)
        res->answer_msg = IJW_NMSG;
    return rc;
}

jr_status ijw_import_buffer(const jr_ctx *ctx, const char *data, size_t len, const char *name,
                            sbuf *answer, ijw_result *res, jr_error *err)
{
    ijw_source src;
    ijw_source_buffer(&src, data, len);
    ijw_sink sink = {answer, NULL, false};
    size_t before = answer ? answer->len : 0;
    jr_status rc = import_source(ctx, &src, name ? name : "bericht", &sink, res, err);
    if (rc != JR_OK && answer && answer->data) { /* no half answer */
        answer->len = before;
        answer->data[before] = '\0';
    }
    return rc;
}

jr_status ijw_import_stream(const jr_ctx *ctx, FILE *in, const char *name, FILE *out,
                            ijw_result *res, jr_error *err)
{
    ijw_source src;
    ijw_source_stream(&src, in);
    ijw_sink sink = {NULL, out, false};
    return import_source(ctx, &src, name ? name : "bericht", &sink, res, err);
}

void ijw_answer_name(const char *path, ijw_msg answer, char *out, size_t cap)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char stem[256];
    str_copy(stem, sizeof stem, base);
    char *dot = strrchr(stem, '.');
    if (dot && dot != stem)
        *dot = '\0';
    snprintf(out, cap, "%s_%s.xml", stem, ijw_msg_code(answer));
}

jr_status ijw_import_file(const jr_ctx *ctx, const char *path, const char *out_dir,
                          char *answer_path, size_t cap, ijw_result *res, jr_error *err)
{
    if (answer_path && cap)
        answer_path[0] = '\0';
    char dir[1024], tmp[1200], name[300], final[1600];
    FILE *out = NULL, *in = fopen(path, "rb");
    jr_status rc;
    if (!in) {
        rc = jr_fail(err, JR_EIO, "file_unreadable", "bestand", "%s: niet te lezen: %s", path,
                     strerror(errno));
        goto fail;
    }
    if (out_dir && *out_dir) {
        str_copy(dir, sizeof dir, out_dir);
    } else {
        str_copy(dir, sizeof dir, path);
        char *slash = strrchr(dir, '/');
        if (slash)
            *slash = '\0';
        else
            str_copy(dir, sizeof dir, ".");
    }
    snprintf(tmp, sizeof tmp, "%s/.ijw-answer-%ld.tmp", dir, (long)getpid());
    if (!(out = fopen(tmp, "wb"))) {
        rc = jr_fail(err, JR_EIO, "file_unwritable", "map",
                     "%s: het antwoord kan hier niet worden geschreven: %s", dir, strerror(errno));
        goto fail;
    }
    rc = ijw_import_stream(ctx, in, path, out, res, err);
    /* from here on a committed message is answered again, the same, when
       it is imported again: a failure to write the answer loses nothing */
    bool written = fflush(out) == 0 && fsync(fileno(out)) == 0;
    written = fclose(out) == 0 && written;
    out = NULL;
    if (rc != JR_OK || res->answer_msg == IJW_NMSG)
        goto fail;
    ijw_answer_name(path, res->answer_msg, name, sizeof name);
    snprintf(final, sizeof final, "%s/%s", dir, name);
    if (!written || rename(tmp, final) != 0) {
        rc = jr_fail(err, JR_EIO, "ijw_write", "",
                     "%s: verwerkt, maar het antwoord kon niet worden neergezet (%s); lees het "
                     "bestand opnieuw in voor hetzelfde antwoord.",
                     final, strerror(errno));
        goto fail;
    }
    if (answer_path)
        str_copy(answer_path, cap, final);
    fclose(in);
    return JR_OK;
fail:
    if (out)
        fclose(out);
    if (in) {
        fclose(in);
        unlink(tmp);
    }
    return rc;
}

/* ---- schema check only ---- */

jr_status ijw_validate_stream(FILE *in, const char *name, ijw_msg *msg, jr_error *err)
{
    ijw_source src;
    ijw_source_stream(&src, in);
    return ijw_read(&src, name, NULL, NULL, msg, err);
}

jr_status ijw_validate_buffer(const char *data, size_t len, const char *name, ijw_msg *msg,
                              jr_error *err)
{
    ijw_source src;
    ijw_source_buffer(&src, data, len);
    return ijw_read(&src, name, NULL, NULL, msg, err);
}

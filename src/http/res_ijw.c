/*
 * res_ijw.c: the iJw message exchange over HTTP (see src/ijw/ijw.h).
 *
 * POST /api/v1/ijw: one received iJw message as the body (application/xml or
 * text/xml, at most 64 MiB) is processed by ijw_import_buffer acting as the
 * logged-in user: the library checks the role and that a provider only
 * sends as its own AGB (403 otherwise), refuses a malformed or
 * schema-invalid message with the file, line and element (400, nothing
 * stored) and answers a message received before with the same answer,
 * changing nothing. The answer is JSON with the answering message as text,
 * or with ?format=xml the answering message itself as a download.
 *
 * POST /api/v1/ijw/outgoing/export: writes the pending outgoing JW301 or JW319
 * messages (ijw_export) and returns them. Exporting marks them sent, so it
 * is a POST (state-changing, CSRF-checked), not a GET.
 */
#include "http.h"

#include "../core/sbuf.h"
#include "../ijw/ijw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ROUTE: POST /api/v1/ijw XML */
void ijw_http_import(http_req *r)
{
    const char *format = http_query(r, "format");
    bool as_xml = format && strcmp(format, "xml") == 0;
    if (format && !as_xml && strcmp(format, "json") != 0) {
        http_reply_fail(r, JR_EINVAL, "format_invalid", "format",
                        "Kies format=json (standaard) of format=xml.");
        return;
    }
    if (r->raw_len == 0) {
        http_reply_fail(r, JR_EINVAL, "body_missing", "bestand",
                        "Stuur een iJw-bericht (XML) mee; het bestand is leeg.");
        return;
    }
    char name[128];
    http_query_filename(r, "bericht.xml", name, sizeof name);
    sbuf answer = SBUF_INIT;
    ijw_result res;
    memset(&res, 0, sizeof res);
    res.answer_msg = IJW_NMSG;
    jr_error err;
    jr_error_clear(&err);
    jr_status rc = ijw_import_buffer(&r->ctx, r->raw, r->raw_len, name, &answer, &res, &err);
    if (rc != JR_OK) {
        sbuf_free(&answer);
        http_reply_error(r, &err);
        return;
    }
    bool has_answer = res.answer_msg != IJW_NMSG && answer.len > 0;
    if (as_xml && has_answer) {
        char file[300];
        ijw_answer_name(name, res.answer_msg, file, sizeof file);
        size_t len = answer.len;
        char *data = malloc(len + 1);
        if (data)
            memcpy(data, answer.data, len + 1);
        sbuf_free(&answer);
        http_reply_raw(r, 200, "application/xml; charset=utf-8", data, len, file);
        return;
    }
    json_t *o = json_pack(
        "{s:s, s:o, s:o, s:I, s:I, s:o, s:b, s:s, s:s, s:s}", "type", ijw_msg_code(res.msg),
        "answer_type", has_answer ? json_string(ijw_msg_code(res.answer_msg)) : json_null(),
        "answer", has_answer ? json_stringn(answer.data, answer.len) : json_null(), "accepted",
        (json_int_t)res.accepted, "rejected", (json_int_t)res.rejected, "codes",
        ijw_result_codes_json(&res), "replayed", res.replayed, "sender", res.sender, "receiver",
        res.receiver, "ident", res.ident);
    sbuf_free(&answer);
    http_reply_json(r, 200, o);
}

static jr_status ijw_http_out(void *ud, const ijw_out_info *info, const char *xml, size_t len,
                              jr_error *err)
{
    json_t *messages = ud;
    json_t *m = json_pack("{s:s, s:s, s:s, s:s, s:i, s:o}", "type", ijw_msg_code(info->msg),
                          "ident", info->ident, "receiver", info->receiver, "sender", info->sender,
                          "records", info->nrecords, "xml", json_stringn(xml, len));
    if (!m || json_array_append_new(messages, m) != 0)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    return JR_OK;
}

/* ROUTE: POST /api/v1/ijw/outgoing/export */
void ijw_http_export(http_req *r)
{
    const char *type = NULL;
    jr_date since = JR_DATE_NONE;
    http_body_str(r, "type", true, 16, &type);
    http_body_date(r, "since", false, &since);
    if (http_input_failed(r))
        return;
    ijw_msg m;
    if (strcmp(type, "JW301") == 0)
        m = IJW_JW301;
    else if (strcmp(type, "JW319") == 0)
        m = IJW_JW319;
    else {
        http_reply_fail(r, JR_EINVAL, "ijw_type", "type",
                        "Alleen JW301 en JW319 worden verstuurd; kies een van beide.");
        return;
    }
    json_t *messages = json_array();
    if (!messages) {
        http_reply_fail(r, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
        return;
    }
    jr_error err;
    jr_error_clear(&err);
    int n = 0;
    jr_status rc = ijw_export(&r->ctx, m, since, ijw_http_out, messages, &n, &err);
    if (rc != JR_OK) {
        json_decref(messages);
        http_reply_error(r, &err);
        return;
    }
    http_reply_json(r, 200,
                    json_pack("{s:s, s:i, s:o}", "type", type, "count", n, "messages", messages));
}

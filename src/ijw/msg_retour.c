/*
 * msg_retour.c: the provider's retour on a message the region sent: the
 * JW302 on a JW301 toewijzing, the JW320 on a JW319 antwoord. It names the
 * message it answers (IdentificatieRetour) and carries a RetourCode per
 * class; they are recorded with the sent message in ijw_outbox. A retour
 * on a message the region never sent is logged with 9063 (no earlier
 * message). A retour gets no answer of its own.
 */
#include "ijw_internal.h"

#include <string.h>

/* every RetourCode below n, once each, space separated, into out */
static void collect_codes(const ijw_tnode *n, char *out, size_t cap)
{
    for (; n; n = n->next) {
        if (strcmp(n->name, "RetourCode") == 0 && n->value) {
            char needle[8];
            snprintf(needle, sizeof needle, "%.4s", n->value);
            bool seen = false;
            for (const char *p = strstr(out, needle); p && !seen; p = strstr(p + 1, needle))
                seen = (p == out || p[-1] == ' ') && (p[4] == ' ' || p[4] == '\0');
            if (!seen && strlen(out) + 6 < cap)
                snprintf(out + strlen(out), cap - strlen(out), "%s%s", out[0] ? " " : "", needle);
        }
        collect_codes(n->first, out, cap);
    }
}

/* counts the records of the retour: each class whose RetourCodes say 0200
 * is accepted, each other rejected */
static void count_classes(ijw_result *r, const ijw_tnode *n, const char *record)
{
    for (; n; n = n->next) {
        if (strcmp(n->name, record) == 0) {
            bool ok = true;
            for (const ijw_tnode *c = n->first; c; c = c->next)
                if (strcmp(c->name, "RetourCodes") == 0)
                    for (const ijw_tnode *rc = c->first; rc; rc = rc->next) {
                        ijw_result_code(r, rc->value ? rc->value : "");
                        ok = ok && rc->value && strcmp(rc->value, "0200") == 0;
                    }
            if (ok)
                r->accepted++;
            else
                r->rejected++;
        }
        count_classes(r, n->first, record);
    }
}

/* the Identificatie of the message a retour answers: its header's
 * IdentificatieRetour, NULL when absent */
static const char *answered_ident(const ijw_tnode *root)
{
    const ijw_tnode *hdr = ijw_tn_child(root, 1);
    const char *answered = NULL;
    for (const ijw_tnode *c = hdr ? hdr->first : NULL; c; c = c->next)
        if (strcmp(c->name, "IdentificatieRetour") == 0)
            answered = c->value;
    return answered;
}

static jr_status process_retour(ijw_import *im, const char *sent_code, const char *record,
                                jr_error *err)
{
    const jr_ctx *ctx = im->ctx;
    const ijw_tnode *root = ijw_tree_root(im->tree);
    const char *answered = answered_ident(root);
    jr_stmt *q = store_prepare(ctx->store,
                               "SELECT id FROM ijw_outbox WHERE code = ? AND ident = ? AND"
                               " sender = ? AND receiver = ?",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, sent_code);
    store_bind_text(q, 2, answered);
    store_bind_text(q, 3, im->gemeente);
    store_bind_text(q, 4, im->provider);
    store_step_result r = store_step(q, err);
    int64_t out_id = r == STORE_ROW ? store_col_int(q, 0) : 0;
    store_reset(q);
    if (r == STORE_ERROR)
        return JR_EDB;
    count_classes(im->res, root->first, record);
    if (!out_id) {
        im->header_code = "9063"; /* a retour on a message never sent */
        snprintf(im->detail, sizeof im->detail, "geen %s %s verstuurd aan %s", sent_code,
                 answered ? answered : "", im->provider);
        return JR_OK;
    }
    char codes[256] = "";
    collect_codes(root->first, codes, sizeof codes);
    jr_stmt *u = store_prepare(ctx->store,
                               "UPDATE ijw_outbox SET retour_codes = ?, retour_at ="
                               " strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
                               err);
    if (!u)
        return JR_EDB;
    store_bind_text(u, 1, codes);
    store_bind_int(u, 2, out_id);
    if (store_step(u, err) != STORE_DONE)
        return JR_EDB;
    snprintf(im->detail, sizeof im->detail, "retour op %s %s: %s", sent_code,
             answered ? answered : "", codes);
    return JR_OK;
}

/* ijw_link_retour: records inbox row inbox_id as the retour of the outbox
 * message it answered (after the row exists) */
jr_status ijw_link_retour(ijw_import *im, const char *sent_code, jr_error *err)
{
    const char *answered = answered_ident(ijw_tree_root(im->tree));
    jr_stmt *u = store_prepare(im->ctx->store,
                               "UPDATE ijw_outbox SET retour_inbox_id = ? WHERE code = ? AND"
                               " ident = ? AND receiver = ?",
                               err);
    if (!u)
        return JR_EDB;
    store_bind_int(u, 1, im->inbox_id);
    store_bind_text(u, 2, sent_code);
    store_bind_text(u, 3, answered);
    store_bind_text(u, 4, im->provider);
    return store_step(u, err) == STORE_DONE ? JR_OK : JR_EDB;
}

jr_status ijw_process_jw302(ijw_import *im, jr_error *err)
{
    return process_retour(im, "JW301", "ToegewezenProduct", err);
}

jr_status ijw_process_jw320(ijw_import *im, jr_error *err)
{
    return process_retour(im, "JW319", "Antwoord", err);
}

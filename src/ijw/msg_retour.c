/*
 * msg_retour.c: the provider's retour on a message the region sent: the
 * JW302 on a JW301 toewijzing, the JW320 on a JW319 antwoord. It names the
 * message it answers (IdentificatieRetour) and carries a RetourCode per
 * class; the exchange service records them with the sent message. A retour
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
    const ijw_tnode *root = ijw_tree_root(im->tree);
    const char *answered = answered_ident(root);
    count_classes(im->res, root->first, record);
    char codes[256] = "";
    collect_codes(root->first, codes, sizeof codes);
    bool found;
    jr_status rc = exchange_retour(im->ctx, sent_code, answered, im->gemeente, im->provider, codes,
                                   &found, err);
    if (rc != JR_OK)
        return rc;
    if (!found) {
        im->header_code = "9063"; /* a retour on a message never sent */
        snprintf(im->detail, sizeof im->detail, "geen %s %s verstuurd aan %s", sent_code,
                 answered ? answered : "", im->provider);
        return JR_OK;
    }
    snprintf(im->detail, sizeof im->detail, "retour op %s %s: %s", sent_code,
             answered ? answered : "", codes);
    return JR_OK;
}

/* ijw_link_retour: records inbox row inbox_id as the retour of the outbox
 * message it answered (after the row exists) */
jr_status ijw_link_retour(ijw_import *im, const char *sent_code, jr_error *err)
{
    return exchange_link_retour(im->ctx, im->inbox_id, sent_code,
                                answered_ident(ijw_tree_root(im->tree)), im->provider, err);
}

jr_status ijw_process_jw302(ijw_import *im, jr_error *err)
{
    return process_retour(im, "JW301", "ToegewezenProduct", err);
}

jr_status ijw_process_jw320(ijw_import *im, jr_error *err)
{
    return process_retour(im, "JW319", "Antwoord", err);
}

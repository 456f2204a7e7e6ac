/*
 * writer.c: writing iJw messages with libxml2's xmlTextWriter, into memory
 * or a stream. Every element goes through the same validator that checks
 * what comes in (validate.c), so a message this project writes breaks the
 * schema only as an internal error, never on the wire; the tests check the
 * output against the official XSDs as well.
 *
 * Elements are named by their node index in the message's table, which
 * gives their name and namespace (basisschema elements carry the ijw:
 * prefix). Also here: the Header of every message and the echo of a
 * received message's body with the RetourCodes of each class, which every
 * retour message (JW302 ... JW320) consists of.
 */
#include "ijw_internal.h"

#include <stdio.h>
#include <string.h>

bool ijw_sink_put(ijw_sink *s, const char *buf, size_t len)
{
    if (s->failed)
        return false;
    if (s->buf && sbuf_append(s->buf, buf, len) != 0)
        s->failed = true;
    if (s->file && fwrite(buf, 1, len, s->file) != len)
        s->failed = true;
    return !s->failed;
}

static int sink_write(void *ctx, const char *buf, int len)
{
    return ijw_sink_put(ctx, buf, (size_t)len) ? len : -1;
}

static int sink_close(void *ctx)
{
    (void)ctx;
    return 0;
}

static void w_fail(ijw_writer *w, const char *what, const char *element)
{
    if (!w->failed)
        snprintf(w->why, sizeof w->why, "%s%s%s", what, element ? ": " : "",
                 element ? element : "");
    w->failed = true;
}

jr_status ijw_w_open(ijw_writer *w, ijw_msg msg, ijw_sink *sink, jr_error *err)
{
    memset(w, 0, sizeof *w);
    w->msg = msg;
    w->def = &ijw_msgdefs[msg];
    w->sink = sink;
    ijw_vstate_init(&w->v, msg);
    xmlOutputBufferPtr out = xmlOutputBufferCreateIO(sink_write, sink_close, sink, NULL);
    if (!out)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    w->w = xmlNewTextWriter(out);
    if (!w->w) {
        xmlOutputBufferClose(out);
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    }
    xmlTextWriterSetIndent(w->w, 1);
    xmlTextWriterSetIndentString(w->w, BAD_CAST "  ");
    if (xmlTextWriterStartDocument(w->w, "1.0", "UTF-8", NULL) < 0)
        w_fail(w, "schrijven mislukt", NULL);
    ijw_w_start(w, 0);
    if (xmlTextWriterWriteAttribute(w->w, BAD_CAST "xmlns", BAD_CAST w->def->ns) < 0 ||
        xmlTextWriterWriteAttribute(w->w, BAD_CAST "xmlns:ijw", BAD_CAST IJW_NS_BASIS) < 0)
        w_fail(w, "schrijven mislukt", NULL);
    return JR_OK;
}

static void start_raw(ijw_writer *w, int node)
{
    const ijw_node *nd = &w->def->nodes[node];
    const char *why, *expected;
    if (ijw_vstate_start(&w->v, nd->name, nd->ns ? IJW_NS_BASIS : w->def->ns, &why, &expected) !=
        node)
        w_fail(w, "element op de verkeerde plaats", nd->name);
    char name[80];
    snprintf(name, sizeof name, "%s%s", nd->ns ? "ijw:" : "", nd->name);
    if (xmlTextWriterStartElement(w->w, BAD_CAST name) < 0)
        w_fail(w, "schrijven mislukt", NULL);
}

void ijw_w_start(ijw_writer *w, int node)
{
    if (w->failed)
        return;
    start_raw(w, node);
}

void ijw_w_end(ijw_writer *w)
{
    if (w->failed)
        return;
    const char *why, *expected;
    int node = ijw_vstate_node(&w->v);
    if (ijw_vstate_end(&w->v, NULL, 0, &why, &expected) < 0)
        w_fail(w, why, node >= 0 ? w->def->nodes[node].name : NULL);
    if (xmlTextWriterEndElement(w->w) < 0)
        w_fail(w, "schrijven mislukt", NULL);
}

void ijw_w_leaf(ijw_writer *w, int node, const char *value)
{
    if (w->failed)
        return;
    start_raw(w, node);
    if (w->failed)
        return;
    const char *why, *expected;
    if (ijw_vstate_end(&w->v, value, strlen(value), &why, &expected) < 0)
        w_fail(w, why, w->def->nodes[node].name);
    if (xmlTextWriterWriteString(w->w, BAD_CAST value) < 0 || xmlTextWriterEndElement(w->w) < 0)
        w_fail(w, "schrijven mislukt", NULL);
}

void ijw_w_leaf_int(ijw_writer *w, int node, int64_t v)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%lld", (long long)v);
    ijw_w_leaf(w, node, buf);
}

void ijw_w_leaf_date(ijw_writer *w, int node, jr_date d)
{
    char buf[JR_DATE_ISO_LEN];
    ijw_w_leaf(w, node, date_format(d, buf));
}

jr_status ijw_w_close(ijw_writer *w, jr_error *err)
{
    if (!w->failed && ijw_vstate_node(&w->v) == 0)
        ijw_w_end(w);
    if (!w->failed && !w->v.done)
        w_fail(w, "bericht onvolledig", NULL);
    if (xmlTextWriterEndDocument(w->w) < 0)
        w_fail(w, "schrijven mislukt", NULL);
    xmlFreeTextWriter(w->w); /* flushes and closes the output */
    w->w = NULL;
    if (w->sink->failed)
        return jr_fail(err, JR_EIO, "ijw_write", "",
                       "Het antwoordbericht kon niet worden "
                       "geschreven (schijf vol?).");
    if (w->failed)
        return jr_fail(err, JR_EDB, "ijw_write", "",
                       "Interne fout: het %s-bericht zou niet aan het schema voldoen (%s).",
                       w->def->code, w->why);
    return JR_OK;
}

void ijw_w_abort(ijw_writer *w)
{
    if (w->w)
        xmlFreeTextWriter(w->w);
    w->w = NULL;
}

/* the child of parent named name, -1 when none */
static int child_named(const ijw_msgdef *def, int parent, const char *name)
{
    for (int k = def->nodes[parent].first_child; k >= 0; k = def->nodes[k].next)
        if (strcmp(def->nodes[k].name, name) == 0)
            return k;
    return -1;
}

static void w_named_leaf(ijw_writer *w, int parent, const char *name, const char *value)
{
    int k = child_named(w->def, parent, name);
    if (k < 0) {
        w_fail(w, "onbekend element", name);
        return;
    }
    ijw_w_leaf(w, k, value);
}

static void w_retourcodes(ijw_writer *w, int node, const char *const *codes, int n)
{
    ijw_w_start(w, node);
    int code = w->def->nodes[node].first_child;
    if (n == 0)
        ijw_w_leaf(w, code, "0200");
    for (int i = 0; i < n; i++)
        ijw_w_leaf(w, code, codes[i]);
    ijw_w_end(w);
}

/* writes the value of a received leaf: strings as they stood, other types
 * with their whitespace collapsed */
static void w_copy_leaf(ijw_writer *w, int node, const char *value, size_t len)
{
    const ijw_node *nd = &w->def->nodes[node];
    if (nd->type && nd->type->base != IJW_BASE_STRING && len < IJW_MAX_COLLAPSED) {
        char buf[IJW_MAX_COLLAPSED];
        memcpy(buf, value, len);
        ijw_value_collapse(buf, len);
        ijw_w_leaf(w, node, buf);
        return;
    }
    ijw_w_leaf(w, node, value);
}

static void w_xsd_versie(ijw_writer *w, int hdr, const char *name, const char *basis,
                         const char *bericht)
{
    int k = child_named(w->def, hdr, name);
    if (k < 0) {
        w_fail(w, "onbekend element", name);
        return;
    }
    ijw_w_start(w, k);
    w_named_leaf(w, k, "BasisschemaXsdVersie", basis);
    w_named_leaf(w, k, "BerichtXsdVersie", bericht);
    ijw_w_end(w);
}

void ijw_w_header(ijw_writer *w, const char *afzender, const char *ontvanger, const char *ident,
                  jr_date dagtekening, const ijw_header *in, const char *const *codes, int ncodes)
{
    const int hdr = 1;
    char d[JR_DATE_ISO_LEN];
    ijw_w_start(w, hdr);
    w_named_leaf(w, hdr, "BerichtCode", w->def->berichtcode);
    w_named_leaf(w, hdr, "BerichtVersie", "3");
    w_named_leaf(w, hdr, "BerichtSubversie", "2");
    w_named_leaf(w, hdr, "Afzender", afzender);
    w_named_leaf(w, hdr, "Ontvanger", ontvanger);
    int bi = child_named(w->def, hdr, "BerichtIdentificatie");
    ijw_w_start(w, bi);
    w_named_leaf(w, bi, "Identificatie", ident);
    w_named_leaf(w, bi, "Dagtekening", date_format(dagtekening, d));
    ijw_w_end(w);
    w_xsd_versie(w, hdr, "XsdVersie", IJW_XSD_VERSION, IJW_XSD_VERSION);
    if (in) {
        int k = child_named(w->def, hdr, "DeclaratieIdentificatie");
        if (k >= 0) { /* JW325 */
            ijw_w_start(w, k);
            w_named_leaf(w, k, "Identificatie", in->ident);
            w_named_leaf(w, k, "Dagtekening", in->dagtekening);
            ijw_w_end(w);
            w_xsd_versie(w, hdr, "XsdVersieDeclaratie", in->xsd_basis, in->xsd_bericht);
        } else {
            w_named_leaf(w, hdr, "IdentificatieRetour", in->ident);
            w_named_leaf(w, hdr, "DagtekeningRetour", in->dagtekening);
            w_xsd_versie(w, hdr, "XsdVersieRetour", in->xsd_basis, in->xsd_bericht);
        }
        int rc = child_named(w->def, hdr, "RetourCodes");
        if (rc >= 0)
            w_retourcodes(w, rc, codes, ncodes);
    }
    ijw_w_end(w);
}

void ijw_w_echo(ijw_writer *w, int rnode, const ijw_tnode *src, const char *dflt)
{
    const ijw_msgdef *def = w->def;
    ijw_w_start(w, rnode);
    for (int k = def->nodes[rnode].first_child; k >= 0 && !w->failed; k = def->nodes[k].next) {
        const ijw_node *rn = &def->nodes[k];
        if (strcmp(rn->name, "RetourCodes") == 0 && !rn->type) {
            const char *codes[IJW_MAX_CODES];
            int n = 0;
            for (int i = 0; i < src->ncodes; i++)
                codes[n++] = src->codes[i];
            if (n == 0 && dflt)
                codes[n++] = dflt;
            w_retourcodes(w, k, codes, n);
            continue;
        }
        for (const ijw_tnode *c = src->first; c; c = c->next) {
            if (strcmp(c->name, rn->name) != 0)
                continue;
            if (rn->type)
                w_copy_leaf(w, k, c->value ? c->value : "", c->len);
            else
                ijw_w_echo(w, k, c, dflt);
        }
    }
    ijw_w_end(w);
}

void ijw_header_of(const ijw_tree *t, ijw_header *h)
{
    memset(h, 0, sizeof *h);
    ijw_tnode *hdr = ijw_tn_child(ijw_tree_root(t), 1);
    if (!hdr)
        return;
    for (ijw_tnode *c = hdr->first; c; c = c->next) {
        const char *n = c->name;
        if (strcmp(n, "Afzender") == 0)
            h->afzender = c->value;
        else if (strcmp(n, "Ontvanger") == 0)
            h->ontvanger = c->value;
        else if (strcmp(n, "BerichtIdentificatie") == 0 || strcmp(n, "XsdVersie") == 0) {
            for (ijw_tnode *g = c->first; g; g = g->next) {
                const char *gn = g->name;
                if (strcmp(gn, "Identificatie") == 0)
                    h->ident = g->value;
                else if (strcmp(gn, "Dagtekening") == 0)
                    h->dagtekening = g->value;
                else if (strcmp(gn, "BasisschemaXsdVersie") == 0)
                    h->xsd_basis = g->value;
                else if (strcmp(gn, "BerichtXsdVersie") == 0)
                    h->xsd_bericht = g->value;
            }
        }
    }
}

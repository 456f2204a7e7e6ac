/*
 * reader.c: reading one iJw message as a stream (libxml2's xmlTextReader):
 * the message type from the root element's namespace, every element
 * through the validator (validate.c) as it arrives, and an event per
 * element for whoever processes it. Memory is one element's text at a
 * time, whatever the size of the file.
 *
 * Refused before any processing: a document that is not well-formed, a
 * DOCTYPE (no entity tricks), an attribute other than a namespace
 * declaration or xsi:schemaLocation, text where only elements may stand,
 * and anything the schema does not allow. The error names the file, the
 * line and the element, never the value (it may be personal data).
 */
#include "ijw_internal.h"

#include <libxml/xmlreader.h>
#include <string.h>

#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

void ijw_source_buffer(ijw_source *s, const char *data, size_t len)
{
    memset(s, 0, sizeof *s);
    s->data = data;
    s->len = len;
    crypto_generichash_init(&s->hash, NULL, 0, 32);
}

void ijw_source_stream(ijw_source *s, FILE *f)
{
    memset(s, 0, sizeof *s);
    s->f = f;
    crypto_generichash_init(&s->hash, NULL, 0, 32);
}

void ijw_source_hash(ijw_source *s, char out[65])
{
    unsigned char h[32];
    crypto_generichash_final(&s->hash, h, sizeof h);
    sodium_bin2hex(out, 65, h, sizeof h);
}

static int source_read(void *ctx, char *buf, int len)
{
    ijw_source *s = ctx;
    size_t n;
    if (s->f) {
        n = fread(buf, 1, (size_t)len, s->f);
        if (n == 0 && ferror(s->f))
            return -1;
    } else {
        n = s->len - s->pos;
        if (n > (size_t)len)
            n = (size_t)len;
        memcpy(buf, s->data + s->pos, n);
        s->pos += n;
    }
    crypto_generichash_update(&s->hash, (const unsigned char *)buf, n);
    s->nbytes += n;
    return (int)n;
}

static int source_close(void *ctx)
{
    (void)ctx;
    return 0;
}

typedef struct {
    const char *name;
    jr_error *err;
    xmlTextReaderPtr reader;
    bool xml_failed;
    long xml_line;
    char xml_msg[200];
} read_ctx;

static void on_xml_error(void *arg, xmlErrorPtr e)
{
    read_ctx *rc = arg;
    if (rc->xml_failed || !e || e->level < XML_ERR_ERROR)
        return;
    rc->xml_failed = true;
    rc->xml_line = e->line;
    str_copy(rc->xml_msg, sizeof rc->xml_msg, e->message ? e->message : "onleesbaar");
    char *nl = strchr(rc->xml_msg, '\n'); /* the first line: no bytes of the content */
    if (nl)
        *nl = '\0';
    size_t n = strlen(rc->xml_msg);
    while (n > 0 && (rc->xml_msg[n - 1] == '\n' || rc->xml_msg[n - 1] == ' '))
        rc->xml_msg[--n] = '\0';
}

/* the line of the node being read (asked only for a message: it costs) */
static long cur_line(const read_ctx *rc)
{
    xmlNodePtr cur = rc->reader ? xmlTextReaderCurrentNode(rc->reader) : NULL;
    long line = cur ? xmlGetLineNo(cur) : -1;
    return line > 0 ? line : rc->reader ? xmlTextReaderGetParserLineNumber(rc->reader) : 0;
}

static jr_status schema_fail(read_ctx *rc, long line, const char *element, const char *why,
                             const char *expected)
{
    if (line <= 0)
        line = cur_line(rc);
    char exp[96] = "";
    if (expected)
        snprintf(exp, sizeof exp, " (verwacht: %s)", expected);
    return jr_fail(rc->err, JR_EINVAL, "ijw_schema", element ? element : "",
                   "%s:%ld: element %s: %s%s; het bericht voldoet niet aan het iJw 3.2-schema en "
                   "is niet verwerkt.",
                   rc->name, line, element ? element : "?", why, exp);
}

/* the text of the leaf being read, grown as its pieces arrive */
typedef struct {
    char *data;
    size_t len, cap;
    bool too_long;
} text_buf;

static bool text_add(text_buf *t, const char *s, size_t n)
{
    if (t->too_long)
        return true;
    if (t->len + n >= IJW_MAX_VALUE) {
        t->too_long = true;
        return true;
    }
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 256;
        while (cap < t->len + n + 1)
            cap *= 2;
        char *p = realloc(t->data, cap);
        if (!p)
            return false;
        t->data = p;
        t->cap = cap;
    }
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = '\0';
    return true;
}

static jr_status check_attributes(read_ctx *rc, xmlTextReaderPtr r, const char *element, long line)
{
    if (!xmlTextReaderHasAttributes(r))
        return JR_OK;
    jr_status st = JR_OK;
    while (st == JR_OK && xmlTextReaderMoveToNextAttribute(r) == 1) {
        if (xmlTextReaderIsNamespaceDecl(r))
            continue;
        const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
        const char *local = (const char *)xmlTextReaderConstLocalName(r);
        if (ns && strcmp(ns, XSI_NS) == 0 && local &&
            (strcmp(local, "schemaLocation") == 0 ||
             strcmp(local, "noNamespaceSchemaLocation") == 0))
            continue;
        st = schema_fail(rc, line, element, "heeft een attribuut dat het schema niet kent", NULL);
    }
    xmlTextReaderMoveToElement(r);
    return st;
}

/* an element closes: its text checked (leaves) and handed on */
static jr_status end_element(read_ctx *rc, ijw_vstate *v, text_buf *text, const char *local,
                             long line, const ijw_events *ev, void *ud)
{
    int node = ijw_vstate_node(v);
    bool leaf = node >= 0 && v->def->nodes[node].type != NULL;
    if (leaf && text->too_long)
        return schema_fail(rc, line, local, "de tekst is langer dan dit systeem aanneemt", NULL);
    if (leaf && !text->data && !text_add(text, "", 0))
        return jr_fail(rc->err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    const char *why, *expected;
    if (ijw_vstate_end(v, leaf ? text->data : NULL, leaf ? text->len : 0, &why, &expected) < 0)
        return schema_fail(rc, line, local, why, expected);
    jr_status st = JR_OK;
    if (ev && ev->on_end)
        st = ev->on_end(ud, node, leaf ? text->data : NULL, leaf ? text->len : 0, line, rc->err);
    text->len = 0;
    if (text->data)
        text->data[0] = '\0';
    return st;
}

/* libxml2 reports some faults (an encoding error) through its generic
 * handler on stderr; they are reported through the structured one too */
static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

jr_status ijw_read(ijw_source *src, const char *name, const ijw_events *ev, void *ud, ijw_msg *msg,
                   jr_error *err)
{
    read_ctx rc = {name, err, NULL, false, 0, ""};
    *msg = IJW_NMSG;
    xmlGenericErrorFunc saved = xmlGenericError; /* per thread in libxml2 */
    void *saved_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, silent);
    xmlTextReaderPtr r = xmlReaderForIO(source_read, source_close, src, NULL, NULL,
                                        XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR |
                                            XML_PARSE_NOWARNING);
    if (!r) {
        xmlSetGenericErrorFunc(saved_ctx, saved);
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    }
    rc.reader = r;
    xmlTextReaderSetStructuredErrorHandler(r, on_xml_error, &rc);
    ijw_vstate v;
    memset(&v, 0, sizeof v); /* an input without a root element reads v.done */
    text_buf text = {NULL, 0, 0, false};
    jr_status st = JR_OK;
    bool started = false;
    int ret;
    while (st == JR_OK && (ret = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        long line = 0; /* found when a message needs it (schema_fail, cur_line) */
        switch (type) {
        case XML_READER_TYPE_DOCUMENT_TYPE:
            st = jr_fail(err, JR_EINVAL, "ijw_schema", "",
                         "%s:%ld: een DOCTYPE is niet toegestaan "
                         "in een iJw-bericht; het bericht is niet verwerkt.",
                         name, cur_line(&rc));
            break;
        case XML_READER_TYPE_ELEMENT: {
            const char *local = (const char *)xmlTextReaderConstLocalName(r);
            const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
            bool empty = xmlTextReaderIsEmptyElement(r) == 1;
            if (!started) {
                *msg = ijw_msg_by_ns(ns);
                if (*msg == IJW_NMSG || strcmp(local, "Bericht") != 0) {
                    st = jr_fail(err, JR_EINVAL, "ijw_unknown", local,
                                 "%s:%ld: element %s: geen iJw 3.2-bericht (het hoofdelement "
                                 "is Bericht in de namespace van JW301 ... JW325); niet verwerkt.",
                                 name, cur_line(&rc), local);
                    break;
                }
                ijw_vstate_init(&v, *msg);
                started = true;
                if (ev && ev->on_msg && (st = ev->on_msg(ud, *msg, err)) != JR_OK)
                    break;
            }
            const char *why, *expected;
            int node = ijw_vstate_start(&v, local, ns, &why, &expected);
            if (node < 0) {
                st = schema_fail(&rc, line, local, why, expected);
                break;
            }
            if ((st = check_attributes(&rc, r, local, line)) != JR_OK)
                break;
            text.len = 0;
            text.too_long = false;
            if (text.data)
                text.data[0] = '\0';
            if (ev && ev->on_start && (st = ev->on_start(ud, node, line, err)) != JR_OK)
                break;
            if (empty)
                st = end_element(&rc, &v, &text, local, line, ev, ud);
            break;
        }
        case XML_READER_TYPE_END_ELEMENT:
            st = end_element(&rc, &v, &text, (const char *)xmlTextReaderConstLocalName(r), line, ev,
                             ud);
            break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
            const char *val = (const char *)xmlTextReaderConstValue(r);
            size_t n = val ? strlen(val) : 0;
            if (!started || v.done) {
                if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA)
                    st = schema_fail(&rc, line, "Bericht", "tekst buiten het bericht", NULL);
                break;
            }
            if (!ijw_vstate_text_ok(&v, val, n)) {
                int node = ijw_vstate_node(&v);
                st = schema_fail(&rc, line, v.def->nodes[node].name,
                                 "mag alleen elementen bevatten, geen tekst", NULL);
                break;
            }
            int node = ijw_vstate_node(&v);
            if (node >= 0 && v.def->nodes[node].type && !text_add(&text, val ? val : "", n))
                st = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
            break;
        }
        case XML_READER_TYPE_ENTITY_REFERENCE:
            st = jr_fail(err, JR_EINVAL, "ijw_schema", "",
                         "%s:%ld: een entiteit is niet toegestaan; het bericht is niet verwerkt.",
                         name, cur_line(&rc));
            break;
        default: /* comments, processing instructions, the XML declaration */
            break;
        }
    }
    if (st == JR_OK && (rc.xml_failed || ret < 0)) {
        if (!rc.xml_failed)
            snprintf(rc.xml_msg, sizeof rc.xml_msg, "onleesbaar");
        st = jr_fail(err, JR_EINVAL, "ijw_xml", "",
                     "%s:%ld: geen geldige XML (%s); het bericht is niet verwerkt.", name,
                     rc.xml_line > 0 ? rc.xml_line : xmlTextReaderGetParserLineNumber(r),
                     rc.xml_msg);
    }
    if (st == JR_OK && !started)
        st = jr_fail(err, JR_EINVAL, "ijw_xml", "", "%s: het bestand bevat geen bericht.", name);
    if (st == JR_OK && !v.done)
        st = jr_fail(err, JR_EINVAL, "ijw_xml", "", "%s: het bericht is onvolledig.", name);
    if (st != JR_OK && rc.xml_failed && err && strcmp(err->code, "ijw_schema") == 0) {
        /* a well-formedness error found first by the reader is the real cause */
        st = jr_fail(err, JR_EINVAL, "ijw_xml", "",
                     "%s:%ld: geen geldige XML (%s); het bericht is niet verwerkt.", name,
                     rc.xml_line, rc.xml_msg);
    }
    free(text.data);
    xmlFreeTextReader(r);
    xmlSetGenericErrorFunc(saved_ctx, saved);
    return st;
}

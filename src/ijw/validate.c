/*
 * validate.c: the project's own iJw 3.2 validator: one value against a
 * simple type (length, pattern, code list, integer range, date, time), and
 * the structure of a message element by element as a stream arrives (the
 * sequence and occurrence of every element, element-only content).
 *
 * It applies the tables of schema_tables.c with the rules of XML Schema 1.0
 * as libxml2 implements them: integers, dates and times are compared after
 * whitespace collapse, strings as they stand; lengths count characters, not
 * bytes; patterns match the whole value. The official XSDs are the oracle in
 * the tests (tests/ijw), never needed here.
 */
#include "ijw_internal.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

const ijw_stype *ijw_stype_find(const char *name)
{
    for (int i = 0; i < ijw_nstypes; i++)
        if (strcmp(ijw_stypes[i].name, name) == 0)
            return &ijw_stypes[i];
    return NULL;
}

bool ijw_code_valid(const ijw_stype *t, const char *value)
{
    for (int i = 0; t && value && i < t->nvalues; i++)
        if (strcmp(t->values[i], value) == 0)
            return true;
    return false;
}

const char *ijw_code_doc(const ijw_stype *t, const char *value)
{
    for (int i = 0; t && value && i < t->nvalues; i++)
        if (strcmp(t->values[i], value) == 0)
            return t->docs[i];
    return "";
}

ijw_msg ijw_msg_by_ns(const char *ns)
{
    for (int i = 0; ns && i < IJW_NMSG; i++)
        if (strcmp(ijw_msgdefs[i].ns, ns) == 0)
            return (ijw_msg)i;
    return IJW_NMSG;
}

ijw_msg ijw_msg_by_code(const char *code)
{
    for (int i = 0; code && i < IJW_NMSG; i++)
        if (strcasecmp(ijw_msgdefs[i].code, code) == 0)
            return (ijw_msg)i;
    return IJW_NMSG;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t ijw_value_collapse(char *s, size_t n)
{
    size_t o = 0;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        if (is_blank(s[i])) {
            space = o > 0;
            continue;
        }
        if (space)
            s[o++] = ' ';
        space = false;
        s[o++] = s[i];
    }
    s[o] = '\0';
    return o;
}

/* decode one UTF-8 character at s (libxml2 hands us valid UTF-8) */
static uint32_t utf8_next(const unsigned char **s, const unsigned char *end)
{
    const unsigned char *p = *s;
    uint32_t c = *p++;
    int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
    if (more)
        c &= 0x3f >> more;
    while (more-- > 0 && p < end)
        c = (c << 6) | (*p++ & 0x3f);
    *s = p;
    return c;
}

static size_t utf8_chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            k++;
    return k;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* (0|[1-9][0-9]*) at s, up to a '.' or the end */
static bool version_part(const char *s, size_t n)
{
    if (n == 0 || !all_digits(s, n))
        return false;
    return n == 1 || s[0] != '0';
}

static bool pattern_match(ijw_pattern p, int32_t pn, const char *lit, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s, *end = u + n;
    switch (p) {
    case IJW_PAT_NONE:
        return true;
    case IJW_PAT_DIGITS:
        return n == (size_t)pn && all_digits(s, n);
    case IJW_PAT_DIGITS_ANY:
        return all_digits(s, n);
    case IJW_PAT_NONBLANK_LINE: {
        bool seen = false;
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '\n' || s[i] == '\r')
                return false;
            if (!is_blank(s[i]))
                seen = true;
        }
        return seen;
    }
    case IJW_PAT_NONBLANK:
        for (size_t i = 0; i < n; i++)
            if (!is_blank(s[i]))
                return true;
        return false;
    case IJW_PAT_LETTERS:
        if (n == 0)
            return false;
        while (u < end) {
            uint32_t c = utf8_next(&u, end);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0x1ef3)))
                return false;
        }
        return true;
    case IJW_PAT_ALNUM:
        if (n == 0)
            return false;
        for (size_t i = 0; i < n; i++)
            if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                  (s[i] >= '0' && s[i] <= '9')))
                return false;
        return true;
    case IJW_PAT_VERSION: {
        const char *d1 = memchr(s, '.', n);
        if (!d1)
            return false;
        const char *rest = d1 + 1;
        size_t nrest = n - (size_t)(rest - s);
        const char *d2 = memchr(rest, '.', nrest);
        if (!d2)
            return false;
        const char *last = d2 + 1;
        return version_part(s, (size_t)(d1 - s)) && version_part(rest, (size_t)(d2 - rest)) &&
               version_part(last, n - (size_t)(last - s));
    }
    case IJW_PAT_NO_COLON_Z:
        return memchr(s, ':', n) == NULL && memchr(s, 'Z', n) == NULL;
    case IJW_PAT_NO_TZ:
        return n > 0 && memchr(s, 'Z', n) == NULL && memchr(s, '+', n) == NULL &&
               memchr(s, '-', n) == NULL;
    case IJW_PAT_LITERAL:
        return lit && strlen(lit) == n && memcmp(lit, s, n) == 0;
    }
    return false;
}

/* xs:integer: [+-]?[0-9]+ ; *overflow when it does not fit 64 bits */
static bool integer_parse(const char *s, size_t n, int64_t *out, bool *overflow)
{
    size_t i = 0;
    bool neg = false;
    *overflow = false;
    if (n > 0 && (s[0] == '+' || s[0] == '-')) {
        neg = s[0] == '-';
        i = 1;
    }
    if (i >= n || !all_digits(s + i, n - i))
        return false;
    while (i + 1 < n && s[i] == '0')
        i++;
    if (n - i > 18) {
        *overflow = true;
        *out = neg ? INT64_MIN : INT64_MAX;
        return true;
    }
    int64_t v = 0;
    for (; i < n; i++)
        v = v * 10 + (s[i] - '0');
    *out = neg ? -v : v;
    return true;
}

static bool leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* xs:date without a time zone (the pattern of LDT_Datum forbids one):
 * -?yyyy-mm-dd, a year of 4 or more digits (no leading zero beyond 4), a
 * real day of that month. */
static bool xsd_date_valid(const char *s, size_t n)
{
    size_t i = 0;
    if (n > 0 && s[0] == '-')
        i = 1;
    size_t ys = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    size_t ylen = i - ys;
    if (ylen < 4 || ylen > 12 || (ylen > 4 && s[ys] == '0'))
        return false;
    if (n - i != 6 || s[i] != '-' || s[i + 3] != '-' || !all_digits(s + i + 1, 2) ||
        !all_digits(s + i + 4, 2))
        return false;
    int64_t y = 0;
    for (size_t k = ys; k < ys + ylen; k++)
        y = y * 10 + (s[k] - '0');
    if (y == 0)
        return false;
    int m = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
    int d = (s[i + 4] - '0') * 10 + (s[i + 5] - '0');
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
        return false;
    int max = mdays[m - 1] + (m == 2 && leap(s[0] == '-' ? -y : y) ? 1 : 0);
    return d <= max;
}

/* xs:time without a time zone: hh:mm:ss(.s+)? */
static bool xsd_time_valid(const char *s, size_t n)
{
    if (n < 8 || s[2] != ':' || s[5] != ':' || !all_digits(s, 2) || !all_digits(s + 3, 2) ||
        !all_digits(s + 6, 2))
        return false;
    int h = (s[0] - '0') * 10 + (s[1] - '0');
    int m = (s[3] - '0') * 10 + (s[4] - '0');
    int sec = (s[6] - '0') * 10 + (s[7] - '0');
    if (n > 8 && (s[8] != '.' || n == 9 || !all_digits(s + 9, n - 9)))
        return false;
    if (h == 24)
        return m == 0 && sec == 0 && (n == 8 || all_digits(s + 9, n - 9));
    return h < 24 && m < 60 && sec < 60;
}

bool ijw_value_check(const ijw_stype *t, ijw_pattern lp, int32_t ln, const char *lit,
                     const char *text, size_t n, const char **why)
{
    const char *dummy;
    if (!why)
        why = &dummy;
    char buf[IJW_MAX_COLLAPSED];
    const char *s = text;
    if (t->base != IJW_BASE_STRING) {
        if (n >= sizeof buf) {
            *why = "te lang";
            return false;
        }
        memcpy(buf, text, n);
        n = ijw_value_collapse(buf, n);
        s = buf;
    }
    if (t->min_len >= 0 || t->max_len >= 0) {
        size_t k = utf8_chars(s, n);
        if (t->min_len >= 0 && k < (size_t)t->min_len) {
            *why = "te kort of leeg";
            return false;
        }
        if (t->max_len >= 0 && k > (size_t)t->max_len) {
            *why = "te lang";
            return false;
        }
    }
    if (!pattern_match(t->pattern, t->pattern_n, NULL, s, n) || !pattern_match(lp, ln, lit, s, n)) {
        *why = lp == IJW_PAT_LITERAL ? "niet de vaste waarde van dit bericht"
                                     : "voldoet niet aan het patroon";
        return false;
    }
    if (t->nvalues > 0) {
        bool found = false;
        for (int i = 0; i < t->nvalues && !found; i++)
            found = strlen(t->values[i]) == n && memcmp(t->values[i], s, n) == 0;
        if (!found) {
            *why = "geen waarde uit de codelijst";
            return false;
        }
    }
    switch (t->base) {
    case IJW_BASE_STRING:
        return true;
    case IJW_BASE_INTEGER: {
        int64_t v;
        bool overflow;
        if (!integer_parse(s, n, &v, &overflow)) {
            *why = "geen geheel getal";
            return false;
        }
        if ((t->has_min && (v < t->min_incl)) || (t->has_max && (v > t->max_incl))) {
            *why = "buiten het toegestane bereik";
            return false;
        }
        return true;
    }
    case IJW_BASE_DATE:
        if (!xsd_date_valid(s, n)) {
            *why = "geen datum JJJJ-MM-DD";
            return false;
        }
        return true;
    case IJW_BASE_TIME:
        if (!xsd_time_valid(s, n)) {
            *why = "geen tijd UU:MM:SS";
            return false;
        }
        return true;
    }
    return false;
}

/* ---- the structure, element by element ---- */

void ijw_vstate_init(ijw_vstate *v, ijw_msg msg)
{
    memset(v, 0, sizeof *v);
    v->def = &ijw_msgdefs[msg];
    v->depth = 0;
}

static const char *node_ns(const ijw_vstate *v, const ijw_node *nd)
{
    return nd->ns ? IJW_NS_BASIS : v->def->ns;
}

/* the children still required from position cur (with count occurrences of
 * cur so far) on: the first one missing, or -1 */
static int first_missing(const ijw_node *nodes, int cur, int count, int first_child)
{
    int k = cur < 0 ? first_child : cur;
    if (k >= 0 && k == cur) {
        if (count < nodes[k].min)
            return k;
        k = nodes[k].next;
    }
    for (; k >= 0; k = nodes[k].next)
        if (nodes[k].min > 0)
            return k;
    return -1;
}

int ijw_vstate_start(ijw_vstate *v, const char *local, const char *ns, const char **why,
                     const char **expected)
{
    const ijw_node *nodes = v->def->nodes;
    *expected = NULL;
    if (v->depth == 0) {
        if (v->done) {
            *why = "na het einde van het bericht";
            return -1;
        }
        if (strcmp(local, "Bericht") != 0 || !ns || strcmp(ns, v->def->ns) != 0) {
            *why = "is niet het hoofdelement Bericht van dit bericht";
            return -1;
        }
        v->frames[0].node = 0;
        v->frames[0].cur = -1;
        v->frames[0].count = 0;
        v->depth = 1;
        return 0;
    }
    ijw_vframe *f = &v->frames[v->depth - 1];
    const ijw_node *parent = &nodes[f->node];
    if (parent->type) {
        *why = "mag geen elementen bevatten";
        *expected = parent->name;
        return -1;
    }
    int k = f->cur < 0 ? parent->first_child : f->cur;
    int count = f->cur < 0 ? 0 : f->count;
    for (; k >= 0; k = nodes[k].next, count = 0) {
        const ijw_node *c = &nodes[k];
        if (strcmp(c->name, local) == 0 && ns && strcmp(ns, node_ns(v, c)) == 0 &&
            (count == 0 || c->unbounded))
            break;
        if (count < c->min) {
            *why = "staat niet op zijn plaats";
            *expected = c->name;
            return -1;
        }
    }
    if (k < 0) {
        *why = "hoort hier niet (onbekend, dubbel of in de verkeerde volgorde)";
        *expected = NULL;
        return -1;
    }
    f->count = f->cur == k ? f->count + 1 : 1;
    f->cur = k;
    if (v->depth >= IJW_MAX_DEPTH) {
        *why = "te diep genest";
        return -1;
    }
    ijw_vframe *nf = &v->frames[v->depth++];
    nf->node = k;
    nf->cur = -1;
    nf->count = 0;
    return k;
}

bool ijw_vstate_text_ok(const ijw_vstate *v, const char *text, size_t n)
{
    if (v->depth == 0)
        return true;
    const ijw_node *nd = &v->def->nodes[v->frames[v->depth - 1].node];
    if (nd->type)
        return true;
    for (size_t i = 0; i < n; i++)
        if (!is_blank(text[i]))
            return false;
    return true;
}

int ijw_vstate_end(ijw_vstate *v, const char *value, size_t n, const char **why,
                   const char **expected)
{
    *expected = NULL;
    ijw_vframe *f = &v->frames[v->depth - 1];
    const ijw_node *nodes = v->def->nodes;
    const ijw_node *nd = &nodes[f->node];
    if (nd->type) {
        if (!ijw_value_check(nd->type, nd->local_pattern, nd->local_n, nd->literal, value, n, why))
            return -1;
    } else {
        int miss = first_missing(nodes, f->cur, f->count, nd->first_child);
        if (miss >= 0) {
            *why = "mist een verplicht element";
            *expected = nodes[miss].name;
            return -1;
        }
    }
    int node = f->node;
    v->depth--;
    if (v->depth == 0)
        v->done = true;
    return node;
}

int ijw_vstate_node(const ijw_vstate *v)
{
    return v->depth > 0 ? v->frames[v->depth - 1].node : -1;
}

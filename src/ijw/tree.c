/*
 * tree.c: a received message held as a tree of its elements, for every
 * message but the JW323 (those are small: one client). Built from the
 * reader's events, so only validated elements enter it; each class node
 * carries the retourcodes its processing gives, which the retour writer
 * (writer.c) puts beside the echoed content.
 *
 * All nodes and texts live in one arena freed with the tree.
 */
#include "ijw_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    char data[];
} arena_block;

struct ijw_tree {
    ijw_msg msg;
    ijw_tnode *root;
    ijw_tnode *cur;
    int nnodes;
    int skip;       /* schema node whose subtree is not kept, -1 none */
    int skip_depth; /* > 0 while inside it */
    arena_block *blocks;
};

ijw_tree *ijw_tree_new(void)
{
    ijw_tree *t = calloc(1, sizeof *t);
    if (t) {
        t->msg = IJW_NMSG;
        t->skip = -1;
    }
    return t;
}

void ijw_tree_free(ijw_tree *t)
{
    if (!t)
        return;
    for (arena_block *b = t->blocks, *n; b; b = n) {
        n = b->next;
        free(b);
    }
    free(t);
}

void ijw_tree_skip(ijw_tree *t, int skip)
{
    t->skip = skip;
}

static void *arena_alloc(ijw_tree *t, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    arena_block *b = t->blocks;
    if (!b || b->used + n > b->cap) {
        size_t cap = n > 16384 ? n : 16384;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = t->blocks;
        b->used = 0;
        b->cap = cap;
        t->blocks = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

static jr_status tree_msg(void *ud, ijw_msg msg, jr_error *err)
{
    (void)err;
    ((ijw_tree *)ud)->msg = msg;
    return JR_OK;
}

static jr_status tree_start(void *ud, int node, long line, jr_error *err)
{
    ijw_tree *t = ud;
    if (t->skip_depth > 0 || node == t->skip) {
        t->skip_depth++;
        return JR_OK;
    }
    if (++t->nnodes > IJW_MAX_TREE_NODES)
        return jr_fail(err, JR_EINVAL, "ijw_too_large", "",
                       "Het bericht heeft meer dan %d elementen; zo groot is alleen een "
                       "declaratie (JW323) toegestaan.",
                       IJW_MAX_TREE_NODES);
    ijw_tnode *n = arena_alloc(t, sizeof *n);
    if (!n)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    n->node = node;
    n->name = ijw_msgdefs[t->msg].nodes[node].name;
    n->line = line;
    n->parent = t->cur;
    if (t->cur) {
        if (t->cur->last)
            t->cur->last->next = n;
        else
            t->cur->first = n;
        t->cur->last = n;
    } else {
        t->root = n;
    }
    t->cur = n;
    return JR_OK;
}

static jr_status tree_end(void *ud, int node, const char *value, size_t len, long line,
                          jr_error *err)
{
    (void)node;
    (void)line;
    ijw_tree *t = ud;
    if (t->skip_depth > 0) {
        t->skip_depth--;
        return JR_OK;
    }
    ijw_tnode *n = t->cur;
    if (value) {
        n->value = arena_alloc(t, len + 1);
        if (!n->value)
            return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
        memcpy(n->value, value, len);
        n->value[len] = '\0';
        n->len = len;
    }
    t->cur = n->parent;
    return JR_OK;
}

const ijw_events ijw_tree_events = {tree_msg, tree_start, tree_end};

ijw_tnode *ijw_tree_root(const ijw_tree *t)
{
    return t->root;
}

static ijw_tnode *find_below(ijw_tnode *n, int node)
{
    for (; n; n = n->next) {
        if (n->node == node)
            return n;
        ijw_tnode *f = find_below(n->first, node);
        if (f)
            return f;
    }
    return NULL;
}

ijw_tnode *ijw_tree_find(const ijw_tree *t, int node)
{
    return t->root ? find_below(t->root, node) : NULL;
}

ijw_tnode *ijw_tn_child(const ijw_tnode *n, int node)
{
    for (ijw_tnode *c = n ? n->first : NULL; c; c = c->next)
        if (c->node == node)
            return c;
    return NULL;
}

ijw_tnode *ijw_tn_next(const ijw_tnode *c)
{
    for (ijw_tnode *s = c ? c->next : NULL; s; s = s->next)
        if (s->node == c->node)
            return s;
    return NULL;
}

const char *ijw_tn_val(const ijw_tnode *n, int node)
{
    ijw_tnode *c = ijw_tn_child(n, node);
    return c ? c->value : NULL;
}

void ijw_tn_code(ijw_tnode *n, const char *code)
{
    if (!n)
        return;
    for (int i = 0; i < n->ncodes; i++)
        if (strcmp(n->codes[i], code) == 0)
            return;
    if (n->ncodes < IJW_MAX_CODES)
        str_copy(n->codes[n->ncodes++], sizeof n->codes[0], code);
}

bool ijw_tn_ok(const ijw_tnode *n)
{
    for (int i = 0; n && i < n->ncodes; i++)
        if (strcmp(n->codes[i], "0200") != 0)
            return false;
    return true;
}

void ijw_tn_mark(ijw_tnode *n, const char *code)
{
    if (!n)
        return;
    if (n->ncodes == 0)
        ijw_tn_code(n, code);
    for (ijw_tnode *c = n->first; c; c = c->next)
        ijw_tn_mark(c, code);
}

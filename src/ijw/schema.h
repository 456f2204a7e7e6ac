/*
 * schema.h: the iJw 3.2 message structures as plain data, and the checks of
 * one value against a simple type.
 *
 * schema_tables.c (generated from the official XSDs by gen_schema.py) holds
 * every LDT_ simple type of basisschema.xsd with its facets and code list,
 * and per message a flat array of element nodes in document order: name,
 * namespace (the message's own or basisschema's, for elements declared
 * inside a CDT_ type), occurrence, and the simple type of a leaf or NULL
 * for an element with children. schema_nodes.h names every node index.
 *
 * The XSDs themselves are not needed at run time: validate.c applies these
 * tables with the XSD rules (whitespace collapse for integers, dates and
 * times; lengths in characters; the patterns implicitly anchored).
 */
#ifndef JR_IJW_SCHEMA_H
#define JR_IJW_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    IJW_JW301 = 0, /* toewijzing */
    IJW_JW302,     /* retour toewijzing */
    IJW_JW305,     /* start zorg */
    IJW_JW306,
    IJW_JW307, /* stop zorg */
    IJW_JW308,
    IJW_JW315, /* verzoek om toewijzing */
    IJW_JW316,
    IJW_JW317, /* verzoek om wijziging */
    IJW_JW318,
    IJW_JW319, /* antwoord op een verzoek */
    IJW_JW320,
    IJW_JW323, /* declaratie */
    IJW_JW325, /* declaratie-antwoord */
    IJW_NMSG
} ijw_msg;

typedef enum { IJW_BASE_STRING, IJW_BASE_INTEGER, IJW_BASE_DATE, IJW_BASE_TIME } ijw_base;

/* The regular expressions of the XSDs, each with its own matcher. */
typedef enum {
    IJW_PAT_NONE = 0,
    IJW_PAT_DIGITS,        /* [0-9]{n} */
    IJW_PAT_DIGITS_ANY,    /* [0-9]* */
    IJW_PAT_NONBLANK_LINE, /* .*[^\s].* : one line with a non-blank character */
    IJW_PAT_NONBLANK,      /* ([.\s]*\S+[.\s]*)+ : a non-blank character */
    IJW_PAT_LETTERS,       /* ([a-zA-ZÀ-ỳ])+ */
    IJW_PAT_ALNUM,         /* ([a-zA-Z0-9])+ */
    IJW_PAT_VERSION,       /* (0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*) */
    IJW_PAT_NO_COLON_Z,    /* [^:Z]* */
    IJW_PAT_NO_TZ,         /* [^Z+-]+ */
    IJW_PAT_LITERAL,       /* a fixed value, such as BerichtCode 436 */
} ijw_pattern;

typedef struct {
    const char *name; /* LDT_... */
    ijw_base base;
    int32_t min_len, max_len; /* in characters; -1 when absent */
    bool has_min, has_max;
    int64_t min_incl, max_incl;
    ijw_pattern pattern;
    int32_t pattern_n;
    const char *const *values; /* the code list, NULL when none */
    const char *const *docs;   /* the meaning of each value */
    int32_t nvalues;
} ijw_stype;

typedef struct {
    const char *name;
    uint8_t ns;  /* 0: the message's namespace, 1: basisschema's */
    uint8_t min; /* 0 or 1 */
    bool unbounded;
    int16_t parent, first_child, next; /* node indices, -1 when none */
    const ijw_stype *type;             /* NULL: an element with children */
    ijw_pattern local_pattern;         /* a restriction in the message XSD itself */
    int32_t local_n;
    const char *literal; /* IJW_PAT_LITERAL */
} ijw_node;

typedef struct {
    ijw_msg msg;
    const char *code;        /* "JW301" */
    const char *ns;          /* the message's target namespace */
    const char *berichtcode; /* "436" */
    const ijw_node *nodes;   /* nodes[0] is Bericht */
    int nnodes;
} ijw_msgdef;

#define IJW_NS_BASIS "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"

extern const ijw_stype ijw_stypes[];
extern const int ijw_nstypes;
extern const ijw_msgdef ijw_msgdefs[IJW_NMSG];

/* ijw_stype_find: a simple type by name (LDT_RetourCode), or NULL. */
const ijw_stype *ijw_stype_find(const char *name);
/* ijw_code_doc: the documented meaning of value in a code list, "" when none. */
const char *ijw_code_doc(const ijw_stype *t, const char *value);
bool ijw_code_valid(const ijw_stype *t, const char *value);

/* ijw_msg_by_ns: the message whose namespace is ns; IJW_NMSG when none. */
ijw_msg ijw_msg_by_ns(const char *ns);
/* ijw_msg_by_code: "JW301" (any case) -> IJW_JW301; IJW_NMSG when unknown. */
ijw_msg ijw_msg_by_code(const char *code);

/* ijw_value_check: is the text (n bytes, as it stood in the element, UTF-8)
 * a valid value of type t with the element's own restriction (lp, ln, lit;
 * IJW_PAT_NONE when none)? On failure *why (may be NULL) names the facet
 * that failed, in Dutch, without repeating the value (it may be personal). */
bool ijw_value_check(const ijw_stype *t, ijw_pattern lp, int32_t ln, const char *lit,
                     const char *text, size_t n, const char **why);

/* ijw_value_collapse: the value with XML whitespace collapsed, as integers,
 * dates and times are compared (leading and trailing blanks dropped, inner
 * runs of blanks made one space); returns the new length. In place. */
size_t ijw_value_collapse(char *s, size_t n);

#endif

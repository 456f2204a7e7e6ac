/*
 * embedded.h: text files compiled into the binary (tools/embed.c writes the
 * tables). The SQL migrations live here so the binary needs no data files.
 */
#ifndef JR_EMBEDDED_H
#define JR_EMBEDDED_H

typedef struct {
    const char *name; /* file name, e.g. "001_init.sql"; NULL ends a table */
    const char *text;
} jr_embedded;

/* The schema migrations in order of their names. */
extern const jr_embedded jr_migrations[];

#endif

/*
 * batch_lines.h: the one way the store reaches the lines of a declaration
 * batch, as an SQL fragment for the modules that read lines by batch
 * (declarations.c). A batch's lines are stored
 * consecutively, so a batch holds the rowid range first_line..last_line
 * and decl_line needs no index on its batch: the join below finds them by
 * that range. Private to src/store.
 */
#ifndef JR_STORE_BATCH_LINES_H
#define JR_STORE_BATCH_LINES_H

/* decl_batch b with its lines l */
#define STORE_BATCH_LINES                                                                          \
    "decl_batch b JOIN decl_line l ON l.id BETWEEN b.first_line AND b.last_line"

#endif

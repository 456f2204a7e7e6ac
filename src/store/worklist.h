/*
 * worklist.h: the key queries of the work lists (service/worklist.h): each
 * finds, newest first and at most limit, the keys of the records waiting
 * for someone in a municipality and/or at a provider (NULL: any); the
 * service then reads each record through its own service, so the records
 * look the same everywhere. The rejected declaration lines are a query of
 * the declaration tables (store_decl_rejected_lines, store/declarations.h).
 */
#ifndef JR_STORE_WORKLIST_H
#define JR_STORE_WORKLIST_H

#include "store.h"

#define STORE_WORKLIST_NUMBER 24 /* an assignment number with its NUL */

/* store_worklist_open_quotes: the ids of quotes asked of a provider
 * (aangevraagd) and, unless for_provider, also those answered and not yet
 * decided (beantwoord), in ids[0..*n). */
jr_status store_worklist_open_quotes(jr_store *st, bool for_provider, const char *gemeente,
                                     const char *agb, int limit, int64_t *ids, int *n,
                                     jr_error *err);
/* store_worklist_awaiting_start: the numbers of active assignments without
 * a start of care, in numbers[0..*n). */
jr_status store_worklist_awaiting_start(jr_store *st, const char *gemeente, const char *agb,
                                        int limit, char (*numbers)[STORE_WORKLIST_NUMBER], int *n,
                                        jr_error *err);
/* store_worklist_budgets_over: the numbers of active budget assignments
 * that used more than permille thousandths of their budget. */
jr_status store_worklist_budgets_over(jr_store *st, int64_t permille, const char *gemeente,
                                      const char *agb, int limit,
                                      char (*numbers)[STORE_WORKLIST_NUMBER], int *n,
                                      jr_error *err);

#endif

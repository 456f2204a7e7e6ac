/*
 * svc.h: what every service call gets: the store, the region catalog, who
 * acts, and the date the system takes as today.
 *
 * A service runs one process of the model inside one transaction: it takes
 * validated input, applies the domain rules, writes through the store and
 * appends to the audit log. An error leaves the database as it was.
 *
 * Every service checks its principal (service/access.h, over the pure rules
 * of domain/access.h) and records its changes (service/audit.h); this
 * header includes both, so a service needs only svc.h for them.
 */
#ifndef JR_SVC_H
#define JR_SVC_H

#include "../core/err.h"
#include "../domain/access.h"
#include "../domain/catalog.h"
#include "../store/store.h"
#include "access.h"
#include "audit.h"

struct jr_ctx {
    jr_store *store;
    const jr_catalog *cat;
    const char *actor; /* the user on whose behalf the change happens */
    jr_date today;
    jr_principal who; /* zero: JR_ROLE_SYSTEM */
};

/* Callbacks for list functions: return non-zero to stop the iteration. */
typedef int (*jr_row_fn)(void *ud, const void *row);

/* svc_today: the date to use as today: $JEUGDREGIO_TODAY (YYYY-MM-DD) when
 * set and valid, else the system's local date. */
jr_date svc_today(void);

/* svc_finish: commits when rc is JR_OK, else rolls back; returns rc (or the
 * commit's failure). The closing half of every service's transaction. */
jr_status svc_finish(const jr_ctx *ctx, jr_status rc, jr_error *err);

#endif

/*
 * access.h (service): the access rules of domain/access.h applied to a
 * service call's context: the principal in ctx->who.
 *
 * Every service checks its principal before it reads or writes: svc_may for
 * the action, svc_sees for one record (answer JR_ENOTFOUND when not, as if
 * the record did not exist), svc_list_scope for a list of personal data.
 * After the check a service may look further with svc_system. svc.h
 * includes this header, so every service has these checks at hand.
 */
#ifndef JR_ACCESS_H
#define JR_ACCESS_H

#include "../core/err.h"
#include "../domain/access.h"

#include <stdbool.h>

typedef struct jr_ctx jr_ctx; /* svc.h */

/* svc_may: JR_OK when the principal's role may do action, else
 * JR_EFORBIDDEN with a Dutch message (access_check). */
jr_status svc_may(const jr_ctx *ctx, jr_action action, jr_error *err);
/* svc_sees: may the principal see a record of municipality gemeente and/or
 * provider agb (NULL: not bound to one)? Callers answer JR_ENOTFOUND when
 * not, as if the record did not exist. */
bool svc_sees(const jr_ctx *ctx, const char *gemeente, const char *agb);
/* svc_gemeente_scope: the municipality whose records the principal sees, in
 * *gemeente (NULL: every municipality's; else a pointer into ctx->who);
 * false when it sees none by municipality (a provider, a reader). Lists use
 * it as their SQL filter. */
bool svc_gemeente_scope(const jr_ctx *ctx, const char **gemeente);
/* svc_scope: the filters a list must apply for the principal: its own
 * municipality or provider (pointers into ctx->who), or as asked. The
 * caller's own filter is kept when it does not widen the scope; a filter
 * outside the scope yields an empty list (*none set). */
void svc_scope(const jr_ctx *ctx, const char **gemeente, const char **agb, bool *none);

/* svc_list_scope: the preamble of a scoped list of personal data: the role
 * may read it (else JR_EFORBIDDEN, *none set), and the filters are narrowed
 * as svc_scope does; *none when nothing can be visible. */
jr_status svc_list_scope(const jr_ctx *ctx, const char **gemeente, const char **agb, bool *none,
                         jr_error *err);

/* svc_system: a copy of ctx with the system role and the same actor, for a
 * service's own look-ups after it has checked the principal. */
jr_ctx svc_system(const jr_ctx *ctx);

#endif

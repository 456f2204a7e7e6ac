/*
 * access.c (service): the principal of a service call checked against the
 * role table and the tenant rules of domain/access.c.
 */
#include "access.h"
#include "svc.h"

#include <string.h>

jr_status svc_may(const jr_ctx *ctx, jr_action action, jr_error *err)
{
    return access_check(&ctx->who, action, err);
}

bool svc_sees(const jr_ctx *ctx, const char *gemeente, const char *agb)
{
    return access_sees(&ctx->who, gemeente, agb);
}

bool svc_gemeente_scope(const jr_ctx *ctx, const char **gemeente)
{
    return access_gemeente_scope(&ctx->who, gemeente);
}

void svc_scope(const jr_ctx *ctx, const char **gemeente, const char **agb, bool *none)
{
    access_scope(&ctx->who, gemeente, agb, none);
}

jr_status svc_list_scope(const jr_ctx *ctx, const char **gemeente, const char **agb, bool *none,
                         jr_error *err)
{
    *none = true;
    jr_status rc = svc_may(ctx, JR_ACT_PERSONAL_READ, err);
    if (rc == JR_OK)
        svc_scope(ctx, gemeente, agb, none);
    return rc;
}

jr_ctx svc_system(const jr_ctx *ctx)
{
    jr_ctx sys = *ctx;
    memset(&sys.who, 0, sizeof sys.who);
    return sys;
}

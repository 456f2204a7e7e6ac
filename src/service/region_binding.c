/*
 * region_binding.c: binding a database to its region (see region_binding.h).
 */
#include "region_binding.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

jr_status region_binding_get(jr_store *st, jr_region_binding *out, bool *found, jr_error *err)
{
    memset(out, 0, sizeof *out);
    return store_region_binding_get(st, out, found, err);
}

/* bind: writes the binding and its audit row in one transaction */
static jr_status bind(const jr_ctx *ctx, const char *action, jr_error *err)
{
    char abs[PATH_MAX];
    const char *path = realpath(ctx->cat->source, abs) ? abs : ctx->cat->source;
    jr_status rc = store_begin(ctx->store, err);
    if (rc != JR_OK)
        return rc;
    rc = store_region_binding_set(ctx->store, ctx->cat->region, path, err);
    if (rc == JR_OK)
        rc = audit_record(ctx, action, "region", "1", ctx->cat->region, err);
    return svc_finish(ctx, rc, err);
}

jr_status region_binding_open(const jr_ctx *ctx, jr_error *err)
{
    jr_region_binding b;
    bool found;
    jr_status rc = region_binding_get(ctx->store, &b, &found, err);
    if (rc != JR_OK)
        return rc;
    if (found) {
        if (strcmp(b.region, ctx->cat->region) == 0)
            return JR_OK;
        return jr_fail(err, JR_ECONFLICT, "region_mismatch", "config",
                       "Deze database hoort bij regio %s (regiobestand %s), niet bij regio %s "
                       "(%s). Laat --config weg om het eigen regiobestand te gebruiken; een "
                       "beheerder koppelt de database bewust opnieuw met 'region --bind'.",
                       b.region, b.config_path, ctx->cat->region, ctx->cat->source);
    }
    bool data;
    if ((rc = store_has_data(ctx->store, &data, err)) != JR_OK)
        return rc;
    return data ? JR_OK : bind(ctx, "regio.gekoppeld", err);
}

jr_status region_binding_rebind(const jr_ctx *ctx, jr_error *err)
{
    if (ctx->who.role != JR_ROLE_SYSTEM && ctx->who.role != JR_ROLE_BEHEERDER)
        return jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                       "Alleen een beheerder koppelt een database aan een andere regio.");
    return bind(ctx, "regio.opnieuw_gekoppeld", err);
}

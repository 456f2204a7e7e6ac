/*
 * svc.c: what every service shares besides access and audit: the date the
 * system takes as today, and the closing half of a service's transaction.
 */
#include "svc.h"

#include <stdlib.h>
#include <time.h>

jr_date svc_today(void)
{
    const char *env = getenv("JEUGDREGIO_TODAY");
    jr_date d;
    if (env && date_parse(env, &d))
        return d;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, &d);
    return d;
}

jr_status svc_finish(const jr_ctx *ctx, jr_status rc, jr_error *err)
{
    if (rc != JR_OK) {
        store_rollback(ctx->store);
        return rc;
    }
    rc = store_commit(ctx->store, err);
    if (rc != JR_OK)
        store_rollback(ctx->store);
    return rc;
}

/*
 * referrals.c: storing and reading referrals within the principal's scope;
 * the rows are read and written by store/referrals.c.
 */
#include "referrals.h"

#include "youth.h"

#include <stdio.h>

jr_status referral_create(const jr_ctx *ctx, const char *bsn, const jr_referral_req *req,
                          const char *referrer_name, int64_t *id, jr_error *err)
{
    jr_youth y;
    jr_status rc = svc_may(ctx, JR_ACT_REFER, err);
    if (rc == JR_OK)
        rc = youth_find(ctx, bsn, &y, err);
    if (rc != JR_OK)
        return rc;
    /* the youth must be known (a referral is for someone); then every field
       is checked before refusing: the request's (referral_check), the date */
    rc = referral_check(ctx->cat, req, err);
    if (req->date > ctx->today)
        rc = jr_refuse(err, rc, "date_in_future", "datum", "De verwijsdatum ligt in de toekomst.");
    if (rc != JR_OK)
        return rc;
    const jr_product *p = NULL;
    if (req->route == JR_ROUTE_VERBLIJF || req->route == JR_ROUTE_CRISIS ||
        req->route == JR_ROUTE_DYSLEXIE || req->route == JR_ROUTE_PRODUCT)
        p = catalog_product_by_short(ctx->cat, req->product);
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    jr_referral_new row = {
        .youth_id = y.id,
        .gemeente = y.gemeente,
        .referrer_type = req->referrer_type,
        .referrer_name = referrer_name && *referrer_name ? referrer_name
                                                         : referrer_type_name(req->referrer_type),
        .route = req->route,
        .budget = req->route == JR_ROUTE_BUDGET ? req->budget : NULL,
        .product = p ? p->code : NULL,
        .volume = req->volume,
        .result = req->result,
        .date = req->date,
    };
    int64_t new_id;
    if ((rc = store_referral_insert(ctx->store, &row, &new_id, err)) != JR_OK)
        return svc_finish(ctx, rc, err);
    if (id)
        *id = new_id;
    char eid[24], detail[160];
    snprintf(eid, sizeof eid, "%lld", (long long)new_id);
    snprintf(detail, sizeof detail, "verwijzer=%s route=%s %s", req->referrer_type,
             route_name(req->route),
             req->route == JR_ROUTE_BUDGET ? req->budget : (p ? p->code : ""));
    rc = audit_record(ctx, "verwijzing.aangemaakt", "referral", eid, detail, err);
    return svc_finish(ctx, rc, err);
}

jr_status referral_get(const jr_ctx *ctx, int64_t id, jr_referral *out, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_PERSONAL_READ, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = store_referral_get(ctx->store, id, out, err)) == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "referral_unknown", "verwijzing",
                       "Verwijzing %lld bestaat niet.", (long long)id);
    if (rc != JR_OK)
        return rc;
    if (!svc_sees(ctx, out->gemeente, NULL))
        return jr_fail(err, JR_ENOTFOUND, "referral_unknown", "verwijzing",
                       "Verwijzing %lld bestaat niet.", (long long)id);
    return JR_OK;
}

jr_status referral_list(const jr_ctx *ctx, const char *bsn, jr_row_fn fn, void *ud, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_PERSONAL_READ, err);
    if (rc != JR_OK)
        return rc;
    const char *gemeente; /* the principal's municipality, filtered in SQL */
    if (!svc_gemeente_scope(ctx, &gemeente))
        return JR_OK;
    return store_referral_list(ctx->store, bsn, gemeente, fn, ud, err);
}

jr_status referral_set_status(const jr_ctx *ctx, int64_t id, const char *status, jr_error *err)
{
    return store_referral_set_status(ctx->store, id, status, err);
}

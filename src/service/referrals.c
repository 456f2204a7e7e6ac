/*
 * referrals.c: storing and reading referrals.
 */
#include "referrals.h"
#include "../core/sbuf.h"

#include "youth.h"

#include <stdio.h>
#include <string.h>

jr_status referral_create(const jr_ctx *ctx, const char *bsn, const jr_referral_req *req,
                          const char *referrer_name, int64_t *id, jr_error *err)
{
    jr_youth y;
    jr_status rc = svc_may(ctx, JR_ACT_REFER, err);
    if (rc == JR_OK)
        rc = youth_find(ctx, bsn, &y, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = referral_check(ctx->cat, req, err)) != JR_OK)
        return rc;
    if (req->date > ctx->today)
        return jr_fail(err, JR_EINVAL, "date_in_future", "datum",
                       "De verwijsdatum ligt in de toekomst.");
    const jr_product *p = NULL;
    if (req->route == JR_ROUTE_VERBLIJF || req->route == JR_ROUTE_CRISIS ||
        req->route == JR_ROUTE_DYSLEXIE)
        p = catalog_product_by_short(ctx->cat, req->product);
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    char d[JR_DATE_ISO_LEN];
    jr_stmt *s = store_prepare(
        ctx->store,
        "INSERT INTO referral (youth_id, gemeente, referrer_type, referrer_name, route, budget,"
        " product, volume, result, referral_date, status, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', datetime('now'))",
        err);
    if (!s)
        return svc_finish(ctx, JR_EDB, err);
    store_bind_int(s, 1, y.id);
    store_bind_text(s, 2, y.gemeente);
    store_bind_text(s, 3, req->referrer_type);
    store_bind_text(s, 4,
                    referrer_name && *referrer_name ? referrer_name
                                                    : referrer_type_name(req->referrer_type));
    store_bind_text(s, 5, route_name(req->route));
    store_bind_text(s, 6, req->route == JR_ROUTE_BUDGET ? req->budget : NULL);
    store_bind_text(s, 7, p ? p->code : NULL);
    if (p)
        store_bind_int(s, 8, req->volume);
    store_bind_text(s, 9, req->result);
    store_bind_text(s, 10, date_format(req->date, d));
    if (store_step(s, err) != STORE_DONE)
        return svc_finish(ctx, JR_EDB, err);
    int64_t new_id = store_last_id(ctx->store);
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

#define REFERRAL_COLS                                                                              \
    "SELECT r.id, r.youth_id, y.bsn, r.gemeente, r.referrer_type, r.referrer_name, r.route,"       \
    " r.budget, r.product, r.volume, r.result, r.referral_date, r.status"                          \
    " FROM referral r JOIN youth y ON y.id = r.youth_id "

static void referral_from_row(jr_stmt *s, jr_referral *r)
{
    memset(r, 0, sizeof *r);
    r->id = store_col_int(s, 0);
    r->youth_id = store_col_int(s, 1);
    str_copy(r->bsn, sizeof r->bsn, store_col_text(s, 2));
    str_copy(r->gemeente, sizeof r->gemeente, store_col_text(s, 3));
    str_copy(r->req.referrer_type, sizeof r->req.referrer_type, store_col_text(s, 4));
    str_copy(r->referrer_name, sizeof r->referrer_name, store_col_text(s, 5));
    route_parse(store_col_text(s, 6), &r->req.route);
    str_copy(r->req.budget, sizeof r->req.budget, store_col_text(s, 7));
    str_copy(r->req.product, sizeof r->req.product, store_col_text(s, 8));
    r->req.volume = store_col_int(s, 9);
    str_copy(r->req.result, sizeof r->req.result, store_col_text(s, 10));
    date_parse(store_col_text(s, 11), &r->req.date);
    str_copy(r->status, sizeof r->status, store_col_text(s, 12));
}

static void referral_convert(const void *ud, jr_stmt *s, void *row)
{
    (void)ud;
    referral_from_row(s, row);
}

jr_status referral_get(const jr_ctx *ctx, int64_t id, jr_referral *out, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_PERSONAL_READ, err);
    if (rc != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(ctx->store, REFERRAL_COLS "WHERE r.id = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, id);
    store_step_result r = store_step(s, err);
    if (r == STORE_ERROR)
        return JR_EDB;
    if (r == STORE_DONE)
        return jr_fail(err, JR_ENOTFOUND, "referral_unknown", "verwijzing",
                       "Verwijzing %lld bestaat niet.", (long long)id);
    referral_from_row(s, out);
    store_reset(s);
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
    /* one youth's through the BSN index, else the municipality's through
       referral_gemeente (migration 008), else all, each in order */
    jr_stmt *s;
    if (bsn) {
        s = store_prepare(ctx->store,
                          REFERRAL_COLS "WHERE y.bsn = ? AND (?2 IS NULL OR r.gemeente = ?2)"
                                        " ORDER BY r.id",
                          err);
        if (s) {
            store_bind_text(s, 1, bsn);
            store_bind_text(s, 2, gemeente);
        }
    } else if (gemeente) {
        s = store_prepare(ctx->store, REFERRAL_COLS "WHERE r.gemeente = ? ORDER BY r.id", err);
        if (s)
            store_bind_text(s, 1, gemeente);
    } else {
        s = store_prepare(ctx->store, REFERRAL_COLS "ORDER BY r.id", err);
    }
    if (!s)
        return JR_EDB;
    jr_referral ref;
    return store_each(s, referral_convert, NULL, &ref, fn, ud, err);
}

jr_status referral_set_status(const jr_ctx *ctx, int64_t id, const char *status, jr_error *err)
{
    jr_stmt *s = store_prepare(ctx->store, "UPDATE referral SET status = ? WHERE id = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, status);
    store_bind_int(s, 2, id);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

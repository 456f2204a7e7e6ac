/*
 * youth.c: registering youths.
 */
#include "youth.h"
#include "../core/sbuf.h"

#include "../domain/ident.h"
#include "../domain/youth.h"

#include <stdio.h>
#include <string.h>

jr_status youth_add(const jr_ctx *ctx, const char *bsn, jr_date birth, const char *gemeente,
                    int64_t *id, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_YOUTH_WRITE, err);
    if (rc != JR_OK)
        return rc;
    if (!bsn_valid(bsn))
        return jr_fail(err, JR_EINVAL, "bsn_invalid", "bsn",
                       "BSN '%s' is ongeldig: 9 cijfers die voldoen aan de elfproef.",
                       bsn ? bsn : "");
    if ((rc = youth_birth_check(birth, ctx->today, err)) != JR_OK)
        return rc;
    const jr_municipality *m = catalog_municipality(ctx->cat, gemeente);
    if (m == NULL)
        return jr_fail(err, JR_EINVAL, "gemeente_unknown", "gemeente",
                       "Gemeente '%s' hoort niet bij regio %s.", gemeente ? gemeente : "",
                       ctx->cat->region);
    if (!svc_sees(ctx, gemeente, NULL))
        return jr_fail(err, JR_EFORBIDDEN, "forbidden", "gemeente",
                       "U kunt alleen jeugdigen van uw eigen gemeente registreren.");
    rc = store_begin(ctx->store, err);
    if (rc != JR_OK)
        return rc;
    char b[JR_DATE_ISO_LEN];
    jr_stmt *s = store_prepare(ctx->store,
                               "INSERT INTO youth (bsn, birth_date, gemeente, created_at)"
                               " VALUES (?, ?, ?, datetime('now'))",
                               err);
    if (!s)
        return svc_finish(ctx, JR_EDB, err);
    store_bind_text(s, 1, bsn);
    store_bind_text(s, 2, date_format(birth, b));
    store_bind_text(s, 3, gemeente);
    if (store_step(s, err) != STORE_DONE) {
        if (err && err->status == JR_ECONFLICT)
            jr_fail(err, JR_ECONFLICT, "bsn_exists", "bsn",
                    "Er is al een jeugdige met BSN %s geregistreerd.", bsn);
        return svc_finish(ctx, err ? err->status : JR_EDB, err);
    }
    int64_t new_id = store_last_id(ctx->store);
    if (id)
        *id = new_id;
    char eid[24];
    snprintf(eid, sizeof eid, "%lld", (long long)new_id);
    /* the audit log names the record, never the BSN itself */
    rc = audit_record(ctx, "jeugdige.toegevoegd", "youth", eid, m->name, err);
    return svc_finish(ctx, rc, err);
}

/* a provider sees the youths it holds an assignment for */
static bool provider_knows(const jr_ctx *ctx, int64_t youth_id)
{
    jr_stmt *s = store_prepare(ctx->store,
                               "SELECT 1 FROM assignment a JOIN provider p ON p.id = a.provider_id"
                               " WHERE a.youth_id = ? AND p.agb = ? LIMIT 1",
                               NULL);
    if (!s)
        return false;
    store_bind_int(s, 1, youth_id);
    store_bind_text(s, 2, ctx->who.agb);
    bool found = store_step(s, NULL) == STORE_ROW;
    store_reset(s);
    return found;
}

static jr_status youth_query(const jr_ctx *ctx, jr_stmt *s, jr_youth *out, const char *what,
                             jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_PERSONAL_READ, err);
    if (rc != JR_OK)
        return rc;
    store_step_result r = store_step(s, err);
    if (r == STORE_ERROR)
        return JR_EDB;
    if (r == STORE_DONE)
        return jr_fail(err, JR_ENOTFOUND, "youth_unknown", "bsn", "Onbekende jeugdige (%s).", what);
    out->id = store_col_int(s, 0);
    str_copy(out->bsn, sizeof out->bsn, store_col_text(s, 1));
    date_parse(store_col_text(s, 2), &out->birth);
    str_copy(out->gemeente, sizeof out->gemeente, store_col_text(s, 3));
    store_reset(s);
    bool visible = ctx->who.role == JR_ROLE_AANBIEDER ? provider_knows(ctx, out->id)
                                                      : svc_sees(ctx, out->gemeente, NULL);
    if (!visible) {
        memset(out, 0, sizeof *out);
        return jr_fail(err, JR_ENOTFOUND, "youth_unknown", "bsn", "Onbekende jeugdige (%s).", what);
    }
    return JR_OK;
}

jr_status youth_find(const jr_ctx *ctx, const char *bsn, jr_youth *out, jr_error *err)
{
    jr_stmt *s = store_prepare(
        ctx->store, "SELECT id, bsn, birth_date, gemeente FROM youth WHERE bsn = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, bsn);
    return youth_query(ctx, s, out, "BSN niet geregistreerd", err);
}

jr_status youth_get(const jr_ctx *ctx, int64_t id, jr_youth *out, jr_error *err)
{
    jr_stmt *s = store_prepare(ctx->store,
                               "SELECT id, bsn, birth_date, gemeente FROM youth WHERE id = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, id);
    return youth_query(ctx, s, out, "id", err);
}

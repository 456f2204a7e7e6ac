/*
 * youth.c: registering youths and reading them back within the principal's
 * scope; the rows themselves are read and written by store/youths.c.
 */
#include "youth.h"

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
    /* every field is checked before refusing (jr_refuse): BSN, birth, gemeente */
    if (!bsn_valid(bsn))
        rc = jr_refuse(err, rc, "bsn_invalid", "bsn",
                       "BSN '%s' is ongeldig: 9 cijfers die voldoen aan de elfproef.",
                       bsn ? bsn : "");
    jr_error e;
    jr_error_clear(&e);
    if (youth_birth_check(birth, ctx->today, &e) != JR_OK)
        rc = jr_refuse_error(err, rc, &e);
    const jr_municipality *m = catalog_municipality(ctx->cat, gemeente);
    if (m == NULL)
        rc = jr_refuse(err, rc, "gemeente_unknown", "gemeente",
                       "Gemeente '%s' hoort niet bij regio %s.", gemeente ? gemeente : "",
                       ctx->cat->region);
    if (rc != JR_OK)
        return rc;
    if (!svc_sees(ctx, gemeente, NULL))
        return jr_fail(err, JR_EFORBIDDEN, "forbidden", "gemeente",
                       "U kunt alleen jeugdigen van uw eigen gemeente registreren.");
    rc = store_begin(ctx->store, err);
    if (rc != JR_OK)
        return rc;
    int64_t new_id;
    if ((rc = store_youth_insert(ctx->store, bsn, birth, gemeente, &new_id, err)) != JR_OK) {
        if (rc == JR_ECONFLICT)
            jr_fail(err, JR_ECONFLICT, "bsn_exists", "bsn",
                    "Er is al een jeugdige met BSN %s geregistreerd.", bsn);
        return svc_finish(ctx, rc, err);
    }
    if (id)
        *id = new_id;
    char eid[24];
    snprintf(eid, sizeof eid, "%lld", (long long)new_id);
    /* the audit log names the record, never the BSN itself */
    rc = audit_record(ctx, "jeugdige.toegevoegd", "youth", eid, m->name, err);
    return svc_finish(ctx, rc, err);
}

/* youth_visible: a provider sees the youths it holds an assignment for, the
 * others the youths of the municipalities they see. Fails as unknown when
 * the principal may not see it, as if it did not exist. */
static jr_status youth_visible(const jr_ctx *ctx, jr_status found, jr_youth *out, const char *what,
                               jr_error *err)
{
    if (found == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "youth_unknown", "bsn", "Onbekende jeugdige (%s).", what);
    if (found != JR_OK)
        return found;
    bool visible;
    if (ctx->who.role == JR_ROLE_AANBIEDER) {
        jr_status rc = store_youth_known_to(ctx->store, out->id, ctx->who.agb, &visible, err);
        if (rc != JR_OK)
            return rc;
    } else {
        visible = svc_sees(ctx, out->gemeente, NULL);
    }
    if (!visible) {
        memset(out, 0, sizeof *out);
        return jr_fail(err, JR_ENOTFOUND, "youth_unknown", "bsn", "Onbekende jeugdige (%s).", what);
    }
    return JR_OK;
}

jr_status youth_find(const jr_ctx *ctx, const char *bsn, jr_youth *out, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_PERSONAL_READ, err);
    if (rc != JR_OK)
        return rc;
    return youth_visible(ctx, store_youth_by_bsn(ctx->store, bsn, out, err), out,
                         "BSN niet geregistreerd", err);
}

jr_status youth_get(const jr_ctx *ctx, int64_t id, jr_youth *out, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_PERSONAL_READ, err);
    if (rc != JR_OK)
        return rc;
    return youth_visible(ctx, store_youth_get(ctx->store, id, out, err), out, "id", err);
}

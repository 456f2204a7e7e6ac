/*
 * exchange.c: the inbox, the outbox and the transactions of the iJw
 * exchange (see exchange.h). Who may send or export, the idempotence of a
 * received message by its identification and content hash, the audit of
 * every message received, replayed and sent; the rows themselves are
 * written by store/exchange.c.
 */
#include "exchange.h"

#include "../core/sbuf.h"

#include <stdio.h>
#include <string.h>

jr_status exchange_new_ident(const jr_ctx *ctx, char out[16], jr_error *err)
{
    int64_t n;
    jr_status rc = store_next_number(ctx->store, "ijw_bericht", &n, err);
    if (rc == JR_OK)
        snprintf(out, 16, "JR%010lld", (long long)(n % 10000000000LL));
    return rc;
}

jr_status exchange_receive(const jr_ctx *ctx, const char *code, const char *agb, const char *ident,
                           int64_t *known, char known_hash[65], jr_error *err)
{
    *known = 0;
    known_hash[0] = '\0';
    if (ctx->who.role != JR_ROLE_SYSTEM && ctx->who.role != JR_ROLE_BEHEERDER) {
        jr_status rc = svc_may(ctx, JR_ACT_PROVIDE, err);
        if (rc != JR_OK)
            return rc;
        if (!svc_sees(ctx, NULL, agb))
            return jr_fail(err, JR_EFORBIDDEN, "forbidden", "Afzender",
                           "U kunt alleen berichten van uw eigen organisatie (AGB %s) inlezen.",
                           ctx->who.agb);
    }
    jr_status rc = store_inbox_find(ctx->store, agb, code, ident, known, known_hash, err);
    if (rc != JR_OK && rc != JR_ENOTFOUND)
        return rc;
    return store_begin(ctx->store, err);
}

exchange_seen exchange_seen_of(int64_t known, const char *known_hash, const char *hash)
{
    if (!known)
        return EXCHANGE_NEW;
    return strcmp(known_hash, hash) == 0 ? EXCHANGE_REPLAY : EXCHANGE_REUSED;
}

jr_status exchange_log(const jr_ctx *ctx, store_inbox_new *m, int64_t *id, jr_error *err)
{
    char now[STORE_TS_LEN];
    m->received_at = store_timestamp(0, now);
    m->actor = ctx->actor && *ctx->actor ? ctx->actor : "onbekend";
    return store_inbox_insert(ctx->store, m, id, err);
}

jr_status exchange_set_decl_code(const jr_ctx *ctx, int64_t inbox_id, const char *code,
                                 jr_error *err)
{
    return store_inbox_set_decl_code(ctx->store, inbox_id, code, err);
}

static jr_status lost_row(jr_status rc, int64_t id, jr_error *err)
{
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_EDB, "database", "", "Bericht %lld staat niet in het logboek.",
                       (long long)id);
    return rc;
}

jr_status exchange_answer_of(const jr_ctx *ctx, int64_t id, store_inbox_answer *out, jr_error *err)
{
    return lost_row(store_inbox_answer_get(ctx->store, id, out, err), id, err);
}

jr_status exchange_decl_of(const jr_ctx *ctx, int64_t id, store_inbox_decl *out, jr_error *err)
{
    return lost_row(store_inbox_decl_get(ctx->store, id, out, err), id, err);
}

jr_status exchange_end(const jr_ctx *ctx, jr_status rc, const exchange_outcome *o, jr_error *err)
{
    if (rc == JR_OK && o->inbox_id)
        rc =
            store_inbox_finish(ctx->store, o->inbox_id, o->answer, o->summary, o->header_code, err);
    if (rc == JR_OK)
        rc = audit_record(ctx, o->action, "ijw_message", o->entity_id, o->detail, err);
    return svc_finish(ctx, rc, err);
}

int exchange_depth(const jr_ctx *ctx)
{
    return store_depth(ctx->store);
}

void exchange_unwind(const jr_ctx *ctx, int depth)
{
    while (store_depth(ctx->store) > depth)
        store_rollback(ctx->store);
}

jr_status exchange_keep_client(const jr_ctx *ctx, const char *bsn, const char *sex,
                               const char *last, const char *prefix, const char *initials,
                               jr_error *err)
{
    if (!bsn || !last)
        return JR_OK;
    char now[STORE_TS_LEN];
    return store_client_keep(ctx->store, bsn, sex ? sex : "0", last, prefix, initials,
                             store_timestamp(0, now), err);
}

jr_status exchange_retour(const jr_ctx *ctx, const char *sent_code, const char *answered,
                          const char *gemeente, const char *agb, const char *codes, bool *found,
                          jr_error *err)
{
    int64_t id;
    *found = false;
    jr_status rc = store_outbox_find(ctx->store, sent_code, answered, gemeente, agb, &id, err);
    if (rc == JR_ENOTFOUND)
        return JR_OK;
    if (rc != JR_OK)
        return rc;
    *found = true;
    char now[STORE_TS_LEN];
    return store_outbox_set_retour(ctx->store, id, codes, store_timestamp(0, now), err);
}

jr_status exchange_link_retour(const jr_ctx *ctx, int64_t inbox_id, const char *sent_code,
                               const char *answered, const char *agb, jr_error *err)
{
    return store_outbox_link_retour(ctx->store, inbox_id, sent_code, answered, agb, err);
}

/* ---- the outbox ---- */

jr_status exchange_answer_queue(const jr_ctx *ctx, int64_t verzoek_id, const char *gemeente,
                                const char *agb, const char *referentie, const char *antwoord,
                                const char *reden, const char *woonplaats, int64_t *outbox_id,
                                jr_error *err)
{
    char ident[16], now[STORE_TS_LEN];
    jr_status rc = exchange_new_ident(ctx, ident, err);
    if (rc != JR_OK)
        return rc;
    store_outbox_new m = {"JW319",    gemeente,
                          agb,        ident,
                          ctx->today, "", /* written when exported */
                          1,          store_timestamp(0, now),
                          NULL};
    if ((rc = store_outbox_insert(ctx->store, &m, outbox_id, err)) != JR_OK)
        return rc;
    store_antwoord_new a = {*outbox_id, verzoek_id, antwoord, reden, woonplaats, referentie};
    return store_antwoord_insert(ctx->store, &a, err);
}

jr_status exchange_export_begin(const jr_ctx *ctx, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_REFER, err);
    return rc == JR_OK ? store_begin(ctx->store, err) : rc;
}

jr_status exchange_export_end(const jr_ctx *ctx, jr_status rc, jr_error *err)
{
    return svc_finish(ctx, rc, err);
}

static jr_status audit_sent(const jr_ctx *ctx, const char *code, const char *receiver,
                            const char *ident, const char *detail, jr_error *err)
{
    char eid[48];
    snprintf(eid, sizeof eid, "%s:%s:%s", code, receiver, ident);
    return audit_record(ctx, "ijw.verstuurd", "ijw_message", eid, detail, err);
}

jr_status exchange_sent(const jr_ctx *ctx, const char *code, const char *sender,
                        const char *receiver, const char *ident, const char *body, int nrecords,
                        const char *detail, int64_t *outbox_id, jr_error *err)
{
    char now[STORE_TS_LEN];
    store_timestamp(0, now);
    store_outbox_new m = {code, sender, receiver, ident, ctx->today, body, nrecords, now, now};
    jr_status rc = store_outbox_insert(ctx->store, &m, outbox_id, err);
    return rc == JR_OK ? audit_sent(ctx, code, receiver, ident, detail, err) : rc;
}

jr_status exchange_toewijzingen(const jr_ctx *ctx, const char *gemeente, jr_row_fn fn, void *ud,
                                jr_error *err)
{
    return store_toewijzing_each(ctx->store, gemeente, fn, ud, err);
}

jr_status exchange_toewijzingen_of(const jr_ctx *ctx, const char *gemeente, const char *agb,
                                   int64_t youth_id, jr_row_fn fn, void *ud, jr_error *err)
{
    return store_toewijzing_of_client(ctx->store, gemeente, agb, youth_id, fn, ud, err);
}

jr_status exchange_client_name(const jr_ctx *ctx, int64_t youth_id, store_client_name *out,
                               jr_error *err)
{
    jr_status rc = store_client_name_get(ctx->store, youth_id, out, err);
    if (rc == JR_ENOTFOUND) /* an assignment names it: the store lost it */
        rc = jr_fail(err, JR_EDB, "database", "", "Jeugdige %lld staat niet in de database.",
                     (long long)youth_id);
    return rc;
}

jr_status exchange_toewijzing_sent(const jr_ctx *ctx, int64_t id, const char *state,
                                   int64_t outbox_id, jr_error *err)
{
    char now[STORE_TS_LEN];
    return store_toewijzing_sent(ctx->store, id, state, outbox_id, store_timestamp(0, now), err);
}

jr_status exchange_jw325_lines(const jr_ctx *ctx, int64_t batch_id, jr_row_fn fn, void *ud,
                               jr_error *err)
{
    return store_decl_batch_lines(ctx->store, batch_id, fn, ud, err);
}

jr_status exchange_answer_next(const jr_ctx *ctx, const char *gemeente, store_antwoord_row *out,
                               jr_error *err)
{
    return store_antwoord_next_pending(ctx->store, gemeente, out, err);
}

jr_status exchange_answer_sent(const jr_ctx *ctx, const store_antwoord_row *a, const char *body,
                               jr_error *err)
{
    char now[STORE_TS_LEN], detail[128];
    jr_status rc = store_outbox_set_exported(ctx->store, a->id, a->has_decision ? body : NULL,
                                             store_timestamp(0, now), err);
    snprintf(detail, sizeof detail, "JW319 %s van %s aan %s", a->ident, a->sender, a->receiver);
    return rc == JR_OK ? audit_sent(ctx, "JW319", a->receiver, a->ident, detail, err) : rc;
}

/*
 * provider.c: registering providers and contracting them per lot and product.
 */
#include "provider.h"
#include "../core/sbuf.h"

#include "../domain/ident.h"

#include <stdio.h>
#include <string.h>

jr_status provider_add(const jr_ctx *ctx, const char *agb, const char *name, const char *kind,
                       int64_t *id, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_PROVIDER_WRITE, err);
    if (rc != JR_OK)
        return rc;
    if (!agb_valid(agb))
        return jr_fail(err, JR_EINVAL, "agb_invalid", "agb",
                       "AGB-code '%s' is ongeldig: een AGB-code heeft 8 cijfers.", agb ? agb : "");
    if (name == NULL || name[0] == '\0' || strlen(name) >= sizeof((jr_provider *)0)->name)
        return jr_fail(err, JR_EINVAL, "name_invalid", "naam",
                       "De naam van de aanbieder ontbreekt of is te lang.");
    if (kind == NULL || (strcmp(kind, "instelling") != 0 && strcmp(kind, "vrijgevestigde") != 0))
        return jr_fail(err, JR_EINVAL, "kind_invalid", "soort",
                       "Soort aanbieder moet 'instelling' of 'vrijgevestigde' zijn.");
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(ctx->store,
                               "INSERT INTO provider (agb, name, kind, created_at)"
                               " VALUES (?, ?, ?, datetime('now'))",
                               err);
    if (!s)
        return svc_finish(ctx, JR_EDB, err);
    store_bind_text(s, 1, agb);
    store_bind_text(s, 2, name);
    store_bind_text(s, 3, kind);
    if (store_step(s, err) != STORE_DONE) {
        if (err && err->status == JR_ECONFLICT)
            jr_fail(err, JR_ECONFLICT, "agb_exists", "agb",
                    "Er is al een aanbieder met AGB-code %s.", agb);
        return svc_finish(ctx, err ? err->status : JR_EDB, err);
    }
    int64_t new_id = store_last_id(ctx->store);
    if (id)
        *id = new_id;
    char detail[256];
    snprintf(detail, sizeof detail, "naam=%s soort=%s", name, kind);
    rc = audit_record(ctx, "aanbieder.toegevoegd", "provider", agb, detail, err);
    return svc_finish(ctx, rc, err);
}

static void provider_from_row(const void *ud, jr_stmt *s, void *row)
{
    jr_provider *p = row;
    (void)ud;
    p->id = store_col_int(s, 0);
    str_copy(p->agb, sizeof p->agb, store_col_text(s, 1));
    str_copy(p->name, sizeof p->name, store_col_text(s, 2));
    str_copy(p->kind, sizeof p->kind, store_col_text(s, 3));
}

jr_status provider_find(const jr_ctx *ctx, const char *agb, jr_provider *out, jr_error *err)
{
    jr_stmt *s =
        store_prepare(ctx->store, "SELECT id, agb, name, kind FROM provider WHERE agb = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, agb);
    store_step_result r = store_step(s, err);
    if (r == STORE_ERROR)
        return JR_EDB;
    if (r == STORE_DONE)
        return jr_fail(err, JR_ENOTFOUND, "agb_unknown", "agb",
                       "Onbekende aanbieder: AGB-code %s is niet geregistreerd.", agb);
    provider_from_row(NULL, s, out);
    store_reset(s);
    return JR_OK;
}

jr_status provider_list(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err)
{
    jr_stmt *s =
        store_prepare(ctx->store, "SELECT id, agb, name, kind FROM provider ORDER BY agb", err);
    if (!s)
        return JR_EDB;
    jr_provider p;
    return store_each(s, provider_from_row, NULL, &p, fn, ud, err);
}

static jr_status insert_contract(const jr_ctx *ctx, int64_t provider_id, const char *agb,
                                 const char *lot, const char *product, jr_date start, jr_date end,
                                 jr_error *err)
{
    char from[JR_DATE_ISO_LEN], to[JR_DATE_ISO_LEN];
    jr_stmt *s = store_prepare(ctx->store,
                               "INSERT INTO contract (provider_id, lot, product, start_date,"
                               " end_date, created_at) VALUES (?, ?, ?, ?, ?, datetime('now'))",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, provider_id);
    store_bind_text(s, 2, lot);
    store_bind_text(s, 3, product);
    store_bind_text(s, 4, date_format(start, from));
    store_bind_text(s, 5, end == JR_DATE_NONE ? NULL : date_format(end, to));
    if (store_step(s, err) != STORE_DONE)
        return JR_EDB;
    char detail[128];
    snprintf(detail, sizeof detail, "perceel=%s product=%s van=%s tot=%s", lot, product, from,
             end == JR_DATE_NONE ? "open" : to);
    return audit_record(ctx, "contract.toegevoegd", "provider", agb, detail, err);
}

jr_status contract_add(const jr_ctx *ctx, const char *agb, const char *lot_code,
                       const char *product, jr_date start, jr_date end, int *n_added, jr_error *err)
{
    jr_provider p;
    jr_status rc = svc_may(ctx, JR_ACT_PROVIDER_WRITE, err);
    if (rc == JR_OK)
        rc = provider_find(ctx, agb, &p, err);
    if (rc != JR_OK)
        return rc;
    const jr_lot *lot = NULL;
    for (int i = 0; i < ctx->cat->nlots; i++)
        if (strcmp(ctx->cat->lots[i].code, lot_code ? lot_code : "") == 0)
            lot = &ctx->cat->lots[i];
    if (lot == NULL)
        return jr_fail(err, JR_EINVAL, "lot_unknown", "perceel",
                       "Perceel '%s' bestaat niet in de catalogus.", lot_code ? lot_code : "");
    if (end != JR_DATE_NONE && end < start)
        return jr_fail(err, JR_EINVAL, "end_before_start", "einddatum",
                       "De einddatum van het contract ligt voor de begindatum.");
    const jr_product *prod = NULL;
    if (strcmp(product, "*") != 0) {
        prod = catalog_product_by_short(ctx->cat, product);
        if (prod == NULL)
            return jr_fail(err, JR_EINVAL, "product_unknown", "product",
                           "Product '%s' bestaat niet in de catalogus.", product);
        if (!catalog_lot_has(lot, prod->code))
            return jr_fail(err, JR_EINVAL, "product_not_in_lot", "product",
                           "Product %s hoort niet bij perceel %s (%s).", prod->code, lot->code,
                           lot->name);
    }
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    int n = 0;
    for (int i = 0; i < lot->nproducts && rc == JR_OK; i++) {
        if (prod && strcmp(prod->code, lot->products[i]) != 0)
            continue;
        rc = insert_contract(ctx, p.id, agb, lot->code, lot->products[i], start, end, err);
        n++;
    }
    if (n_added)
        *n_added = n;
    return svc_finish(ctx, rc, err);
}

static void contract_from_row(const void *ud, jr_stmt *s, void *row)
{
    jr_contract *c = row;
    (void)ud;
    c->id = store_col_int(s, 0);
    str_copy(c->agb, sizeof c->agb, store_col_text(s, 1));
    str_copy(c->lot, sizeof c->lot, store_col_text(s, 2));
    str_copy(c->product, sizeof c->product, store_col_text(s, 3));
    date_parse(store_col_text(s, 4), &c->start);
    c->end = JR_DATE_NONE;
    if (!store_col_null(s, 5))
        date_parse(store_col_text(s, 5), &c->end);
}

jr_status contract_list(const jr_ctx *ctx, const char *agb, jr_row_fn fn, void *ud, jr_error *err)
{
    jr_stmt *s = store_prepare(ctx->store,
                               "SELECT c.id, p.agb, c.lot, c.product, c.start_date, c.end_date"
                               " FROM contract c JOIN provider p ON p.id = c.provider_id"
                               " WHERE ?1 IS NULL OR p.agb = ?1 ORDER BY p.agb, c.product, c.id",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, agb);
    jr_contract c;
    return store_each(s, contract_from_row, NULL, &c, fn, ud, err);
}

jr_status contract_covers(const jr_ctx *ctx, int64_t provider_id, const char *product, jr_date from,
                          jr_date to, bool *out, jr_error *err)
{
    char f[JR_DATE_ISO_LEN], t[JR_DATE_ISO_LEN];
    jr_stmt *s = store_prepare(ctx->store,
                               "SELECT 1 FROM contract WHERE provider_id = ? AND product = ?"
                               " AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)"
                               " LIMIT 1",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, provider_id);
    store_bind_text(s, 2, product);
    store_bind_text(s, 3, date_format(from, f));
    store_bind_text(s, 4, date_format(to, t));
    store_step_result r = store_step(s, err);
    store_reset(s);
    if (r == STORE_ERROR)
        return JR_EDB;
    *out = r == STORE_ROW;
    return JR_OK;
}

jr_status contract_covers_kind(const jr_ctx *ctx, int64_t provider_id, jr_product_kind kind,
                               jr_date from, jr_date to, bool *out, jr_error *err)
{
    *out = false;
    for (int i = 0; i < ctx->cat->nproducts && !*out; i++) {
        if (ctx->cat->products[i].kind != kind)
            continue;
        jr_status rc =
            contract_covers(ctx, provider_id, ctx->cat->products[i].code, from, to, out, err);
        if (rc != JR_OK)
            return rc;
    }
    return JR_OK;
}

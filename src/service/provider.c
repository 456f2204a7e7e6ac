/*
 * provider.c: registering providers and contracting them per lot and
 * product; the rows are read and written by store/providers.c.
 */
#include "provider.h"

#include "../core/vec.h"

#include <stdlib.h>

#include "../domain/ident.h"

#include <stdio.h>
#include <string.h>

jr_status provider_add(const jr_ctx *ctx, const char *agb, const char *name, const char *kind,
                       int64_t *id, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_PROVIDER_WRITE, err);
    if (rc != JR_OK)
        return rc;
    /* every field is checked before refusing: agb, naam, soort */
    if (!agb_valid(agb))
        rc = jr_refuse(err, rc, "agb_invalid", "agb",
                       "AGB-code '%s' is ongeldig: een AGB-code heeft 8 cijfers.", agb ? agb : "");
    if (name == NULL || name[0] == '\0' || strlen(name) >= sizeof((jr_provider *)0)->name)
        rc = jr_refuse(err, rc, "name_invalid", "naam",
                       "De naam van de aanbieder ontbreekt of is te lang.");
    if (kind == NULL || (strcmp(kind, "instelling") != 0 && strcmp(kind, "vrijgevestigde") != 0))
        rc = jr_refuse(err, rc, "kind_invalid", "soort",
                       "Soort aanbieder moet 'instelling' of 'vrijgevestigde' zijn.");
    if (rc != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    int64_t new_id;
    if ((rc = store_provider_insert(ctx->store, agb, name, kind, &new_id, err)) != JR_OK) {
        if (rc == JR_ECONFLICT)
            jr_fail(err, JR_ECONFLICT, "agb_exists", "agb",
                    "Er is al een aanbieder met AGB-code %s.", agb);
        return svc_finish(ctx, rc, err);
    }
    if (id)
        *id = new_id;
    char detail[256];
    snprintf(detail, sizeof detail, "naam=%s soort=%s", name, kind);
    rc = audit_record(ctx, "aanbieder.toegevoegd", "provider", agb, detail, err);
    return svc_finish(ctx, rc, err);
}

jr_status provider_find(const jr_ctx *ctx, const char *agb, jr_provider *out, jr_error *err)
{
    jr_status rc = store_provider_by_agb(ctx->store, agb, out, err);
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "agb_unknown", "agb",
                       "Onbekende aanbieder: AGB-code %s is niet geregistreerd.", agb);
    return rc;
}

jr_status provider_list(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err)
{
    return store_provider_list(ctx->store, fn, ud, err);
}

typedef struct {
    jr_provider *v;
    size_t n, cap;
    bool nomem;
} provider_array;

static int provider_take(void *ud, const void *row)
{
    provider_array *a = ud;
    jr_provider *v = vec_grow(a->v, a->n, &a->cap, sizeof *v, 256);
    if (!v) {
        a->nomem = true;
        return 1;
    }
    a->v = v;
    a->v[a->n++] = *(const jr_provider *)row;
    return 0;
}

jr_status provider_all(const jr_ctx *ctx, jr_provider **out, int *n, jr_error *err)
{
    provider_array a = {0};
    jr_status rc = provider_list(ctx, provider_take, &a, err);
    if (rc == JR_OK && a.nomem)
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    if (rc != JR_OK) {
        free(a.v);
        a.v = NULL;
        a.n = 0;
    }
    *out = a.v;
    *n = (int)a.n;
    return rc;
}

static jr_status insert_contract(const jr_ctx *ctx, int64_t provider_id, const char *agb,
                                 const char *lot, const char *product, jr_date start, jr_date end,
                                 jr_error *err)
{
    jr_status rc = store_contract_insert(ctx->store, provider_id, lot, product, start, end, err);
    if (rc != JR_OK)
        return rc;
    char from[JR_DATE_ISO_LEN], to[JR_DATE_ISO_LEN];
    date_format(start, from);
    if (end != JR_DATE_NONE)
        date_format(end, to);
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
    /* the provider must exist (the other checks need it); then every field
       is checked before refusing: perceel, einddatum, product */
    const jr_lot *lot = catalog_lot(ctx->cat, lot_code);
    if (lot == NULL)
        rc = jr_refuse(err, rc, "lot_unknown", "perceel",
                       "Perceel '%s' bestaat niet in de catalogus.", lot_code ? lot_code : "");
    if (end != JR_DATE_NONE && end < start)
        rc = jr_refuse(err, rc, "end_before_start", "einddatum",
                       "De einddatum van het contract ligt voor de begindatum.");
    const jr_product *prod = NULL;
    if (strcmp(product, "*") != 0) {
        prod = catalog_product_by_short(ctx->cat, product);
        if (prod == NULL)
            rc = jr_refuse(err, rc, "product_unknown", "product",
                           "Product '%s' bestaat niet in de catalogus.", product);
        else if (lot && !catalog_lot_has(lot, prod->code)) /* only for a known lot */
            rc = jr_refuse(err, rc, "product_not_in_lot", "product",
                           "Product %s hoort niet bij perceel %s (%s).", prod->code, lot->code,
                           lot->name);
    }
    if (rc != JR_OK)
        return rc;
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

jr_status contract_list(const jr_ctx *ctx, const char *agb, jr_row_fn fn, void *ud, jr_error *err)
{
    return store_contract_list(ctx->store, agb, fn, ud, err);
}

jr_status contract_covers(const jr_ctx *ctx, int64_t provider_id, const char *product, jr_date from,
                          jr_date to, bool *out, jr_error *err)
{
    return store_contract_covers(ctx->store, provider_id, product, from, to, out, err);
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

/*
 * tariff.c (service): tariff research (see tariff.h): reading and changing
 * the norms of a year (checked whole before anything is stored, audited),
 * the model's build-up over the region's catalog, the proposed catalog of
 * the next year and its adoption.
 */
#include "tariff.h"

#include "../core/sbuf.h"
#include "../store/tariff.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *tariff_basis_name(jr_tariff_basis b)
{
    return b == JR_TB_MODEL ? "model" : "index";
}

bool tariff_basis_parse(const char *s, jr_tariff_basis *out)
{
    if (s && strcmp(s, "index") == 0)
        *out = JR_TB_INDEX;
    else if (s && strcmp(s, "model") == 0)
        *out = JR_TB_MODEL;
    else
        return false;
    return true;
}

bool tariff_may_change(const jr_principal *who)
{
    return who->role == JR_ROLE_SYSTEM || who->role == JR_ROLE_BEHEERDER ||
           who->role == JR_ROLE_RSJ;
}

static jr_status may_read(const jr_ctx *ctx, jr_error *err)
{
    switch (ctx->who.role) {
    case JR_ROLE_SYSTEM:
    case JR_ROLE_BEHEERDER:
    case JR_ROLE_RSJ:
    case JR_ROLE_GEMEENTE:
    case JR_ROLE_LEZER:
        return JR_OK;
    default:
        return jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                       "Deze rol mag het tariefonderzoek niet zien (alleen rsj, beheerder, "
                       "gemeente en lezer).");
    }
}

static jr_status may_change(const jr_ctx *ctx, jr_error *err)
{
    if (tariff_may_change(&ctx->who))
        return JR_OK;
    return jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                   "Deze rol mag de tariefnormen niet wijzigen en geen catalogus vaststellen "
                   "(alleen rsj en beheerder).");
}

static jr_status year_check(int32_t year, jr_error *err)
{
    if (year >= JR_TARIFF_YEAR_MIN && year <= JR_TARIFF_YEAR_MAX)
        return JR_OK;
    return jr_refuse(err, JR_OK, "year_invalid", "year",
                     "Jaar %d is ongeldig: kies een jaar van %d tot en met %d.", (int)year,
                     JR_TARIFF_YEAR_MIN, JR_TARIFF_YEAR_MAX);
}

/* ---- showing a norm's value in a message ---- */

static const char *unit_text(jr_tariff_unit u, int64_t v, char *buf, size_t cap)
{
    char m[JR_MONEY_BUF];
    int64_t a = v < 0 ? -v : v;
    switch (u) {
    case JR_TU_CENTS:
        snprintf(buf, cap, "%s", money_format_nl(v, m));
        break;
    case JR_TU_BP:
        snprintf(buf, cap, "%s%lld,%02lld %%", v < 0 ? "-" : "", (long long)(a / 100),
                 (long long)(a % 100));
        break;
    case JR_TU_FTE100:
    case JR_TU_DAYS100:
        snprintf(buf, cap, "%lld,%02lld", (long long)(v / 100), (long long)(a % 100));
        break;
    default:
        snprintf(buf, cap, "%lld", (long long)v);
    }
    return buf;
}

static jr_status field_bounds(jr_error *err, jr_status rc, const char *code,
                              const jr_tariff_field *f, int64_t v)
{
    if (v >= f->lo && v <= f->hi)
        return rc;
    char path[48], a[48], lo[48], hi[48];
    snprintf(path, sizeof path, "%s.%s", code, f->key);
    return jr_refuse(err, rc, "norm_out_of_range", path,
                     "%s: %s %s ligt buiten de grenzen %s tot en met %s.", code, f->label,
                     unit_text(f->unit, v, a, sizeof a), unit_text(f->unit, f->lo, lo, sizeof lo),
                     unit_text(f->unit, f->hi, hi, sizeof hi));
}

static const jr_tariff_fg_norm *find_fg(const jr_tariff_norms *n, const char *code)
{
    for (int i = 0; i < n->nfg; i++)
        if (strcmp(n->fg[i].code, code) == 0)
            return &n->fg[i];
    return NULL;
}

static const jr_tariff_int_norm *find_int(const jr_tariff_norms *n, const char *code)
{
    for (int i = 0; i < n->nint; i++)
        if (strcmp(n->in[i].code, code) == 0)
            return &n->in[i];
    return NULL;
}

/* norms_check: every refusal of n (against the catalog) into err */
static jr_status norms_check(const jr_ctx *ctx, const jr_tariff_norms *n, jr_error *err)
{
    jr_status rc = year_check(n->year, err);
    char a[48];
    if (!n->cao[0])
        rc = jr_refuse(err, rc, "norm_missing", "cao",
                       "De cao (naam en versie) waarop de salarissen berusten ontbreekt.");
    if (n->ova_bp < -5000 || n->ova_bp > 5000)
        rc = jr_refuse(err, rc, "norm_out_of_range", "index.ova_bp",
                       "index: OVA %s ligt buiten -50,00 %% tot en met 50,00 %%.",
                       unit_text(JR_TU_BP, n->ova_bp, a, sizeof a));
    if (n->pcc_bp < -5000 || n->pcc_bp > 5000)
        rc = jr_refuse(err, rc, "norm_out_of_range", "index.pcc_bp",
                       "index: PCC %s ligt buiten -50,00 %% tot en met 50,00 %%.",
                       unit_text(JR_TU_BP, n->pcc_bp, a, sizeof a));
    if (n->wage_weight_bp < 0 || n->wage_weight_bp > 10000)
        rc = jr_refuse(err, rc, "norm_out_of_range", "index.wage_weight_bp",
                       "index: het gewicht van de OVA in de VNG-mix (%s) ligt buiten 0 %% tot "
                       "en met 100 %%; de PCC weegt de rest.",
                       unit_text(JR_TU_BP, n->wage_weight_bp, a, sizeof a));
    int nf;
    const jr_tariff_field *ff = tariff_fg_fields(&nf);
    for (int i = 0; i < n->nfg; i++) {
        const jr_tariff_fg_norm *g = &n->fg[i];
        const jr_product *p = catalog_product_by_short(ctx->cat, g->code);
        if (!p || p->kind != JR_PK_FUNCTIEGROEP || strcmp(p->short_code, g->code) != 0)
            rc = jr_refuse(err, rc, "norm_unknown_code", g->code,
                           "%s is geen functiegroep van de regiocatalogus (%s).", g->code,
                           ctx->cat->region);
        for (int j = 0; j < i; j++)
            if (strcmp(n->fg[j].code, g->code) == 0)
                rc = jr_refuse(err, rc, "norm_duplicate", g->code,
                               "%s staat twee keer in de normen.", g->code);
        for (int k = 0; k < nf; k++)
            rc = field_bounds(err, rc, g->code, &ff[k],
                              *(const int64_t *)((const char *)g + ff[k].offset));
    }
    const jr_tariff_field *fi = tariff_int_fields(&nf);
    for (int i = 0; i < n->nint; i++) {
        const jr_tariff_int_norm *t = &n->in[i];
        const jr_product *p = catalog_product_by_short(ctx->cat, t->code);
        if (!p || p->kind != JR_PK_INTENSITY || strcmp(p->short_code, t->code) != 0)
            rc = jr_refuse(err, rc, "norm_unknown_code", t->code,
                           "%s is geen intensiteit wonen/verblijf van de regiocatalogus (%s).",
                           t->code, ctx->cat->region);
        for (int j = 0; j < i; j++)
            if (strcmp(n->in[j].code, t->code) == 0)
                rc = jr_refuse(err, rc, "norm_duplicate", t->code,
                               "%s staat twee keer in de normen.", t->code);
        if (!find_fg(n, t->staff_fg)) {
            char path[48];
            snprintf(path, sizeof path, "%s.staff_fg", t->code);
            rc = jr_refuse(err, rc, "norm_staff_unknown", path,
                           "%s: het personeel rekent met functiegroep '%s', maar die heeft geen "
                           "normen in %d.",
                           t->code, t->staff_fg, (int)n->year);
        }
        for (int k = 0; k < nf; k++)
            rc = field_bounds(err, rc, t->code, &fi[k],
                              *(const int64_t *)((const char *)t + fi[k].offset));
    }
    return rc;
}

/* ---- reading ---- */

static void line_of(const jr_ctx *ctx, const char *code, jr_tariff_line *l)
{
    str_copy(l->code, sizeof l->code, code);
    const jr_product *p = catalog_product_by_short(ctx->cat, code);
    if (p) {
        str_copy(l->product, sizeof l->product, p->code);
        str_copy(l->name, sizeof l->name, p->name);
        l->kind = p->kind;
    }
}

/* build: the model of norms n over the catalog into m (n is copied) */
static void build(const jr_ctx *ctx, const jr_tariff_norms *n, jr_tariff_model *m)
{
    m->norms = *n;
    m->n = 0;
    for (int i = 0; i < n->nfg; i++) {
        jr_tariff_line *l = &m->lines[m->n++];
        memset(l, 0, sizeof *l);
        line_of(ctx, n->fg[i].code, l);
        l->kind = JR_PK_FUNCTIEGROEP;
        l->example = n->fg[i].example;
        tariff_build_fg(&n->fg[i], &l->b);
    }
    for (int i = 0; i < n->nint; i++) {
        const jr_tariff_fg_norm *staff = find_fg(n, n->in[i].staff_fg);
        if (!staff)
            continue; /* refused when stored */
        jr_tariff_line *l = &m->lines[m->n++];
        memset(l, 0, sizeof *l);
        line_of(ctx, n->in[i].code, l);
        l->kind = JR_PK_INTENSITY;
        l->example = n->in[i].example;
        str_copy(l->staff_fg, sizeof l->staff_fg, n->in[i].staff_fg);
        tariff_build_int(&n->in[i], staff, &l->b);
    }
}

jr_status tariff_model(const jr_ctx *ctx, int32_t year, jr_tariff_model *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    jr_status rc = may_read(ctx, err);
    if (rc == JR_OK)
        rc = year_check(year, err);
    if (rc != JR_OK)
        return rc;
    jr_tariff_norms n;
    store_tariff_meta meta;
    rc = store_tariff_norms_get(ctx->store, year, &n, &meta, err);
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "norms_missing", "year",
                       "Voor %d zijn geen tariefnormen ingelezen (jeugdregio tariff norms import "
                       "BESTAND.json).",
                       (int)year);
    if (rc != JR_OK)
        return rc;
    build(ctx, &n, out);
    str_copy(out->updated_by, sizeof out->updated_by, meta.updated_by);
    str_copy(out->updated_at, sizeof out->updated_at, meta.updated_at);
    return JR_OK;
}

jr_status tariff_years(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err)
{
    jr_status rc = may_read(ctx, err);
    if (rc != JR_OK)
        return rc;
    return store_tariff_years(ctx->store, fn, ud, err);
}

/* ---- changing ---- */

jr_status tariff_norms_put(const jr_ctx *ctx, const jr_tariff_norms *n, jr_error *err)
{
    jr_status rc = may_change(ctx, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = norms_check(ctx, n, err)) != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    jr_tariff_norms old;
    bool had = store_tariff_norms_get(ctx->store, n->year, &old, NULL, err) == JR_OK;
    rc = store_tariff_norms_replace(ctx->store, n, ctx->actor, err);
    if (rc == JR_OK) {
        char id[16], detail[384];
        snprintf(id, sizeof id, "%d", (int)n->year);
        snprintf(detail, sizeof detail,
                 "%s: %d functiegroepen, %d intensiteiten; index %s OVA %lld PCC %lld gewicht "
                 "%lld bp; uit %s%s",
                 had ? "vervangen" : "nieuw", n->nfg, n->nint, tariff_index_method_name(n->method),
                 (long long)n->ova_bp, (long long)n->pcc_bp, (long long)n->wage_weight_bp,
                 n->source[0] ? n->source : "(onbekend)", n->example ? " (voorbeeld)" : "");
        rc = audit_record(ctx, "tarief.normen", "tariefnormen", id, detail, err);
    }
    return svc_finish(ctx, rc, err);
}

/* parse_value: v as the value of a field of unit u into *out */
static bool parse_value(jr_tariff_unit u, const char *v, int64_t *out)
{
    if (!v || !*v)
        return false;
    if (u == JR_TU_CENTS)
        return money_parse(v, out);
    char *end;
    errno = 0;
    long long x = strtoll(v, &end, 10);
    if (errno || *end || end == v)
        return false;
    *out = x;
    return true;
}

static bool parse_bool(const char *v, bool *out)
{
    if (v && (strcmp(v, "true") == 0 || strcmp(v, "ja") == 0))
        *out = true;
    else if (v && (strcmp(v, "false") == 0 || strcmp(v, "nee") == 0))
        *out = false;
    else
        return false;
    return true;
}

static const char *unit_hint(jr_tariff_unit u)
{
    switch (u) {
    case JR_TU_CENTS:
        return "een bedrag in euro's, zoals \"3412.50\"";
    case JR_TU_BP:
        return "een geheel aantal basispunten (800 is 8 %)";
    case JR_TU_FTE100:
        return "een geheel aantal honderdsten FTE (650 is 6,50 FTE)";
    case JR_TU_HOURS:
        return "een geheel aantal uren";
    default:
        return "een geheel getal";
    }
}

/* set_numeric: one field of a norm (base the struct) from text; a refusal into err */
static jr_status set_numeric(jr_error *err, jr_status rc, const char *code,
                             const jr_tariff_field *fields, int nf, void *base,
                             const jr_tariff_assign *as, char *changes, size_t cap)
{
    char path[64];
    snprintf(path, sizeof path, "%s.%s", code, as->key);
    const jr_tariff_field *f = tariff_field_find(fields, nf, as->key);
    if (!f) {
        char known[256] = "";
        size_t k = 0;
        for (int i = 0; i < nf && k < sizeof known; i++)
            k +=
                (size_t)snprintf(known + k, sizeof known - k, "%s%s", i ? ", " : "", fields[i].key);
        return jr_refuse(err, rc, "norm_unknown_field", path,
                         "%s: onbekend veld '%.40s'; kies uit %s, example.", code, as->key, known);
    }
    int64_t v;
    if (!parse_value(f->unit, as->value, &v))
        return jr_refuse(err, rc, "norm_not_a_number", path, "%s: %s '%.40s' is ongeldig: geef %s.",
                         code, f->label, as->value ? as->value : "", unit_hint(f->unit));
    int64_t *dst = (int64_t *)((char *)base + f->offset);
    size_t used = strlen(changes);
    if (*dst != v && used < cap)
        snprintf(changes + used, cap - used, "%s%s %lld -> %lld", used ? "; " : "", f->key,
                 (long long)*dst, (long long)v);
    *dst = v;
    return rc;
}

jr_status tariff_norm_set(const jr_ctx *ctx, int32_t year, const char *code,
                          const jr_tariff_assign *a, int n, jr_error *err)
{
    jr_status rc = may_change(ctx, err);
    if (rc == JR_OK)
        rc = year_check(year, err);
    if (rc != JR_OK)
        return rc;
    if (n <= 0)
        return jr_refuse(err, JR_OK, "norm_nothing", "",
                         "Geef minstens een veld om te wijzigen (veld=waarde).");
    jr_tariff_norms norms;
    rc = store_tariff_norms_get(ctx->store, year, &norms, NULL, err);
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "norms_missing", "year",
                       "Voor %d zijn geen tariefnormen ingelezen.", (int)year);
    if (rc != JR_OK)
        return rc;
    jr_tariff_fg_norm *fg = NULL;
    jr_tariff_int_norm *in = NULL;
    bool own = !code || !*code;
    if (!own) {
        fg = (jr_tariff_fg_norm *)find_fg(&norms, code);
        in = fg ? NULL : (jr_tariff_int_norm *)find_int(&norms, code);
        if (!fg && !in)
            return jr_fail(err, JR_ENOTFOUND, "norm_not_found", "code",
                           "%d heeft geen normen voor '%.20s' (een functiegroep of intensiteit "
                           "van de normen).",
                           (int)year, code);
    }
    char changes[1024] = "";
    int nf;
    for (int i = 0; i < n; i++) {
        const jr_tariff_assign *as = &a[i];
        size_t used = strlen(changes);
        if (strcmp(as->key, "example") == 0) {
            bool *dst = own ? &norms.example : fg ? &fg->example : &in->example, v;
            if (!parse_bool(as->value, &v)) {
                rc =
                    jr_refuse(err, rc, "norm_not_a_boolean", "example",
                              "example '%.20s' is geen true of false.", as->value ? as->value : "");
                continue;
            }
            if (*dst != v)
                snprintf(changes + used, sizeof changes - used, "%sexample %s -> %s",
                         used ? "; " : "", *dst ? "true" : "false", v ? "true" : "false");
            *dst = v;
        } else if (own) {
            if (strcmp(as->key, "cao") == 0) {
                if (!as->value || !*as->value || strlen(as->value) >= sizeof norms.cao) {
                    rc = jr_refuse(err, rc, "norm_text", "cao",
                                   "cao: geef de naam en versie van de cao (hoogstens %zu "
                                   "tekens).",
                                   sizeof norms.cao - 1);
                    continue;
                }
                snprintf(changes + used, sizeof changes - used, "%scao '%s' -> '%s'",
                         used ? "; " : "", norms.cao, as->value);
                str_copy(norms.cao, sizeof norms.cao, as->value);
            } else if (strcmp(as->key, "index_method") == 0) {
                jr_tariff_index_method m;
                if (!tariff_index_method_parse(as->value, &m)) {
                    rc = jr_refuse(err, rc, "norm_index_method", "index.index_method",
                                   "index_method '%.20s' is onbekend: kies ova (alleen de OVA) "
                                   "of vng (de VNG-mix van OVA en PCC).",
                                   as->value ? as->value : "");
                    continue;
                }
                if (m != norms.method)
                    snprintf(changes + used, sizeof changes - used, "%sindex_method %s -> %s",
                             used ? "; " : "", tariff_index_method_name(norms.method),
                             tariff_index_method_name(m));
                norms.method = m;
            } else {
                static const jr_tariff_field yf[] = {
                    {"ova_bp", "OVA", JR_TU_BP, -5000, 5000, offsetof(jr_tariff_norms, ova_bp)},
                    {"pcc_bp", "PCC", JR_TU_BP, -5000, 5000, offsetof(jr_tariff_norms, pcc_bp)},
                    {"wage_weight_bp", "gewicht van de OVA", JR_TU_BP, 0, 10000,
                     offsetof(jr_tariff_norms, wage_weight_bp)},
                };
                rc = set_numeric(err, rc, "index", yf, 3, &norms, as, changes, sizeof changes);
            }
        } else if (fg && strcmp(as->key, "code") != 0) {
            const jr_tariff_field *ff = tariff_fg_fields(&nf);
            rc = set_numeric(err, rc, code, ff, nf, fg, as, changes, sizeof changes);
        } else if (in && strcmp(as->key, "staff_fg") == 0) {
            if (!as->value || strlen(as->value) >= sizeof in->staff_fg) {
                rc = jr_refuse(err, rc, "norm_text", "staff_fg",
                               "%s: staff_fg moet de code van een functiegroep zijn.", code);
                continue;
            }
            snprintf(changes + used, sizeof changes - used, "%sstaff_fg %s -> %s", used ? "; " : "",
                     in->staff_fg, as->value);
            str_copy(in->staff_fg, sizeof in->staff_fg, as->value);
        } else if (in && strcmp(as->key, "code") != 0) {
            const jr_tariff_field *fi = tariff_int_fields(&nf);
            rc = set_numeric(err, rc, code, fi, nf, in, as, changes, sizeof changes);
        } else {
            rc = jr_refuse(err, rc, "norm_unknown_field", "code",
                           "De code van een norm is niet te wijzigen; lees de normen opnieuw "
                           "in.");
        }
    }
    if (rc == JR_OK || rc == JR_EINVAL) {
        /* the whole year checked as an import is, so that a bound is the same both ways */
        jr_status c = norms_check(ctx, &norms, err);
        if (rc == JR_OK)
            rc = c;
    }
    if (rc != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    if (own)
        rc = store_tariff_year_put(ctx->store, &norms, ctx->actor, err);
    else {
        rc = fg ? store_tariff_fg_put(ctx->store, year, fg, err)
                : store_tariff_int_put(ctx->store, year, in, err);
        if (rc == JR_OK) /* who changed the year last */
            rc = store_tariff_year_put(ctx->store, &norms, ctx->actor, err);
    }
    if (rc == JR_OK) {
        char id[32];
        snprintf(id, sizeof id, "%d/%s", (int)year, own ? "index" : code);
        rc = audit_record(ctx, "tarief.norm", "tariefnormen", id,
                          changes[0] ? changes : "ongewijzigd", err);
    }
    return svc_finish(ctx, rc, err);
}

/* ---- the proposal ---- */

static bool explicit_at(const jr_product *p, jr_date d, jr_cents *out)
{
    for (int i = 0; i < p->nprices; i++)
        if (p->prices[i].from <= d && (p->prices[i].to == JR_DATE_NONE || d <= p->prices[i].to))
            return !p->prices[i].derived && (*out = p->prices[i].cents, true);
    return false;
}

static bool derived_at(const jr_product *p, jr_date d)
{
    for (int i = 0; i < p->nprices; i++)
        if (p->prices[i].from <= d && (p->prices[i].to == JR_DATE_NONE || d <= p->prices[i].to))
            return p->prices[i].derived;
    return false;
}

static jr_status proposal_build(const jr_ctx *ctx, int32_t year, jr_tariff_basis basis,
                                jr_tariff_proposal *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    out->year = year;
    out->basis = basis;
    jr_status rc = year_check(year, err);
    if (rc != JR_OK)
        return rc;
    date_from_ymd(year, 1, 1, &out->from);
    date_from_ymd(year, 12, 31, &out->to);
    jr_tariff_norms *norms = malloc(sizeof *norms);
    jr_tariff_model *model = malloc(sizeof *model);
    if (!norms || !model) {
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
        goto done;
    }
    memset(model, 0, sizeof *model);
    rc = store_tariff_norms_get(ctx->store, year, norms, NULL, err);
    if (rc == JR_OK) {
        out->has_norms = true;
        build(ctx, norms, model);
        out->index = *norms;
        out->index.nfg = out->index.nint = 0;
    } else if (rc == JR_ENOTFOUND) {
        rc = JR_OK;
        bool found = false;
        for (int k = 0; k < ctx->cat->nindex; k++)
            if (ctx->cat->index[k].year == year) {
                memset(&out->index, 0, sizeof out->index);
                out->index.year = year;
                out->index.ova_bp = ctx->cat->index[k].basis_points;
                out->index.method = JR_TI_OVA;
                str_copy(out->index.source, sizeof out->index.source, "regiobestand (index)");
                found = true;
            }
        if (!found) {
            rc = jr_refuse(err, JR_OK, "index_missing", "year",
                           "Voor %d zijn er geen tariefnormen en geen OVA-index in het "
                           "regiobestand: lees de normen van %d in of zet de index.",
                           (int)year, (int)year);
            goto done;
        }
    } else {
        goto done;
    }
    out->index_e8 = tariff_index_e8(&out->index);
    jr_date prev_last = out->from - 1;
    for (int i = 0; i < ctx->cat->nproducts && out->n < JR_MAX_PRODUCTS; i++) {
        const jr_product *p = &ctx->cat->products[i];
        jr_tariff_prop_row r;
        memset(&r, 0, sizeof r);
        str_copy(r.product, sizeof r.product, p->code);
        str_copy(r.code, sizeof r.code, p->short_code);
        str_copy(r.name, sizeof r.name, p->name);
        str_copy(r.unit, sizeof r.unit, p->unit);
        r.kind = p->kind;
        r.has_current = product_tariff(p, prev_last, &r.current);
        r.current_derived = r.has_current && derived_at(p, prev_last);
        for (int k = 0; k < model->n; k++)
            if (strcmp(model->lines[k].code, p->short_code) == 0) {
                r.has_model = true;
                r.model = model->lines[k].b.tariff;
            }
        if (r.has_current) {
            r.has_indexed = true;
            r.indexed = tariff_index_apply(r.current, &out->index);
        }
        jr_cents region;
        r.region_set = explicit_at(p, out->from, &region);
        if (r.region_set) {
            r.proposed = region;
            r.source = "regio";
        } else if (basis == JR_TB_MODEL && r.has_model) {
            r.proposed = r.model;
            r.source = "model";
        } else if (r.has_indexed) {
            r.proposed = r.indexed;
            r.source = "index";
        } else {
            continue; /* no tariff to go on */
        }
        if (r.has_current) {
            r.diff = r.proposed - r.current;
            r.diff_pm = tariff_per_mille(r.diff, r.current);
            out->total_current += r.current;
            if (r.has_model) {
                r.model_diff = r.model - r.current;
                r.model_diff_pm = tariff_per_mille(r.model_diff, r.current);
            }
        }
        out->total_proposed += r.proposed;
        out->rows[out->n++] = r;
    }
    store_tariff_adoption a;
    jr_status ar = store_tariff_adoption_last(ctx->store, year, &a, err);
    if (ar == JR_OK) {
        out->adopted = true;
        str_copy(out->adopted_by, sizeof out->adopted_by, a.adopted_by);
        str_copy(out->adopted_at, sizeof out->adopted_at, a.adopted_at);
        str_copy(out->adopted_basis, sizeof out->adopted_basis, a.basis);
    } else if (ar != JR_ENOTFOUND) {
        rc = ar;
    }
done:
    free(norms);
    free(model);
    return rc;
}

jr_status tariff_proposal(const jr_ctx *ctx, int32_t year, jr_tariff_basis basis,
                          jr_tariff_proposal *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    jr_status rc = may_read(ctx, err);
    if (rc != JR_OK)
        return rc;
    return proposal_build(ctx, year, basis, out, err);
}

jr_status tariff_proposed_catalog(const jr_ctx *ctx, int32_t year, jr_tariff_basis basis,
                                  jr_tariff_price *out, int cap, int *n, jr_error *err)
{
    *n = 0;
    jr_tariff_proposal *p = malloc(sizeof *p);
    if (!p)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    jr_status rc = tariff_proposal(ctx, year, basis, p, err);
    for (int i = 0; rc == JR_OK && i < p->n && *n < cap; i++) {
        jr_tariff_price *t = &out[(*n)++];
        str_copy(t->product, sizeof t->product, p->rows[i].product);
        t->cents = p->rows[i].proposed;
        t->from = p->from;
        t->to = p->to;
    }
    free(p);
    return rc;
}

static bool same_proposal(const jr_tariff_proposal *a, const jr_tariff_proposal *b)
{
    if (a->year != b->year || a->basis != b->basis || a->n != b->n)
        return false;
    for (int i = 0; i < a->n; i++)
        if (strcmp(a->rows[i].product, b->rows[i].product) != 0 ||
            a->rows[i].proposed != b->rows[i].proposed)
            return false;
    return true;
}

jr_status tariff_adopt(const jr_ctx *ctx, int32_t year, jr_tariff_basis basis,
                       const jr_tariff_proposal *checked, jr_tariff_proposal *out, jr_error *err)
{
    jr_status rc = may_change(ctx, err);
    if (rc != JR_OK)
        return rc;
    jr_tariff_proposal *p = malloc(sizeof *p);
    if (!p)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    if ((rc = store_begin(ctx->store, err)) != JR_OK) {
        free(p);
        return rc;
    }
    rc = proposal_build(ctx, year, basis, p, err);
    if (rc == JR_OK && p->n == 0)
        rc = jr_refuse(err, JR_OK, "proposal_empty", "year",
                       "De catalogus van %d heeft geen product met een tarief om vast te stellen.",
                       (int)year);
    if (rc == JR_OK && checked && !same_proposal(checked, p))
        rc = jr_fail(err, JR_ECONFLICT, "proposal_changed", "year",
                     "De normen van %d zijn gewijzigd terwijl het regiobestand werd gemaakt; "
                     "stel opnieuw vast.",
                     (int)year);
    for (int i = 0; rc == JR_OK && i < p->n; i++) {
        const jr_tariff_prop_row *r = &p->rows[i];
        char id[32], detail[256], a[JR_MONEY_BUF], b[JR_MONEY_BUF];
        snprintf(id, sizeof id, "%d/%s", (int)year, r->product);
        snprintf(detail, sizeof detail, "%s %s: %s -> %s (%s, %+lld promille)", r->code, r->name,
                 r->has_current ? money_format_plain(r->current, a) : "-",
                 money_format_plain(r->proposed, b), r->source, (long long)r->diff_pm);
        rc = audit_record(ctx, "tarief.vastgesteld", "tarief", id, detail, err);
    }
    if (rc == JR_OK) {
        store_tariff_adoption ad;
        memset(&ad, 0, sizeof ad);
        ad.year = year;
        str_copy(ad.basis, sizeof ad.basis, tariff_basis_name(basis));
        ad.products = p->n;
        ad.total_cents = p->total_proposed;
        str_copy(ad.adopted_by, sizeof ad.adopted_by, ctx->actor ? ctx->actor : "onbekend");
        rc = store_tariff_adoption_add(ctx->store, &ad, err);
        if (rc == JR_OK) {
            char id[16], detail[256];
            snprintf(id, sizeof id, "%d", (int)year);
            snprintf(detail, sizeof detail,
                     "catalogus %d vastgesteld op basis %s: %d producten, index %s (factor "
                     "%lld e-8)",
                     (int)year, ad.basis, p->n, tariff_index_method_name(p->index.method),
                     (long long)p->index_e8);
            rc = audit_record(ctx, "tarief.catalogus", "tariefcatalogus", id, detail, err);
            p->adopted = true;
            str_copy(p->adopted_by, sizeof p->adopted_by, ad.adopted_by);
            str_copy(p->adopted_at, sizeof p->adopted_at, ad.adopted_at);
            str_copy(p->adopted_basis, sizeof p->adopted_basis, ad.basis);
        }
    }
    rc = svc_finish(ctx, rc, err);
    if (rc == JR_OK && out)
        *out = *p;
    free(p);
    return rc;
}

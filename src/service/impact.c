/*
 * impact.c (service): the impact analysis (see impact.h): scenarios read
 * from JSON and checked against the catalog, a production file of the old
 * model read whole and checked before it is used, and the analysis: the
 * year's lines streamed once from the store and summed in memory per
 * provider and municipality (a budget assignment's lines per assignment
 * first, so that its year can be capped), then the tables the principal
 * may see. The pricing rules are domain/impact.c.
 */
#include "impact.h"

#include "../core/vec.h"

#include "../core/csv.h"
#include "../core/sbuf.h"
#include "../domain/ident.h"
#include "../store/impact.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- scenarios ---- */

static jr_status prices_from(const jr_ctx *ctx, jr_imp_scenario *sc, const json_t *o,
                             const char *key, const char *source, jr_status rc, jr_error *err)
{
    const char *code;
    json_t *v;
    bool tariff = strcmp(key, "tariffs") == 0;
    json_object_foreach((json_t *)o, code, v)
    {
        char where[96];
        snprintf(where, sizeof where, "%s.%.40s", key, code);
        if (!json_is_integer(v)) {
            rc = jr_refuse(err, rc, tariff ? "tariff_not_whole" : "budget_not_whole", where,
                           "%s: scenario '%s': %s van %.40s is geen heel aantal eurocenten%s.",
                           source, sc->name, tariff ? "het tarief" : "het budget", code,
                           json_is_real(v) ? " (een breuk)" : "");
            continue;
        }
        jr_error e;
        jr_error_clear(&e);
        jr_status r = tariff
                          ? impact_set_tariff(sc, ctx->cat, code, json_integer_value(v), where, &e)
                          : impact_set_budget(sc, ctx->cat, code, json_integer_value(v), where, &e);
        if (r != JR_OK) {
            char msg[sizeof e.message];
            snprintf(msg, sizeof msg, "%s", e.message);
            snprintf(e.message, sizeof e.message, "%s: %s", source, msg);
            rc = jr_refuse_error(err, rc, &e);
        }
    }
    return rc;
}

jr_status impact_scenario_from_json(const jr_ctx *ctx, const json_t *o, const char *source,
                                    jr_imp_scenario *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    if (!json_is_object(o))
        return jr_fail(err, JR_EINVAL, "scenario_invalid", "scenario",
                       "%s: een scenario is een JSON-object {\"name\": ..., \"tariffs\": {...}, "
                       "\"budgets\": {...}}.",
                       source);
    jr_status rc = JR_OK;
    json_t *name = json_object_get(o, "name");
    if (!json_is_string(name) || !json_string_value(name)[0] ||
        strlen(json_string_value(name)) >= sizeof out->name)
        rc = jr_refuse(err, rc, "scenario_name", "name",
                       "%s: het scenario heeft geen naam (\"name\": tekst van 1 tot %d tekens).",
                       source, (int)sizeof out->name - 1);
    else
        snprintf(out->name, sizeof out->name, "%s", json_string_value(name));
    json_t *m = json_object_get(o, "method");
    if (m && (!json_is_string(m) || !impact_method_parse(json_string_value(m), &out->method)))
        rc = jr_refuse(err, rc, "scenario_method", "method",
                       "%s: method is \"capped\" (begrensd op het budget per toewijzing) of "
                       "\"uncapped\" (onbegrensd).",
                       source);
    json_t *t = json_object_get(o, "tariffs");
    if (!json_is_object(t))
        rc = jr_refuse(err, rc, "scenario_tariffs", "tariffs",
                       "%s: \"tariffs\" ontbreekt of is geen object {\"45F01\": eurocenten, ...}.",
                       source);
    else
        rc = prices_from(ctx, out, t, "tariffs", source, rc, err);
    json_t *b = json_object_get(o, "budgets");
    if (b && !json_is_object(b))
        rc = jr_refuse(err, rc, "scenario_budgets", "budgets",
                       "%s: \"budgets\" is een object {\"KB1\": eurocenten, ...}.", source);
    else if (b)
        rc = prices_from(ctx, out, b, "budgets", source, rc, err);
    return rc;
}

static jr_status scenario_parsed(const jr_ctx *ctx, json_t *o, const json_error_t *je,
                                 const char *source, jr_imp_scenario *out, jr_error *err)
{
    if (!o)
        return jr_fail(err, JR_EINVAL, "scenario_malformed", "scenario",
                       "%s: regel %d, kolom %d: geen geldige JSON (%s); het scenario is niet "
                       "gelezen.",
                       source, je->line, je->column, je->text);
    jr_status rc = impact_scenario_from_json(ctx, o, source, out, err);
    json_decref(o);
    return rc;
}

jr_status impact_scenario_load(const jr_ctx *ctx, const char *path, jr_imp_scenario *out,
                               jr_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return jr_fail(err, JR_EIO, "file_unreadable", "scenario", "%s: niet te lezen: %s", path,
                       strerror(errno));
    json_error_t je;
    json_t *o = json_loadf(f, JSON_REJECT_DUPLICATES, &je);
    fclose(f);
    const char *base = strrchr(path, '/');
    return scenario_parsed(ctx, o, &je, base ? base + 1 : path, out, err);
}

jr_status impact_scenario_text(const jr_ctx *ctx, const char *text, const char *source,
                               jr_imp_scenario *out, jr_error *err)
{
    json_error_t je;
    json_t *o = json_loads(text, JSON_REJECT_DUPLICATES, &je);
    return scenario_parsed(ctx, o, &je, source, out, err);
}

/* ---- a production file of the old model ---- */

typedef struct {
    int32_t prov; /* index into agb */
    int32_t gem;  /* index of the catalog's municipalities */
    char product[8];
    char unit[3];
    int64_t volume;
    jr_cents amount;
} prow;

struct jr_imp_production {
    prow *rows;
    size_t n, cap;
    char (*agb)[9];
    size_t nagb, capagb;
};

void impact_production_free(jr_imp_production *p)
{
    if (!p)
        return;
    free(p->rows);
    free(p->agb);
    free(p);
}

enum { PC_AGB, PC_GEMEENTE, PC_PROFILE, PC_PRODUCT, PC_UNIT, PC_VOLUME, PC_AMOUNT, PC_COUNT };
static const char *const prod_cols[PC_COUNT] = {"agb",  "gemeente", "profile",     "product",
                                                "unit", "volume",   "amount_cents"};
#define PROD_HEADER "agb,gemeente,profile,product,unit,volume,amount_cents"

/* header: maps the columns of names (want of them) to map; refuses unknown,
 * doubled and missing columns */
static jr_status header(char **f, int n, const char *const *names, int want, int *map,
                        const char *file, const char *hdr, jr_error *err)
{
    jr_status rc = JR_OK;
    for (int c = 0; c < want; c++)
        map[c] = -1;
    for (int i = 0; i < n; i++) {
        int c = 0;
        while (c < want && strcmp(f[i], names[c]) != 0)
            c++;
        if (c == want)
            rc = jr_refuse(err, rc, "csv_header", "header",
                           "%s: regel 1: kolom '%.40s' is onbekend; de kopregel is %s.", file, f[i],
                           hdr);
        else
            map[c] = i;
    }
    for (int c = 0; c < want; c++)
        if (map[c] < 0)
            rc = jr_refuse(err, rc, "csv_header", names[c],
                           "%s: regel 1: kolom %s ontbreekt; de kopregel is %s.", file, names[c],
                           hdr);
    return rc;
}

static bool whole(const char *s, int64_t *out)
{
    if (!*s || strlen(s) > 15)
        return false;
    int64_t v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        v = v * 10 + (*p - '0');
    }
    *out = v;
    return true;
}

typedef struct {
    char profile[32];
    char product[8];
} pmap;

/* read_profiles: the mapping file into *m (n of them) */
static jr_status read_profiles(const jr_ctx *ctx, FILE *in, const char *name, pmap **m, size_t *n,
                               jr_error *err)
{
    static const char *const cols[2] = {"profile", "product"};
    jr_csv *c = csv_open(in);
    if (!c)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    char **f;
    int nf, map[2];
    size_t cap = 0;
    jr_error e;
    jr_error_clear(&e);
    jr_status rc = JR_OK;
    int got = csv_next(c, &f, &nf, &e);
    if (got <= 0) {
        rc = jr_fail(err, JR_EINVAL, "csv_empty", "profiles",
                     "%s: geen kopregel profile,product%s%s.", name, got < 0 ? ": " : "",
                     got < 0 ? e.message : "");
        goto done;
    }
    if ((rc = header(f, nf, cols, 2, map, name, "profile,product", err)) != JR_OK)
        goto done;
    while ((got = csv_next(c, &f, &nf, &e)) != 0) {
        long line = csv_line(c);
        if (got < 0) {
            rc = jr_refuse(err, rc, "csv_malformed", "profiles", "%s: %s", name, e.message);
            break;
        }
        const char *prof = map[0] < nf ? f[map[0]] : "", *prod = map[1] < nf ? f[map[1]] : "";
        if (!prof[0] || strlen(prof) >= sizeof(*m)->profile) {
            rc = jr_refuse(err, rc, "profile_invalid", "profile",
                           "%s: regel %ld, kolom profile: geen profiel (1 tot %d tekens).", name,
                           line, (int)sizeof(*m)->profile - 1);
            continue;
        }
        if (strlen(prod) >= sizeof(*m)->product || !catalog_product(ctx->cat, prod)) {
            rc = jr_refuse(err, rc, "product_unknown", "product",
                           "%s: regel %ld, kolom product: '%.20s' is geen productcode van de "
                           "catalogus.",
                           name, line, prod);
            continue;
        }
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            pmap *v = realloc(*m, cap * sizeof *v);
            if (!v) {
                rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
                break;
            }
            *m = v;
        }
        snprintf((*m)[*n].profile, sizeof(*m)[*n].profile, "%s", prof);
        snprintf((*m)[*n].product, sizeof(*m)[*n].product, "%s", prod);
        (*n)++;
    }
done:
    csv_close(c);
    return rc;
}

static int32_t agb_index(jr_imp_production *p, const char *agb)
{
    for (size_t i = 0; i < p->nagb; i++)
        if (strcmp(p->agb[i], agb) == 0)
            return (int32_t)i;
    if (p->nagb == p->capagb) {
        size_t cap = p->capagb ? p->capagb * 2 : 64;
        char(*v)[9] = realloc(p->agb, cap * sizeof *v);
        if (!v)
            return -1;
        p->agb = v;
        p->capagb = cap;
    }
    snprintf(p->agb[p->nagb], 9, "%s", agb);
    return (int32_t)p->nagb++;
}

static int cat_gem(const jr_catalog *cat, const char *cbs)
{
    for (int i = 0; i < cat->nmunicipalities; i++)
        if (strcmp(cat->municipalities[i].cbs, cbs) == 0)
            return i;
    return -1;
}

/* refuse_row: jr_refuse for a field of a row, marking the row bad */
static jr_status refuse_row(jr_error *err, jr_status rc, bool *bad, const char *code,
                            const char *field, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static jr_status refuse_row(jr_error *err, jr_status rc, bool *bad, const char *code,
                            const char *field, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    *bad = true;
    return jr_refuse(err, rc, code, field, "%s", msg);
}

jr_status impact_production_csv(const jr_ctx *ctx, FILE *in, const char *name, FILE *profiles,
                                const char *profiles_name, jr_imp_production **out, jr_error *err)
{
    *out = NULL;
    pmap *pm = NULL;
    size_t npm = 0;
    jr_status rc = JR_OK;
    if (profiles && (rc = read_profiles(ctx, profiles, profiles_name ? profiles_name : "profielen",
                                        &pm, &npm, err)) != JR_OK) {
        free(pm);
        return rc;
    }
    jr_imp_production *p = calloc(1, sizeof *p);
    jr_csv *c = csv_open(in);
    if (!p || !c) {
        free(pm);
        free(p);
        csv_close(c);
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    }
    char **f;
    int nf, map[PC_COUNT];
    jr_error e;
    jr_error_clear(&e);
    int got = csv_next(c, &f, &nf, &e);
    if (got <= 0) {
        rc = jr_fail(err, JR_EINVAL, got < 0 ? "csv_malformed" : "csv_empty", "productie",
                     "%s: %s; de eerste regel is de kopregel " PROD_HEADER ".", name,
                     got < 0 ? e.message : "het bestand is leeg");
        goto done;
    }
    if ((rc = header(f, nf, prod_cols, PC_COUNT, map, name, PROD_HEADER, err)) != JR_OK)
        goto done;
    while ((got = csv_next(c, &f, &nf, &e)) != 0) {
        long line = csv_line(c);
        if (got < 0) {
            rc = jr_refuse(err, rc, "csv_malformed", "productie",
                           "%s: %s; het bestand is niet "
                           "gebruikt.",
                           name, e.message);
            break;
        }
        const char *v[PC_COUNT];
        for (int k = 0; k < PC_COUNT; k++)
            v[k] = map[k] < nf ? f[map[k]] : "";
        prow r = {0};
        bool bad = false; /* the row's refusals join err after the file's first */
        if (!agb_valid(v[PC_AGB]))
            rc = refuse_row(err, rc, &bad, "agb_invalid", "agb",
                            "%s: regel %ld, kolom agb: '%.20s' is geen AGB-code (8 cijfers).", name,
                            line, v[PC_AGB]);
        if ((r.gem = cat_gem(ctx->cat, v[PC_GEMEENTE])) < 0)
            rc = refuse_row(err, rc, &bad, "gemeente_unknown", "gemeente",
                            "%s: regel %ld, kolom gemeente: '%.20s' is geen gemeente van de regio.",
                            name, line, v[PC_GEMEENTE]);
        const char *prod = v[PC_PRODUCT];
        if (!prod[0] && v[PC_PROFILE][0])
            for (size_t i = 0; i < npm; i++)
                if (strcmp(pm[i].profile, v[PC_PROFILE]) == 0)
                    prod = pm[i].product;
        if (!prod[0])
            rc = refuse_row(err, rc, &bad, "product_missing", "product",
                            "%s: regel %ld, kolom product: leeg, en profiel '%.30s' staat niet in "
                            "de vertaling van profielen naar producten.",
                            name, line, v[PC_PROFILE]);
        else if (strlen(prod) >= sizeof r.product || !catalog_product(ctx->cat, prod))
            rc = refuse_row(err, rc, &bad, "product_unknown", "product",
                            "%s: regel %ld, kolom product: '%.20s' is geen productcode van de "
                            "catalogus.",
                            name, line, prod);
        else
            snprintf(r.product, sizeof r.product, "%s", prod);
        if (strcmp(v[PC_UNIT], "01") != 0 && strcmp(v[PC_UNIT], "04") != 0 &&
            strcmp(v[PC_UNIT], "14") != 0)
            rc =
                refuse_row(err, rc, &bad, "unit_invalid", "unit",
                           "%s: regel %ld, kolom unit: '%.10s' is geen eenheid (01 minuut, 04 uur, "
                           "14 etmaal).",
                           name, line, v[PC_UNIT]);
        else
            snprintf(r.unit, sizeof r.unit, "%s", v[PC_UNIT]);
        if (!whole(v[PC_VOLUME], &r.volume) || r.volume == 0)
            rc = refuse_row(err, rc, &bad, "volume_invalid", "volume",
                            "%s: regel %ld, kolom volume: '%.20s' is geen heel getal boven nul.",
                            name, line, v[PC_VOLUME]);
        if (!whole(v[PC_AMOUNT], &r.amount))
            rc =
                refuse_row(err, rc, &bad, "amount_invalid", "amount_cents",
                           "%s: regel %ld, kolom amount_cents: '%.20s' is geen heel, niet-negatief "
                           "aantal eurocenten.",
                           name, line, v[PC_AMOUNT]);
        if (bad)
            continue;
        if (p->n >= JR_IMP_CSV_ROWS_MAX) {
            rc = jr_refuse(err, rc, "csv_too_many", "productie",
                           "%s: regel %ld: meer dan %d rijen.", name, line, JR_IMP_CSV_ROWS_MAX);
            break;
        }
        if ((r.prov = agb_index(p, v[PC_AGB])) < 0) {
            rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
            break;
        }
        prow *nv = vec_grow(p->rows, p->n, &p->cap, sizeof *nv, 256);
        if (!nv) {
            rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
            break;
        }
        p->rows = nv;
        p->rows[p->n++] = r;
    }
    if (rc == JR_OK && p->n == 0)
        rc = jr_fail(err, JR_EINVAL, "csv_empty", "productie",
                     "%s: geen rijen onder de kopregel " PROD_HEADER ".", name);
done:
    csv_close(c);
    free(pm);
    if (rc != JR_OK)
        impact_production_free(p);
    else
        *out = p;
    return rc;
}

/* ---- the analysis ---- */

#define GEM_CAP (JR_MAX_MUNICIPALITIES + 32)

typedef struct {
    char code[8];
    int has[JR_IMP_SCEN_MAX];
    jr_cents tariff[JR_IMP_SCEN_MAX];
    jr_cents unpriced[JR_IMP_SCEN_MAX];
} prod_entry;

/* one budget assignment's year, in the order its first line came: the
   lines of a batch meet their assignments in nearly the same order month
   after month, so these are read nearly in sequence */
typedef struct {
    jr_imp_amounts sum; /* its lines of the year */
    int32_t cell;       /* the provider and municipality of its lines */
    int32_t id;         /* the assignment */
} asg_sum;

typedef struct {
    const jr_ctx *ctx;
    const jr_imp_scenario *scen;
    int nscen;
    int ngem;
    char gem[GEM_CAP][5];
    int last_gem;
    size_t nprov;          /* provider index space */
    jr_imp_amounts *cells; /* nprov x GEM_CAP */
    unsigned char *used;   /* the same: a line or row counted there */
    int nprod;
    prod_entry prod[JR_MAX_PRODUCTS * 2];
    int last_prod;
    /* budget assignments, by id (database only): slot -2 no budget
       assignment, -1 one without a line yet, else its index in asg */
    int64_t nasg;
    int32_t *slot;
    int16_t *kb;   /* -1: no keuzebudget (a quote), else its index in the catalog */
    jr_cents *own; /* its budget */
    asg_sum *asg;
    size_t nsum, capsum;
    int64_t lines;
    jr_status rc;
    jr_error *err;
} acc;

static int gem_of(acc *a, const char *cbs)
{
    if (a->last_gem >= 0 && strcmp(a->gem[a->last_gem], cbs) == 0)
        return a->last_gem;
    for (int i = 0; i < a->ngem; i++)
        if (strcmp(a->gem[i], cbs) == 0)
            return a->last_gem = i;
    if (a->ngem == GEM_CAP || strlen(cbs) >= 5)
        return -1;
    snprintf(a->gem[a->ngem], 5, "%s", cbs);
    return a->last_gem = a->ngem++;
}

static prod_entry *prod_of(acc *a, const char *code)
{
    if (a->last_prod >= 0 && strcmp(a->prod[a->last_prod].code, code) == 0)
        return &a->prod[a->last_prod];
    for (int i = 0; i < a->nprod; i++)
        if (strcmp(a->prod[i].code, code) == 0) {
            a->last_prod = i;
            return &a->prod[i];
        }
    if (a->nprod == (int)(sizeof a->prod / sizeof a->prod[0]) || strlen(code) >= 8)
        return NULL;
    prod_entry *p = &a->prod[a->nprod];
    memset(p, 0, sizeof *p);
    snprintf(p->code, sizeof p->code, "%s", code);
    for (int s = 0; s < a->nscen; s++)
        p->has[s] = impact_tariff(&a->scen[s], code, &p->tariff[s]);
    a->last_prod = a->nprod;
    return &a->prod[a->nprod++];
}

/* price: one line into *sum */
static bool price(acc *a, const jr_imp_line *l, jr_imp_amounts *sum)
{
    prod_entry *p = prod_of(a, l->product);
    if (!p)
        return false;
    jr_cents cur = 0, sc;
    for (int s = 0; s < a->nscen; s++) {
        impact_line_priced(l, p->has[s] ? &p->tariff[s] : NULL, &cur, &sc);
        sum->scen[s] += sc;
        if (!p->has[s])
            p->unpriced[s] += cur;
    }
    sum->current += cur;
    return true;
}

static int stop(acc *a, jr_status st, const char *code, const char *msg)
{
    a->rc = jr_fail(a->err, st, code, "", "%s", msg);
    return 1;
}

static int on_line(void *ud, const void *row)
{
    acc *a = ud;
    const store_imp_line *l = row;
    int g = gem_of(a, l->gemeente);
    if (g < 0)
        return stop(a, JR_EDB, "impact_gemeente", "Te veel gemeenten in de declaraties.");
    if (l->provider_id < 0 || (size_t)l->provider_id >= a->nprov)
        return stop(a, JR_EDB, "impact_provider",
                    "Een declaratieregel noemt een onbekende "
                    "aanbieder.");
    size_t c = (size_t)l->provider_id * GEM_CAP + (size_t)g;
    jr_imp_line il = {l->product, l->unit, l->volume, l->credit, l->amount_cents};
    jr_imp_amounts *sum = &a->cells[c];
    int64_t id = l->assignment_id;
    if (id > 0 && id < a->nasg && a->slot[id] != -2) {
        int32_t k = a->slot[id];
        if (k < 0) {
            if (a->nsum == a->capsum) {
                size_t cap = a->capsum ? a->capsum * 2 : 4096;
                asg_sum *v = realloc(a->asg, cap * sizeof *v);
                if (!v)
                    return stop(a, JR_ENOMEM, "no_memory", "Onvoldoende geheugen.");
                a->asg = v;
                a->capsum = cap;
            }
            k = (int32_t)a->nsum++;
            memset(&a->asg[k], 0, sizeof a->asg[k]);
            a->asg[k].cell = (int32_t)c;
            a->asg[k].id = (int32_t)id;
            a->slot[id] = k;
        }
        sum = &a->asg[k].sum;
    }
    if (!price(a, &il, sum))
        return stop(a, JR_EDB, "impact_product", "Te veel producten in de declaraties.");
    a->used[c] = 1;
    a->lines++;
    return 0;
}

static int on_budget(void *ud, const void *row)
{
    acc *a = ud;
    const store_imp_budget *b = row;
    if (b->id <= 0 || b->id >= a->nasg)
        return 0;
    int16_t k = -1;
    for (int i = 0; i < a->ctx->cat->nbudgets; i++)
        if (strcmp(a->ctx->cat->budgets[i].code, b->kb) == 0)
            k = (int16_t)i;
    a->slot[b->id] = -1;
    a->kb[b->id] = k;
    a->own[b->id] = b->budget_cents;
    return 0;
}

typedef struct {
    size_t nprov;
    char (*agb)[9];
    char (*name)[96];
} names;

static int on_provider(void *ud, const void *row)
{
    names *n = ud;
    const store_imp_provider *p = row;
    if (p->id >= 0 && (size_t)p->id < n->nprov) {
        snprintf(n->agb[p->id], 9, "%s", p->agb);
        snprintf(n->name[p->id], 96, "%s", p->name);
    }
    return 0;
}

/* names of a file's providers, from the store where it knows them */
typedef struct {
    const jr_imp_production *f;
    char (*name)[96];
} file_names;

static int on_file_provider(void *ud, const void *row)
{
    file_names *n = ud;
    const store_imp_provider *p = row;
    for (size_t i = 0; i < n->f->nagb; i++)
        if (strcmp(n->f->agb[i], p->agb) == 0)
            snprintf(n->name[i], 96, "%s", p->name);
    return 0;
}

static void add_amounts(jr_imp_amounts *to, const jr_imp_amounts *x, int nscen)
{
    to->current += x->current;
    for (int s = 0; s < nscen; s++)
        to->scen[s] += x->scen[s];
}

static int unpriced_cmp(const void *x, const void *y)
{
    return strcmp(((const jr_imp_unpriced *)x)->code, ((const jr_imp_unpriced *)y)->code);
}

static int row_cmp(const void *x, const void *y)
{
    return strcmp(((const jr_imp_row *)x)->code, ((const jr_imp_row *)y)->code);
}

void impact_free(jr_impact *r)
{
    if (!r)
        return;
    free(r->providers);
    free(r->municipalities);
    r->providers = r->municipalities = NULL;
    r->nproviders = r->nmunicipalities = 0;
}

static void acc_free(acc *a)
{
    free(a->cells);
    free(a->used);
    free(a->slot);
    free(a->kb);
    free(a->own);
    free(a->asg);
}

/* read_database: the year's lines into a's cells */
static jr_status read_database(acc *a, int32_t year, jr_error *err)
{
    int64_t max_asg, max_prov;
    jr_status rc = store_impact_max_ids(a->ctx->store, &max_asg, &max_prov, err);
    if (rc != JR_OK)
        return rc;
    a->nprov = (size_t)max_prov + 1;
    a->nasg = max_asg + 1;
    a->cells = calloc(a->nprov * GEM_CAP, sizeof *a->cells);
    a->used = calloc(a->nprov * GEM_CAP, 1);
    if (max_asg >= INT32_MAX)
        return jr_fail(err, JR_EDB, "impact_ids", "", "Te veel toewijzingen voor de analyse.");
    a->slot = malloc((size_t)a->nasg * sizeof *a->slot);
    a->kb = calloc((size_t)a->nasg, sizeof *a->kb);
    a->own = calloc((size_t)a->nasg, sizeof *a->own);
    if (!a->cells || !a->used || !a->slot || !a->kb || !a->own)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    for (int64_t i = 0; i < a->nasg; i++)
        a->slot[i] = -2;
    if ((rc = store_impact_budgets(a->ctx->store, 1, max_asg, on_budget, a, err)) != JR_OK)
        return rc;
    if ((rc = store_impact_lines(a->ctx->store, year, on_line, a, err)) != JR_OK)
        return rc;
    return a->rc;
}

/* cap_budgets: each budget assignment's year, capped, into its cell */
static void cap_budgets(acc *a, jr_impact *out)
{
    const jr_catalog *cat = a->ctx->cat;
    for (size_t i = 0; i < a->nsum; i++) {
        const asg_sum *x = &a->asg[i];
        const jr_imp_amounts *s = &x->sum;
        jr_imp_amounts *c = &a->cells[x->cell];
        const char *kb = a->kb[x->id] >= 0 ? cat->budgets[a->kb[x->id]].code : "";
        c->current += s->current;
        for (int k = 0; k < a->nscen; k++) {
            jr_cents v = impact_cap(&a->scen[k], kb, a->own[x->id], s->scen[k]);
            if (v < s->scen[k]) {
                out->caps[k].capped++;
                out->caps[k].capped_cents += s->scen[k] - v;
            }
            c->scen[k] += v;
        }
    }
}

/* scope: whether the principal may; *gem its municipality ("" none),
 * *providers whether it sees them */
static jr_status scope(const jr_ctx *ctx, char gem[5], bool *providers, jr_error *err)
{
    gem[0] = '\0';
    *providers = true;
    switch (ctx->who.role) {
    case JR_ROLE_SYSTEM:
    case JR_ROLE_BEHEERDER:
    case JR_ROLE_RSJ:
        return JR_OK;
    case JR_ROLE_GEMEENTE:
        snprintf(gem, 5, "%s", ctx->who.gemeente);
        return JR_OK;
    case JR_ROLE_LEZER:
        *providers = false;
        return JR_OK;
    default:
        return jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                       "De rol %s mag de impactanalyse niet inzien: die is voor het RSJ, de "
                       "gemeenten en lezers (totalen).",
                       role_name(ctx->who.role));
    }
}

jr_status impact_may(const jr_ctx *ctx, jr_error *err)
{
    char gem[5];
    bool providers;
    return scope(ctx, gem, &providers, err);
}

jr_status impact_analyse(const jr_ctx *ctx, int32_t year, const jr_imp_scenario *scen, int nscen,
                         const jr_imp_production *file, jr_impact *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    jr_status rc = scope(ctx, out->gemeente, &out->providers_shown, err);
    if (rc != JR_OK)
        return rc;
    if (year < JR_IMP_YEAR_MIN || year > JR_IMP_YEAR_MAX)
        rc = jr_refuse(err, rc, "year_invalid", "year", "Het jaar %d ligt niet tussen %d en %d.",
                       (int)year, JR_IMP_YEAR_MIN, JR_IMP_YEAR_MAX);
    if (nscen < 1 || nscen > JR_IMP_SCEN_MAX)
        rc = jr_refuse(err, rc, "scenario_count", "scenario",
                       "Geef een of twee scenario's (nu %d).", nscen);
    else if (nscen == 2 && strcmp(scen[0].name, scen[1].name) == 0)
        rc = jr_refuse(err, rc, "scenario_names", "scenario",
                       "De twee scenario's heten allebei '%s'; geef ze elk een eigen naam.",
                       scen[0].name);
    if (rc != JR_OK)
        return rc;
    out->year = year;
    out->nscen = nscen;
    memcpy(out->scen, scen, (size_t)nscen * sizeof *scen);
    out->from_file = file != NULL;
    out->caps_apply = file == NULL;
    snprintf(out->source, sizeof out->source, "%s", file ? "bestand" : "database");
    acc *a = calloc(1, sizeof *a);
    names nm = {0};
    if (!a)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    a->ctx = ctx;
    a->scen = scen;
    a->nscen = nscen;
    a->last_gem = a->last_prod = -1;
    a->err = err;
    for (int i = 0; i < ctx->cat->nmunicipalities; i++)
        gem_of(a, ctx->cat->municipalities[i].cbs);
    if (file) {
        a->nprov = file->nagb;
        a->cells = calloc(a->nprov * GEM_CAP + 1, sizeof *a->cells);
        a->used = calloc(a->nprov * GEM_CAP + 1, 1);
        if (!a->cells || !a->used) {
            rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
            goto done;
        }
        for (size_t i = 0; i < file->n; i++) {
            const prow *r = &file->rows[i];
            size_t c = (size_t)r->prov * GEM_CAP + (size_t)r->gem;
            jr_imp_line il = {r->product, r->unit, r->volume, false, r->amount};
            if (!price(a, &il, &a->cells[c])) {
                rc = jr_fail(err, JR_EINVAL, "too_many_products", "", "Te veel producten.");
                goto done;
            }
            a->used[c] = 1;
            a->lines++;
        }
    } else {
        if ((rc = store_begin(ctx->store, err)) != JR_OK)
            goto done;
        rc = read_database(a, year, err);
        store_rollback(ctx->store); /* read only */
        if (rc != JR_OK)
            goto done;
        cap_budgets(a, out);
    }
    out->lines = a->lines;
    /* names */
    nm.nprov = a->nprov;
    nm.agb = calloc(a->nprov + 1, sizeof *nm.agb);
    nm.name = calloc(a->nprov + 1, sizeof *nm.name);
    if (!nm.agb || !nm.name) {
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
        goto done;
    }
    if (file) {
        for (size_t i = 0; i < file->nagb; i++)
            snprintf(nm.agb[i], 9, "%s", file->agb[i]);
        file_names fn = {file, nm.name};
        rc = store_impact_providers(ctx->store, on_file_provider, &fn, err);
    } else {
        rc = store_impact_providers(ctx->store, on_provider, &nm, err);
    }
    if (rc != JR_OK)
        goto done;
    /* the tables within the principal's scope */
    int own = out->gemeente[0] ? -1 : -2; /* -2: every municipality */
    if (out->gemeente[0])
        for (int g = 0; g < a->ngem; g++)
            if (strcmp(a->gem[g], out->gemeente) == 0)
                own = g;
    out->providers = calloc(a->nprov + 1, sizeof *out->providers);
    out->municipalities = calloc((size_t)a->ngem + 1, sizeof *out->municipalities);
    if (!out->providers || !out->municipalities) {
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
        goto done;
    }
    bool gused[GEM_CAP] = {0};
    jr_imp_amounts gsum[GEM_CAP];
    memset(gsum, 0, sizeof gsum);
    for (size_t p = 0; p < a->nprov; p++) {
        jr_imp_row row = {0};
        bool any = false;
        for (int g = 0; g < a->ngem; g++) {
            size_t c = p * GEM_CAP + (size_t)g;
            if (!a->used[c])
                continue;
            add_amounts(&out->total, &a->cells[c], nscen);
            add_amounts(&gsum[g], &a->cells[c], nscen);
            gused[g] = true;
            if (own == -2 || own == g) {
                add_amounts(&row.a, &a->cells[c], nscen);
                any = true;
            }
        }
        if (any && out->providers_shown) {
            snprintf(row.code, sizeof row.code, "%s", nm.agb[p]);
            snprintf(row.name, sizeof row.name, "%s", nm.name[p]);
            out->providers[out->nproviders++] = row;
        }
    }
    for (int g = 0; g < a->ngem; g++) {
        if (!gused[g] || (own != -2 && own != g))
            continue;
        jr_imp_row *row = &out->municipalities[out->nmunicipalities++];
        snprintf(row->code, sizeof row->code, "%s", a->gem[g]);
        const jr_municipality *m = catalog_municipality(ctx->cat, a->gem[g]);
        snprintf(row->name, sizeof row->name, "%s", m ? m->name : "");
        row->a = gsum[g];
    }
    qsort(out->providers, out->nproviders, sizeof *out->providers, row_cmp);
    qsort(out->municipalities, out->nmunicipalities, sizeof *out->municipalities, row_cmp);
    for (int s = 0; s < nscen; s++)
        for (int i = 0; i < a->nprod; i++)
            if (!a->prod[i].has[s] && out->nunpriced[s] < JR_MAX_PRODUCTS) {
                jr_imp_unpriced *u = &out->unpriced[s][out->nunpriced[s]++];
                snprintf(u->code, sizeof u->code, "%s", a->prod[i].code);
                u->current = a->prod[i].unpriced[s];
            }
    for (int s = 0; s < nscen; s++)
        qsort(out->unpriced[s], (size_t)out->nunpriced[s], sizeof out->unpriced[s][0],
              unpriced_cmp);
done:
    free(nm.agb);
    free(nm.name);
    acc_free(a);
    free(a);
    return rc;
}

jr_status impact_template_scenario(const jr_ctx *ctx, int32_t year, jr_imp_scenario *out,
                                   jr_error *err)
{
    memset(out, 0, sizeof *out);
    char gem[5];
    bool providers;
    jr_status rc = scope(ctx, gem, &providers, err);
    if (rc != JR_OK)
        return rc;
    jr_date mid;
    if (year < JR_IMP_YEAR_MIN || year > JR_IMP_YEAR_MAX || !date_from_ymd(year, 7, 1, &mid))
        return jr_fail(err, JR_EINVAL, "year_invalid", "year",
                       "Het jaar %d ligt niet tussen %d en %d.", (int)year, JR_IMP_YEAR_MIN,
                       JR_IMP_YEAR_MAX);
    snprintf(out->name, sizeof out->name, "catalogus %d", (int)year);
    const jr_catalog *cat = ctx->cat;
    for (int i = 0; i < cat->nproducts && rc == JR_OK; i++) {
        jr_cents t;
        if (product_tariff(&cat->products[i], mid, &t))
            rc = impact_set_tariff(out, cat, cat->products[i].code, t, "tariffs", err);
    }
    for (int i = 0; i < cat->nbudgets && rc == JR_OK; i++) {
        jr_cents t;
        if (budget_amount(&cat->budgets[i], mid, &t))
            rc = impact_set_budget(out, cat, cat->budgets[i].code, t, "budgets", err);
    }
    return rc;
}

size_t impact_losers(const jr_impact *r, int s, size_t n, size_t *idx)
{
    size_t k = 0;
    if (s < 0 || s >= r->nscen)
        return 0;
    for (size_t i = 0; i < r->nproviders; i++) {
        const jr_imp_amounts *x = &r->providers[i].a;
        jr_cents d = x->scen[s] - x->current;
        if (d >= 0)
            continue;
        /* insertion into the sorted top n: largest loss first, then AGB (the rows are by AGB) */
        size_t j = k < n ? k++ : n;
        while (j > 0) {
            const jr_imp_amounts *y = &r->providers[idx[j - 1]].a;
            if (y->scen[s] - y->current <= d)
                break;
            if (j < n)
                idx[j] = idx[j - 1];
            j--;
        }
        if (j < n)
            idx[j] = i;
    }
    return k;
}

/* ---- named scenarios ---- */

static json_t *prices_json(const jr_imp_price *v, int n)
{
    json_t *o = json_object();
    for (int i = 0; o && i < n; i++)
        json_object_set_new(o, v[i].code, json_integer(v[i].cents));
    return o;
}

json_t *impact_scenario_json(const jr_imp_scenario *sc)
{
    return json_pack("{s:s, s:s, s:o, s:o}", "name", sc->name, "method",
                     impact_method_name(sc->method), "tariffs",
                     prices_json(sc->tariffs, sc->ntariffs), "budgets",
                     prices_json(sc->budgets, sc->nbudgets));
}

jr_status impact_may_save(const jr_ctx *ctx, jr_error *err)
{
    jr_role r = ctx->who.role;
    if (r == JR_ROLE_SYSTEM || r == JR_ROLE_BEHEERDER || r == JR_ROLE_RSJ)
        return JR_OK;
    return jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                   "De rol %s mag geen scenario's opslaan of verwijderen: dat doet het RSJ.",
                   role_name(r));
}

typedef struct {
    const jr_ctx *ctx;
    jr_imp_saved *out;
    char old[8192]; /* the text replaced, for the audit */
    jr_row_fn fn;
    void *ud;
} saved_ud;

static void saved_from(const jr_ctx *ctx, const store_imp_scenario *row, jr_imp_saved *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->saved_by, sizeof out->saved_by, "%s", row->saved_by);
    snprintf(out->saved_at, sizeof out->saved_at, "%s", row->saved_at);
    jr_error e;
    jr_error_clear(&e);
    out->valid = impact_scenario_text(ctx, row->scenario, row->name, &out->sc, &e) == JR_OK;
    if (!out->valid) {
        snprintf(out->problem, sizeof out->problem, "%s", e.message);
        snprintf(out->sc.name, sizeof out->sc.name, "%s", row->name);
    }
}

static int on_saved_one(void *ud, const void *row)
{
    saved_ud *u = ud;
    const store_imp_scenario *r = row;
    snprintf(u->old, sizeof u->old, "%s", r->scenario);
    if (u->out)
        saved_from(u->ctx, r, u->out);
    return 0;
}

static int on_saved_each(void *ud, const void *row)
{
    saved_ud *u = ud;
    saved_from(u->ctx, row, u->out);
    return u->fn(u->ud, u->out);
}

jr_status impact_scenario_save(const jr_ctx *ctx, const jr_imp_scenario *sc, bool *replaced,
                               jr_error *err)
{
    jr_status rc = impact_may_save(ctx, err);
    if (rc != JR_OK)
        return rc;
    if (!sc->name[0])
        return jr_fail(err, JR_EINVAL, "scenario_name", "name", "Het scenario heeft geen naam.");
    json_t *o = impact_scenario_json(sc);
    char *text = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(o);
    saved_ud *u = calloc(1, sizeof *u);
    if (!text || !u) {
        free(text);
        free(u);
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    }
    u->ctx = ctx;
    bool had = false;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        goto done;
    rc = store_impact_scenario_get(ctx->store, sc->name, on_saved_one, u, err);
    if (rc == JR_ENOTFOUND)
        rc = JR_OK;
    if (rc == JR_OK)
        rc = store_impact_scenario_put(ctx->store, sc->name, text, ctx->actor ? ctx->actor : "",
                                       &had, err);
    if (rc == JR_OK) {
        sbuf d = SBUF_INIT;
        char head[160];
        snprintf(head, sizeof head, "%d tarieven, %d budgetten, %s%s", sc->ntariffs, sc->nbudgets,
                 impact_method_name(sc->method), had ? "; was: " : "");
        if (sbuf_puts(&d, head) != 0 || (had && sbuf_puts(&d, u->old) != 0))
            rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
        else
            rc = audit_record(ctx, had ? "impactscenario.vervangen" : "impactscenario.opgeslagen",
                              "impactscenario", sc->name, sbuf_cstr(&d), err);
        sbuf_free(&d);
    }
    rc = svc_finish(ctx, rc, err);
    if (rc == JR_OK && replaced)
        *replaced = had;
done:
    free(text);
    free(u);
    return rc;
}

jr_status impact_scenario_find(const jr_ctx *ctx, const char *name, jr_imp_saved *out,
                               jr_error *err)
{
    jr_status rc = impact_may(ctx, err);
    if (rc != JR_OK)
        return rc;
    saved_ud *u = calloc(1, sizeof *u);
    if (!u)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    u->ctx = ctx;
    u->out = out;
    rc = store_impact_scenario_get(ctx->store, name, on_saved_one, u, err);
    free(u);
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "scenario_unknown", "scenario",
                       "Er is geen opgeslagen scenario '%.63s'.", name);
    if (rc == JR_OK && !out->valid)
        return jr_fail(err, JR_EINVAL, "scenario_invalid", "scenario",
                       "Het opgeslagen scenario '%.63s' past niet meer bij de catalogus: %.400s",
                       name, out->problem);
    return rc;
}

jr_status impact_scenario_list(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err)
{
    jr_status rc = impact_may(ctx, err);
    if (rc != JR_OK)
        return rc;
    saved_ud *u = calloc(1, sizeof *u);
    jr_imp_saved *row = calloc(1, sizeof *row);
    if (!u || !row)
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    else {
        u->ctx = ctx;
        u->out = row;
        u->fn = fn;
        u->ud = ud;
        rc = store_impact_scenario_list(ctx->store, on_saved_each, u, err);
    }
    free(u);
    free(row);
    return rc;
}

jr_status impact_scenario_delete(const jr_ctx *ctx, const char *name, jr_error *err)
{
    jr_status rc = impact_may_save(ctx, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_impact_scenario_delete(ctx->store, name, err);
    if (rc == JR_ENOTFOUND)
        rc = jr_fail(err, JR_ENOTFOUND, "scenario_unknown", "scenario",
                     "Er is geen opgeslagen scenario '%.63s'.", name);
    if (rc == JR_OK)
        rc = audit_record(ctx, "impactscenario.verwijderd", "impactscenario", name, "verwijderd",
                          err);
    return svc_finish(ctx, rc, err);
}

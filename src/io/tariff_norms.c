/*
 * tariff_norms.c (io): the norms file of the tariff model and the region
 * file with an adopted year's tariffs (see tariff_norms.h), via jansson.
 */
#include "tariff_norms.h"

#include "../config/region.h"
#include "../core/sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    const char *file;
    jr_error *err;
} rd;

static jr_status bad(rd *r, const char *field, const char *what)
{
    return jr_fail(r->err, JR_EINVAL, "norms_invalid", field, "%s: veld %s: %s", r->file, field,
                   what);
}

static jr_status only_keys(rd *r, const json_t *obj, const char *path, const char *const *allowed)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)obj, key, v)
    {
        bool ok = false;
        for (int i = 0; allowed[i]; i++)
            ok |= strcmp(allowed[i], key) == 0;
        if (!ok) {
            char f[128];
            snprintf(f, sizeof f, "%s%s%s", path, path[0] ? "." : "", key);
            return bad(r, f, "onbekend veld (tikfout?)");
        }
    }
    return JR_OK;
}

static void path_of(char *f, size_t cap, const char *path, const char *key)
{
    snprintf(f, cap, "%s%s%s", path, path[0] ? "." : "", key);
}

static jr_status get_text(rd *r, const json_t *o, const char *path, const char *key, char *out,
                          size_t cap, bool required)
{
    char f[128];
    path_of(f, sizeof f, path, key);
    json_t *v = json_object_get(o, key);
    out[0] = '\0';
    if (!v)
        return required ? bad(r, f, "ontbreekt") : JR_OK;
    if (!json_is_string(v))
        return bad(r, f, "moet tekst zijn");
    if (json_string_length(v) >= cap || (required && json_string_length(v) == 0))
        return bad(r, f, json_string_length(v) ? "te lang" : "mag niet leeg zijn");
    memcpy(out, json_string_value(v), json_string_length(v) + 1);
    return JR_OK;
}

static jr_status get_integer(rd *r, const json_t *o, const char *path, const char *key,
                             int64_t *out)
{
    char f[128];
    path_of(f, sizeof f, path, key);
    json_t *v = json_object_get(o, key);
    if (!v)
        return bad(r, f, "ontbreekt");
    if (!json_is_integer(v))
        return bad(r, f, "moet een geheel getal zijn");
    *out = json_integer_value(v);
    return JR_OK;
}

static jr_status get_amount(rd *r, const json_t *o, const char *path, const char *key, int64_t *out)
{
    char s[32], f[128];
    jr_status st = get_text(r, o, path, key, s, sizeof s, true);
    if (st != JR_OK)
        return st;
    path_of(f, sizeof f, path, key);
    if (!money_parse(s, out))
        return bad(r, f, "geen bedrag in euro's (zoals \"3412.50\")");
    return JR_OK;
}

static jr_status get_flag(rd *r, const json_t *o, const char *path, const char *key, bool *out)
{
    char f[128];
    path_of(f, sizeof f, path, key);
    json_t *v = json_object_get(o, key);
    *out = false;
    if (!v)
        return JR_OK;
    if (!json_is_boolean(v))
        return bad(r, f, "moet true of false zijn");
    *out = json_is_true(v);
    return JR_OK;
}

/* fields: the numeric fields of a norm (the domain's table) into base */
static jr_status get_fields(rd *r, const json_t *o, const char *path, const jr_tariff_field *fs,
                            int nf, void *base)
{
    for (int k = 0; k < nf; k++) {
        int64_t *dst = (int64_t *)((char *)base + fs[k].offset);
        jr_status st = fs[k].unit == JR_TU_CENTS ? get_amount(r, o, path, fs[k].key, dst)
                                                 : get_integer(r, o, path, fs[k].key, dst);
        if (st != JR_OK)
            return st;
    }
    return JR_OK;
}

jr_status tariff_norms_from_json(const json_t *doc, const char *name, jr_tariff_norms *out,
                                 jr_error *err)
{
    memset(out, 0, sizeof *out);
    rd r = {name, err};
    static const char *const keys[] = {"format",      "region", "year",  "cao",
                                       "example",     "notes",  "index", "functiegroepen",
                                       "intensities", "source", NULL};
    if (!json_is_object(doc))
        return bad(&r, "(bestand)", "moet een JSON-object zijn");
    jr_status st;
    char fmt[40], region[64];
    int64_t year;
    if ((st = only_keys(&r, doc, "", keys)) ||
        (st = get_text(&r, doc, "", "format", fmt, sizeof fmt, true)))
        return st;
    if (strcmp(fmt, "jeugdregio-tariff-norms/1") != 0)
        return bad(&r, "format", "moet \"jeugdregio-tariff-norms/1\" zijn");
    if ((st = get_text(&r, doc, "", "region", region, sizeof region, false)) ||
        (st = get_integer(&r, doc, "", "year", &year)) ||
        (st = get_text(&r, doc, "", "cao", out->cao, sizeof out->cao, true)) ||
        (st = get_flag(&r, doc, "", "example", &out->example)))
        return st;
    if (year < JR_TARIFF_YEAR_MIN || year > JR_TARIFF_YEAR_MAX)
        return bad(&r, "year", "geen jaar van 2000 tot en met 2199");
    out->year = (int32_t)year;
    const char *base = strrchr(name, '/');
    str_copy(out->source, sizeof out->source, base ? base + 1 : name);

    json_t *ix = json_object_get(doc, "index");
    if (!json_is_object(ix))
        return bad(&r, "index", ix ? "moet een object zijn" : "ontbreekt");
    static const char *const ik[] = {"ova_bp", "pcc_bp", "method", "wage_weight_bp", "note", NULL};
    char method[8];
    if ((st = only_keys(&r, ix, "index", ik)) ||
        (st = get_integer(&r, ix, "index", "ova_bp", &out->ova_bp)) ||
        (st = get_integer(&r, ix, "index", "pcc_bp", &out->pcc_bp)) ||
        (st = get_integer(&r, ix, "index", "wage_weight_bp", &out->wage_weight_bp)) ||
        (st = get_text(&r, ix, "index", "method", method, sizeof method, true)))
        return st;
    if (!tariff_index_method_parse(method, &out->method))
        return bad(&r, "index.method", "moet \"ova\" of \"vng\" zijn");

    int nf;
    const jr_tariff_field *ff = tariff_fg_fields(&nf);
    json_t *arr = json_object_get(doc, "functiegroepen"), *e;
    if (!json_is_array(arr))
        return bad(&r, "functiegroepen", arr ? "moet een lijst zijn" : "ontbreekt");
    size_t i;
    json_array_foreach(arr, i, e)
    {
        char p[48];
        snprintf(p, sizeof p, "functiegroepen[%zu]", i);
        static const char *const fk[] = {
            "code",        "scale",       "step",        "monthly_salary",
            "holiday_bp",  "year_end_bp", "employer_bp", "hours_per_fte",
            "overhead_bp", "other_costs", "example",     "note",
            NULL};
        if (!json_is_object(e))
            return bad(&r, p, "moet een object zijn");
        if (out->nfg >= JR_TARIFF_MAX_FG)
            return bad(&r, p, "te veel functiegroepen");
        jr_tariff_fg_norm *g = &out->fg[out->nfg];
        if ((st = only_keys(&r, e, p, fk)) ||
            (st = get_text(&r, e, p, "code", g->code, sizeof g->code, true)) ||
            (st = get_fields(&r, e, p, ff, nf, g)) ||
            (st = get_flag(&r, e, p, "example", &g->example)))
            return st;
        out->nfg++;
    }
    const jr_tariff_field *fi = tariff_int_fields(&nf);
    arr = json_object_get(doc, "intensities");
    if (arr && !json_is_array(arr))
        return bad(&r, "intensities", "moet een lijst zijn");
    json_array_foreach(arr, i, e)
    {
        char p[48];
        snprintf(p, sizeof p, "intensities[%zu]", i);
        static const char *const nk[] = {
            "code",          "staff_fg",     "fte_x100", "group_size", "overhead_bp", "other_costs",
            "accommodation", "occupancy_bp", "example",  "note",       NULL};
        if (!json_is_object(e))
            return bad(&r, p, "moet een object zijn");
        if (out->nint >= JR_TARIFF_MAX_INT)
            return bad(&r, p, "te veel intensiteiten");
        jr_tariff_int_norm *t = &out->in[out->nint];
        if ((st = only_keys(&r, e, p, nk)) ||
            (st = get_text(&r, e, p, "code", t->code, sizeof t->code, true)) ||
            (st = get_text(&r, e, p, "staff_fg", t->staff_fg, sizeof t->staff_fg, true)) ||
            (st = get_fields(&r, e, p, fi, nf, t)) ||
            (st = get_flag(&r, e, p, "example", &t->example)))
            return st;
        out->nint++;
    }
    return JR_OK;
}

jr_status tariff_norms_read(const char *path, jr_tariff_norms *out, jr_error *err)
{
    json_error_t jerr;
    json_t *doc = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
    if (!doc) {
        memset(out, 0, sizeof *out);
        if (jerr.line < 0)
            return jr_fail(err, JR_EIO, "file_unreadable", "bestand",
                           "%s: normenbestand niet te lezen: %s", path, jerr.text);
        return jr_fail(err, JR_EINVAL, "norms_syntax", "bestand", "%s:%d:%d: geen geldige JSON: %s",
                       path, jerr.line, jerr.column, jerr.text);
    }
    jr_status st = tariff_norms_from_json(doc, path, out, err);
    json_decref(doc);
    return st;
}

/* ---- the region file with an adopted year ---- */

static const jr_tariff_prop_row *row_of(const jr_tariff_proposal *p, const char *product)
{
    for (int i = 0; product && i < p->n; i++)
        if (strcmp(p->rows[i].product, product) == 0)
            return &p->rows[i];
    return NULL;
}

/* add_period: the year's tariff of r to product object o; -1 out of memory */
static int add_period(json_t *o, const jr_tariff_proposal *p, const jr_tariff_prop_row *r)
{
    json_t *tariffs = json_object_get(o, "tariffs");
    if (!json_is_array(tariffs))
        return 0; /* the loader refuses such a file anyway */
    jr_date to = p->to;
    size_t i;
    json_t *e;
    json_array_foreach(tariffs, i, e)
    {
        jr_date from;
        const char *s = json_string_value(json_object_get(e, "from"));
        if (s && date_parse(s, &from) && from > p->from && from <= to)
            to = from - 1; /* the region's own figure later in the year stands */
    }
    char f[JR_DATE_ISO_LEN], t[JR_DATE_ISO_LEN], amount[JR_MONEY_BUF], note[160];
    snprintf(note, sizeof note, "tariefonderzoek %d: %s%s", (int)p->year,
             strcmp(r->source, "model") == 0 ? "tariefmodel" : "geindexeerd",
             p->index.example ? " (voorbeeld)" : "");
    json_t *period =
        json_pack("{s:s, s:s, s:s, s:s}", "from", date_format(p->from, f), "to", date_format(to, t),
                  "amount", money_format_plain(r->proposed, amount), "note", note);
    if (!period || json_array_append_new(tariffs, period) != 0)
        return -1;
    return 1;
}

static int add_to_list(json_t *arr, const jr_tariff_proposal *p)
{
    size_t i;
    json_t *e;
    int n = 0;
    json_array_foreach(arr, i, e)
    {
        const jr_tariff_prop_row *r = row_of(p, json_string_value(json_object_get(e, "product")));
        if (!r || strcmp(r->source, "regio") == 0)
            continue;
        int k = add_period(e, p, r);
        if (k < 0)
            return -1;
        n += k;
    }
    return n;
}

jr_status region_with_tariffs(const char *src_path, const jr_tariff_proposal *p, char **out,
                              jr_error *err)
{
    *out = NULL;
    json_error_t jerr;
    json_t *root = json_load_file(src_path, JSON_REJECT_DUPLICATES, &jerr);
    if (!root)
        return jr_fail(err, JR_EIO, "config_unreadable", "config",
                       "%s: regiobestand niet te lezen: %s", src_path, jerr.text);
    int n = 0, k;
    static const char *const lists[] = {"functiegroepen", "intensities"};
    static const char *const single[] = {"crisis", "dyslexie"};
    for (size_t i = 0; n >= 0 && i < 2; i++) {
        json_t *arr = json_object_get(root, lists[i]);
        if (json_is_array(arr))
            n = (k = add_to_list(arr, p)) < 0 ? -1 : n + k;
    }
    for (size_t i = 0; n >= 0 && i < 2; i++) {
        json_t *o = json_object_get(root, single[i]);
        const jr_tariff_prop_row *r =
            o ? row_of(p, json_string_value(json_object_get(o, "product"))) : NULL;
        if (r && strcmp(r->source, "regio") != 0)
            n = (k = add_period(o, p, r)) < 0 ? -1 : n + k;
    }
    json_t *notes = json_object_get(root, "notes");
    if (n >= 0 && json_is_array(notes)) {
        char note[256];
        snprintf(note, sizeof note,
                 "Tarieven %d vastgesteld uit het tariefonderzoek (basis %s, index %s): %d "
                 "producten; een tarief dat de regio zelf zet bleef staan.",
                 (int)p->year, tariff_basis_name(p->basis),
                 tariff_index_method_name(p->index.method), n);
        if (json_array_append_new(notes, json_string(note)) != 0)
            n = -1;
    }
    if (n >= 0)
        *out = json_dumps(root, JSON_INDENT(2) | JSON_ENSURE_ASCII);
    json_decref(root);
    if (!*out)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    size_t len = strlen(*out);
    char *grown = realloc(*out, len + 2);
    if (grown) {
        grown[len] = '\n';
        grown[len + 1] = '\0';
        *out = grown;
    }
    return JR_OK;
}

jr_status region_tariffs_verify(const char *path, const jr_tariff_proposal *p, jr_error *err)
{
    jr_catalog *cat = malloc(sizeof *cat);
    if (!cat)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    jr_status rc = region_load(path, cat, err);
    for (int i = 0; rc == JR_OK && i < p->n; i++) {
        const jr_tariff_prop_row *r = &p->rows[i];
        const jr_product *pr = catalog_product(cat, r->product);
        jr_cents c;
        if (!pr || !product_tariff(pr, p->from, &c) || c != r->proposed) {
            char a[JR_MONEY_BUF];
            rc = jr_fail(err, JR_EINVAL, "region_check", "out",
                         "%s: product %s draagt niet het vastgestelde tarief %s van %d.", path,
                         r->product, money_format_nl(r->proposed, a), (int)p->year);
        }
    }
    free(cat);
    return rc;
}

jr_status region_tariffs_verify_text(const char *text, const jr_tariff_proposal *p, jr_error *err)
{
    const char *dir = getenv("TMPDIR");
    char path[512];
    snprintf(path, sizeof path, "%s/jeugdregio-region-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0)
        return jr_fail(err, JR_EIO, "file_unwritable", "", "Tijdelijk bestand niet te maken.");
    size_t len = strlen(text), done = 0;
    while (done < len) {
        ssize_t w = write(fd, text + done, len - done);
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    close(fd);
    jr_status rc = done == len ? region_tariffs_verify(path, p, err)
                               : jr_fail(err, JR_EIO, "file_unwritable", "",
                                         "Tijdelijk bestand niet te schrijven.");
    unlink(path);
    return rc;
}

/*
 * render_tariff.c: the JSON of tariff research (see render_tariff.h).
 */
#include "render_tariff.h"

#include <stdio.h>
#include <string.h>

/* group: a whole number with Dutch thousands dots */
static const char *group(int64_t v, char *buf, size_t cap)
{
    char d[32];
    uint64_t a = v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
    snprintf(d, sizeof d, "%llu", (unsigned long long)a);
    size_t len = strlen(d), j = 0;
    if (v < 0 && j + 1 < cap)
        buf[j++] = '-';
    for (size_t i = 0; i < len && j + 2 < cap; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            buf[j++] = '.';
        buf[j++] = d[i];
    }
    buf[j] = '\0';
    return buf;
}

const char *render_tariff_unit_text(jr_tariff_unit u, int64_t v, char *buf, size_t cap)
{
    char m[JR_MONEY_BUF], g[32];
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
        snprintf(buf, cap, "%lld,%02lld FTE", (long long)(v / 100), (long long)(a % 100));
        break;
    case JR_TU_DAYS100:
        snprintf(buf, cap, "%s,%02lld etmalen", group(v / 100, g, sizeof g), (long long)(a % 100));
        break;
    case JR_TU_HOURS:
        snprintf(buf, cap, "%s uur", group(v, g, sizeof g));
        break;
    case JR_TU_COUNT:
        snprintf(buf, cap, "%lld", (long long)v);
        break;
    case JR_TU_NONE:
        buf[0] = '\0';
        break;
    }
    return buf;
}

static const char *unit_key(jr_tariff_unit u)
{
    switch (u) {
    case JR_TU_CENTS:
        return "cents";
    case JR_TU_BP:
        return "bp";
    case JR_TU_HOURS:
        return "hours";
    case JR_TU_FTE100:
        return "fte_x100";
    case JR_TU_COUNT:
        return "count";
    case JR_TU_DAYS100:
        return "etmalen_x100";
    case JR_TU_NONE:
        break;
    }
    return "none";
}

static json_t *index_json(const jr_tariff_norms *n)
{
    return json_pack("{s:s, s:I, s:I, s:I, s:I, s:I}", "method",
                     tariff_index_method_name(n->method), "ova_bp", (json_int_t)n->ova_bp, "pcc_bp",
                     (json_int_t)n->pcc_bp, "wage_weight_bp", (json_int_t)n->wage_weight_bp,
                     "price_weight_bp", (json_int_t)(10000 - n->wage_weight_bp), "factor_e8",
                     (json_int_t)tariff_index_e8(n));
}

json_t *render_tariff_year(const jr_tariff_norms *n)
{
    return json_pack("{s:i, s:s, s:b, s:s, s:o}", "year", (int)n->year, "cao", n->cao, "example",
                     n->example, "source", n->source, "index", index_json(n));
}

static json_t *steps_json(const jr_tariff_build *b)
{
    json_t *a = json_array();
    for (int i = 0; a && i < b->n; i++) {
        const jr_tariff_step *s = &b->s[i];
        char nt[64], vt[64];
        render_tariff_unit_text(s->norm_unit, s->norm, nt, sizeof nt);
        render_tariff_unit_text(s->value_unit, s->value, vt, sizeof vt);
        json_array_append_new(
            a, json_pack("{s:i, s:s, s:s, s:s, s:I, s:s, s:s, s:I, s:s, s:s, s:I, s:b}", "n", i + 1,
                         "key", s->key, "label", s->label, "norm_key", s->norm_key, "norm",
                         (json_int_t)s->norm, "norm_unit", unit_key(s->norm_unit), "norm_text", nt,
                         "value", (json_int_t)s->value, "value_unit",
                         s->value_unit == JR_TU_DAYS100 ? "etmalen_x100" : "cents", "value_text",
                         vt, "result_cents", (json_int_t)s->result, "rounded", s->rounded));
    }
    return a;
}

static json_t *norms_json(const jr_tariff_model *m, const jr_tariff_line *l)
{
    json_t *o = json_object();
    int nf;
    if (l->kind == JR_PK_FUNCTIEGROEP) {
        const jr_tariff_field *f = tariff_fg_fields(&nf);
        for (int i = 0; i < m->norms.nfg; i++)
            if (strcmp(m->norms.fg[i].code, l->code) == 0)
                for (int k = 0; k < nf; k++)
                    json_object_set_new(
                        o, f[k].key,
                        json_integer(
                            *(const int64_t *)((const char *)&m->norms.fg[i] + f[k].offset)));
    } else {
        const jr_tariff_field *f = tariff_int_fields(&nf);
        for (int i = 0; i < m->norms.nint; i++)
            if (strcmp(m->norms.in[i].code, l->code) == 0) {
                json_object_set_new(o, "staff_fg", json_string(m->norms.in[i].staff_fg));
                for (int k = 0; k < nf; k++)
                    json_object_set_new(
                        o, f[k].key,
                        json_integer(
                            *(const int64_t *)((const char *)&m->norms.in[i] + f[k].offset)));
            }
    }
    return o;
}

json_t *render_tariff_model(const jr_tariff_model *m)
{
    json_t *lines = json_array();
    for (int i = 0; lines && i < m->n; i++) {
        const jr_tariff_line *l = &m->lines[i];
        json_t *o =
            json_pack("{s:s, s:s, s:s, s:s, s:b, s:I, s:o, s:o}", "code", l->code, "product",
                      l->product, "name", l->name, "kind", product_kind_name(l->kind), "example",
                      l->example, "tariff_cents", (json_int_t)l->b.tariff, "norms",
                      norms_json(m, l), "steps", steps_json(&l->b));
        if (o && l->kind == JR_PK_INTENSITY)
            json_object_set_new(o, "staff_fg", json_string(l->staff_fg));
        json_array_append_new(lines, o);
    }
    return json_pack("{s:i, s:s, s:b, s:s, s:s, s:s, s:o, s:o}", "year", (int)m->norms.year, "cao",
                     m->norms.cao, "example", m->norms.example, "source", m->norms.source,
                     "updated_by", m->updated_by, "updated_at", m->updated_at, "index",
                     index_json(&m->norms), "lines", lines);
}

static json_t *opt_int(bool has, int64_t v)
{
    return has ? json_integer(v) : json_null();
}

json_t *render_tariff_proposal(const jr_tariff_proposal *p)
{
    json_t *rows = json_array();
    for (int i = 0; rows && i < p->n; i++) {
        const jr_tariff_prop_row *r = &p->rows[i];
        bool md = r->has_model && r->has_current;
        json_array_append_new(
            rows,
            json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:b, s:o, s:o, s:b, s:I, s:s, s:o, s:o, "
                      "s:o, s:o}",
                      "product", r->product, "code", r->code, "name", r->name, "kind",
                      product_kind_name(r->kind), "unit", r->unit, "current_cents",
                      opt_int(r->has_current, r->current), "current_derived", r->current_derived,
                      "model_cents", opt_int(r->has_model, r->model), "indexed_cents",
                      opt_int(r->has_indexed, r->indexed), "region_set", r->region_set,
                      "proposed_cents", (json_int_t)r->proposed, "source", r->source, "diff_cents",
                      opt_int(r->has_current, r->diff), "diff_per_mille",
                      opt_int(r->has_current, r->diff_pm), "model_diff_cents",
                      opt_int(md, r->model_diff), "model_diff_per_mille",
                      opt_int(md, r->model_diff_pm)));
    }
    char f[JR_DATE_ISO_LEN], t[JR_DATE_ISO_LEN];
    json_t *adopted = p->adopted ? json_pack("{s:s, s:s, s:s}", "by", p->adopted_by, "at",
                                             p->adopted_at, "basis", p->adopted_basis)
                                 : json_null();
    return json_pack("{s:i, s:s, s:s, s:s, s:b, s:o, s:o, s:I, s:I, s:o}", "year", (int)p->year,
                     "basis", tariff_basis_name(p->basis), "from", date_format(p->from, f), "to",
                     date_format(p->to, t), "has_norms", p->has_norms, "index",
                     index_json(&p->index), "rows", rows, "total_current_cents",
                     (json_int_t)p->total_current, "total_proposed_cents",
                     (json_int_t)p->total_proposed, "adopted", adopted);
}

/*
 * render_continuity.c: the JSON shapes of provider continuity (see
 * render_continuity.h).
 */
#include "render_continuity.h"

#include <stdio.h>

/* the verdict as the JSON names it: "missing" for neither met nor failed */
static const char *verdict_json(jr_cont_verdict v)
{
    return v == JR_CV_NONE ? "missing" : continuity_verdict_code(v);
}

static json_t *pct(int64_t x10)
{
    return x10 < 0 ? json_null() : json_real((double)x10 / 10.0);
}

json_t *render_cont_class(const jr_cont_summary *s, jr_cont_class c)
{
    const jr_cont_class_sum *k = &s->classes[c];
    json_t *o = json_object(), *counts = json_object(), *risk = NULL;
    if (!o || !counts)
        goto fail;
    json_object_set_new(o, "year", json_integer(s->year));
    json_object_set_new(o, "class", json_string(continuity_class_code(c)));
    json_object_set_new(o, "name", json_string(continuity_class_name(c)));
    json_object_set_new(o, "providers", json_integer(k->t.providers));
    for (int g = 0; g < JR_CS_COUNT; g++) {
        char key[48];
        snprintf(key, sizeof key, "pct_%s", continuity_signal_code((jr_cont_signal)g));
        json_object_set_new(o, key, pct(k->share_x10[g]));
        json_object_set_new(counts, continuity_signal_code((jr_cont_signal)g),
                            json_pack("{s:I, s:I, s:I}", "met", (json_int_t)k->t.met[g], "failed",
                                      (json_int_t)k->t.failed[g], "missing",
                                      (json_int_t)k->t.none[g]));
    }
    json_object_set_new(o, "counts", counts);
    counts = NULL;
    json_object_set_new(o, "at_risk_count", json_integer(k->t.at_risk));
    if (s->aggregate_only) {
        json_object_set_new(o, "at_risk", json_null());
    } else {
        if (!(risk = json_array()))
            goto fail;
        for (int64_t i = 0; i < k->t.at_risk && k->at_risk; i++)
            json_array_append_new(risk, json_string(k->at_risk[i]));
        json_object_set_new(o, "at_risk", risk);
    }
    return o;
fail:
    json_decref(o);
    json_decref(counts);
    return NULL;
}

json_t *render_cont_classes(const jr_cont_summary *s)
{
    json_t *a = json_array();
    for (int c = 0; a && c < JR_CC_COUNT; c++) {
        if (c == JR_CC_UNKNOWN && s->classes[c].t.providers == 0)
            continue;
        json_t *o = render_cont_class(s, (jr_cont_class)c);
        if (!o || json_array_append_new(a, o) != 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

json_t *render_cont_summary(const jr_cont_summary *s)
{
    json_t *classes = render_cont_classes(s);
    if (!classes)
        return NULL;
    return json_pack("{s:i, s:I, s:b, s:o}", "year", (int)s->year, "providers",
                     (json_int_t)s->providers, "aggregate_only", s->aggregate_only, "classes",
                     classes);
}

json_t *render_cont_trend(const jr_cont_trend *t)
{
    json_t *years = json_array();
    for (int i = 0; years && i < t->n; i++) {
        json_t *o = render_cont_summary(&t->years[i]);
        if (!o || json_array_append_new(years, o) != 0) {
            json_decref(years);
            return NULL;
        }
    }
    return years ? json_pack("{s:o}", "years", years) : NULL;
}

json_t *render_cont_row(const jr_cont_row *r)
{
    json_t *o = json_object(), *sig = json_object();
    if (!o || !sig) {
        json_decref(o);
        json_decref(sig);
        return NULL;
    }
    json_object_set_new(o, "agb", json_string(r->a.agb));
    json_object_set_new(o, "name", json_string(r->a.name));
    json_object_set_new(o, "year", json_integer(r->a.year));
    for (int f = 0; f < JR_CF_COUNT; f++)
        json_object_set_new(o, continuity_field_column((jr_cont_field)f),
                            r->a.has[f] ? json_integer(r->a.v[f]) : json_null());
    json_object_set_new(o, "class", json_string(continuity_class_code(r->cls)));
    for (int g = 0; g < JR_CS_COUNT; g++)
        json_object_set_new(sig, continuity_signal_code((jr_cont_signal)g),
                            json_string(verdict_json(r->verdict[g])));
    json_object_set_new(o, "signals", sig);
    json_object_set_new(o, "failed", json_integer(r->failed));
    json_object_set_new(o, "at_risk", json_boolean(r->at_risk));
    json_object_set_new(o, "imported_by", json_string(r->imported_by));
    json_object_set_new(o, "imported_at", json_string(r->imported_at));
    json_object_set_new(o, "source", json_string(r->source));
    return o;
}

json_t *render_cont_import(const jr_cont_import *i)
{
    return json_pack("{s:I, s:I, s:I, s:o, s:o}", "rows", (json_int_t)i->rows, "added",
                     (json_int_t)i->added, "replaced", (json_int_t)i->replaced, "year_min",
                     i->year_min ? json_integer(i->year_min) : json_null(), "year_max",
                     i->year_max ? json_integer(i->year_max) : json_null());
}

/*
 * render_impact.c: the impact analysis as JSON and as export tables (see
 * render_impact.h).
 */
#include "render_impact.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *amounts(json_t *o, const jr_impact *r, const jr_imp_amounts *a)
{
    if (!o)
        return NULL;
    json_t *v = json_array();
    json_object_set_new(o, "current_cents", json_integer(a->current));
    for (int s = 0; s < r->nscen; s++) {
        jr_cents d = a->scen[s] - a->current;
        int64_t pm;
        bool has = impact_permille(d, a->current, &pm);
        json_array_append_new(v,
                              json_pack("{s:s, s:I, s:I, s:o}", "name", r->scen[s].name, "cents",
                                        (json_int_t)a->scen[s], "difference_cents", (json_int_t)d,
                                        "permille", has ? json_integer(pm) : json_null()));
    }
    json_object_set_new(o, "scenarios", v);
    return o;
}

static json_t *row_json(const jr_impact *r, const jr_imp_row *row, const char *key)
{
    return amounts(json_pack("{s:s, s:s}", key, row->code, "name", row->name), r, &row->a);
}

static json_t *prices(const jr_imp_price *v, int n)
{
    json_t *o = json_object();
    for (int i = 0; i < n; i++)
        json_object_set_new(o, v[i].code, json_integer(v[i].cents));
    return o;
}

json_t *render_impact_scenario(const jr_imp_scenario *sc)
{
    return impact_scenario_json(sc);
}

json_t *render_impact_saved(const jr_imp_saved *s)
{
    return json_pack("{s:s, s:s, s:s, s:b, s:s?, s:o}", "name", s->sc.name, "saved_by", s->saved_by,
                     "saved_at", s->saved_at, "valid", s->valid, "problem",
                     s->valid ? NULL : s->problem, "scenario",
                     s->valid ? impact_scenario_json(&s->sc) : json_null());
}

json_t *render_impact(const jr_impact *r, size_t nlosers)
{
    json_t *sc = json_array(), *prov = json_array(), *gem = json_array(), *los = json_array();
    for (int s = 0; s < r->nscen; s++) {
        const jr_imp_scenario *x = &r->scen[s];
        json_t *un = json_array();
        for (int i = 0; i < r->nunpriced[s]; i++)
            json_array_append_new(un, json_pack("{s:s, s:I}", "product", r->unpriced[s][i].code,
                                                "current_cents",
                                                (json_int_t)r->unpriced[s][i].current));
        json_array_append_new(
            sc,
            json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:o}", "name", x->name, "method",
                      impact_method_name(x->method), "tariffs", prices(x->tariffs, x->ntariffs),
                      "budgets", prices(x->budgets, x->nbudgets), "capped_assignments",
                      r->caps_apply ? json_integer(r->caps[s].capped) : json_null(), "capped_cents",
                      r->caps_apply ? json_integer(r->caps[s].capped_cents) : json_null(),
                      "unpriced", un));
    }
    for (size_t i = 0; i < r->nproviders; i++)
        json_array_append_new(prov, row_json(r, &r->providers[i], "agb"));
    for (size_t i = 0; i < r->nmunicipalities; i++)
        json_array_append_new(gem, row_json(r, &r->municipalities[i], "gemeente"));
    size_t *idx = nlosers ? calloc(nlosers, sizeof *idx) : NULL;
    for (int s = 0; s < r->nscen; s++) {
        json_t *l = json_array();
        size_t k = idx ? impact_losers(r, s, nlosers, idx) : 0;
        for (size_t i = 0; i < k; i++)
            json_array_append_new(l, row_json(r, &r->providers[idx[i]], "agb"));
        json_array_append_new(los,
                              json_pack("{s:s, s:o}", "scenario", r->scen[s].name, "providers", l));
    }
    free(idx);
    return json_pack("{s:i, s:s, s:I, s:o, s:b, s:o, s:o, s:o, s:o, s:o}", "year", (int)r->year,
                     "source", r->from_file ? "bestand" : "database", "lines", (json_int_t)r->lines,
                     "gemeente", r->gemeente[0] ? json_string(r->gemeente) : json_null(),
                     "providers_shown", r->providers_shown, "scenarios", sc, "total",
                     amounts(json_object(), r, &r->total), "providers", prov, "municipalities", gem,
                     "losers", los);
}

/* ---- tables ---- */

static jr_xtable *table(jr_xtables *out, const jr_impact *r, const char *name, const char *title,
                        const char *code_head)
{
    jr_xtable *t = xtables_add(out, name, title, 3 + 3 * r->nscen);
    if (!t)
        return NULL;
    snprintf(t->head[0], sizeof t->head[0], "%s", code_head);
    snprintf(t->head[1], sizeof t->head[1], "Naam");
    snprintf(t->head[2], sizeof t->head[2], "Gerealiseerd");
    for (int s = 0; s < r->nscen; s++) {
        snprintf(t->head[3 + 3 * s], sizeof t->head[0], "%.40s", r->scen[s].name);
        snprintf(t->head[4 + 3 * s], sizeof t->head[0], "Verschil %.30s", r->scen[s].name);
        snprintf(t->head[5 + 3 * s], sizeof t->head[0], "Promille %.30s", r->scen[s].name);
    }
    return t;
}

static bool put(jr_xtable *t, const jr_impact *r, const char *code, const char *name,
                const jr_imp_amounts *a, bool total)
{
    jr_xcell *c = xtable_row(t, total);
    if (!c || !xcell_text(&c[0], code) || !xcell_text(&c[1], name))
        return false;
    c[2].kind = JR_XC_CENTS;
    c[2].v = a->current;
    for (int s = 0; s < r->nscen; s++) {
        jr_cents d = a->scen[s] - a->current;
        int64_t pm;
        c[3 + 3 * s].kind = JR_XC_CENTS;
        c[3 + 3 * s].v = a->scen[s];
        c[4 + 3 * s].kind = JR_XC_CENTS;
        c[4 + 3 * s].v = d;
        if (impact_permille(d, a->current, &pm)) {
            c[5 + 3 * s].kind = JR_XC_INT;
            c[5 + 3 * s].v = pm;
        }
    }
    return true;
}

jr_status impact_tables(const jr_impact *r, size_t nlosers, jr_date produced, jr_xtables *out,
                        jr_error *err)
{
    char scope[64], title[160];
    snprintf(scope, sizeof scope, "%d%s%s", (int)r->year, r->gemeente[0] ? ", gemeente " : "",
             r->gemeente);
    snprintf(out->title, sizeof out->title, "Impactanalyse %s", scope);
    out->produced = produced;
    snprintf(title, sizeof title, "Impactanalyse %s: de regio (productie uit %s, %lld regels)",
             scope, r->from_file ? "bestand" : "de database", (long long)r->lines);
    jr_xtable *t = table(out, r, "totaal", title, "Code");
    if (!t || !put(t, r, "", "Regio", &r->total, true))
        goto nomem;
    if (r->providers_shown) {
        snprintf(title, sizeof title, "Impactanalyse %s: per aanbieder", scope);
        if (!(t = table(out, r, "aanbieders", title, "AGB")))
            goto nomem;
        jr_imp_amounts sum = {0};
        for (size_t i = 0; i < r->nproviders; i++) {
            const jr_imp_row *x = &r->providers[i];
            if (!put(t, r, x->code, x->name, &x->a, false))
                goto nomem;
            sum.current += x->a.current;
            for (int s = 0; s < r->nscen; s++)
                sum.scen[s] += x->a.scen[s];
        }
        if (!put(t, r, "", "Totaal", &sum, true))
            goto nomem;
    }
    snprintf(title, sizeof title, "Impactanalyse %s: per gemeente", scope);
    if (!(t = table(out, r, "gemeenten", title, "CBS")))
        goto nomem;
    jr_imp_amounts sum = {0};
    for (size_t i = 0; i < r->nmunicipalities; i++) {
        const jr_imp_row *x = &r->municipalities[i];
        if (!put(t, r, x->code, x->name, &x->a, false))
            goto nomem;
        sum.current += x->a.current;
        for (int s = 0; s < r->nscen; s++)
            sum.scen[s] += x->a.scen[s];
    }
    if (!put(t, r, "", "Totaal", &sum, true))
        goto nomem;
    if (r->providers_shown && nlosers) {
        size_t *idx = calloc(nlosers, sizeof *idx);
        if (!idx)
            goto nomem;
        for (int s = 0; s < r->nscen; s++) {
            char name[32];
            snprintf(name, sizeof name, "verliezers-%d", s + 1);
            snprintf(title, sizeof title, "Impactanalyse %s: grootste verliezers onder %.60s",
                     scope, r->scen[s].name);
            if (!(t = table(out, r, name, title, "AGB"))) {
                free(idx);
                goto nomem;
            }
            size_t k = impact_losers(r, s, nlosers, idx);
            for (size_t i = 0; i < k; i++)
                if (!put(t, r, r->providers[idx[i]].code, r->providers[idx[i]].name,
                         &r->providers[idx[i]].a, false)) {
                    free(idx);
                    goto nomem;
                }
        }
        free(idx);
    }
    return JR_OK;
nomem:
    return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
}

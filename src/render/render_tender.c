/*
 * render_tender.c: the JSON shapes of tenders and the reading of a tender
 * or a registration from JSON (see render_tender.h).
 */
#include "render_tender.h"

#include "../core/sbuf.h"
#include "render.h"

#include <string.h>

static json_t *str_or_null(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

static json_t *dates_json(const jr_tender_dates *d)
{
    return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:i, s:o, s:o}", "publication",
                     render_date(d->publication), "qa_end", render_date(d->qa_end),
                     "registration_end", render_date(d->registration_end), "assessment_start",
                     render_date(d->assessment_start), "assessment_end",
                     render_date(d->assessment_end), "award", render_date(d->award),
                     "standstill_days", (int)d->standstill_days, "contract_start",
                     render_date(d->contract_start), "contract_end", render_date(d->contract_end));
}

json_t *render_tender(const jr_tender_view *v)
{
    json_t *lots = json_array(), *crit = json_array();
    for (int i = 0; lots && i < v->nlots; i++) {
        const jr_tender_lot_view *l = &v->lots[i];
        json_t *prods = json_array();
        for (int p = 0; prods && p < l->l.nproducts; p++)
            json_array_append_new(prods, json_string(l->l.products[p]));
        json_array_append_new(
            lots,
            json_pack("{s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:I, s:I}", "id", (json_int_t)l->l.id,
                      "lot", l->l.lot, "name", l->l.name, "products", prods ? prods : json_array(),
                      "awarded_on", render_date(l->l.awarded_on), "standstill_end",
                      render_date(tender_standstill_end(&v->t.d, l->l.awarded_on)), "contracted_on",
                      render_date(l->l.contracted_on), "registrations",
                      (json_int_t)l->registrations, "later", (json_int_t)l->later));
    }
    for (int i = 0; crit && i < v->ncrit; i++)
        json_array_append_new(crit,
                              json_pack("{s:I, s:s, s:i, s:i}", "seq", (json_int_t)v->crit[i].seq,
                                        "name", v->crit[i].name, "weight", (int)v->crit[i].c.weight,
                                        "min_score", (int)v->crit[i].c.min_score));
    if (!lots || !crit) {
        json_decref(lots);
        json_decref(crit);
        return NULL;
    }
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:s}", "id", (json_int_t)v->t.id,
                     "name", v->t.name, "description", v->t.description, "phase",
                     tender_phase_code(v->phase), "phase_name", tender_phase_name(v->phase),
                     "dates", dates_json(&v->t.d), "lots", lots, "criteria", crit, "created_by",
                     v->t.created_by);
}

static json_t *result_json(const jr_treg_view *v)
{
    if (!v->has_result)
        return json_null();
    const jr_tender_result *r = &v->res;
    json_t *crit = json_array(), *missing = json_array(), *below = json_array();
    for (int i = 0; crit && i < v->ncrit; i++) {
        const store_tcrit_row *c = &v->crit[i];
        json_array_append_new(
            crit,
            json_pack("{s:I, s:s, s:i, s:i, s:o, s:b}", "seq", (json_int_t)c->seq, "name", c->name,
                      "weight", (int)c->c.weight, "min_score", (int)c->c.min_score, "score_x10",
                      r->score_x10[i] < 0 ? json_null() : json_integer(r->score_x10[i]), "below",
                      r->below[i]));
        if (r->score_x10[i] < 0)
            json_array_append_new(missing, json_string(c->name));
        if (r->below[i])
            json_array_append_new(below, json_string(c->name));
    }
    return json_pack("{s:b, s:b, s:I, s:o, s:o, s:o}", "complete", r->complete, "passes", r->passes,
                     "weighted", (json_int_t)r->weighted, "criteria", crit ? crit : json_array(),
                     "missing", missing ? missing : json_array(), "below",
                     below ? below : json_array());
}

json_t *render_treg(const jr_treg_view *v)
{
    json_t *prods = json_array(), *subs = json_array();
    for (int i = 0; prods && i < v->nproducts; i++)
        json_array_append_new(
            prods, json_pack("{s:s, s:o}", "product", v->products[i].product, "capacity",
                             v->products[i].capacity < 0 ? json_null()
                                                         : json_integer(v->products[i].capacity)));
    for (int i = 0; subs && i < v->nsubs; i++)
        json_array_append_new(
            subs, json_pack("{s:s, s:s}", "agb", v->subs[i].agb, "name", v->subs[i].name));
    json_t *adm = v->has_admission
                      ? json_pack("{s:s, s:s, s:s, s:s, s:o}", "decision", v->adm.decision,
                                  "reason", v->adm.reason, "grounds", v->adm.grounds, "decided_by",
                                  v->adm.decided_by, "decided_on", render_date(v->adm.decided_on))
                      : json_null();
    return json_pack("{s:I, s:I, s:I, s:s, s:s, s:s, s:s, s:i, s:s, s:s, s:o, s:o, s:o, s:o, "
                     "s:o}",
                     "id", (json_int_t)v->r.id, "tender_id", (json_int_t)v->r.tender_id, "lot_id",
                     (json_int_t)v->r.lot_id, "lot", v->r.lot, "agb", v->r.agb, "name", v->r.name,
                     "kind", v->r.kind, "round", (int)v->r.round, "status", v->r.status,
                     "registered_by", v->r.registered_by, "registered_on",
                     render_date(v->r.registered_on), "products", prods ? prods : json_array(),
                     "subcontractors", subs ? subs : json_array(), "result", result_json(v),
                     "admission", adm ? adm : json_null());
}

json_t *render_tquestion(const store_tquestion_row *q)
{
    return json_pack("{s:I, s:o, s:o, s:o, s:s, s:o, s:o}", "id", (json_int_t)q->id, "asked_by",
                     str_or_null(q->asked_by), "asked_agb", str_or_null(q->asked_agb), "asked_on",
                     render_date(q->asked_on), "question", q->question, "answer",
                     q->answered ? json_string(q->answer) : json_null(), "answered_on",
                     render_date(q->answered ? q->answered_on : JR_DATE_NONE));
}

json_t *render_tscore(const store_tscore_row *s)
{
    return json_pack("{s:I, s:o, s:i, s:s, s:o}", "criterion_id", (json_int_t)s->criterion_id,
                     "assessor", str_or_null(s->assessor), "score", (int)s->score, "motivation",
                     s->motivation, "scored_on", render_date(s->scored_on));
}

json_t *render_supply_product(const jr_catalog *cat, const store_supply_product *p)
{
    const jr_product *pr = catalog_product(cat, p->product);
    return json_pack("{s:s, s:s, s:I, s:o, s:I}", "product", p->product, "name", pr ? pr->name : "",
                     "providers", (json_int_t)p->providers, "capacity",
                     p->with_capacity ? json_integer(p->capacity) : json_null(), "with_capacity",
                     (json_int_t)p->with_capacity);
}

json_t *render_supply_gemeente(const jr_catalog *cat, const store_supply_gemeente *g)
{
    const jr_municipality *m = catalog_municipality(cat, g->gemeente);
    return json_pack("{s:s, s:s, s:s, s:I, s:I}", "product", g->product, "gemeente", g->gemeente,
                     "gemeente_name", m ? m->name : "", "providers", (json_int_t)g->providers,
                     "assignments", (json_int_t)g->assignments);
}

/* ---- reading ---- */

static jr_status get_str(json_t *o, const char *key, bool required, char *out, size_t cap,
                         jr_status rc, jr_error *err)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v)) {
        if (required)
            rc = jr_refuse(err, rc, "field_missing", key, "Het veld '%s' ontbreekt.", key);
        return rc;
    }
    if (!json_is_string(v))
        return jr_refuse(err, rc, "field_type", key, "Het veld '%s' moet tekst zijn.", key);
    if (strlen(json_string_value(v)) >= cap)
        return jr_refuse(err, rc, "field_too_long", key,
                         "Het veld '%s' is te lang (ten hoogste %zu tekens).", key, cap - 1);
    str_copy(out, cap, json_string_value(v));
    return rc;
}

static jr_status get_date(json_t *o, const char *key, bool required, jr_date *out, jr_status rc,
                          jr_error *err)
{
    char buf[32] = "";
    jr_status r = get_str(o, key, required, buf, sizeof buf, JR_OK, err);
    if (r != JR_OK)
        return rc == JR_OK ? r : rc;
    if (!buf[0])
        return rc;
    if (!date_parse(buf, out))
        return jr_refuse(err, rc, "date_invalid", key,
                         "'%s' in het veld '%s' is geen datum (JJJJ-MM-DD).", buf, key);
    return rc;
}

static jr_status get_int(json_t *o, const char *key, bool required, int64_t lo, int64_t hi,
                         int64_t *out, jr_status rc, jr_error *err)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v)) {
        if (required)
            rc = jr_refuse(err, rc, "field_missing", key, "Het veld '%s' ontbreekt.", key);
        return rc;
    }
    if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi)
        return jr_refuse(err, rc, "field_invalid", key,
                         "Het veld '%s' moet een geheel getal van %lld tot en met %lld zijn.", key,
                         (long long)lo, (long long)hi);
    *out = json_integer_value(v);
    return rc;
}

jr_status render_tender_dates_parse(json_t *o, jr_tender_dates *d, jr_error *err)
{
    jr_status rc = JR_OK;
    d->publication = d->qa_end = d->registration_end = d->assessment_start = JR_DATE_NONE;
    d->assessment_end = d->award = d->contract_start = d->contract_end = JR_DATE_NONE;
    d->standstill_days = JR_TENDER_STANDSTILL_MIN;
    if (!json_is_object(o))
        return jr_refuse(err, rc, "field_missing", "dates",
                         "Het object 'dates' met de data van de fasen ontbreekt.");
    rc = get_date(o, "publication", true, &d->publication, rc, err);
    rc = get_date(o, "qa_end", true, &d->qa_end, rc, err);
    rc = get_date(o, "registration_end", true, &d->registration_end, rc, err);
    rc = get_date(o, "assessment_start", true, &d->assessment_start, rc, err);
    rc = get_date(o, "assessment_end", true, &d->assessment_end, rc, err);
    rc = get_date(o, "award", true, &d->award, rc, err);
    rc = get_date(o, "contract_start", true, &d->contract_start, rc, err);
    rc = get_date(o, "contract_end", false, &d->contract_end, rc, err);
    int64_t sd = d->standstill_days;
    rc = get_int(o, "standstill_days", false, 0, 365, &sd, rc, err);
    d->standstill_days = (int32_t)sd;
    return rc;
}

jr_status render_tender_spec_parse(json_t *o, jr_tender_spec *s, jr_error *err)
{
    memset(s, 0, sizeof *s);
    if (!json_is_object(o))
        return jr_refuse(err, JR_OK, "body_invalid", "", "Verwacht een JSON-object.");
    jr_status rc = get_str(o, "name", true, s->name, sizeof s->name, JR_OK, err);
    rc = get_str(o, "description", false, s->description, sizeof s->description, rc, err);
    jr_error e;
    jr_error_clear(&e);
    e.invalid = err ? err->invalid : NULL;
    if (render_tender_dates_parse(json_object_get(o, "dates"), &s->d, &e) != JR_OK && rc == JR_OK) {
        jr_error_take(err, &e);
        rc = JR_EINVAL;
    }
    json_t *lots = json_object_get(o, "lots");
    if (!json_is_array(lots))
        rc = jr_refuse(err, rc, "field_missing", "lots",
                       "De lijst 'lots' met de percelen ontbreekt.");
    else if (json_array_size(lots) > JR_TENDER_LOTS_MAX)
        rc = jr_refuse(err, rc, "lots_count", "lots", "Ten hoogste %d percelen.",
                       JR_TENDER_LOTS_MAX);
    else {
        size_t i;
        json_t *l;
        json_array_foreach(lots, i, l)
        {
            jr_tender_lot_spec *ls = &s->lots[s->nlots++];
            rc = get_str(l, "lot", true, ls->lot, sizeof ls->lot, rc, err);
            json_t *prods = json_object_get(l, "products");
            if (!json_is_array(prods) || json_array_size(prods) > JR_TENDER_LOT_PRODUCTS) {
                rc = jr_refuse(err, rc, "field_invalid", "products",
                               "Perceel %zu: 'products' moet een lijst van ten hoogste %d "
                               "productcodes zijn.",
                               i + 1, JR_TENDER_LOT_PRODUCTS);
                continue;
            }
            size_t k;
            json_t *p;
            json_array_foreach(prods, k, p)
            {
                if (!json_is_string(p) || strlen(json_string_value(p)) >= 8)
                    rc = jr_refuse(err, rc, "field_invalid", "products",
                                   "Perceel %zu: product %zu is geen productcode.", i + 1, k + 1);
                else
                    str_copy(ls->products[ls->nproducts++], 8, json_string_value(p));
            }
        }
    }
    json_t *crit = json_object_get(o, "criteria");
    if (!json_is_array(crit))
        rc = jr_refuse(err, rc, "field_missing", "criteria",
                       "De lijst 'criteria' met de kwaliteitscriteria ontbreekt.");
    else if (json_array_size(crit) > JR_TENDER_CRIT_MAX)
        rc = jr_refuse(err, rc, "criteria_count", "criteria", "Ten hoogste %d criteria.",
                       JR_TENDER_CRIT_MAX);
    else {
        size_t i;
        json_t *c;
        json_array_foreach(crit, i, c)
        {
            jr_tender_crit_spec *cs = &s->crit[s->ncrit++];
            int64_t w = 0, m = 0;
            rc = get_str(c, "name", true, cs->name, sizeof cs->name, rc, err);
            rc = get_int(c, "weight", true, 1, 100, &w, rc, err);
            rc = get_int(c, "min_score", true, 0, JR_TENDER_SCORE_MAX, &m, rc, err);
            cs->c.weight = (int32_t)w;
            cs->c.min_score = (int32_t)m;
        }
    }
    return rc;
}

jr_status render_treg_spec_parse(json_t *o, jr_treg_spec *s, jr_error *err)
{
    int64_t lot = s->lot_id;
    memset(s, 0, sizeof *s);
    s->lot_id = lot;
    if (!json_is_object(o))
        return jr_refuse(err, JR_OK, "body_invalid", "", "Verwacht een JSON-object.");
    str_copy(s->kind, sizeof s->kind, "instelling");
    jr_status rc = get_str(o, "agb", true, s->agb, sizeof s->agb, JR_OK, err);
    rc = get_str(o, "name", true, s->name, sizeof s->name, rc, err);
    rc = get_str(o, "kind", false, s->kind, sizeof s->kind, rc, err);
    json_t *prods = json_object_get(o, "products");
    if (!json_is_array(prods) || json_array_size(prods) > JR_TENDER_LOT_PRODUCTS)
        rc = jr_refuse(err, rc, "field_invalid", "products",
                       "'products' moet een lijst van ten hoogste %d producten zijn.",
                       JR_TENDER_LOT_PRODUCTS);
    else {
        size_t i;
        json_t *p;
        json_array_foreach(prods, i, p)
        {
            int n = s->nproducts++;
            s->capacity[n] = -1;
            if (json_is_string(p) && strlen(json_string_value(p)) < 8) {
                str_copy(s->products[n], 8, json_string_value(p));
                continue;
            }
            if (json_is_object(p)) {
                rc = get_str(p, "product", true, s->products[n], 8, rc, err);
                rc = get_int(p, "capacity", false, 0, 1000000, &s->capacity[n], rc, err);
                continue;
            }
            rc = jr_refuse(err, rc, "field_invalid", "products", "Product %zu is geen productcode.",
                           i + 1);
        }
    }
    json_t *subs = json_object_get(o, "subcontractors");
    if (subs && !json_is_null(subs)) {
        if (!json_is_array(subs) || json_array_size(subs) > JR_TENDER_SUBS_MAX)
            rc = jr_refuse(err, rc, "field_invalid", "subcontractors",
                           "'subcontractors' moet een lijst van ten hoogste %d onderaannemers "
                           "zijn.",
                           JR_TENDER_SUBS_MAX);
        else {
            size_t i;
            json_t *x;
            json_array_foreach(subs, i, x)
            {
                store_tsub_row *sr = &s->subs[s->nsubs++];
                rc = get_str(x, "agb", true, sr->agb, sizeof sr->agb, rc, err);
                rc = get_str(x, "name", true, sr->name, sizeof sr->name, rc, err);
            }
        }
    }
    return rc;
}

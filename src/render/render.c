/*
 * render.c: records as JSON, in the shapes of the command line's --json
 * output (see render.h).
 */
#include "render.h"

#include "../domain/decl.h"

#include <stdio.h>
#include <string.h>

json_t *render_date(jr_date d)
{
    char buf[JR_DATE_ISO_LEN];
    return d == JR_DATE_NONE ? json_null() : json_string(date_format(d, buf));
}

json_t *render_month(jr_month m)
{
    char buf[8];
    return json_string(month_format(m, buf));
}

json_t *render_user(const jr_user *u)
{
    bool gem = u->who.role == JR_ROLE_TOEGANG || u->who.role == JR_ROLE_GEMEENTE;
    bool agb = u->who.role == JR_ROLE_AANBIEDER;
    return json_pack("{s:s, s:s, s:s, s:o, s:o, s:b}", "name", u->name, "display_name",
                     u->display_name, "role", role_name(u->who.role), "gemeente",
                     gem ? json_string(u->who.gemeente) : json_null(), "agb",
                     agb ? json_string(u->who.agb) : json_null(), "active", u->active);
}

json_t *render_provider(const jr_provider *p)
{
    return json_pack("{s:s, s:s, s:s}", "agb", p->agb, "name", p->name, "kind", p->kind);
}

json_t *render_contract(const jr_contract *c)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:o, s:o}", "id", (json_int_t)c->id, "agb", c->agb,
                     "lot", c->lot, "product", c->product, "start", render_date(c->start), "end",
                     render_date(c->end));
}

json_t *render_youth(const jr_youth *y)
{
    return json_pack("{s:s, s:o, s:s}", "bsn", y->bsn, "birth", render_date(y->birth), "gemeente",
                     y->gemeente);
}

json_t *render_referral(const jr_referral *r)
{
    const char *what = r->req.route == JR_ROUTE_BUDGET ? r->req.budget : r->req.product;
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:s, s:o, s:s}", "id",
                     (json_int_t)r->id, "bsn", r->bsn, "gemeente", r->gemeente, "referrer_type",
                     r->req.referrer_type, "referrer_name", r->referrer_name, "route",
                     route_name(r->req.route), "product", what, "volume", (json_int_t)r->req.volume,
                     "result", r->req.result, "date", render_date(r->req.date), "status",
                     r->status);
}

json_t *render_quote(const jr_quote *q)
{
    return json_pack("{s:I, s:I, s:s, s:s, s:s, s:o, s:o, s:o, s:i, s:I, s:s, s:s, s:s}", "id",
                     (json_int_t)q->id, "referral", (json_int_t)q->referral_id, "gemeente",
                     q->gemeente, "agb", q->agb, "status", q->status, "referral_date",
                     render_date(q->referral_date), "requested", render_date(q->requested),
                     "answered", render_date(q->answered), "months", q->months, "total_cents",
                     (json_int_t)q->total, "plan", q->plan, "reason", q->reason, "assignment",
                     q->assignment);
}

json_t *render_assignment(const jr_assignment *a)
{
    jr_cents remaining = ledger_remaining(&a->ledger);
    json_t *o = json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:I, s:I, s:s, s:o, s:o, s:s, s:o, s:o, s:s}",
        "number", a->number, "bsn", a->bsn, "gemeente", a->gemeente, "agb", a->agb, "category",
        a->grant.category, "product", a->grant.product, "is_budget", a->grant.is_budget,
        "budget_cents", (json_int_t)a->grant.budget, "volume", (json_int_t)a->grant.volume, "unit",
        a->grant.unit, "start", render_date(a->grant.start), "end", render_date(a->grant.end),
        "status", a->status, "care_start", render_date(a->care_start), "care_stop",
        render_date(a->care_stop), "stop_reason", a->stop_reason);
    json_t *l = json_pack("{s:I, s:I, s:I, s:I, s:I, s:b}", "granted_cents",
                          (json_int_t)a->ledger.granted, "used_cents", (json_int_t)a->ledger.used,
                          "remaining_cents", (json_int_t)remaining, "released_cents",
                          (json_int_t)a->ledger.released, "used_base", (json_int_t)a->used_base,
                          "nearly_spent", ledger_nearly_spent(&a->ledger));
    if (!o || !l ||
        json_object_set_new(o, "referral",
                            a->referral_id ? json_integer(a->referral_id) : json_null()) ||
        json_object_set(o, "ledger", l))
        goto fail;
    json_decref(l);
    return o;
fail:
    json_decref(o);
    json_decref(l);
    return NULL;
}

json_t *render_ledger_event(const jr_ledger_event *e)
{
    return json_pack("{s:o, s:s, s:I, s:I, s:s}", "date", render_date(e->date), "kind", e->kind,
                     "cents", (json_int_t)e->cents, "volume", (json_int_t)e->volume, "note",
                     e->note);
}

json_t *render_outcome(const jr_decl_outcome *o)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:I, s:b}", "line", o->ref, "result",
                     o->accepted ? "accepted" : "rejected", "code", o->code, "message",
                     o->message ? o->message : "", "amount_cents",
                     (json_int_t)(o->accepted ? o->amount : 0), "credit", o->credit);
}

json_t *render_line(const jr_decl_outcome *o)
{
    return json_pack(
        "{s:s, s:s, s:s, s:o, s:o, s:I, s:s, s:I, s:b, s:s, s:s, s:s}", "line", o->ref,
        "assignment", o->assignment, "product", o->product, "begin", render_date(o->begin), "end",
        render_date(o->end), "volume", (json_int_t)o->volume, "unit", o->unit, "amount_cents",
        (json_int_t)o->amount, "credit", o->credit, "code", o->code, "result",
        o->accepted ? "accepted" : "rejected", "message", o->message ? o->message : "");
}

json_t *render_batch_summary(const jr_decl_batch_summary *b)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:o, s:I, s:I, s:I, s:b}", "id", (json_int_t)b->batch_id,
                     "number", b->number, "agb", b->agb, "gemeente", b->gemeente, "period",
                     render_month(b->period), "accepted_lines", (json_int_t)b->n_accepted,
                     "rejected_lines", (json_int_t)b->n_rejected, "accepted_cents",
                     (json_int_t)b->accepted_amount, "replayed", b->replayed);
}

json_t *render_batch(const jr_batch *b)
{
    json_t *o = render_batch_summary(&b->sum);
    if (o && (json_object_del(o, "replayed") != 0 ||
              json_object_set_new(o, "provider", json_string(b->provider_name)) != 0 ||
              json_object_set_new(o, "dagtekening", render_date(b->dagtekening)) != 0 ||
              json_object_set_new(o, "received_at", json_string(b->received_at)) != 0)) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_t *render_settle_row(const jr_settle_row *r)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:I}", "gemeente", r->gemeente, "agb", r->agb,
                     "provider", r->provider_name, "product", r->product, "accepted_cents",
                     (json_int_t)r->accepted, "accepted_lines", (json_int_t)r->n_accepted,
                     "rejected_lines", (json_int_t)r->n_rejected);
}

json_t *render_task_term(const jr_task_term_row *r)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:i, s:I, s:i, s:i, s:I, s:I, s:I}", "partner",
                     r->partner, "partner_name", r->partner_name, "product", r->product, "gemeente",
                     r->gemeente, "year", (int)r->year, "budget_cents", (json_int_t)r->budget,
                     "terms", (int)r->terms, "terms_paid", (int)r->terms_paid, "paid_cents",
                     (json_int_t)r->paid, "this_period_cents", (json_int_t)r->this_period,
                     "remaining_cents", (json_int_t)r->remaining);
}

json_t *render_audit_row(const jr_audit_row *a)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)a->id, "at", a->at,
                     "actor", a->actor, "action", a->action, "entity", a->entity, "entity_id",
                     a->entity_id, "detail", a->detail);
}

static json_t *render_prices(const jr_price *p, int n)
{
    json_t *a = json_array();
    for (int i = 0; a && i < n; i++)
        if (json_array_append_new(a, json_pack("{s:o, s:o, s:I, s:b}", "from",
                                               render_date(p[i].from), "to", render_date(p[i].to),
                                               "cents", (json_int_t)p[i].cents, "derived",
                                               p[i].derived)) != 0) {
            json_decref(a);
            return NULL;
        }
    return a;
}

static json_t *render_strings(const char (*v)[8], int n)
{
    json_t *a = json_array();
    for (int i = 0; a && i < n; i++)
        if (json_array_append_new(a, json_string(v[i])) != 0) {
            json_decref(a);
            return NULL;
        }
    return a;
}

/* the strategic-partner model's parts: partners with their subcontractors,
 * yearly task budgets, the contract terms and the KPIs */
static int render_catalog_funding(const jr_catalog *c, json_t *root)
{
    json_t *pa = json_array(), *tb = json_array(), *kp = json_array();
    int bad = !pa || !tb || !kp;
    for (int i = 0; !bad && i < c->npartners; i++) {
        const jr_partner *p = &c->partners[i];
        json_t *subs = json_array();
        for (int k = 0; subs && !bad && k < p->nsubs; k++)
            bad |= json_array_append_new(
                subs, json_pack("{s:s, s:s}", "agb", p->subs[k].agb, "name", p->subs[k].name));
        bad |= json_array_append_new(pa, json_pack("{s:s, s:s, s:s, s:o}", "agb", p->agb, "name",
                                                   p->name, "lot", p->lot, "subcontractors",
                                                   subs ? subs : json_null()));
    }
    for (int i = 0; !bad && i < c->ntask_budgets; i++) {
        const jr_task_budget *t = &c->task_budgets[i];
        bad |= json_array_append_new(tb, json_pack("{s:s, s:s, s:s, s:i, s:I, s:i}", "partner",
                                                   t->partner, "product", t->product, "gemeente",
                                                   t->gemeente, "year", t->year, "amount_cents",
                                                   (json_int_t)t->amount, "terms", t->terms));
    }
    for (int i = 0; !bad && i < c->nkpis; i++)
        bad |=
            json_array_append_new(kp, json_pack("{s:s, s:s, s:s}", "code", c->kpis[i].code, "name",
                                                c->kpis[i].name, "target", c->kpis[i].target));
    json_t *ct = json_null();
    if (!bad && c->contract.set) {
        json_t *ev = json_array();
        for (int k = 0; ev && k < c->contract.nevaluations; k++)
            bad |= json_array_append_new(ev, json_integer(c->contract.evaluation_years[k]));
        ct = json_pack("{s:o, s:i, s:o, s:s}", "start", render_date(c->contract.start),
                       "length_years", c->contract.length_years, "evaluation_years",
                       ev ? ev : json_null(), "note", c->contract.note);
    }
    /* set_new takes each reference, also when it fails or is NULL */
    bad |= json_object_set_new(root, "partners", pa);
    bad |= json_object_set_new(root, "task_budgets", tb);
    bad |= json_object_set_new(root, "kpis", kp);
    bad |= json_object_set_new(root, "contract_terms", ct);
    return bad;
}

json_t *render_catalog(const jr_catalog *c)
{
    json_t *root = json_pack("{s:s, s:s, s:s, s:s}", "region", c->region, "organisation",
                             c->organisation, "variant", c->variant, "source", c->source);
    json_t *ms = json_array(), *bs = json_array(), *ps = json_array(), *rs = json_array(),
           *ls = json_array();
    int bad = !root || !ms || !bs || !ps || !rs || !ls;
    for (int i = 0; !bad && i < c->nmunicipalities; i++)
        bad |= json_array_append_new(ms, json_pack("{s:s, s:s, s:i}", "cbs",
                                                   c->municipalities[i].cbs, "name",
                                                   c->municipalities[i].name, "youth_population",
                                                   c->municipalities[i].youth_population));
    for (int i = 0; !bad && i < c->nbudgets; i++)
        bad |= json_array_append_new(
            bs, json_pack("{s:s, s:s, s:i, s:o}", "code", c->budgets[i].code, "result",
                          c->budgets[i].result, "max_months", c->budgets[i].max_months, "amounts",
                          render_prices(c->budgets[i].amounts, c->budgets[i].namounts)));
    for (int i = 0; !bad && i < c->nproducts; i++) {
        const jr_product *p = &c->products[i];
        json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:i, s:o}",
                              "code", p->code, "category", p->category, "short_code", p->short_code,
                              "name", p->name, "kind", product_kind_name(p->kind), "funding",
                              funding_name(p->funding), "unit", p->unit, "setting", p->setting,
                              "form", p->form, "parttime", product_parttime_possible(p), "max_days",
                              p->max_days, "tariffs", render_prices(p->prices, p->nprices));
        json_t *pp = json_array();
        for (int k = 0; o && pp && !bad && k < c->nprovider_prices; k++)
            if (strcmp(c->provider_prices[k].product, p->code) == 0)
                bad |= json_array_append_new(
                    pp, json_pack("{s:s, s:o}", "agb", c->provider_prices[k].agb, "tariffs",
                                  render_prices(c->provider_prices[k].prices,
                                                c->provider_prices[k].nprices)));
        if (o && p->kind == JR_PK_PRODUCT)
            bad |= json_object_set_new(o, "max_months", json_integer(p->max_months));
        if (o && p->funding == JR_FUND_OUTPUT)
            bad |= json_object_set_new(o, "period", json_string(output_period_name(p->period)));
        bad |= !o || !pp || json_object_set_new(o, "provider_tariffs", pp) ||
               json_array_append_new(ps, o);
    }
    for (int i = 0; !bad && i <= c->nreferrers; i++) {
        const jr_referrer_rule *r = i < c->nreferrers ? &c->referrers[i] : &c->default_referrer;
        json_t *b = r->all_budgets ? json_string("all") : render_strings(r->budgets, r->nbudgets);
        json_t *pr =
            r->all_products ? json_string("all") : render_strings(r->products, r->nproducts);
        bad |= json_array_append_new(rs, json_pack("{s:s, s:s, s:o, s:b, s:b, s:b, s:b, s:o}",
                                                   "type", i < c->nreferrers ? r->type : "overig",
                                                   "name", r->name, "budgets", b, "quote", r->quote,
                                                   "verblijf", r->verblijf, "crisis", r->crisis,
                                                   "dyslexie", r->dyslexie, "products", pr));
    }
    for (int i = 0; !bad && i < c->nlots; i++) {
        json_t *p = json_array();
        for (int k = 0; p && k < c->lots[i].nproducts; k++)
            bad |= json_array_append_new(p, json_string(c->lots[i].products[k]));
        bad |= json_array_append_new(ls, json_pack("{s:s, s:s, s:o}", "code", c->lots[i].code,
                                                   "name", c->lots[i].name, "products", p));
    }
    /* json_object_set (not _new): the references stay ours until the end */
    if (bad || json_object_set(root, "municipalities", ms) ||
        json_object_set(root, "keuzebudgetten", bs) || json_object_set(root, "products", ps) ||
        json_object_set(root, "referrers", rs) || json_object_set(root, "lots", ls) ||
        render_catalog_funding(c, root))
        goto fail;
    json_decref(ms);
    json_decref(bs);
    json_decref(ps);
    json_decref(rs);
    json_decref(ls);
    return root;
fail:
    json_decref(root);
    json_decref(ms);
    json_decref(bs);
    json_decref(ps);
    json_decref(rs);
    json_decref(ls);
    return NULL;
}

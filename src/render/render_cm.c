/*
 * render_cm.c: the JSON shapes of contract management (see render_cm.h).
 */
#include "render_cm.h"
#include "render.h"

static json_t *codes_array(const char (*codes)[5], int n)
{
    json_t *a = json_array();
    for (int i = 0; a && i < n; i++)
        json_array_append_new(a, json_string(codes[i]));
    return a;
}

json_t *render_cm_contract(const jr_cm_contract *c)
{
    json_t *o = render_contract(&c->c);
    if (!o)
        return NULL;
    json_object_set_new(o, "gemeenten", codes_array((const char(*)[5])c->codes, c->n));
    json_object_set_new(o, "all_gemeenten", json_boolean(c->n == 0));
    return o;
}

json_t *render_cm_manager(const store_cm_manager_row *m)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "agb", m->agb, "provider", m->provider,
                     "user", m->user, "display_name", m->display_name, "assigned_by",
                     m->assigned_by, "assigned_at", m->assigned_at);
}

json_t *render_cm_details(const jr_cm_details *d)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "address", d->address, "postcode",
                     d->postcode, "place", d->place, "phone", d->phone, "email", d->email,
                     "website", d->website);
}

static json_t *waiting(bool has, int64_t weeks, jr_date on)
{
    if (!has)
        return json_null();
    return json_pack("{s:I, s:o}", "weeks", (json_int_t)weeks, "reported_on", render_date(on));
}

json_t *render_cm_head(const jr_cm_head *h)
{
    json_t *o = render_provider(&h->p);
    if (!o)
        return NULL;
    json_object_set_new(o, "details",
                        h->has_details ? render_cm_details(&h->details.d) : json_null());
    json_object_set_new(o, "contract_manager",
                        h->has_manager ? json_pack("{s:s, s:s}", "user", h->manager.user,
                                                   "display_name", h->manager.display_name)
                                       : json_null());
    json_object_set_new(o, "waiting",
                        waiting(h->has_waiting, h->waiting.weeks, h->waiting.reported_on));
    json_object_set_new(o, "full", json_boolean(h->full));
    return o;
}

json_t *render_cm_complaint(const store_cm_complaint_row *c)
{
    return json_pack("{s:I, s:s, s:o, s:s, s:s, s:s, s:o, s:b}", "id", (json_int_t)c->id, "agb",
                     c->agb, "received_on", render_date(c->received_on), "complainant",
                     c->complainant, "subject", c->subject, "handling", c->handling, "closed_on",
                     render_date(c->closed_on), "open", c->closed_on == JR_DATE_NONE);
}

json_t *render_cm_escalation(const jr_cm_escalation *e)
{
    json_t *steps = json_array(), *next = json_array();
    for (int i = 0; steps && i < e->nsteps; i++)
        json_array_append_new(
            steps,
            json_pack("{s:s, s:s, s:o, s:s, s:s}", "step", cm_step_name(e->steps[i].step), "label",
                      cm_step_label(e->steps[i].step), "date", render_date(e->steps[i].step_on),
                      "note", e->steps[i].note, "recorded_by", e->steps[i].recorded_by));
    /* the steps the protocol allows next: the following one, and closing */
    if (next && e->e.step != JR_ESC_AFGESLOTEN) {
        json_array_append_new(next, json_string(cm_step_name(e->e.step + 1)));
        if (e->e.step + 1 != JR_ESC_AFGESLOTEN)
            json_array_append_new(next, json_string(cm_step_name(JR_ESC_AFGESLOTEN)));
    }
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:o, s:b, s:o, s:o}", "id",
                     (json_int_t)e->e.id, "agb", e->e.agb, "kind", e->e.kind, "reason", e->e.reason,
                     "step", cm_step_name(e->e.step), "step_label", cm_step_label(e->e.step),
                     "step_on", render_date(e->e.step_on), "closed", e->e.step == JR_ESC_AFGESLOTEN,
                     "next_steps", next, "steps", steps);
}

json_t *render_cm_note(const store_cm_note_row *n)
{
    return json_pack("{s:I, s:o, s:s, s:s}", "id", (json_int_t)n->id, "date",
                     render_date(n->note_on), "text", n->text, "created_by", n->created_by);
}

json_t *render_cm_dir_entry(const jr_cm_dir_entry *x)
{
    json_t *products = json_array();
    for (int i = 0; products && i < x->nproducts; i++)
        json_array_append_new(products, json_string(x->products[i]));
    return json_pack("{s:s, s:s, s:o, s:b, s:b, s:b, s:b, s:o, s:b, s:o, s:o}", "agb", x->agb,
                     "name", x->name, "products", products, "keuzebudget", x->keuzebudget, "wonen",
                     x->wonen, "crisis", x->crisis, "dyslexie", x->dyslexie, "gemeenten",
                     codes_array((const char(*)[5])x->gemeenten, x->ngemeenten), "all_gemeenten",
                     x->all_gemeenten, "contact",
                     x->has_details ? render_cm_details(&x->details) : json_null(), "waiting",
                     waiting(x->has_waiting, x->waiting_weeks, x->waiting_on));
}

json_t *render_cm_public_catalog(const jr_catalog *cat)
{
    json_t *m = json_array(), *p = json_array(), *b = json_array();
    for (int i = 0; m && i < cat->nmunicipalities; i++)
        json_array_append_new(m, json_pack("{s:s, s:s}", "cbs", cat->municipalities[i].cbs, "name",
                                           cat->municipalities[i].name));
    for (int i = 0; p && i < cat->nproducts; i++)
        json_array_append_new(p, json_pack("{s:s, s:s, s:s, s:s}", "code", cat->products[i].code,
                                           "short_code", cat->products[i].short_code, "name",
                                           cat->products[i].name, "kind",
                                           product_kind_name(cat->products[i].kind)));
    for (int i = 0; b && i < cat->nbudgets; i++)
        json_array_append_new(b, json_pack("{s:s, s:s}", "code", cat->budgets[i].code, "result",
                                           cat->budgets[i].result));
    return json_pack("{s:s, s:s, s:o, s:o, s:o}", "region", cat->region, "organisation",
                     cat->organisation, "municipalities", m, "products", p, "budgets", b);
}

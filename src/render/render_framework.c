/*
 * render_framework.c: the JSON shapes of framework agreements, the change
 * procedure and the covenant (see render_framework.h).
 */
#include "render_framework.h"

#include "render.h"

static json_t *opt_text(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

json_t *render_fw_evaluation(const jr_fw_evaluation *e)
{
    return json_pack("{s:I, s:o, s:s, s:o, s:o}", "id", (json_int_t)e->id, "date",
                     render_date(e->planned), "subject", e->subject, "held", render_date(e->held),
                     "outcome", e->held == JR_DATE_NONE ? json_null() : json_string(e->outcome));
}

json_t *render_fw_summary(const jr_fw_summary *s)
{
    json_t *next = json_null();
    if (s->has_next_eval) {
        next = render_fw_evaluation(&s->next_eval);
        if (next)
            json_object_set_new(next, "overdue", json_boolean(s->next_eval_overdue));
    }
    return json_pack(
        "{s:I, s:s, s:s, s:s, s:o, s:o, s:o, s:i, s:o, s:o, s:o, s:I}", "id", (json_int_t)s->a.id,
        "lot", s->a.lot, "lot_name", s->lot_name, "name", s->a.name, "start",
        render_date(s->a.start), "initial_end", render_date(s->a.initial_end), "current_end",
        render_date(s->current_end), "extensions", s->nextensions, "proposal_deadline",
        render_date(s->deadline - 1), "next_extension_date", render_date(s->next_extension),
        "next_evaluation", next ? next : json_null(), "contracts", (json_int_t)s->ncontracts);
}

json_t *render_fw_extension(const jr_fw_extension *e)
{
    return json_pack("{s:i, s:o, s:i, s:o, s:s, s:s}", "seq", (int)e->seq, "start",
                     render_date(e->ext.effective), "months", (int)e->ext.months, "end",
                     render_date(framework_extension_end(e->ext.effective, e->ext.months)), "note",
                     e->note, "created_by", e->created_by);
}

json_t *render_fw_contract(const jr_fw_contract *c)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:o}", "contract_id",
                     (json_int_t)c->contract_id, "agb", c->agb, "provider", c->provider, "lot",
                     c->lot, "product", c->product, "start", render_date(c->start), "end",
                     render_date(c->end));
}

json_t *render_fw_proposal(const jr_fw_proposal *p)
{
    return json_pack(
        "{s:I, s:I, s:s, s:s, s:s, s:o, s:o, s:o, s:s, s:s, s:s, s:s, s:s, s:s, "
        "s:s, s:o, s:o}",
        "id", (json_int_t)p->id, "agreement_id", (json_int_t)p->agreement_id, "lot", p->lot,
        "proposer_kind", framework_proposer_code(p->kind), "proposer", p->proposer, "submitted",
        render_date(p->submitted), "target_end", render_date(p->target_end), "effect_date",
        render_date(p->effect), "title", p->title, "description", p->description, "effect_youth",
        p->effect_youth, "effect_contractor", p->effect_contractor, "effect_client",
        p->effect_client, "state", framework_state_code(p->state), "state_name",
        framework_state_name(p->state), "outcome",
        p->outcome == JR_FWO_NONE ? json_null() : json_string(framework_outcome_code(p->outcome)),
        "reason", p->outcome == JR_FWO_NONE ? json_null() : opt_text(p->reason));
}

json_t *render_fw_event(const jr_fw_event *e)
{
    return json_pack("{s:s, s:s, s:o, s:s, s:s, s:s}", "state", framework_state_code(e->state),
                     "state_name", framework_state_name(e->state), "date", render_date(e->date),
                     "actor", e->actor, "note", e->note, "at", e->at);
}

json_t *render_cov(const jr_cov *c)
{
    return json_pack("{s:I, s:s, s:o}", "id", (json_int_t)c->id, "name", c->name, "signed",
                     render_date(c->signed_date));
}

json_t *render_cov_commitment(const jr_cov_commitment *c)
{
    return json_pack("{s:I, s:s, s:s}", "id", (json_int_t)c->id, "title", c->title, "description",
                     c->description);
}

json_t *render_cov_status(const jr_cov_status *s)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:s, s:s}", "commitment_id",
                     (json_int_t)s->commitment_id, "agb", s->agb, "provider", s->provider, "status",
                     framework_cov_status_code(s->status), "status_name",
                     framework_cov_status_name(s->status), "date", render_date(s->date), "note",
                     s->note, "recorded_by", s->recorded_by);
}

static int append(void *ud, json_t *o)
{
    if (!o)
        return 1;
    return json_array_append_new(ud, o) != 0;
}

int render_fw_extension_row(void *ud, const void *row)
{
    return append(ud, render_fw_extension(row));
}

int render_fw_evaluation_row(void *ud, const void *row)
{
    return append(ud, render_fw_evaluation(row));
}

int render_fw_contract_row(void *ud, const void *row)
{
    return append(ud, render_fw_contract(row));
}

int render_fw_proposal_row(void *ud, const void *row)
{
    return append(ud, render_fw_proposal(row));
}

int render_fw_event_row(void *ud, const void *row)
{
    return append(ud, render_fw_event(row));
}

int render_fw_summary_row(void *ud, const void *row)
{
    return append(ud, render_fw_summary(row));
}

int render_cov_commitment_row(void *ud, const void *row)
{
    return append(ud, render_cov_commitment(row));
}

int render_cov_status_row(void *ud, const void *row)
{
    return append(ud, render_cov_status(row));
}

int render_cov_lot_row(void *ud, const void *row)
{
    return append(ud, json_string(row));
}

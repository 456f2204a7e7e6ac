/*
 * render_signals.c: the control signals as JSON (see render_signals.h).
 */
#include "render_signals.h"

#include "render_figures.h"

static json_t *or_null_x10(int64_t v)
{
    return v < 0 ? json_null() : json_integer(v);
}

static json_t *date_or_null(jr_date d)
{
    char b[JR_DATE_ISO_LEN];
    return d == JR_DATE_NONE ? json_null() : json_string(date_format(d, b));
}

static json_t *line(const jr_sig_line *l)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    if (l->line_id)
        json_object_set_new(o, "line_id", json_integer(l->line_id));
    json_object_set_new(o, "month", l->month[0] ? json_string(l->month) : json_null());
    if (l->assignment[0]) {
        json_object_set_new(o, "assignment", json_string(l->assignment));
        json_object_set_new(o, "youth_id", json_integer(l->youth_id));
        json_object_set_new(o, "bsn", json_string(l->bsn));
        json_object_set_new(o, "product", json_string(l->product));
        json_object_set_new(o, "begin", date_or_null(l->begin));
        json_object_set_new(o, "end", date_or_null(l->end));
    }
    if (l->unit[0]) {
        json_object_set_new(o, "volume", json_integer(l->volume));
        json_object_set_new(o, "unit", json_string(l->unit));
    }
    json_object_set_new(o, "cents", json_integer(l->cents));
    if (l->granted)
        json_object_set_new(o, "granted_cents", json_integer(l->granted));
    json_object_set_new(o, "value_x10", or_null_x10(l->value_x10));
    json_object_set_new(o, "note", json_string(l->note));
    return o;
}

static json_t *signal(const jr_signal *s, bool aggregate)
{
    json_t *lines = aggregate ? json_null() : json_array();
    for (int i = 0; lines && !aggregate && i < s->nlines; i++)
        json_array_append_new(lines, line(&s->lines[i]));
    return json_pack(
        "{s:s, s:s, s:s, s:s, s:o, s:I, s:I, s:I, s:I, s:o, s:s, s:b, s:o}", "kind",
        signal_kind_code(s->kind), "kind_name", signal_kind_name(s->kind), "agb", s->agb,
        "provider", s->provider, "month", s->month[0] ? json_string(s->month) : json_null(),
        "count", (json_int_t)s->count, "of", (json_int_t)s->of, "cents", (json_int_t)s->cents,
        "reference_cents", (json_int_t)s->reference, "value_x10", or_null_x10(s->value_x10), "text",
        s->text, "lines_truncated", !aggregate && s->count > s->nlines, "lines", lines);
}

json_t *render_signals(const jr_signals *s)
{
    const jr_signal_limits *l = &s->limits;
    json_t *counts = json_object(), *kinds = json_array(), *items = json_array();
    for (int k = 0; counts && kinds && k < JR_SIG_KINDS; k++) {
        json_object_set_new(counts, signal_kind_code((jr_signal_kind)k),
                            json_integer(s->counts[k]));
        json_array_append_new(kinds, json_pack("{s:s, s:s, s:I}", "code",
                                               signal_kind_code((jr_signal_kind)k), "name",
                                               signal_kind_name((jr_signal_kind)k), "count",
                                               (json_int_t)s->counts[k]));
    }
    for (int i = 0; items && i < s->n; i++)
        json_array_append_new(items, signal(&s->signals[i], s->aggregate));
    json_t *limits =
        json_pack("{s:i, s:i, s:i, s:i, s:i, s:i, s:I}", "budget_used_pct", (int)l->budget_used_pct,
                  "budget_share_pct", (int)l->budget_share_pct, "budget_min_assignments",
                  (int)l->budget_min_assignments, "hours_per_week", (int)l->hours_per_week,
                  "credit_share_pct", (int)l->credit_share_pct, "jump_factor_pct",
                  (int)l->jump_factor_pct, "jump_min_cents", (json_int_t)l->jump_min_cents);
    return json_pack("{s:o, s:o, s:b, s:o, s:o, s:o, s:I, s:o}", "period",
                     render_fig_period(&s->period), "scope", render_fig_scope(&s->scope),
                     "aggregate", s->aggregate, "limits", limits, "counts", counts, "kinds", kinds,
                     "total", (json_int_t)s->n, "signals", items);
}

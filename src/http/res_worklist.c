/*
 * res_worklist.c: the work waiting for the logged-in user (every role but
 * the lezer): open quote requests, assignments waiting for the start of
 * care, recently rejected declaration lines and budgets more than 90%
 * spent, each a short list (?limit=, default 20), newest first.
 */
#include "../render/render.h"
#include "http.h"

#include "../service/worklist.h"

static int worklist_add_quote(void *ud, const void *row)
{
    return json_array_append_new(ud, render_quote(row)) != 0;
}

static int worklist_add_assignment(void *ud, const void *row)
{
    return json_array_append_new(ud, render_assignment(row)) != 0;
}

static int worklist_add_line(void *ud, const void *row)
{
    const jr_rejected_line *l = row;
    json_t *o = render_line(&l->line);
    if (o && (json_object_set_new(o, "batch", json_integer(l->batch_id)) != 0 ||
              json_object_set_new(o, "batch_number", json_string(l->batch_number)) != 0 ||
              json_object_set_new(o, "gemeente", json_string(l->gemeente)) != 0 ||
              json_object_set_new(o, "agb", json_string(l->agb)) != 0 ||
              json_object_set_new(o, "period", render_month(l->period)) != 0)) {
        json_decref(o);
        o = NULL;
    }
    return json_array_append_new(ud, o) != 0;
}

/* ROUTE: GET /api/v1/worklist */
void worklist_show(http_req *r)
{
    int64_t limit = 20;
    if (!http_query_int(r, "limit", 1, JR_WORKLIST_MAX, &limit))
        return;
    json_t *quotes = json_array(), *waiting = json_array(), *lines = json_array(),
           *budgets = json_array();
    jr_error err;
    jr_error_clear(&err);
    jr_status rc = quotes && waiting && lines && budgets ? JR_OK : JR_ENOMEM;
    if (rc != JR_OK)
        jr_fail(&err, rc, "no_memory", "", "Onvoldoende geheugen.");
    if (rc == JR_OK)
        rc = worklist_open_quotes(&r->ctx, (int)limit, worklist_add_quote, quotes, &err);
    if (rc == JR_OK)
        rc = worklist_awaiting_start(&r->ctx, (int)limit, worklist_add_assignment, waiting, &err);
    if (rc == JR_OK)
        rc = worklist_rejected_lines(&r->ctx, (int)limit, worklist_add_line, lines, &err);
    if (rc == JR_OK)
        rc = worklist_budgets_nearly_spent(&r->ctx, (int)limit, worklist_add_assignment, budgets,
                                           &err);
    if (rc != JR_OK)
        goto fail;
    http_reply_json(r, 200,
                    json_pack("{s:o, s:o, s:o, s:o}", "open_quotes", quotes, "awaiting_care_start",
                              waiting, "rejected_lines", lines, "budgets_nearly_spent", budgets));
    return;
fail:
    json_decref(quotes);
    json_decref(waiting);
    json_decref(lines);
    json_decref(budgets);
    http_reply_error(r, &err);
}

/*
 * render.h: the JSON shapes of the records the interfaces show: the HTTP
 * API (src/http) and the command line's --json output (src/cli) both use
 * them, so that a script can move from one to the other. Each function
 * returns a new reference (NULL when out of memory).
 */
#ifndef JR_RENDER_H
#define JR_RENDER_H

#include "../service/assignment.h"
#include "../service/auth.h"
#include "../service/batches.h"
#include "../service/declaration.h"
#include "../service/provider.h"
#include "../service/quote.h"
#include "../service/referrals.h"
#include "../service/settlement.h"
#include "../service/youth.h"

#include <jansson.h>

json_t *render_date(jr_date d); /* null for JR_DATE_NONE */
json_t *render_month(jr_month m);
json_t *render_user(const jr_user *u);
json_t *render_provider(const jr_provider *p);
json_t *render_contract(const jr_contract *c);
json_t *render_youth(const jr_youth *y);
json_t *render_referral(const jr_referral *r);
json_t *render_quote(const jr_quote *q);
json_t *render_assignment(const jr_assignment *a);
json_t *render_ledger_event(const jr_ledger_event *e);
/* render_outcome: a declaration line as `declare --json` shows it. */
json_t *render_outcome(const jr_decl_outcome *o);
/* render_line: a stored line with its dates and volume (`settle --lines --json`). */
json_t *render_line(const jr_decl_outcome *o);
json_t *render_batch_summary(const jr_decl_batch_summary *b);
json_t *render_batch(const jr_batch *b);
json_t *render_settle_row(const jr_settle_row *r);
/* render_task_term: a task budget in a settlement period (settle --tasks
 * --json, GET /api/v1/settlements/task-budgets). */
json_t *render_task_term(const jr_task_term_row *r);
json_t *render_audit_row(const jr_audit_row *a);
/* render_catalog: the region catalog as `catalog --json`. */
json_t *render_catalog(const jr_catalog *c);

#endif

/*
 * render_cm.h: the JSON shapes of contract management
 * (service/contract_mgmt.h), the same for the API and the CLI's --json.
 * Each returns a new reference (NULL when out of memory).
 */
#ifndef JR_RENDER_CM_H
#define JR_RENDER_CM_H

#include "../service/contract_mgmt.h"

#include <jansson.h>

/* {id, agb, lot, product, start, end, gemeenten: [CBS...], all_gemeenten} */
json_t *render_cm_contract(const jr_cm_contract *c);
/* {agb, provider, user, display_name, assigned_by, assigned_at} */
json_t *render_cm_manager(const store_cm_manager_row *m);
/* {address, postcode, place, phone, email, website} */
json_t *render_cm_details(const jr_cm_details *d);
/* {agb, name, kind, details|null, contract_manager|null, waiting: {weeks, reported_on}|null} */
json_t *render_cm_head(const jr_cm_head *h);
/* {id, agb, received_on, complainant, subject, handling, closed_on, open} */
json_t *render_cm_complaint(const store_cm_complaint_row *c);
/* {id, agb, kind, reason, step, step_label, step_on, closed, next_steps: [..],
 *  steps: [{step, label, date, note, recorded_by}]} */
json_t *render_cm_escalation(const jr_cm_escalation *e);
/* {id, date, text, created_by} */
json_t *render_cm_note(const store_cm_note_row *n);
/* {agb, name, products, keuzebudget, wonen, crisis, dyslexie, gemeenten,
 *  all_gemeenten, contact|null, waiting: {weeks, reported_on}|null} */
json_t *render_cm_dir_entry(const jr_cm_dir_entry *x);

/* the public part of the catalog the directory's filters need:
 * {region, organisation, municipalities: [{cbs, name}], products: [{code,
 *  short_code, name, kind}], budgets: [{code, result}]} (no tariffs) */
json_t *render_cm_public_catalog(const jr_catalog *cat);

#endif

/*
 * cmd_framework.c: framework agreements, the change procedure and the
 * transformation covenant on the command line (issue 12,
 * service/framework.h, docs/framework.md):
 *   jeugdregio framework [list]                       the agreements
 *   jeugdregio framework show ID                      one, with extensions,
 *                                                     evaluations, contracts
 *   jeugdregio framework add --lot P --name N --start D --end D
 *   jeugdregio framework extend ID --start D --months N [--note T]
 *   jeugdregio framework evaluation ID --date D --subject T
 *   jeugdregio framework outcome ID EVAL --date D --outcome T
 *   jeugdregio framework link ID --contract N
 *   jeugdregio framework proposals [--agreement ID]
 *   jeugdregio framework propose ID --title T --description T --youth T
 *              --contractor T --client T [--proposer-kind K --proposer X]
 *   jeugdregio framework proposal PID                 one, with its history
 *   jeugdregio framework discuss|effect PID [--note T]
 *   jeugdregio framework decide PID --outcome aangenomen|afgewezen --reason T
 *   jeugdregio framework covenants
 *   jeugdregio framework covenant-add --name N --signed D --lot P [--lot P..]
 *   jeugdregio framework commitment COV --title T --description T
 *   jeugdregio framework status COV --commitment N --agb A --status S
 *              --date D [--note T]
 * as Dutch text, or with --json the shapes of render/render_framework.h.
 */
#include "cli.h"

#include "../render/render_framework.h"
#include "../service/framework.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int emit_or_fail(json_t *o)
{
    if (!o) {
        fprintf(stderr, "Onvoldoende geheugen.\n");
        return EXIT_INTERNAL;
    }
    cli_emit(o);
    return EXIT_DONE;
}

static int print_summary(void *ud, const void *row)
{
    const jr_fw_summary *s = row;
    if (ud)
        return json_array_append_new(ud, render_fw_summary(s)) != 0;
    char a[JR_DATE_ISO_LEN], b[JR_DATE_ISO_LEN], c[JR_DATE_ISO_LEN], d[JR_DATE_ISO_LEN];
    printf("%3lld  %-4s %-50.50s %s tot en met %s (%d verlenging(en)); voorstellen tot en met %s; "
           "%lld contracten",
           (long long)s->a.id, s->a.lot, s->a.name, date_format(s->a.start, a),
           date_format(s->current_end, b), s->nextensions, date_format(s->deadline - 1, c),
           (long long)s->ncontracts);
    if (s->has_next_eval)
        printf("; evaluatie %s%s", date_format(s->next_eval.planned, d),
               s->next_eval_overdue ? " (te laat)" : "");
    printf("\n");
    return 0;
}

static int print_proposal(void *ud, const void *row)
{
    const jr_fw_proposal *p = row;
    if (ud)
        return json_array_append_new(ud, render_fw_proposal(p)) != 0;
    char a[JR_DATE_ISO_LEN], b[JR_DATE_ISO_LEN];
    char when[40];
    if (p->outcome == JR_FWO_AFGEWEZEN)
        snprintf(when, sizeof when, "gaat niet in werking");
    else
        snprintf(when, sizeof when, "in werking per %s", date_format(p->effect, b));
    printf("%4lld  ro %lld %-4s %-10s %-9s %s  %-14s%s%-10s  %s: %s\n", (long long)p->id,
           (long long)p->agreement_id, p->lot, framework_proposer_code(p->kind), p->proposer,
           date_format(p->submitted, a), framework_state_name(p->state), p->outcome ? " " : "",
           framework_outcome_code(p->outcome), when, p->title);
    return 0;
}

static int print_event(void *ud, const void *row)
{
    const jr_fw_event *e = row;
    char d[JR_DATE_ISO_LEN];
    (void)ud;
    printf("  %s  %-14s %s%s%s\n", date_format(e->date, d), framework_state_name(e->state),
           e->actor, e->note[0] ? ": " : "", e->note);
    return 0;
}

static int cli_id(const char *s, int64_t *out)
{
    return cli_int("framework", "ID", s, 1, INT64_MAX, out) ? 0 : EXIT_USAGE;
}

static int show_agreement(cli_env *env, int64_t id, jr_error *err)
{
    jr_fw_summary s;
    json_t *ext = json_array(), *ev = json_array(), *con = json_array();
    jr_status rc = framework_agreement_get(&env->ctx, id, &s, err);
    if (rc == JR_OK)
        rc = framework_extension_list(&env->ctx, id, render_fw_extension_row, ext, err);
    if (rc == JR_OK)
        rc = framework_evaluation_list(&env->ctx, id, render_fw_evaluation_row, ev, err);
    if (rc == JR_OK)
        rc = framework_contract_list(&env->ctx, id, render_fw_contract_row, con, err);
    if (rc != JR_OK) {
        json_decref(ext);
        json_decref(ev);
        json_decref(con);
        return cli_fail(env, err);
    }
    if (env->json) {
        json_t *o = render_fw_summary(&s);
        json_object_set_new(o, "extension_list", ext);
        json_object_set_new(o, "evaluation_list", ev);
        json_object_set_new(o, "contract_list", con);
        return emit_or_fail(o);
    }
    print_summary(NULL, &s);
    for (size_t i = 0; i < json_array_size(ext); i++) {
        json_t *x = json_array_get(ext, i);
        printf("  verlenging %lld per %s, %lld maanden, tot en met %s\n",
               (long long)json_integer_value(json_object_get(x, "seq")),
               json_string_value(json_object_get(x, "start")),
               (long long)json_integer_value(json_object_get(x, "months")),
               json_string_value(json_object_get(x, "end")));
    }
    for (size_t i = 0; i < json_array_size(ev); i++) {
        json_t *x = json_array_get(ev, i);
        const char *held = json_string_value(json_object_get(x, "held"));
        printf("  evaluatie %lld op %s: %s%s%s\n",
               (long long)json_integer_value(json_object_get(x, "id")),
               json_string_value(json_object_get(x, "date")),
               json_string_value(json_object_get(x, "subject")), held ? " -- " : " (gepland)",
               held ? json_string_value(json_object_get(x, "outcome")) : "");
    }
    printf("  %zu contracten\n", json_array_size(con));
    json_decref(ext);
    json_decref(ev);
    json_decref(con);
    return EXIT_DONE;
}

static int show_proposal(cli_env *env, int64_t id, jr_error *err)
{
    jr_fw_proposal *p = calloc(1, sizeof *p);
    if (!p)
        return emit_or_fail(NULL);
    json_t *hist = env->json ? json_array() : NULL;
    jr_status rc = framework_proposal_get(&env->ctx, id, p, err);
    if (rc == JR_OK && !env->json)
        print_proposal(NULL, p);
    if (rc == JR_OK)
        rc = framework_proposal_history(&env->ctx, id,
                                        env->json ? render_fw_event_row : print_event, hist, err);
    if (rc != JR_OK) {
        free(p);
        json_decref(hist);
        return cli_fail(env, err);
    }
    int out = EXIT_DONE;
    if (env->json) {
        json_t *o = render_fw_proposal(p);
        json_object_set_new(o, "history", hist);
        out = emit_or_fail(o);
    } else {
        printf("  beschrijving: %s\n  effect op de jeugdige: %s\n  effect op de opdrachtnemer: "
               "%s\n  effect op de opdrachtgever: %s\n",
               p->description, p->effect_youth, p->effect_contractor, p->effect_client);
        if (p->outcome)
            printf("  besluit: %s: %s\n", framework_outcome_code(p->outcome), p->reason);
    }
    free(p);
    return out;
}

static int show_covenants(cli_env *env, jr_error *err);

/*
 * COMMAND: framework
 * SUMMARY: raamovereenkomsten per perceel, de wijzigingsprocedure en het transformatieconvenant
 */
int cmd_framework(cli_env *env, int argc, char **argv)
{
    const char *name = NULL, *start_s = NULL, *end_s = NULL, *months_s = NULL, *note = NULL,
               *date_s = NULL, *subject = NULL, *outcome = NULL, *contract_s = NULL,
               *agreement_s = NULL, *title = NULL, *description = NULL, *youth = NULL,
               *contractor = NULL, *client = NULL, *kind = NULL, *proposer = NULL, *reason = NULL,
               *signed_s = NULL, *commitment_s = NULL, *agb = NULL, *status_s = NULL;
    cli_multi lots = {{0}, 0};
    const cli_opt opts[] = {
        {"lot", OPT_MULTI, &lots, "PERCEEL", "add: het perceel; covenant-add: elk perceel"},
        {"name", OPT_STR, &name, "NAAM", "add, covenant-add: de naam"},
        {"start", OPT_STR, &start_s, "JJJJ-MM-DD", "add: de startdatum; extend: de ingangsdatum"},
        {"end", OPT_STR, &end_s, "JJJJ-MM-DD", "add: de oorspronkelijke einddatum"},
        {"months", OPT_STR, &months_s, "N", "extend: de verlenging in maanden"},
        {"note", OPT_STR, &note, "TEKST", "extend, discuss, effect, status: een toelichting"},
        {"date", OPT_STR, &date_s, "JJJJ-MM-DD", "evaluation, outcome, status: de datum"},
        {"subject", OPT_STR, &subject, "TEKST", "evaluation: het onderwerp"},
        {"outcome", OPT_STR, &outcome, "TEKST",
         "outcome: de uitkomst; decide: aangenomen of afgewezen"},
        {"reason", OPT_STR, &reason, "TEKST", "decide: de motivering"},
        {"contract", OPT_STR, &contract_s, "N", "link: het contractnummer"},
        {"agreement", OPT_STR, &agreement_s, "ID", "proposals: alleen deze raamovereenkomst"},
        {"title", OPT_STR, &title, "TEKST", "propose, commitment: de titel"},
        {"description", OPT_STR, &description, "TEKST", "propose, commitment: de beschrijving"},
        {"youth", OPT_STR, &youth, "TEKST", "propose: het effect op de jeugdige"},
        {"contractor", OPT_STR, &contractor, "TEKST", "propose: het effect op de opdrachtnemer"},
        {"client", OPT_STR, &client, "TEKST", "propose: het effect op de opdrachtgever"},
        {"proposer-kind", OPT_STR, &kind, "SOORT", "propose: gemeente, rsj of aanbieder"},
        {"proposer", OPT_STR, &proposer, "CODE", "propose: CBS- of AGB-code van de indiener"},
        {"signed", OPT_STR, &signed_s, "JJJJ-MM-DD", "covenant-add: de datum van ondertekening"},
        {"commitment", OPT_STR, &commitment_s, "N", "status: de afspraak"},
        {"agb", OPT_STR, &agb, "AGB", "status: de aanbieder"},
        {"status", OPT_STR, &status_s, "STAND",
         "status: afgesproken, in_uitvoering, gerealiseerd, niet_gerealiseerd"},
        {0}};
    const char *pos[3];
    int npos, rc = cli_parse(
                  env,
                  "framework [list|show|add|extend|evaluation|outcome|link|proposals|propose|"
                  "proposal|discuss|decide|effect|covenants|covenant-add|commitment|status] "
                  "[ID] [OPTIES]",
                  "Raamovereenkomsten per perceel met hun verlengingen, evaluaties en contracten; "
                  "de jaarlijkse wijzigingsprocedure (voorstellen tot 1 maart van het jaar waarin "
                  "de raamovereenkomst afloopt; ingediend, in bespreking, besloten, in werking op "
                  "de verlengingsdatum); het transformatieconvenant met de stand van elke "
                  "afspraak per aanbieder. Zie docs/framework.md.",
                  argc, argv, opts, pos, 3, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    const char *act = npos ? pos[0] : "list";
    int64_t id = 0, id2 = 0, n = 0;
    jr_date d1 = JR_DATE_NONE, d2 = JR_DATE_NONE;
    static const char *const with_id[] = {"show",   "extend",  "evaluation", "outcome",
                                          "link",   "propose", "proposal",   "discuss",
                                          "decide", "effect",  "commitment", "status"};
    bool needs_id = false;
    for (size_t i = 0; i < sizeof with_id / sizeof with_id[0]; i++)
        needs_id |= strcmp(act, with_id[i]) == 0;
    if (needs_id) {
        if (npos < 2)
            return cli_usage_error("framework", "%s: geef het nummer (ID)", act);
        if ((rc = cli_id(pos[1], &id)) != 0)
            return rc;
    }
    if (strcmp(act, "outcome") == 0) {
        if (npos < 3)
            return cli_usage_error("framework",
                                   "outcome: geef de raamovereenkomst en de evaluatie");
        if ((rc = cli_id(pos[2], &id2)) != 0)
            return rc;
    }
    if (start_s && !cli_date("framework", "--start", start_s, &d1))
        return EXIT_USAGE;
    if (date_s && !cli_date("framework", "--date", date_s, &d1))
        return EXIT_USAGE;
    if (signed_s && !cli_date("framework", "--signed", signed_s, &d1))
        return EXIT_USAGE;
    if (end_s && !cli_date("framework", "--end", end_s, &d2))
        return EXIT_USAGE;
    if (months_s && !cli_int("framework", "--months", months_s, 1, 1200, &n))
        return EXIT_USAGE;
    if (contract_s && !cli_int("framework", "--contract", contract_s, 1, INT64_MAX, &n))
        return EXIT_USAGE;
    if (commitment_s && !cli_int("framework", "--commitment", commitment_s, 1, INT64_MAX, &n))
        return EXIT_USAGE;
    if (agreement_s && !cli_int("framework", "--agreement", agreement_s, 1, INT64_MAX, &id))
        return EXIT_USAGE;
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    cli_error_collect(env, &err);
    jr_status st = JR_OK;
    if (strcmp(act, "list") == 0) {
        json_t *items = env->json ? json_array() : NULL;
        if (framework_agreement_list(&env->ctx, print_summary, items, &err) != JR_OK) {
            json_decref(items);
            return cli_fail(env, &err);
        }
        return env->json ? emit_or_fail(json_pack("{s:o}", "items", items)) : EXIT_DONE;
    }
    if (strcmp(act, "show") == 0)
        return show_agreement(env, id, &err);
    if (strcmp(act, "add") == 0) {
        int64_t nid = 0;
        st =
            framework_agreement_add(&env->ctx, lots.n ? lots.v[0] : NULL, name, d1, d2, &nid, &err);
        return st == JR_OK ? show_agreement(env, nid, &err) : cli_fail(env, &err);
    }
    if (strcmp(act, "extend") == 0) {
        st = framework_extend(&env->ctx, id, d1, (int32_t)n, note, &err);
        return st == JR_OK ? show_agreement(env, id, &err) : cli_fail(env, &err);
    }
    if (strcmp(act, "evaluation") == 0) {
        st = framework_evaluation_add(&env->ctx, id, d1, subject, NULL, &err);
        return st == JR_OK ? show_agreement(env, id, &err) : cli_fail(env, &err);
    }
    if (strcmp(act, "outcome") == 0) {
        st = framework_evaluation_hold(&env->ctx, id, id2, d1, outcome, &err);
        return st == JR_OK ? show_agreement(env, id, &err) : cli_fail(env, &err);
    }
    if (strcmp(act, "link") == 0) {
        if (!contract_s)
            return cli_usage_error("framework", "link: --contract ontbreekt");
        st = framework_contract_link(&env->ctx, id, n, &err);
        return st == JR_OK ? show_agreement(env, id, &err) : cli_fail(env, &err);
    }
    if (strcmp(act, "proposals") == 0) {
        json_t *items = env->json ? json_array() : NULL;
        if (framework_proposal_list(&env->ctx, agreement_s ? id : 0, print_proposal, items, &err) !=
            JR_OK) {
            json_decref(items);
            return cli_fail(env, &err);
        }
        return env->json ? emit_or_fail(json_pack("{s:o}", "items", items)) : EXIT_DONE;
    }
    if (strcmp(act, "propose") == 0) {
        jr_fw_proposal_in in = {id,          JR_FWK_RSJ, proposer,   title,
                                description, youth,      contractor, client};
        if (kind && !framework_proposer_parse(kind, &in.kind))
            return cli_usage_error(
                "framework", "--proposer-kind: kies gemeente, rsj of aanbieder, niet '%s'", kind);
        int64_t pid = 0;
        st = framework_propose(&env->ctx, &in, &pid, &err);
        return st == JR_OK ? show_proposal(env, pid, &err) : cli_fail(env, &err);
    }
    if (strcmp(act, "proposal") == 0)
        return show_proposal(env, id, &err);
    if (strcmp(act, "discuss") == 0 || strcmp(act, "effect") == 0 || strcmp(act, "decide") == 0) {
        jr_fwp_step step = act[0] == 'd' && act[1] == 'i' ? JR_FWS_DISCUSS
                           : strcmp(act, "effect") == 0   ? JR_FWS_EFFECT
                                                          : JR_FWS_DECIDE;
        jr_fwp_outcome o = JR_FWO_NONE;
        if (step == JR_FWS_DECIDE && (!outcome || !framework_outcome_parse(outcome, &o)))
            return cli_usage_error("framework", "decide: --outcome aangenomen of afgewezen");
        st = framework_proposal_step(&env->ctx, id, step, o, step == JR_FWS_DECIDE ? reason : note,
                                     &err);
        return st == JR_OK ? show_proposal(env, id, &err) : cli_fail(env, &err);
    }
    if (strcmp(act, "covenants") == 0)
        return show_covenants(env, &err);
    if (strcmp(act, "covenant-add") == 0) {
        st = covenant_add(&env->ctx, name, d1, lots.v, lots.n, NULL, &err);
        return st == JR_OK ? show_covenants(env, &err) : cli_fail(env, &err);
    }
    if (strcmp(act, "commitment") == 0) {
        st = covenant_commitment_add(&env->ctx, id, title, description, NULL, &err);
        return st == JR_OK ? show_covenants(env, &err) : cli_fail(env, &err);
    }
    if (strcmp(act, "status") == 0) {
        jr_fcov_status s = JR_FCS_COUNT;
        if (status_s && !framework_cov_status_parse(status_s, &s))
            return cli_usage_error("framework",
                                   "--status: kies afgesproken, in_uitvoering, gerealiseerd of "
                                   "niet_gerealiseerd");
        st = covenant_status_set(&env->ctx, id, n, agb, s, d1, note, &err);
        return st == JR_OK ? show_covenants(env, &err) : cli_fail(env, &err);
    }
    return cli_usage_error("framework", "onbekende actie '%s'", act);
}

typedef struct {
    jr_cov v[64];
    int n;
} cov_acc;

static int cov_row(void *ud, const void *row)
{
    cov_acc *a = ud;
    if (a->n < 64)
        a->v[a->n++] = *(const jr_cov *)row;
    return 0;
}

static int show_covenants(cli_env *env, jr_error *err)
{
    cov_acc *a = calloc(1, sizeof *a);
    json_t *items = json_array();
    if (!a || !items) {
        free(a);
        json_decref(items);
        return emit_or_fail(NULL);
    }
    jr_status rc = covenant_list(&env->ctx, cov_row, a, err);
    for (int i = 0; rc == JR_OK && i < a->n; i++) {
        json_t *o = render_cov(&a->v[i]), *lots = json_array(), *com = json_array(),
               *st = json_array();
        json_object_set_new(o, "lots", lots);
        json_object_set_new(o, "commitments", com);
        json_object_set_new(o, "statuses", st);
        json_array_append_new(items, o);
        rc = covenant_lots(&env->ctx, a->v[i].id, render_cov_lot_row, lots, err);
        if (rc == JR_OK)
            rc = covenant_commitments(&env->ctx, a->v[i].id, render_cov_commitment_row, com, err);
        if (rc == JR_OK)
            rc = covenant_statuses(&env->ctx, a->v[i].id, render_cov_status_row, st, err);
    }
    free(a);
    if (rc != JR_OK) {
        json_decref(items);
        return cli_fail(env, err);
    }
    if (env->json)
        return emit_or_fail(json_pack("{s:o}", "items", items));
    for (size_t i = 0; i < json_array_size(items); i++) {
        json_t *c = json_array_get(items, i), *com = json_object_get(c, "commitments"),
               *st = json_object_get(c, "statuses");
        printf("convenant %lld: %s (ondertekend %s)\n",
               (long long)json_integer_value(json_object_get(c, "id")),
               json_string_value(json_object_get(c, "name")),
               json_string_value(json_object_get(c, "signed")));
        for (size_t k = 0; k < json_array_size(com); k++) {
            json_t *m = json_array_get(com, k);
            printf("  afspraak %lld: %s\n", (long long)json_integer_value(json_object_get(m, "id")),
                   json_string_value(json_object_get(m, "title")));
        }
        for (size_t k = 0; k < json_array_size(st); k++) {
            json_t *s = json_array_get(st, k);
            printf("  %s afspraak %lld: %s per %s\n", json_string_value(json_object_get(s, "agb")),
                   (long long)json_integer_value(json_object_get(s, "commitment_id")),
                   json_string_value(json_object_get(s, "status_name")),
                   json_string_value(json_object_get(s, "date")));
        }
    }
    json_decref(items);
    return EXIT_DONE;
}

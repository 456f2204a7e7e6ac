/*
 * framework.c (domain): the rules of the framework agreement, its change
 * procedure and the transformation covenant (see framework.h).
 */
#include "framework.h"

#include <string.h>

jr_date framework_extension_end(jr_date effective, int32_t months)
{
    return date_add_months(effective, months) - 1;
}

jr_date framework_end(jr_date initial_end, const jr_fw_ext *ext, int n)
{
    jr_date end = initial_end;
    for (int i = 0; i < n; i++)
        end = framework_extension_end(ext[i].effective, ext[i].months);
    return end;
}

jr_status framework_term_check(jr_date start, jr_date end, jr_error *err)
{
    if (end < start) {
        char s[JR_DATE_ISO_LEN], e[JR_DATE_ISO_LEN];
        return jr_refuse(err, JR_OK, "end_before_start", "end",
                         "De einddatum %s ligt voor de startdatum %s van de raamovereenkomst.",
                         date_format(end, e), date_format(start, s));
    }
    return JR_OK;
}

jr_status framework_extension_check(jr_date current_end, jr_date effective, int32_t months,
                                    jr_error *err)
{
    jr_status rc = JR_OK;
    if (effective != current_end + 1) {
        char e[JR_DATE_ISO_LEN], want[JR_DATE_ISO_LEN], got[JR_DATE_ISO_LEN];
        rc = jr_refuse(err, rc, "extension_not_contiguous", "start",
                       "Een verlenging gaat in op de dag na de huidige einddatum %s, dus op %s; "
                       "%s sluit daar niet op aan.",
                       date_format(current_end, e), date_format(current_end + 1, want),
                       date_format(effective, got));
    }
    if (months < 1 || months > JR_FW_EXT_MONTHS_MAX)
        rc = jr_refuse(err, rc, "months_invalid", "months",
                       "Een verlenging duurt 1 tot en met %d maanden, niet %d.",
                       JR_FW_EXT_MONTHS_MAX, (int)months);
    return rc;
}

jr_date framework_deadline(jr_date current_end)
{
    jr_date d = JR_DATE_NONE;
    date_from_ymd(date_year(current_end), 3, 1, &d);
    return d;
}

jr_status framework_submit_check(jr_date start, jr_date current_end, jr_date date, jr_error *err)
{
    char a[JR_DATE_ISO_LEN], b[JR_DATE_ISO_LEN];
    if (date < start)
        return jr_refuse(err, JR_OK, "proposal_before_start", "date",
                         "Een wijzigingsvoorstel van %s ligt voor de start van de "
                         "raamovereenkomst op %s.",
                         date_format(date, a), date_format(start, b));
    jr_date deadline = framework_deadline(current_end);
    if (date >= deadline) {
        char e[JR_DATE_ISO_LEN], last[JR_DATE_ISO_LEN];
        return jr_refuse(err, JR_OK, "proposal_too_late", "date",
                         "Wijzigingsvoorstellen voor de raamovereenkomst die afloopt op %s "
                         "worden aangenomen tot 1 maart %d (de laatste dag is %s); vandaag is "
                         "het %s.",
                         date_format(current_end, e), date_year(current_end),
                         date_format(deadline - 1, last), date_format(date, a));
    }
    return JR_OK;
}

jr_date framework_effect_date(jr_date current_end)
{
    return current_end + 1;
}

static const char *const state_codes[JR_FWP_STATE_COUNT] = {"ingediend", "in_bespreking",
                                                            "besloten", "in_werking"};
static const char *const state_names[JR_FWP_STATE_COUNT] = {"ingediend", "in bespreking",
                                                            "besloten", "in werking"};

const char *framework_state_code(jr_fwp_state s)
{
    return (unsigned)s < JR_FWP_STATE_COUNT ? state_codes[s] : "";
}

const char *framework_state_name(jr_fwp_state s)
{
    return (unsigned)s < JR_FWP_STATE_COUNT ? state_names[s] : "";
}

bool framework_state_parse(const char *s, jr_fwp_state *out)
{
    for (int i = 0; s && i < JR_FWP_STATE_COUNT; i++)
        if (strcmp(s, state_codes[i]) == 0) {
            *out = (jr_fwp_state)i;
            return true;
        }
    return false;
}

const char *framework_outcome_code(jr_fwp_outcome o)
{
    switch (o) {
    case JR_FWO_AANGENOMEN:
        return "aangenomen";
    case JR_FWO_AFGEWEZEN:
        return "afgewezen";
    case JR_FWO_NONE:
        break;
    }
    return "";
}

bool framework_outcome_parse(const char *s, jr_fwp_outcome *out)
{
    if (s && strcmp(s, "aangenomen") == 0)
        *out = JR_FWO_AANGENOMEN;
    else if (s && strcmp(s, "afgewezen") == 0)
        *out = JR_FWO_AFGEWEZEN;
    else
        return false;
    return true;
}

static const char *const proposer_codes[] = {"gemeente", "rsj", "aanbieder"};
static const char *const proposer_names[] = {"gemeente", "regionaal serviceteam", "aanbieder"};

const char *framework_proposer_code(jr_fwp_proposer k)
{
    return (unsigned)k < 3 ? proposer_codes[k] : "";
}

const char *framework_proposer_name(jr_fwp_proposer k)
{
    return (unsigned)k < 3 ? proposer_names[k] : "";
}

bool framework_proposer_parse(const char *s, jr_fwp_proposer *out)
{
    for (int i = 0; s && i < 3; i++)
        if (strcmp(s, proposer_codes[i]) == 0) {
            *out = (jr_fwp_proposer)i;
            return true;
        }
    return false;
}

jr_status framework_step_check(jr_fwp_state from, jr_fwp_outcome outcome, jr_fwp_step step,
                               jr_date today, jr_date effect, bool extended, jr_fwp_state *to,
                               jr_error *err)
{
    char t[JR_DATE_ISO_LEN], e[JR_DATE_ISO_LEN];
    const char *now = framework_state_name(from);
    switch (step) {
    case JR_FWS_DISCUSS:
    case JR_FWS_DECIDE: {
        jr_fwp_state need = step == JR_FWS_DISCUSS ? JR_FWP_INGEDIEND : JR_FWP_IN_BESPREKING;
        if (from != need)
            return jr_refuse(err, JR_OK, "step_out_of_order", "state",
                             step == JR_FWS_DISCUSS
                                 ? "Alleen een ingediend voorstel kan in bespreking; dit voorstel "
                                   "is %s."
                                 : "Over een voorstel wordt pas besloten als het in bespreking "
                                   "is; dit voorstel is %s.",
                             now);
        if (today >= effect)
            return jr_refuse(err, JR_OK, "step_too_late", "date",
                             "Het voorstel gaat in werking op de verlengingsdatum %s; %s kan "
                             "alleen daarvoor (vandaag is het %s).",
                             date_format(effect, e),
                             step == JR_FWS_DISCUSS ? "bespreken" : "besluiten",
                             date_format(today, t));
        *to = step == JR_FWS_DISCUSS ? JR_FWP_IN_BESPREKING : JR_FWP_BESLOTEN;
        return JR_OK;
    }
    case JR_FWS_EFFECT:
        if (from != JR_FWP_BESLOTEN)
            return jr_refuse(err, JR_OK, "step_out_of_order", "state",
                             "Alleen een aangenomen voorstel gaat in werking; dit voorstel is "
                             "%s.",
                             now);
        if (outcome != JR_FWO_AANGENOMEN)
            return jr_refuse(err, JR_OK, "proposal_rejected", "state",
                             "Dit voorstel is afgewezen en gaat niet in werking.");
        if (today < effect)
            return jr_refuse(err, JR_OK, "step_too_early", "date",
                             "Het voorstel gaat in werking op de verlengingsdatum %s, niet eerder "
                             "(vandaag is het %s).",
                             date_format(effect, e), date_format(today, t));
        if (!extended)
            return jr_refuse(err, JR_OK, "not_extended", "state",
                             "De raamovereenkomst is niet verlengd per %s; leg eerst de "
                             "verlenging vast.",
                             date_format(effect, e));
        *to = JR_FWP_IN_WERKING;
        return JR_OK;
    }
    return jr_refuse(err, JR_OK, "step_unknown", "state", "Onbekende stap.");
}

jr_status framework_text_check(jr_status so_far, const char *text, const char *field,
                               const char *what, jr_error *err)
{
    bool blank = true;
    for (const char *p = text ? text : ""; *p && blank; p++)
        blank = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
    if (blank)
        return jr_refuse(err, so_far, "text_missing", field, "%s ontbreekt.", what);
    size_t n = strlen(text);
    if (n > JR_FW_TEXT_MAX)
        return jr_refuse(err, so_far, "text_too_long", field,
                         "%s is te lang: %zu tekens, hoogstens %d.", what, n, JR_FW_TEXT_MAX);
    return so_far;
}

static const char *const cov_codes[JR_FCS_COUNT] = {"afgesproken", "in_uitvoering", "gerealiseerd",
                                                    "niet_gerealiseerd"};
static const char *const cov_names[JR_FCS_COUNT] = {"afgesproken", "in uitvoering", "gerealiseerd",
                                                    "niet gerealiseerd"};

const char *framework_cov_status_code(jr_fcov_status s)
{
    return (unsigned)s < JR_FCS_COUNT ? cov_codes[s] : "";
}

const char *framework_cov_status_name(jr_fcov_status s)
{
    return (unsigned)s < JR_FCS_COUNT ? cov_names[s] : "";
}

bool framework_cov_status_parse(const char *s, jr_fcov_status *out)
{
    for (int i = 0; s && i < JR_FCS_COUNT; i++)
        if (strcmp(s, cov_codes[i]) == 0) {
            *out = (jr_fcov_status)i;
            return true;
        }
    return false;
}

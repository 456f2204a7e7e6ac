/*
 * tender.c (domain): the phases, the scores and the later-entry decision
 * of a tender (see tender.h). Pure: no I/O, no allocation.
 */
#include "tender.h"

#include <string.h>

jr_status tender_dates_check(const jr_tender_dates *d, jr_error *err)
{
    jr_status rc = JR_OK;
    const struct {
        jr_date v;
        const char *field, *name;
    } all[] = {{d->publication, "publicatie", "de publicatiedatum"},
               {d->qa_end, "nvi_einde", "het einde van de nota van inlichtingen"},
               {d->registration_end, "inschrijving_einde", "de sluiting van de inschrijving"},
               {d->assessment_start, "beoordeling_begin", "het begin van de beoordeling"},
               {d->assessment_end, "beoordeling_einde", "het einde van de beoordeling"},
               {d->award, "gunning", "de gunningsdatum"},
               {d->contract_start, "contract_begin", "de begindatum van de contracten"}};
    bool missing = false;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i].v == JR_DATE_NONE) {
            rc = jr_refuse(err, rc, "date_missing", all[i].field, "%s ontbreekt (JJJJ-MM-DD).",
                           all[i].name);
            missing = true;
        }
    if (d->standstill_days < JR_TENDER_STANDSTILL_MIN)
        rc = jr_refuse(err, rc, "standstill_too_short", "standstill_dagen",
                       "De standstill (Alcatel-termijn) duurt %d dagen; de Aanbestedingswet 2012 "
                       "(art. 2.127) vraagt ten minste %d kalenderdagen.",
                       (int)d->standstill_days, JR_TENDER_STANDSTILL_MIN);
    if (missing)
        return rc;
    char a[JR_DATE_ISO_LEN], b[JR_DATE_ISO_LEN];
    if (d->qa_end < d->publication)
        rc = jr_refuse(err, rc, "dates_order", "nvi_einde",
                       "De nota van inlichtingen sluit op %s, voor de publicatie op %s.",
                       date_format(d->qa_end, a), date_format(d->publication, b));
    if (d->registration_end < d->qa_end)
        rc = jr_refuse(err, rc, "dates_order", "inschrijving_einde",
                       "De inschrijving sluit op %s, voor het einde van de nota van "
                       "inlichtingen op %s: inschrijvers moeten de antwoorden kennen.",
                       date_format(d->registration_end, a), date_format(d->qa_end, b));
    if (d->assessment_start <= d->registration_end)
        rc = jr_refuse(err, rc, "dates_order", "beoordeling_begin",
                       "De beoordeling begint op %s, maar de inschrijving sluit pas op %s: de "
                       "beoordeling begint na de sluiting.",
                       date_format(d->assessment_start, a), date_format(d->registration_end, b));
    if (d->assessment_end < d->assessment_start)
        rc = jr_refuse(err, rc, "dates_order", "beoordeling_einde",
                       "De beoordeling eindigt op %s, voor haar begin op %s.",
                       date_format(d->assessment_end, a), date_format(d->assessment_start, b));
    if (d->award <= d->assessment_end)
        rc = jr_refuse(err, rc, "dates_order", "gunning",
                       "De gunning op %s ligt niet na het einde van de beoordeling op %s.",
                       date_format(d->award, a), date_format(d->assessment_end, b));
    if (d->standstill_days >= JR_TENDER_STANDSTILL_MIN &&
        d->contract_start <= d->award + d->standstill_days)
        rc = jr_refuse(err, rc, "dates_order", "contract_begin",
                       "De contracten beginnen op %s, maar na een gunning op %s loopt de "
                       "standstill van %d dagen tot en met %s.",
                       date_format(d->contract_start, a), date_format(d->award, b),
                       (int)d->standstill_days,
                       date_format(d->award + d->standstill_days, (char[JR_DATE_ISO_LEN]){0}));
    if (d->contract_end != JR_DATE_NONE && d->contract_end < d->contract_start)
        rc = jr_refuse(err, rc, "dates_order", "contract_einde",
                       "De contracten eindigen op %s, voor hun begin op %s.",
                       date_format(d->contract_end, a), date_format(d->contract_start, b));
    return rc;
}

jr_date tender_standstill_end(const jr_tender_dates *d, jr_date awarded_on)
{
    if (awarded_on == JR_DATE_NONE)
        return JR_DATE_NONE;
    return awarded_on + d->standstill_days;
}

jr_tender_phase tender_phase(const jr_tender_dates *d, jr_date today, jr_date awarded_on)
{
    if (today < d->publication)
        return JR_TP_CONCEPT;
    if (awarded_on != JR_DATE_NONE && today >= awarded_on)
        return today > tender_standstill_end(d, awarded_on) ? JR_TP_CONTRACT : JR_TP_STANDSTILL;
    if (today <= d->qa_end)
        return JR_TP_NVI;
    if (today <= d->registration_end)
        return JR_TP_INSCHRIJVING;
    if (today < d->assessment_start)
        return JR_TP_GESLOTEN;
    if (today <= d->assessment_end)
        return JR_TP_BEOORDELING;
    return JR_TP_GUNNING;
}

const char *tender_phase_name(jr_tender_phase p)
{
    static const char *const names[] = {"concept",      "nota van inlichtingen",
                                        "inschrijving", "inschrijving gesloten",
                                        "beoordeling",  "gunning",
                                        "standstill",   "contract"};
    return (unsigned)p < sizeof names / sizeof names[0] ? names[p] : "";
}

const char *tender_phase_code(jr_tender_phase p)
{
    static const char *const codes[] = {"concept",     "nvi",     "inschrijving", "gesloten",
                                        "beoordeling", "gunning", "standstill",   "contract"};
    return (unsigned)p < sizeof codes / sizeof codes[0] ? codes[p] : "";
}

/* window: JR_OK when from <= today <= to, else the refusal naming what
 * (the action), the phase and its dates */
static jr_status window(const char *what, const char *phase, jr_date from, jr_date to,
                        jr_date today, jr_error *err)
{
    if (today >= from && (to == JR_DATE_NONE || today <= to))
        return JR_OK;
    char f[JR_DATE_ISO_LEN], t[JR_DATE_ISO_LEN], n[JR_DATE_ISO_LEN];
    date_format(from, f);
    date_format(today, n);
    if (to == JR_DATE_NONE)
        return jr_fail(err, JR_EINVAL, "phase_not_open", "datum",
                       "%s kan pas vanaf %s (fase %s); vandaag is %s.", what, f, phase, n);
    date_format(to, t);
    return jr_fail(err, JR_EINVAL, today < from ? "phase_not_open" : "phase_closed", "datum",
                   "%s kan alleen in de fase %s, van %s tot en met %s; vandaag is %s.", what, phase,
                   f, t, n);
}

jr_status tender_action_allowed(const jr_tender_dates *d, jr_tender_action action, jr_date today,
                                jr_date awarded_on, jr_error *err)
{
    switch (action) {
    case JR_TA_ASK:
        return window("Een vraag stellen", "nota van inlichtingen", d->publication, d->qa_end,
                      today, err);
    case JR_TA_ANSWER:
        return window("Een vraag beantwoorden", "nota van inlichtingen en inschrijving",
                      d->publication, d->registration_end, today, err);
    case JR_TA_REGISTER:
        return window("Inschrijven", "inschrijving", d->publication, d->registration_end, today,
                      err);
    case JR_TA_SCORE:
        return window("Een score geven", "beoordeling", d->assessment_start, d->assessment_end,
                      today, err);
    case JR_TA_AWARD:
        return window("Gunnen", "gunning", d->award, JR_DATE_NONE, today, err);
    case JR_TA_CONTRACT: {
        if (awarded_on == JR_DATE_NONE)
            return jr_fail(err, JR_EINVAL, "not_awarded", "perceel",
                           "Contracteren kan pas na de gunning; dit perceel is nog niet gegund.");
        jr_date last = tender_standstill_end(d, awarded_on);
        if (today > last)
            return JR_OK;
        char g[JR_DATE_ISO_LEN], f[JR_DATE_ISO_LEN], l[JR_DATE_ISO_LEN], n[JR_DATE_ISO_LEN];
        return jr_fail(err, JR_EINVAL, "standstill_running", "datum",
                       "Contracteren kan pas na de standstill (Alcatel-termijn): gegund op %s, "
                       "standstill van %s tot en met %s (%d dagen); vandaag is %s.",
                       date_format(awarded_on, g), date_format(awarded_on + 1, f),
                       date_format(last, l), (int)d->standstill_days, date_format(today, n));
    }
    }
    return jr_fail(err, JR_EINVAL, "action_unknown", "", "Onbekende handeling.");
}

int32_t tender_score_mean_x10(int32_t n, int32_t sum)
{
    if (n <= 0)
        return -1;
    /* sum / n in tenths, half up: (20 sum + n) / 2n, all non-negative */
    return (int32_t)(((int64_t)sum * 20 + n) / ((int64_t)n * 2));
}

void tender_result(const jr_tender_crit *crit, const jr_tender_tally *t, int n,
                   jr_tender_result *out)
{
    memset(out, 0, sizeof *out);
    if (n > JR_TENDER_CRIT_MAX)
        n = JR_TENDER_CRIT_MAX;
    out->ncrit = n;
    for (int i = 0; i < n; i++) {
        int32_t s = tender_score_mean_x10(t[i].n, t[i].sum);
        out->score_x10[i] = s;
        if (s < 0) {
            out->nmissing++;
            continue;
        }
        out->weighted += (int64_t)crit[i].weight * s;
        if (s < crit[i].min_score * 10) {
            out->below[i] = true;
            out->nbelow++;
        }
    }
    out->complete = n > 0 && out->nmissing == 0;
    out->passes = out->complete && out->nbelow == 0;
}

jr_status tender_criteria_check(const jr_tender_crit *crit, int n, jr_error *err)
{
    if (n < 1 || n > JR_TENDER_CRIT_MAX)
        return jr_refuse(err, JR_OK, "criteria_count", "criteria",
                         "Een aanbesteding heeft 1 tot en met %d kwaliteitscriteria; nu %d.",
                         JR_TENDER_CRIT_MAX, n);
    jr_status rc = JR_OK;
    int total = 0;
    for (int i = 0; i < n; i++) {
        if (crit[i].weight < 1 || crit[i].weight > JR_TENDER_WEIGHT_TOTAL)
            rc = jr_refuse(err, rc, "weight_invalid", "criteria",
                           "Criterium %d: het gewicht %d ligt niet tussen 1 en 100.", i + 1,
                           (int)crit[i].weight);
        if (crit[i].min_score < 0 || crit[i].min_score > JR_TENDER_SCORE_MAX)
            rc = jr_refuse(err, rc, "min_score_invalid", "criteria",
                           "Criterium %d: de minimumscore %d ligt niet tussen 0 en %d.", i + 1,
                           (int)crit[i].min_score, JR_TENDER_SCORE_MAX);
        total += crit[i].weight;
    }
    if (rc == JR_OK && total != JR_TENDER_WEIGHT_TOTAL)
        rc = jr_refuse(err, rc, "weights_total", "criteria",
                       "De gewichten van de criteria tellen op tot %d; dat moet precies %d zijn.",
                       total, JR_TENDER_WEIGHT_TOTAL);
    return rc;
}

static const char *const reason_codes[JR_AR_COUNT] = {"kwaliteit", "kwantiteit", "spreiding",
                                                      "voldoende_aanbod",
                                                      "onvoldoende_kwaliteit_inschrijving"};

bool admission_reason_parse(const char *s, jr_admission_reason *out)
{
    for (int i = 0; s && i < JR_AR_COUNT; i++)
        if (strcmp(s, reason_codes[i]) == 0) {
            *out = (jr_admission_reason)i;
            return true;
        }
    return false;
}

const char *admission_reason_code(jr_admission_reason r)
{
    return (unsigned)r < JR_AR_COUNT ? reason_codes[r] : "";
}

jr_status admission_check(bool admit, jr_admission_reason reason, const char *grounds,
                          const jr_tender_result *res, jr_error *err)
{
    jr_status rc = JR_OK;
    bool insufficient =
        reason == JR_AR_KWALITEIT || reason == JR_AR_KWANTITEIT || reason == JR_AR_SPREIDING;
    if (admit && !insufficient)
        rc = jr_refuse(err, rc, "admission_reason", "reden",
                       "Toelaten kan alleen als het aanbod onvoldoende is in kwaliteit, "
                       "kwantiteit of geografische spreiding (reden kwaliteit, kwantiteit of "
                       "spreiding), niet met reden '%s'.",
                       admission_reason_code(reason));
    if (!admit && insufficient)
        rc = jr_refuse(err, rc, "admission_reason", "reden",
                       "Weigeren vraagt een reden voor de weigering (voldoende_aanbod of "
                       "onvoldoende_kwaliteit_inschrijving), niet '%s'.",
                       admission_reason_code(reason));
    if (!grounds || strlen(grounds) < 10)
        rc = jr_refuse(err, rc, "grounds_missing", "onderbouwing",
                       "De onderbouwing ontbreekt of is te kort: noem de cijfers van het aanbod "
                       "waarop het besluit rust (ten minste 10 tekens).");
    if (admit && res && !res->complete)
        rc = jr_refuse(err, rc, "assessment_incomplete", "inschrijving",
                       "De inschrijving is nog niet volledig beoordeeld: %d criteria zonder "
                       "score; toelaten kan pas na de beoordeling.",
                       res->nmissing);
    else if (admit && res && !res->passes)
        rc = jr_refuse(err, rc, "below_minimum", "inschrijving",
                       "De inschrijving haalt de minimumscore op %d criteria niet en kan niet "
                       "worden toegelaten.",
                       res->nbelow);
    return rc;
}

/*
 * contract_mgmt.c (domain): the escalation protocol's order, the scope
 * rule and the directory's field checks (see contract_mgmt.h).
 */
#include "contract_mgmt.h"

#include <ctype.h>
#include <string.h>

static const char *const step_names[JR_ESC_COUNT] = {"signaal", "gesprek", "verbeterplan",
                                                     "maatregel", "afgesloten"};
static const char *const step_labels[JR_ESC_COUNT] = {"Signaal", "Gesprek", "Verbeterplan",
                                                      "Aanwijzing/maatregel", "Afgesloten"};

const char *cm_step_name(jr_esc_step s)
{
    return s >= 0 && s < JR_ESC_COUNT ? step_names[s] : "";
}

const char *cm_step_label(jr_esc_step s)
{
    return s >= 0 && s < JR_ESC_COUNT ? step_labels[s] : "";
}

bool cm_step_parse(const char *s, jr_esc_step *out)
{
    for (int i = 0; s && i < JR_ESC_COUNT; i++)
        if (strcmp(s, step_names[i]) == 0) {
            *out = (jr_esc_step)i;
            return true;
        }
    return false;
}

jr_status cm_step_check(jr_esc_step cur, jr_date cur_date, jr_esc_step next, jr_date date,
                        jr_date today, jr_error *err)
{
    char d1[JR_DATE_ISO_LEN], d2[JR_DATE_ISO_LEN];
    if (cur == JR_ESC_AFGESLOTEN)
        return jr_fail(err, JR_ECONFLICT, "step_closed", "stap",
                       "De escalatie is al afgesloten; een nieuwe zorg is een nieuwe escalatie.");
    if (next < 0 || next >= JR_ESC_COUNT || (next != cur + 1 && next != JR_ESC_AFGESLOTEN) ||
        next <= cur)
        return jr_fail(err, JR_ECONFLICT, "step_order", "stap",
                       "Stap '%s' kan niet na '%s': de stappen gaan op volgorde (signaal, "
                       "gesprek, verbeterplan, aanwijzing/maatregel), afsluiten kan na elke stap; "
                       "de volgende stap is '%s'.",
                       cm_step_label(next), cm_step_label(cur), cm_step_label(cur + 1));
    if (date == JR_DATE_NONE)
        return jr_fail(err, JR_EINVAL, "step_date_invalid", "datum",
                       "De datum van de stap ontbreekt of is geen datum (JJJJ-MM-DD).");
    if (date < cur_date)
        return jr_fail(err, JR_EINVAL, "step_date_before", "datum",
                       "De datum %s ligt voor de vorige stap (%s op %s).", date_format(date, d1),
                       cm_step_label(cur), date_format(cur_date, d2));
    if (date > today)
        return jr_fail(err, JR_EINVAL, "step_date_future", "datum",
                       "De datum %s ligt in de toekomst; leg een stap vast als hij gezet is.",
                       date_format(date, d1));
    return JR_OK;
}

bool cm_scope_allows(const char (*codes)[5], int n, const char *gemeente)
{
    if (n == 0)
        return true;
    for (int i = 0; i < n; i++)
        if (gemeente && strcmp(codes[i], gemeente) == 0)
            return true;
    return false;
}

bool cm_kind_valid(const char *kind)
{
    return kind && (strcmp(kind, "financieel") == 0 || strcmp(kind, "kwaliteit") == 0);
}

bool cm_complainant_valid(const char *who)
{
    static const char *const ok[] = {"jeugdige", "ouder",      "verwijzer",
                                     "gemeente", "medewerker", "anders"};
    for (size_t i = 0; who && i < sizeof ok / sizeof ok[0]; i++)
        if (strcmp(who, ok[i]) == 0)
            return true;
    return false;
}

static bool postcode_ok(const char *s)
{
    if (!(s[0] >= '1' && s[0] <= '9'))
        return false;
    for (int i = 1; i < 4; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    const char *l = s + 4;
    if (*l == ' ')
        l++;
    return isalpha((unsigned char)l[0]) && isalpha((unsigned char)l[1]) && l[2] == '\0';
}

static bool phone_ok(const char *s)
{
    int digits = 0;
    for (const char *p = s; *p; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if (!(*p == ' ' || *p == '-' || (*p == '+' && p == s)))
            return false;
    }
    return digits >= 10 && digits <= 13;
}

static bool email_ok(const char *s)
{
    const char *at = strchr(s, '@');
    if (!at || at == s || strchr(at + 1, '@') || strchr(s, ' '))
        return false;
    const char *dot = strrchr(at + 1, '.');
    return dot && dot > at + 1 && dot[1] != '\0';
}

static bool website_ok(const char *s)
{
    const char *h = strncmp(s, "https://", 8) == 0  ? s + 8
                    : strncmp(s, "http://", 7) == 0 ? s + 7
                                                    : NULL;
    return h && *h && !strchr(s, ' ') && strchr(h, '.');
}

jr_status cm_details_check(const jr_cm_details *d, jr_error *err)
{
    jr_status rc = JR_OK;
    if (d->postcode[0] && !postcode_ok(d->postcode))
        rc = jr_refuse(err, rc, "postcode_invalid", "postcode",
                       "Postcode '%s' is ongeldig: vier cijfers en twee letters (1234 AB).",
                       d->postcode);
    if (d->phone[0] && !phone_ok(d->phone))
        rc = jr_refuse(err, rc, "phone_invalid", "telefoon",
                       "Telefoonnummer '%s' is ongeldig: 10 tot 13 cijfers, met spaties, '-' of "
                       "een '+' vooraan.",
                       d->phone);
    if (d->email[0] && !email_ok(d->email))
        rc = jr_refuse(err, rc, "email_invalid", "email",
                       "E-mailadres '%s' is ongeldig (naam@domein.nl).", d->email);
    if (d->website[0] && !website_ok(d->website))
        rc = jr_refuse(err, rc, "website_invalid", "website",
                       "Website '%s' is ongeldig: begin met https:// (of http://).", d->website);
    return rc;
}

jr_status cm_waiting_check(int64_t weeks, jr_date date, jr_date today, jr_error *err)
{
    jr_status rc = JR_OK;
    char d[JR_DATE_ISO_LEN];
    if (weeks < 0 || weeks > JR_CM_WAIT_WEEKS_MAX)
        rc = jr_refuse(err, rc, "weeks_invalid", "weken",
                       "Een wachttijd van %lld weken is ongeldig: geef 0 tot en met %d weken.",
                       (long long)weeks, JR_CM_WAIT_WEEKS_MAX);
    if (date == JR_DATE_NONE)
        rc = jr_refuse(err, rc, "date_invalid", "datum",
                       "De datum van de wachttijd ontbreekt of is geen datum (JJJJ-MM-DD).");
    else if (date > today)
        rc = jr_refuse(err, rc, "date_future", "datum",
                       "De datum %s ligt in de toekomst: meld de wachttijd van vandaag of eerder.",
                       date_format(date, d));
    return rc;
}

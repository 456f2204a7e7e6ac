/*
 * access.c (domain): the role names, the role x action table and the
 * tenant rules (which municipality's or provider's records a principal
 * sees).
 */
#include "access.h"

#include <string.h>

static const char *const role_names[] = {"system",   "beheerder", "rsj",  "toegang",
                                         "gemeente", "aanbieder", "lezer"};
_Static_assert(sizeof role_names / sizeof role_names[0] == JR_ROLE_COUNT, "a name for every role");

const char *role_name(jr_role r)
{
    return (unsigned)r < JR_ROLE_COUNT ? role_names[r] : "";
}

bool role_parse(const char *s, jr_role *out)
{
    for (unsigned i = 1; s && i < JR_ROLE_COUNT; i++)
        if (strcmp(s, role_names[i]) == 0) {
            *out = (jr_role)i;
            return true;
        }
    return false;
}

/* rows: roles; columns: the jr_action values in order */
static const bool may_table[JR_ROLE_COUNT][JR_ACTION_COUNT] = {
    /*               prov   youth  refer  provide pers.  settle audit  users */
    [JR_ROLE_SYSTEM] = {1, 1, 1, 1, 1, 1, 1, 1},   [JR_ROLE_BEHEERDER] = {1, 1, 1, 1, 1, 1, 1, 1},
    [JR_ROLE_RSJ] = {1, 0, 0, 0, 1, 1, 0, 0},      [JR_ROLE_TOEGANG] = {0, 1, 1, 0, 1, 1, 0, 0},
    [JR_ROLE_GEMEENTE] = {0, 0, 0, 0, 1, 1, 0, 0}, [JR_ROLE_AANBIEDER] = {0, 0, 0, 1, 1, 1, 0, 0},
    [JR_ROLE_LEZER] = {0, 0, 0, 0, 0, 1, 0, 0},
};

/* what each action is, for the refusal message */
static const char *const action_text[JR_ACTION_COUNT] = {
    "aanbieders en contracten beheren",
    "jeugdigen registreren",
    "verwijzen en toewijzen",
    "offertes beantwoorden, zorg melden of declareren",
    "persoonsgegevens inzien",
    "afrekeningen inzien",
    "het auditlog inzien",
    "gebruikers beheren",
};

bool access_may(const jr_principal *p, jr_action action)
{
    return (unsigned)p->role < JR_ROLE_COUNT && (unsigned)action < JR_ACTION_COUNT &&
           may_table[p->role][action];
}

jr_status access_check(const jr_principal *p, jr_action action, jr_error *err)
{
    if (access_may(p, action))
        return JR_OK;
    return jr_fail(err, JR_EFORBIDDEN, "forbidden", "", "De rol %s mag niet: %s.",
                   role_name(p->role),
                   (unsigned)action < JR_ACTION_COUNT ? action_text[action] : "dit");
}

bool access_gemeente_scope(const jr_principal *p, const char **gemeente)
{
    *gemeente = NULL;
    switch (p->role) {
    case JR_ROLE_SYSTEM:
    case JR_ROLE_BEHEERDER:
    case JR_ROLE_RSJ:
        return true;
    case JR_ROLE_TOEGANG:
    case JR_ROLE_GEMEENTE:
        if (p->gemeente[0] == '\0')
            return false; /* bound to no municipality: none */
        *gemeente = p->gemeente;
        return true;
    case JR_ROLE_AANBIEDER:
    case JR_ROLE_LEZER:
        return false;
    }
    return false;
}

bool access_sees(const jr_principal *p, const char *gemeente, const char *agb)
{
    if (p->role == JR_ROLE_AANBIEDER)
        return p->agb[0] != '\0' && agb && strcmp(agb, p->agb) == 0;
    const char *own;
    if (!access_gemeente_scope(p, &own))
        return false;
    return own == NULL || (gemeente && strcmp(gemeente, own) == 0);
}

void access_scope(const jr_principal *p, const char **gemeente, const char **agb, bool *none)
{
    *none = false;
    const char **mine = NULL, *own = NULL;
    switch (p->role) {
    case JR_ROLE_TOEGANG:
    case JR_ROLE_GEMEENTE:
        mine = gemeente;
        own = p->gemeente;
        break;
    case JR_ROLE_AANBIEDER:
        mine = agb;
        own = p->agb;
        break;
    default:
        return;
    }
    if (own[0] == '\0' || (*mine && strcmp(*mine, own) != 0))
        *none = true; /* bound to no tenant, or a filter outside it */
    *mine = own;
}

bool access_figures_aggregate(const jr_principal *p, const char *gemeente)
{
    switch (p->role) {
    case JR_ROLE_LEZER:
        return true;
    case JR_ROLE_TOEGANG:
    case JR_ROLE_GEMEENTE:
        return !p->gemeente[0] || !gemeente || strcmp(gemeente, p->gemeente) != 0;
    default:
        return false;
    }
}

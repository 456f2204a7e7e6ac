/*
 * access.h (domain): who may do what, and whose records they see.
 *
 * A principal is a role bound to a tenant: an access worker (toegang) or a
 * municipal controller (gemeente) to one municipality, a provider's
 * administrator (aanbieder) to one AGB code. Two pure rules decide every
 * request, whichever door it comes through:
 *   - the role table: which role may do which action (access_may);
 *   - the tenant rule: which municipality's or provider's records the
 *     principal sees (access_sees for one record, access_scope for the
 *     filters of a list).
 * Records of another tenant are answered as not found by the services, so
 * that their existence does not leak. A municipal or provider role whose
 * tenant is empty sees nothing (fail closed), whatever the record holds. service/access.h applies
 * these rules to a service call's context.
 */
#ifndef JR_DOMAIN_ACCESS_H
#define JR_DOMAIN_ACCESS_H

#include "../core/err.h"

#include <stdbool.h>

/* The roles of the people who use the system. JR_ROLE_SYSTEM is the
 * operator at the command line or a batch job: everything, everywhere. */
typedef enum {
    JR_ROLE_SYSTEM = 0,
    JR_ROLE_BEHEERDER, /* administration: users, audit, everything */
    JR_ROLE_RSJ,       /* the regional team: providers, contracts, region-wide figures */
    JR_ROLE_TOEGANG,   /* access worker of one municipality: refers, assigns, quotes */
    JR_ROLE_GEMEENTE,  /* controller or policy advisor of one municipality: reads */
    JR_ROLE_AANBIEDER, /* administrator of one provider: quotes, care, declarations */
    JR_ROLE_LEZER,     /* aggregate figures only, no personal data */
} jr_role;

#define JR_ROLE_COUNT (JR_ROLE_LEZER + 1)

/* Who acts: the role and the tenant it is bound to. */
typedef struct {
    jr_role role;
    char gemeente[5]; /* toegang, gemeente: CBS code */
    char agb[9];      /* aanbieder: AGB code */
} jr_principal;

/* What a role may do; access_may checks the role, access_sees the tenant. */
typedef enum {
    JR_ACT_PROVIDER_WRITE, /* register providers, contract them */
    JR_ACT_YOUTH_WRITE,    /* register youths */
    JR_ACT_REFER,          /* refer, assign, change, end, withdraw; request/accept/reject quotes */
    JR_ACT_PROVIDE,        /* answer quotes, start/stop care, declare */
    JR_ACT_PERSONAL_READ,  /* youths, referrals, assignments, quotes, declaration lines */
    JR_ACT_SETTLE_READ,    /* settlement totals */
    JR_ACT_AUDIT_READ,     /* the audit log */
    JR_ACT_USER_ADMIN,     /* user accounts */
} jr_action;

#define JR_ACTION_COUNT (JR_ACT_USER_ADMIN + 1)

/* role_name: "system", "beheerder", ..., "lezer"; "" for a value outside
 * the enum. */
const char *role_name(jr_role r);
/* role_parse: a user's role by name. "system" is no user's role and does
 * not parse; false (and *out untouched) for any name not listed. */
bool role_parse(const char *s, jr_role *out);

/* access_may: may the principal's role do action? False for a role or an
 * action outside its enum. */
bool access_may(const jr_principal *p, jr_action action);
/* access_check: access_may as a status: JR_OK, or JR_EFORBIDDEN with code
 * "forbidden" and a Dutch message naming the role and the action. */
jr_status access_check(const jr_principal *p, jr_action action, jr_error *err);

/* access_gemeente_scope: the municipality whose records the principal sees,
 * in *gemeente (NULL: every municipality's; else p->gemeente, owned by p);
 * false when it sees none by municipality (a provider, a reader, a
 * municipal role bound to none). */
bool access_gemeente_scope(const jr_principal *p, const char **gemeente);
/* access_sees: may the principal see a record of municipality gemeente
 * and/or provider agb (NULL: the record is bound to none)? A provider sees
 * its own AGB's records only, a municipal role its own municipality's, the
 * regional roles all, a reader none. */
bool access_sees(const jr_principal *p, const char *gemeente, const char *agb);
/* access_scope: narrows a list's filters to the principal: a municipal role
 * gets *gemeente = p->gemeente, a provider *agb = p->agb (pointers into p);
 * other roles keep the caller's filters. A caller's filter that does not
 * widen the scope is kept; one outside it, or a tenant-bound role with an
 * empty tenant, sets *none (the list is empty), else *none is false. */
void access_scope(const jr_principal *p, const char **gemeente, const char **agb, bool *none);

/* access_figures_aggregate: whether the principal sees the monitor's
 * figures of municipality gemeente (NULL: the region) as aggregates only,
 * with small groups hidden: a reader always; a municipal role for every
 * municipality but its own (to compare itself with) and for the region
 * (or for all when bound to none); the regional roles and a provider (who
 * sees its own production whole) never. */
bool access_figures_aggregate(const jr_principal *p, const char *gemeente);

#endif

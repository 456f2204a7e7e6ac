/*
 * svc.h: what every service call gets: the store, the region catalog, who
 * acts, and the date the system takes as today.
 *
 * A service runs one process of the model inside one transaction: it takes
 * validated input, applies the domain rules, writes through the store and
 * appends to the audit log. An error leaves the database as it was.
 */
#ifndef JR_SVC_H
#define JR_SVC_H

#include "../core/err.h"
#include "../domain/catalog.h"
#include "../store/store.h"

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

/* Who acts: the role and the tenant it is bound to. */
typedef struct {
    jr_role role;
    char gemeente[5]; /* toegang, gemeente */
    char agb[9];      /* aanbieder */
} jr_principal;

typedef struct {
    jr_store *store;
    const jr_catalog *cat;
    const char *actor; /* the user on whose behalf the change happens */
    jr_date today;
    jr_principal who; /* zero: JR_ROLE_SYSTEM */
} jr_ctx;

/* What a role may do; svc_may checks the role, svc_sees the tenant. */
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

const char *role_name(jr_role r);
bool role_parse(const char *s, jr_role *out);

/* svc_may: JR_OK when the principal's role may do action, else
 * JR_EFORBIDDEN with a Dutch message. */
jr_status svc_may(const jr_ctx *ctx, jr_action action, jr_error *err);
/* svc_sees: may the principal see a record of municipality gemeente and/or
 * provider agb (NULL: not bound to one)? Callers answer JR_ENOTFOUND when
 * not, as if the record did not exist. */
bool svc_sees(const jr_ctx *ctx, const char *gemeente, const char *agb);
/* svc_gemeente_scope: the municipality whose records the principal sees, in
 * *gemeente (NULL: every municipality's); false when it sees none by
 * municipality (a provider, a reader). svc_sees is built on it, and lists
 * use it as their SQL filter. */
bool svc_gemeente_scope(const jr_ctx *ctx, const char **gemeente);
/* svc_scope: the filters a list must apply for the principal: its own
 * municipality or provider, or NULL (unrestricted, or as asked). The
 * caller's own filter is kept when it does not widen the scope; a filter
 * outside the scope yields an empty list (*none set). */
void svc_scope(const jr_ctx *ctx, const char **gemeente, const char **agb, bool *none);

/* svc_list_scope: the preamble of a scoped list of personal data: the role
 * may read it (else JR_EFORBIDDEN), and the filters are narrowed as
 * svc_scope does; *none when nothing can be visible. */
jr_status svc_list_scope(const jr_ctx *ctx, const char **gemeente, const char **agb, bool *none,
                         jr_error *err);

/* svc_system: a copy of ctx with the system role and the same actor, for a
 * service's own look-ups after it has checked the principal. */
jr_ctx svc_system(const jr_ctx *ctx);

/* audit_record: appends one audit row (who = ctx->actor, when = now). */
jr_status audit_record(const jr_ctx *ctx, const char *action, const char *entity,
                       const char *entity_id, const char *detail, jr_error *err);

typedef struct {
    int64_t id;
    char at[32];
    char actor[64];
    char action[48];
    char entity[24];
    char entity_id[48];
    char detail[384];
} jr_audit_row;

/* Callbacks for list functions: return non-zero to stop the iteration. */
typedef int (*jr_row_fn)(void *ud, const void *row);

/* audit_list: the newest rows first, at most limit, optionally of one
 * entity (and id) or one actor (NULL: any). */
jr_status audit_list(const jr_ctx *ctx, const char *entity, const char *entity_id,
                     const char *actor, int64_t limit, jr_row_fn fn, void *ud, jr_error *err);

/* svc_today: the date to use as today: $JEUGDREGIO_TODAY (YYYY-MM-DD) when
 * set and valid, else the system's local date. */
jr_date svc_today(void);

/* svc_finish: commits when rc is JR_OK, else rolls back; returns rc (or the
 * commit's failure). The closing half of every service's transaction. */
jr_status svc_finish(const jr_ctx *ctx, jr_status rc, jr_error *err);

#endif

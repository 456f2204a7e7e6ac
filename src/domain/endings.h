/*
 * endings.h: how the end of care is counted in the monitor: the iJw
 * RedenBeeindiging of a definitive stop of care, grouped as CBS groups the
 * reasons in its Beleidsinformatie Jeugd ("beeindigd volgens plan" versus
 * "voortijdig afgesloten"), with the reasons CBS counts in neither group
 * as "overig" and a missing or unknown reason as "onbekend". The mapping
 * and its source are in docs/figures.md. Pure, no I/O.
 */
#ifndef JR_DOMAIN_ENDINGS_H
#define JR_DOMAIN_ENDINGS_H

#include <stdbool.h>

typedef enum {
    JR_END_VOLGENS_PLAN = 0, /* 31 beeindigd volgens plan */
    JR_END_VOORTIJDIG,       /* 32-35 voortijdig (client, provider, agreed, external) */
    JR_END_OVERIG,           /* 02, 36-39: another known reason */
    JR_END_ONBEKEND,         /* no reason, or a code not in the iJw list */
    JR_END_NGROUPS,
} jr_end_group;

/* end_reason_group: the group of a definitive stop's reason (NULL or ""
 * is onbekend). Reason 20, a temporary stop, ends no care: callers leave
 * it out (end_reason_ends); asked anyway it is onbekend. */
jr_end_group end_reason_group(const char *reason);
/* end_reason_ends: whether a stop with this reason ends care (every reason
 * but 20, the temporary stop; a stop without a reason ends it too). */
bool end_reason_ends(const char *reason);
/* end_group_label: "volgens plan", "voortijdig", "overig", "onbekend"; ""
 * for a value outside the enum. */
const char *end_group_label(jr_end_group g);

#endif

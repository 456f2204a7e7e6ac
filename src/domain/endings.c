/*
 * endings.c: the grouping of iJw RedenBeeindiging as CBS reports the end
 * of youth care (see endings.h and docs/figures.md).
 */
#include "endings.h"

#include <string.h>

jr_end_group end_reason_group(const char *reason)
{
    static const struct {
        const char *code;
        jr_end_group group;
    } groups[] = {
        {"31", JR_END_VOLGENS_PLAN}, {"32", JR_END_VOORTIJDIG}, {"33", JR_END_VOORTIJDIG},
        {"34", JR_END_VOORTIJDIG},   {"35", JR_END_VOORTIJDIG}, {"02", JR_END_OVERIG},
        {"36", JR_END_OVERIG},       {"37", JR_END_OVERIG},     {"38", JR_END_OVERIG},
        {"39", JR_END_OVERIG},
    };
    for (size_t i = 0; reason && i < sizeof groups / sizeof groups[0]; i++)
        if (strcmp(groups[i].code, reason) == 0)
            return groups[i].group;
    return JR_END_ONBEKEND;
}

bool end_reason_ends(const char *reason)
{
    return !reason || strcmp(reason, "20") != 0;
}

const char *end_group_label(jr_end_group g)
{
    static const char *const labels[] = {"volgens plan", "voortijdig", "overig", "onbekend"};
    return (unsigned)g < JR_END_NGROUPS ? labels[g] : "";
}

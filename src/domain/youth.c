/*
 * youth.c: the rules on a youth's own data at registration.
 */
#include "youth.h"

jr_status youth_birth_check(jr_date birth, jr_date today, jr_error *err)
{
    if (birth > today)
        return jr_fail(err, JR_EINVAL, "birth_in_future", "geboortedatum",
                       "De geboortedatum ligt in de toekomst.");
    if (birth < date_add_months(today, -23 * 12))
        return jr_fail(err, JR_EINVAL, "too_old", "geboortedatum",
                       "Jeugdhulp is er tot 18 jaar (in sommige gevallen 23): deze geboortedatum "
                       "ligt meer dan 23 jaar terug.");
    return JR_OK;
}

/*
 * care.c: the dates of start and stop zorg and the iJw stop history rules
 * (temporary stop 20, follow-up stops, codes 9413/9414/9415).
 */
#include "care.h"

#include <string.h>

jr_status care_start_date_check(const jr_grant *g, jr_date date, jr_date today, jr_error *err)
{
    if (date < g->start || date > g->end)
        return jr_fail(err, JR_EINVAL, "date_outside_assignment", "datum",
                       "Start zorg moet binnen de looptijd van de toewijzing liggen.");
    if (date > today)
        return jr_fail(err, JR_EINVAL, "date_in_future", "datum",
                       "Start zorg kan niet in de toekomst liggen.");
    return JR_OK;
}

jr_status care_stop_date_check(const jr_grant *g, jr_date care_start, jr_date date, jr_date today,
                               jr_error *err)
{
    if (date < care_start || date > g->end)
        return jr_fail(err, JR_EINVAL, "date_outside_care", "datum",
                       "Stop zorg moet na start zorg en uiterlijk op de einddatum liggen.");
    if (date > today)
        return jr_fail(err, JR_EINVAL, "date_in_future", "datum",
                       "Stop zorg kan niet in de toekomst liggen.");
    return JR_OK;
}

bool stop_reason_temporary(const char *reason)
{
    return reason && strcmp(reason, "20") == 0;
}

jr_status stop_history_check(const jr_stop_history *h, bool change, const char *reason,
                             jr_error *err)
{
    bool temporary = stop_reason_temporary(reason);
    if (!change && h->definitive > 0)
        return jr_fail(err, JR_ECONFLICT, "9415", "reden",
                       "Er is al een definitieve stop zorg voor deze start.");
    if (temporary && (change ? h->other_temporary : h->temporary) > 0)
        return jr_fail(err, JR_ECONFLICT, "9413", "reden",
                       "Er is al een tijdelijke stop zorg (reden 20) voor deze start.");
    return JR_OK;
}

jr_status care_stop_next_check(jr_date care_stop, const char *stop_reason, jr_date date,
                               jr_error *err)
{
    if (care_stop == JR_DATE_NONE || !stop_reason_temporary(stop_reason))
        return jr_fail(err, JR_ECONFLICT, "9415", "reden",
                       "Er is geen tijdelijke stop zorg om op te volgen.");
    if (date < care_stop)
        return jr_fail(err, JR_EINVAL, "9414", "datum",
                       "De volgende stop zorg kan niet voor de huidige stop liggen.");
    return JR_OK;
}

/*
 * signals.c: the rules of the material control signals (see signals.h).
 */
#include "signals.h"

#include "stats.h"

#include <string.h>

void signal_limits_default(jr_signal_limits *l)
{
    l->budget_used_pct = 95;
    l->budget_share_pct = 75;
    l->budget_min_assignments = 4;
    l->hours_per_week = 40;
    l->credit_share_pct = 10;
    l->jump_factor_pct = 150;
    l->jump_min_cents = 1000000;
}

static const struct {
    const char *code, *name;
} kinds[JR_SIG_KINDS] = {
    [JR_SIG_BUDGET_FULL] = {"budget_vol", "Budget bijna altijd op"},
    [JR_SIG_HOURS] = {"uren", "Uren per week boven de grens"},
    [JR_SIG_OUTSIDE_CARE] = {"buiten_zorg", "Gedeclareerd buiten de zorgperiode"},
    [JR_SIG_CREDITS] = {"credits", "Veel creditregels"},
    [JR_SIG_JUMP] = {"sprong", "Plotselinge sprong in de maandomzet"},
};

const char *signal_kind_code(jr_signal_kind k)
{
    return (unsigned)k < JR_SIG_KINDS ? kinds[k].code : "";
}

const char *signal_kind_name(jr_signal_kind k)
{
    return (unsigned)k < JR_SIG_KINDS ? kinds[k].name : "";
}

bool signal_budget_used_up(const jr_signal_limits *l, jr_cents granted, jr_cents used)
{
    return granted > 0 && used * 100 >= (int64_t)l->budget_used_pct * granted;
}

bool signal_budget_fires(const jr_signal_limits *l, int64_t ended, int64_t used_up)
{
    return ended > 0 && ended >= l->budget_min_assignments &&
           used_up * 100 >= (int64_t)l->budget_share_pct * ended;
}

int64_t signal_hours_minutes(int64_t volume, const char *unit, bool functiegroep)
{
    return functiegroep ? signal_line_minutes(volume, unit) : -1;
}

int64_t signal_line_minutes(int64_t volume, const char *unit)
{
    if (strcmp(unit, "04") == 0)
        return volume * 60;
    if (strcmp(unit, "01") == 0)
        return volume;
    return -1;
}

bool signal_hours_kept(int64_t volume, const char *unit, jr_date begin, jr_date end)
{
    int64_t minutes = signal_line_minutes(volume, unit);
    return minutes >= 0 &&
           minutes * 7 > (int64_t)JR_SIG_HOURS_KEPT * 60 * signal_line_days(begin, end);
}

bool signal_hours_from_kept(const jr_signal_limits *l)
{
    return l->hours_per_week >= JR_SIG_HOURS_KEPT;
}

int64_t signal_line_days(jr_date begin, jr_date end)
{
    int64_t d = (int64_t)end - begin + 1;
    return d < 1 ? 1 : d;
}

int64_t signal_hours_week_x10(int64_t minutes, int64_t days)
{
    return stats_div_round(minutes * 7 * 10, 60 * days);
}

bool signal_hours_fires(const jr_signal_limits *l, int64_t minutes, int64_t days)
{
    return minutes >= 0 && minutes * 7 > (int64_t)l->hours_per_week * 60 * days;
}

jr_care_position signal_care_position(jr_date care_start, jr_date care_stop, jr_date begin,
                                      jr_date end)
{
    if (care_start == JR_DATE_NONE || begin < care_start)
        return JR_CARE_BEFORE_START;
    if (care_stop != JR_DATE_NONE && end > care_stop)
        return JR_CARE_AFTER_STOP;
    return JR_CARE_INSIDE;
}

const char *signal_care_position_text(jr_care_position p)
{
    switch (p) {
    case JR_CARE_BEFORE_START:
        return "voor start zorg";
    case JR_CARE_AFTER_STOP:
        return "na stop zorg";
    case JR_CARE_INSIDE:
        break;
    }
    return "";
}

bool signal_credits_fires(const jr_signal_limits *l, jr_cents debit_cents, jr_cents credit_cents,
                          int64_t debit_lines, int64_t credit_lines)
{
    if (credit_lines <= 0 && credit_cents <= 0)
        return false;
    return credit_cents * 100 > (int64_t)l->credit_share_pct * debit_cents ||
           credit_lines * 100 > (int64_t)l->credit_share_pct * debit_lines;
}

int64_t signal_credits_share_x10(jr_cents debit_cents, jr_cents credit_cents, int64_t debit_lines,
                                 int64_t credit_lines)
{
    if (debit_cents <= 0 || debit_lines <= 0)
        return -1;
    int64_t a = stats_share_x10(credit_cents, debit_cents);
    int64_t b = stats_share_x10(credit_lines, debit_lines);
    return a > b ? a : b;
}

jr_cents signal_jump_limit(const jr_signal_limits *l, jr_cents prev_sum)
{
    return stats_div_round((int64_t)l->jump_factor_pct * prev_sum, 300);
}

bool signal_jump_fires(const jr_signal_limits *l, jr_cents month, jr_cents prev_sum)
{
    return month >= l->jump_min_cents && month * 300 > (int64_t)l->jump_factor_pct * prev_sum;
}

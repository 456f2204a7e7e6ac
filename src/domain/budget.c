/*
 * budget.c: the money of a budget assignment: a quote line's amount and the
 * ledger arithmetic (remaining, release on end, change, nearly spent).
 */
#include "budget.h"

jr_cents quote_line_amount(int64_t centi_hours, jr_cents hourly_tariff)
{
    return money_mul_div(centi_hours, hourly_tariff, 100);
}

jr_cents ledger_remaining(const jr_ledger *l)
{
    return l->granted - l->used - l->released;
}

void ledger_release(jr_ledger *l)
{
    jr_cents rest = ledger_remaining(l);
    if (rest > 0)
        l->released += rest;
}

void ledger_compute(jr_ledger *l, jr_cents granted, jr_cents used, bool ended)
{
    l->granted = granted;
    l->used = used;
    l->released = 0;
    if (ended)
        ledger_release(l);
}

bool ledger_change_ok(const jr_ledger *l, jr_cents new_granted)
{
    return new_granted >= l->used && new_granted > 0;
}

bool ledger_nearly_spent(const jr_ledger *l)
{
    return l->granted > 0 && l->used * 1000 > l->granted * LEDGER_NEARLY_SPENT_PERMILLE;
}

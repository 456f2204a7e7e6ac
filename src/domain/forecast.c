/*
 * forecast.c (domain): the forecast to year end, its warning level and the
 * commitment of one open assignment (see forecast.h and docs/figures.md,
 * "Budget control").
 */
#include "forecast.h"

#include "decl.h"

#include <stdio.h>
#include <string.h>

void forecast_compute(const jr_fc_series *now, const jr_fc_series *prev, int last_month,
                      jr_cents commitments, jr_forecast *out)
{
    memset(out, 0, sizeof *out);
    int L = last_month < 0 ? 0 : last_month > 12 ? 12 : last_month;
    out->last_month = L;
    for (int m = 0; m < L; m++) {
        out->monthly[m] = now->cents[m];
        out->realised += now->cents[m];
    }
    /* the run-rate months: the last (at most three) months <= L with a line */
    int found[JR_FC_RUN_MONTHS], k = 0;
    for (int m = L; m >= 1 && k < JR_FC_RUN_MONTHS; m--)
        if (now->lines[m - 1] > 0)
            found[k++] = m;
    out->nbase = k;
    for (int i = 0; i < k; i++) {
        out->base_months[i] = found[k - 1 - i]; /* ascending */
        out->base_sum += now->cents[found[i] - 1];
    }
    if (k > 0)
        out->run_rate = money_mul_div(out->base_sum, 1, k);
    if (L == 12)
        out->method = JR_FC_COMPLETE;
    else if (k == 0)
        out->method = JR_FC_NONE;
    else {
        out->method = JR_FC_RUN_RATE;
        bool full = prev != NULL;
        for (int m = 0; full && m < 12; m++)
            full = prev->lines[m] > 0;
        jr_cents p = 0;
        for (int i = 0; full && i < k; i++)
            p += prev->cents[out->base_months[i] - 1];
        if (full && p > 0) {
            out->method = JR_FC_SEASONAL;
            out->prev_base_sum = p;
        }
    }
    for (int m = L; m < 12; m++) {
        jr_cents v = 0;
        if (out->method == JR_FC_SEASONAL)
            v = money_mul_div(out->base_sum, prev->cents[m], out->prev_base_sum);
        else if (out->method == JR_FC_RUN_RATE)
            v = out->run_rate;
        out->monthly[m] = v;
        out->projected += v;
    }
    out->commitments = commitments;
    out->forecast = out->realised + out->projected + commitments;
}

uint32_t forecast_base_mask(const jr_forecast *f)
{
    uint32_t mask = 0;
    for (int i = 0; i < f->nbase; i++)
        mask |= 1u << (f->base_months[i] - 1);
    return mask;
}

const char *forecast_method_name(jr_fc_method m)
{
    switch (m) {
    case JR_FC_NONE:
        return "geen";
    case JR_FC_RUN_RATE:
        return "run-rate";
    case JR_FC_SEASONAL:
        return "seizoen";
    case JR_FC_COMPLETE:
        return "gerealiseerd";
    }
    return "";
}

char *forecast_method_text(const jr_forecast *f, char *buf, size_t cap)
{
    char months[32] = "", s[JR_MONEY_BUF], r[JR_MONEY_BUF], p[JR_MONEY_BUF];
    size_t n = 0;
    for (int i = 0; i < f->nbase && n < sizeof months; i++)
        n += (size_t)snprintf(months + n, sizeof months - n, "%s%d", i ? ", " : "",
                              f->base_months[i]);
    switch (f->method) {
    case JR_FC_COMPLETE:
        snprintf(buf, cap, "Gerealiseerd: het jaar is gedeclareerd tot en met december.");
        break;
    case JR_FC_NONE:
        snprintf(buf, cap,
                 "Geen prognose uit declaraties: er is geen maand met declaraties tot en met "
                 "maand %d; de prognose is het gerealiseerde plus de verplichtingen.",
                 f->last_month);
        break;
    case JR_FC_RUN_RATE:
        snprintf(buf, cap,
                 "Run-rate: gerealiseerd tot en met maand %d, daarna per maand het gemiddelde "
                 "van maand %s (%s / %d = %s), plus de verplichtingen die nog niet in de "
                 "run-rate zitten.",
                 f->last_month, months, money_format_nl(f->base_sum, s), f->nbase,
                 money_format_nl(f->run_rate, r));
        break;
    case JR_FC_SEASONAL:
        snprintf(buf, cap,
                 "Seizoen: gerealiseerd tot en met maand %d, daarna per maand %s (maand %s van "
                 "dit jaar) maal het aandeel van die maand vorig jaar tegenover dezelfde maanden "
                 "vorig jaar (%s), plus de verplichtingen die nog niet in de run-rate zitten.",
                 f->last_month, money_format_nl(f->base_sum, s), months,
                 money_format_nl(f->prev_base_sum, p));
        break;
    }
    return buf;
}

jr_fc_level forecast_level(jr_cents forecast, jr_cents budget, bool has_budget)
{
    if (!has_budget)
        return JR_FC_NO_BUDGET;
    if (forecast > budget)
        return JR_FC_OVER;
    /* forecast >= 95 % of budget, in integers: 100 x forecast >= 95 x budget */
    if (budget > 0 && (__int128)forecast * 100 >= (__int128)budget * 95)
        return JR_FC_ATTENTION;
    return JR_FC_ON_TRACK;
}

const char *forecast_level_name(jr_fc_level l)
{
    switch (l) {
    case JR_FC_NO_BUDGET:
        return "geen begroting";
    case JR_FC_ON_TRACK:
        return "op koers";
    case JR_FC_ATTENTION:
        return "let op";
    case JR_FC_OVER:
        return "overschrijding";
    }
    return "";
}

const char *forecast_level_code(jr_fc_level l)
{
    switch (l) {
    case JR_FC_NO_BUDGET:
        return "none";
    case JR_FC_ON_TRACK:
        return "on_track";
    case JR_FC_ATTENTION:
        return "attention";
    case JR_FC_OVER:
        return "over";
    }
    return "";
}

bool forecast_share_x10(jr_cents forecast, jr_cents budget, int64_t *out)
{
    if (budget <= 0)
        return false;
    *out = money_mul_div(forecast, 1000, budget);
    return true;
}

jr_cents forecast_remaining(bool is_budget, jr_cents budget, jr_cents used, int64_t volume,
                            const char *unit, int64_t used_base, jr_cents tariff)
{
    if (is_budget)
        return budget > used ? budget - used : 0;
    int64_t factor = unit_base_factor(unit ? unit : "");
    int64_t left = volume * factor - used_base;
    if (left <= 0 || tariff <= 0)
        return 0;
    return money_mul_div(left, tariff, factor);
}

jr_cents forecast_commitment(jr_cents remaining, jr_date start, jr_date run_end, jr_date rest_first,
                             jr_date year_last)
{
    jr_date from = start > rest_first ? start : rest_first;
    if (remaining <= 0 || run_end < from || from > year_last)
        return 0;
    int64_t days = (int64_t)run_end - from + 1;
    jr_date to = run_end < year_last ? run_end : year_last;
    int64_t in_year = (int64_t)to - from + 1;
    return money_mul_div(remaining, in_year, days);
}

void forecast_task(const jr_task_budget *t, int last_month, jr_fc_task *out)
{
    memset(out, 0, sizeof *out);
    int L = last_month < 0 ? 0 : last_month > 12 ? 12 : last_month;
    for (int k = 1; k <= t->terms; k++) {
        jr_cents a;
        jr_date from, to;
        if (!task_budget_term(t, k, &a, &from, &to))
            break;
        int y, m, d;
        date_to_ymd(from, &y, &m, &d);
        out->monthly[m - 1] += a;
        if (m <= L)
            out->realised += a;
        else
            out->committed += a;
    }
}

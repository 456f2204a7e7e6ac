/*
 * signals.c (service): the control signals of a period (see signals.h).
 * Three passes over what the store reads, each ordered by provider: the
 * accepted lines (hours, outside care, credits), the ended budget
 * assignments, and the months' amounts; each provider's rows are summed
 * while they pass and judged by domain/signals.h when the next provider
 * begins. Memory: the signals and at most JR_SIG_MAX_LINES lines each.
 */
#include "signals.h"

#include "../core/sbuf.h"
#include "../domain/money.h"
#include "../store/signals.h"
#include "figures_bench.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool signals_kind_parse(const char *code, jr_signal_kind *out)
{
    for (int k = 0; code && k < JR_SIG_KINDS; k++)
        if (strcmp(code, signal_kind_code((jr_signal_kind)k)) == 0) {
            *out = (jr_signal_kind)k;
            return true;
        }
    return false;
}

void signals_free(jr_signals *s)
{
    for (int i = 0; i < s->n; i++)
        free(s->signals[i].lines);
    free(s->signals);
    s->signals = NULL;
    s->n = s->cap = 0;
}

/* ---- building the list ---- */

typedef struct {
    jr_signals *out;
    const jr_catalog *cat;
    const jr_signal_limits *l;
    bool want[JR_SIG_KINDS];
    bool keep; /* keep the lines behind each signal */
    bool nomem;
} build;

/* sig_new: a new signal of kind for the provider; its index, -1 when out
 * of memory */
static int sig_new(build *b, jr_signal_kind kind, const char *agb, const char *provider)
{
    jr_signals *o = b->out;
    if (o->n == o->cap) {
        int cap = o->cap ? 2 * o->cap : 32;
        jr_signal *s = realloc(o->signals, (size_t)cap * sizeof *s);
        if (!s) {
            b->nomem = true;
            return -1;
        }
        o->signals = s;
        o->cap = cap;
    }
    jr_signal *s = &o->signals[o->n];
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->value_x10 = -1;
    str_copy(s->agb, sizeof s->agb, agb);
    str_copy(s->provider, sizeof s->provider, provider);
    o->counts[kind]++;
    return o->n++;
}

/* sig_line: counts l behind signal i and keeps it while there is room */
static void sig_line(build *b, int i, const jr_sig_line *l)
{
    jr_signal *s = &b->out->signals[i];
    s->count++;
    if (!b->keep || s->nlines >= JR_SIG_MAX_LINES)
        return;
    /* room grows 8, 16, 32, 64, JR_SIG_MAX_LINES: most signals have a few
       lines, and a full room for each of a year's thousands of signals
       was a third of the signals' time (the pages zeroed) */
    int n = s->nlines;
    if (n == 0 || (n >= 8 && (n & (n - 1)) == 0)) {
        int cap = n == 0 ? 8 : (2 * n < JR_SIG_MAX_LINES ? 2 * n : JR_SIG_MAX_LINES);
        jr_sig_line *v = realloc(s->lines, (size_t)cap * sizeof *v);
        if (!v) {
            b->nomem = true;
            return;
        }
        s->lines = v;
    }
    s->lines[s->nlines++] = *l;
}

/* ---- 2, 3, 4: the lines ---- */

/* the providers' accepted amounts and lines of the period, from the
   spending summary, by AGB (store_sig_totals_each) */
typedef struct {
    store_sig_total *v;
    size_t n, cap;
    bool nomem;
} totals;

static int on_total(void *ud, const void *row)
{
    totals *t = ud;
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 256;
        store_sig_total *v = realloc(t->v, cap * sizeof *v);
        if (!v) {
            t->nomem = true;
            return 1;
        }
        t->v = v;
        t->cap = cap;
    }
    t->v[t->n++] = *(const store_sig_total *)row;
    return 0;
}

static const store_sig_total *total_of(const totals *t, const char *agb)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(t->v[mid].agb, agb);
        if (c == 0)
            return &t->v[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* What a pass over lines judges. PASS_ALL: every accepted line of the
   period (store_sig_lines_each). PASS_KEPT: the kept lines only
   (store_sig_kept_each: the credits and the lines above
   JR_SIG_HOURS_KEPT hours per week), the debits' amount and number taken
   from the summary (debits = the total plus the credits). PASS_OUTSIDE:
   the lines on the assignments in care_outside, for that signal alone. */
typedef enum { PASS_ALL, PASS_KEPT, PASS_OUTSIDE } line_pass;

typedef struct {
    build *b;
    line_pass pass;
    const totals *totals; /* PASS_KEPT */
    char agb[9], provider[96];
    int hours, outside; /* this provider's signals, -1 while none */
    jr_cents debit_cents, credit_cents;
    int64_t debit_lines, credit_lines;
    int ncredits;
    jr_sig_line credits[JR_SIG_MAX_LINES];
} line_acc;

static void line_of(const store_sig_line *r, jr_sig_line *l)
{
    memset(l, 0, sizeof *l);
    l->line_id = r->id;
    str_copy(l->month, sizeof l->month, r->month);
    str_copy(l->assignment, sizeof l->assignment, r->assignment);
    l->youth_id = r->youth_id;
    str_copy(l->bsn, sizeof l->bsn, r->bsn);
    str_copy(l->product, sizeof l->product, r->product);
    l->begin = r->begin;
    l->end = r->end;
    l->volume = r->volume;
    str_copy(l->unit, sizeof l->unit, r->unit);
    l->cents = r->credit ? -r->cents : r->cents;
    l->value_x10 = -1;
}

static void lines_flush(line_acc *a)
{
    build *b = a->b;
    const jr_signal_limits *l = b->l;
    char m1[JR_MONEY_BUF], m2[JR_MONEY_BUF], t[JR_X10_TEXT];
    if (a->hours >= 0) {
        jr_signal *s = &b->out->signals[a->hours];
        snprintf(s->text, sizeof s->text,
                 "%" PRId64 " declaratieregel%s van meer dan %d uur per week (hoogste %s uur per "
                 "week), samen %s.",
                 s->count, s->count == 1 ? "" : "s", (int)l->hours_per_week,
                 stats_x10_text(s->value_x10, t), money_format_nl(s->cents, m1));
    }
    if (a->outside >= 0) {
        jr_signal *s = &b->out->signals[a->outside];
        snprintf(s->text, sizeof s->text,
                 "%" PRId64 " geaccepteerde regel%s voor de start of na de stop van de zorg, samen "
                 "%s.",
                 s->count, s->count == 1 ? "" : "s", money_format_nl(s->cents, m1));
    }
    if (a->pass == PASS_KEPT && a->agb[0] && a->credit_lines > 0) {
        const store_sig_total *t = total_of(a->totals, a->agb);
        a->debit_cents = (t ? t->cents : 0) + a->credit_cents;
        a->debit_lines = (t ? t->lines : 0) - a->credit_lines;
    }
    if (a->agb[0] && a->pass != PASS_OUTSIDE && b->want[JR_SIG_CREDITS] &&
        signal_credits_fires(l, a->debit_cents, a->credit_cents, a->debit_lines, a->credit_lines)) {
        int i = sig_new(b, JR_SIG_CREDITS, a->agb, a->provider);
        if (i >= 0) {
            jr_signal *s = &b->out->signals[i];
            s->of = a->debit_lines;
            s->cents = a->credit_cents;
            s->reference = a->debit_cents;
            s->value_x10 = signal_credits_share_x10(a->debit_cents, a->credit_cents, a->debit_lines,
                                                    a->credit_lines);
            for (int k = 0; k < a->ncredits; k++)
                sig_line(b, i, &a->credits[k]);
            s->count = a->credit_lines;
            s = &b->out->signals[i];
            snprintf(s->text, sizeof s->text,
                     "%" PRId64 " credits van samen %s tegenover %" PRId64
                     " debetregels van %s: %s %%, boven de drempel van %d %%.",
                     a->credit_lines, money_format_nl(a->credit_cents, m1), a->debit_lines,
                     money_format_nl(a->debit_cents, m2), stats_x10_text(s->value_x10, t),
                     (int)l->credit_share_pct);
        }
    }
    a->hours = a->outside = -1;
    a->debit_cents = a->credit_cents = 0;
    a->debit_lines = a->credit_lines = 0;
    a->ncredits = 0;
}

static int on_line(void *ud, const void *row)
{
    const store_sig_line *r = row;
    line_acc *a = ud;
    build *b = a->b;
    if (strcmp(r->agb, a->agb) != 0) {
        lines_flush(a);
        str_copy(a->agb, sizeof a->agb, r->agb);
        str_copy(a->provider, sizeof a->provider, r->provider);
    }
    jr_sig_line l;
    line_of(r, &l);
    if (r->credit && a->pass == PASS_OUTSIDE)
        return b->nomem;
    if (r->credit) {
        a->credit_cents += r->cents;
        a->credit_lines++;
        if (a->ncredits < JR_SIG_MAX_LINES) {
            str_copy(l.note, sizeof l.note, "credit");
            a->credits[a->ncredits++] = l;
        }
        return b->nomem;
    }
    if (a->pass == PASS_ALL) {
        a->debit_cents += r->cents;
        a->debit_lines++;
    }
    const jr_product *prod = catalog_product(b->cat, r->product);
    int64_t minutes =
        signal_hours_minutes(r->volume, r->unit, prod && prod->kind == JR_PK_FUNCTIEGROEP);
    if (b->want[JR_SIG_HOURS] && a->pass != PASS_OUTSIDE && minutes >= 0) {
        int64_t days = signal_line_days(r->begin, r->end);
        if (signal_hours_fires(b->l, minutes, days)) {
            if (a->hours < 0)
                a->hours = sig_new(b, JR_SIG_HOURS, r->agb, r->provider);
            if (a->hours >= 0) {
                jr_sig_line h = l;
                h.value_x10 = signal_hours_week_x10(minutes, days);
                snprintf(h.note, sizeof h.note, "uren per week");
                jr_signal *s = &b->out->signals[a->hours];
                s->cents += r->cents;
                if (h.value_x10 > s->value_x10)
                    s->value_x10 = h.value_x10;
                sig_line(b, a->hours, &h);
            }
        }
    }
    jr_care_position pos = signal_care_position(r->care_start, r->care_stop, r->begin, r->end);
    if (b->want[JR_SIG_OUTSIDE_CARE] && a->pass != PASS_KEPT && pos != JR_CARE_INSIDE) {
        if (a->outside < 0)
            a->outside = sig_new(b, JR_SIG_OUTSIDE_CARE, r->agb, r->provider);
        if (a->outside >= 0) {
            jr_sig_line o = l;
            str_copy(o.note, sizeof o.note, signal_care_position_text(pos));
            b->out->signals[a->outside].cents += r->cents;
            sig_line(b, a->outside, &o);
        }
    }
    return b->nomem;
}

/* lines_pass: one pass over lines (see line_pass) */
static jr_status lines_pass(const jr_ctx *ctx, build *b, line_pass pass, const totals *t,
                            jr_month first, jr_month last, const char *gemeente, jr_error *err)
{
    line_acc *a = calloc(1, sizeof *a);
    if (!a) {
        b->nomem = true;
        return JR_OK;
    }
    a->b = b;
    a->pass = pass;
    a->totals = t;
    a->hours = a->outside = -1;
    jr_status rc;
    if (pass == PASS_ALL)
        rc = store_sig_lines_each(ctx->store, first, last, gemeente, NULL, on_line, a, err);
    else if (pass == PASS_KEPT)
        rc = store_sig_kept_each(ctx->store, first, last, gemeente, on_line, a, err);
    else
        rc = store_sig_outside_each(ctx->store, first, last, gemeente, on_line, a, err);
    if (rc == JR_OK)
        lines_flush(a);
    free(a);
    return rc;
}

/* lines_passes: the signals of the lines (2, 3, 4). With an hours limit of
 * at least JR_SIG_HOURS_KEPT they read what the import kept for them (the
 * credits, the lines of many hours, the assignments billed outside their
 * care period: migration 016) and the spending summary; below it, every
 * line of the period. The two give the same signals with the same lines
 * (tests/integration/test_signals_service.c). */
static jr_status lines_passes(const jr_ctx *ctx, build *b, jr_month first, jr_month last,
                              const char *gemeente, jr_error *err)
{
    if (!signal_hours_from_kept(b->l))
        return lines_pass(ctx, b, PASS_ALL, NULL, first, last, gemeente, err);
    jr_status rc = JR_OK;
    if (b->want[JR_SIG_HOURS] || b->want[JR_SIG_CREDITS]) {
        totals t = {0};
        if (b->want[JR_SIG_CREDITS])
            rc = store_sig_totals_each(ctx->store, first, last, gemeente, on_total, &t, err);
        if (t.nomem)
            b->nomem = true;
        else if (rc == JR_OK)
            rc = lines_pass(ctx, b, PASS_KEPT, &t, first, last, gemeente, err);
        free(t.v);
    }
    if (rc == JR_OK && !b->nomem && b->want[JR_SIG_OUTSIDE_CARE])
        rc = lines_pass(ctx, b, PASS_OUTSIDE, NULL, first, last, gemeente, err);
    return rc;
}

/* ---- 1: the ended budget assignments ---- */

typedef struct {
    build *b;
    char agb[9], provider[96];
    int64_t ended, used_up;
    jr_cents granted, used;
    int n;
    jr_sig_line kept[JR_SIG_MAX_LINES]; /* the used-up ones */
} budget_acc;

static void budget_flush(budget_acc *a)
{
    build *b = a->b;
    if (a->agb[0] && signal_budget_fires(b->l, a->ended, a->used_up)) {
        int i = sig_new(b, JR_SIG_BUDGET_FULL, a->agb, a->provider);
        if (i >= 0) {
            for (int k = 0; k < a->n; k++)
                sig_line(b, i, &a->kept[k]);
            jr_signal *s = &b->out->signals[i];
            s->count = a->used_up;
            s->of = a->ended;
            s->cents = a->used;
            s->reference = a->granted;
            s->value_x10 = stats_share_x10(a->used_up, a->ended);
            char t[JR_X10_TEXT];
            snprintf(s->text, sizeof s->text,
                     "%" PRId64 " van de %" PRId64
                     " beëindigde budgettoewijzingen (%s %%) voor minstens %d %% gebruikt; "
                     "drempel %d %% bij minstens %d.",
                     a->used_up, a->ended, stats_x10_text(s->value_x10, t),
                     (int)b->l->budget_used_pct, (int)b->l->budget_share_pct,
                     (int)b->l->budget_min_assignments);
        }
    }
    a->ended = a->used_up = 0;
    a->granted = a->used = 0;
    a->n = 0;
}

static int on_budget(void *ud, const void *row)
{
    const store_sig_budget *r = row;
    budget_acc *a = ud;
    if (strcmp(r->agb, a->agb) != 0) {
        budget_flush(a);
        str_copy(a->agb, sizeof a->agb, r->agb);
        str_copy(a->provider, sizeof a->provider, r->provider);
    }
    a->ended++;
    if (signal_budget_used_up(a->b->l, r->granted, r->used)) {
        a->used_up++;
        a->granted += r->granted;
        a->used += r->used;
        if (a->n < JR_SIG_MAX_LINES) {
            jr_sig_line *l = &a->kept[a->n++];
            memset(l, 0, sizeof *l);
            str_copy(l->assignment, sizeof l->assignment, r->number);
            l->youth_id = r->youth_id;
            str_copy(l->bsn, sizeof l->bsn, r->bsn);
            str_copy(l->product, sizeof l->product, r->budget[0] ? r->budget : "offerte");
            l->begin = r->start;
            l->end = r->end;
            l->cents = r->used;
            l->granted = r->granted;
            l->value_x10 = stats_share_x10(r->used, r->granted);
            str_copy(l->note, sizeof l->note, "budget gebruikt");
        }
    }
    return a->b->nomem;
}

/* ---- 5: the months ---- */

#define MONTHS_BEFORE 3

typedef struct {
    build *b;
    jr_month from; /* the first month read: the period's first minus three */
    int nmonths;   /* read: the period's months and the three before */
    char agb[9], provider[96];
    jr_cents amount[JR_FB_MAX_MONTHS + MONTHS_BEFORE];
} month_acc;

static void months_flush(month_acc *a)
{
    build *b = a->b;
    for (int k = MONTHS_BEFORE; a->agb[0] && k < a->nmonths; k++) {
        jr_cents prev = a->amount[k - 1] + a->amount[k - 2] + a->amount[k - 3];
        if (!signal_jump_fires(b->l, a->amount[k], prev))
            continue;
        int i = sig_new(b, JR_SIG_JUMP, a->agb, a->provider);
        if (i < 0)
            break;
        jr_signal *s = &b->out->signals[i];
        month_format(a->from + k, s->month);
        s->cents = a->amount[k];
        s->reference = signal_jump_limit(b->l, prev);
        for (int j = k - MONTHS_BEFORE; j <= k; j++) {
            jr_sig_line l;
            memset(&l, 0, sizeof l);
            l.value_x10 = -1;
            month_format(a->from + j, l.month);
            l.cents = a->amount[j];
            str_copy(l.note, sizeof l.note, j == k ? "maand van de sprong" : "maand ervoor");
            sig_line(b, i, &l);
        }
        s = &b->out->signals[i];
        s->count = 1;
        char m1[JR_MONEY_BUF], m2[JR_MONEY_BUF], m3[JR_MONEY_BUF], pf[32];
        snprintf(pf, sizeof pf, "%d,%02d", (int)(b->l->jump_factor_pct / 100),
                 (int)(b->l->jump_factor_pct % 100));
        snprintf(s->text, sizeof s->text,
                 "%s in %s, meer dan %s (%s keer het gemiddelde van de drie maanden ervoor, samen "
                 "%s).",
                 money_format_nl(s->cents, m1), s->month, money_format_nl(s->reference, m2), pf,
                 money_format_nl(prev, m3));
    }
    memset(a->amount, 0, sizeof a->amount);
}

static int on_month(void *ud, const void *row)
{
    const store_sig_month *r = row;
    month_acc *a = ud;
    if (strcmp(r->agb, a->agb) != 0) {
        months_flush(a);
        str_copy(a->agb, sizeof a->agb, r->agb);
        str_copy(a->provider, sizeof a->provider, r->provider);
    }
    jr_month m;
    if (month_parse(r->month, &m) && m >= a->from && m < a->from + a->nmonths)
        a->amount[m - a->from] = r->cents;
    return a->b->nomem;
}

/* ---- the call ---- */

static int by_kind_agb_month(const void *x, const void *y)
{
    const jr_signal *a = x, *b = y;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    int c = strcmp(a->agb, b->agb);
    return c ? c : strcmp(a->month, b->month);
}

/* a signal's declaration lines in month and line order (the store hands a
   provider's lines over by municipality first) */
static int by_month_line(const void *x, const void *y)
{
    const jr_sig_line *a = x, *b = y;
    int c = strcmp(a->month, b->month);
    if (c)
        return c;
    return (a->line_id > b->line_id) - (a->line_id < b->line_id);
}

static void lines_order(jr_signals *out)
{
    for (int i = 0; i < out->n; i++) {
        jr_signal *s = &out->signals[i];
        bool of_lines =
            s->kind == JR_SIG_HOURS || s->kind == JR_SIG_OUTSIDE_CARE || s->kind == JR_SIG_CREDITS;
        if (of_lines && s->nlines > 1)
            qsort(s->lines, (size_t)s->nlines, sizeof *s->lines, by_month_line);
    }
}

jr_status signals_find(const jr_ctx *ctx, const jr_period *period, const char *gemeente,
                       const char *kind, jr_signals *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    out->period = *period;
    if (ctx->who.role == JR_ROLE_AANBIEDER)
        return jr_fail(err, JR_EFORBIDDEN, "forbidden", "gemeente",
                       "De signalen zijn voor de controller van de gemeente en de regio, niet "
                       "voor een aanbieder.");
    jr_signal_kind only = JR_SIG_KINDS;
    if (kind && !signals_kind_parse(kind, &only))
        return jr_fail(err, JR_EINVAL, "kind_invalid", "kind",
                       "Onbekend signaal '%s': budget_vol, uren, buiten_zorg, credits of sprong.",
                       kind);
    jr_fig_plan plan;
    jr_status rc = figures_plan(ctx, gemeente, NULL, &plan, err);
    if (rc != JR_OK)
        return rc;
    out->scope = plan.scope;
    out->limits = ctx->cat->signals;
    jr_error scratch;
    jr_error_clear(&scratch);
    bool personal = svc_may(ctx, JR_ACT_PERSONAL_READ, &scratch) == JR_OK;
    out->aggregate = plan.hide || !personal;

    build b = {.out = out, .cat = ctx->cat, .l = &out->limits, .keep = !out->aggregate};
    for (int k = 0; k < JR_SIG_KINDS; k++)
        b.want[k] = only == JR_SIG_KINDS || only == (jr_signal_kind)k;
    jr_month first = date_month(period->first), last = date_month(period->last);

    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    if (b.want[JR_SIG_HOURS] || b.want[JR_SIG_OUTSIDE_CARE] || b.want[JR_SIG_CREDITS])
        rc = lines_passes(ctx, &b, first, last, plan.gemeente, err);
    if (rc == JR_OK && !b.nomem && b.want[JR_SIG_BUDGET_FULL]) {
        budget_acc *a = calloc(1, sizeof *a);
        if (!a)
            b.nomem = true;
        else {
            a->b = &b;
            rc = store_sig_budgets_each(ctx->store, period->first, period->last, plan.gemeente,
                                        NULL, on_budget, a, err);
            if (rc == JR_OK)
                budget_flush(a);
            free(a);
        }
    }
    if (rc == JR_OK && !b.nomem && b.want[JR_SIG_JUMP]) {
        month_acc a;
        memset(&a, 0, sizeof a);
        a.b = &b;
        a.from = first - MONTHS_BEFORE;
        a.nmonths = (int)(last - first) + 1 + MONTHS_BEFORE;
        if (a.nmonths > JR_FB_MAX_MONTHS + MONTHS_BEFORE)
            a.nmonths = JR_FB_MAX_MONTHS + MONTHS_BEFORE;
        rc =
            store_sig_months_each(ctx->store, a.from, last, plan.gemeente, NULL, on_month, &a, err);
        if (rc == JR_OK)
            months_flush(&a);
    }
    if (rc == JR_OK && b.nomem)
        rc = jr_fail(err, JR_ENOMEM, "nomem", NULL, "Onvoldoende geheugen.");
    if (rc == JR_OK && out->n > 1)
        qsort(out->signals, (size_t)out->n, sizeof *out->signals, by_kind_agb_month);
    if (rc == JR_OK)
        lines_order(out);
    /* the lines name youths: who read them, when, is kept */
    if (rc == JR_OK && !out->aggregate) {
        char detail[160], pt[JR_PERIOD_TEXT_LEN];
        snprintf(detail, sizeof detail, "signalen %s, periode %s: %d", out->scope.name,
                 period_format(period, pt), out->n);
        rc = audit_record(ctx, "signalen.inzien", "signals",
                          plan.gemeente ? plan.gemeente : "regio", detail, err);
    }
    return svc_finish(ctx, rc, err);
}

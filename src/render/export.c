/*
 * export.c: the figures as tables to export (see export.h). Each figure
 * is a row of `figures`: how to compute its JSON, and its tables, each a
 * path to an array of row objects in that JSON (and fixed rows, such as a
 * total, after them) with the columns to take from each row.
 *
 * A column's key is a path inside the row ("classes.2.assignments": a
 * number is an index into an array); a key starting with '/' is a path
 * from the JSON's root in which "[]" stands for the row's index, to put
 * beside a row the same row of another array (last year's, the region's).
 * The key "#" is the fixed rows' label. A fixed row's label starting with
 * '@' is a text from the root ("@period.period").
 */
#include "export.h"

#include "../domain/date.h"
#include "../service/budgetctl.h"
#include "../service/figures.h"
#include "../service/figures_bench.h"
#include "render_budgetctl.h"
#include "render_figures.h"
#include "render_figures_bench.h"
#include "render_figures_care.h"
#include "render_signals.h"
#include "xlsx.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- computing a figure's JSON ---- */

/* a figure's JSON for period p, municipality gemeente (NULL: the region)
 * and provider agb (NULL: every provider; ignored by the figures without a
 * provider filter: benchmark, control, signals) */
typedef json_t *(*fig_json_fn)(const jr_ctx *ctx, const jr_period *p, const char *gemeente,
                               const char *agb, int64_t limit, jr_error *err);

static json_t *nomem(jr_error *err)
{
    jr_fail(err, JR_ENOMEM, "nomem", NULL, "Onvoldoende geheugen.");
    return NULL;
}

static json_t *j_volume(const jr_ctx *ctx, const jr_period *p, const char *g, const char *agb,
                        int64_t limit, jr_error *err)
{
    (void)limit;
    jr_figures_volume v;
    if (figures_volume(ctx, p, g, agb, &v, err) != JR_OK)
        return NULL;
    json_t *o = render_figures_volume(&v);
    return o ? o : nomem(err);
}

static json_t *j_referrals(const jr_ctx *ctx, const jr_period *p, const char *g, const char *agb,
                           int64_t limit, jr_error *err)
{
    (void)limit;
    jr_figures_referrals *r = malloc(sizeof *r);
    if (!r)
        return nomem(err);
    json_t *o = NULL;
    if (figures_referrals(ctx, p, g, agb, r, err) == JR_OK && !(o = render_figures_referrals(r)))
        nomem(err);
    free(r);
    return o;
}

static json_t *j_spending(const jr_ctx *ctx, const jr_period *p, const char *g, const char *agb,
                          int64_t limit, jr_error *err)
{
    (void)limit;
    jr_figures_spending *s = calloc(1, sizeof *s);
    if (!s)
        return nomem(err);
    json_t *o = NULL;
    if (figures_spending(ctx, p, g, agb, s, err) == JR_OK && !(o = render_figures_spending(s)))
        nomem(err);
    figures_spending_free(s);
    free(s);
    return o;
}

#define CARE_JSON(fn_name, set)                                                                    \
    static json_t *fn_name(const jr_ctx *ctx, const jr_period *p, const char *g, const char *agb,  \
                           int64_t limit, jr_error *err)                                           \
    {                                                                                              \
        (void)limit;                                                                               \
        return figures_care_set_find(set)->fn(ctx, g, agb, p, err);                                \
    }
CARE_JSON(j_durations, "durations")
CARE_JSON(j_waiting, "waiting")
CARE_JSON(j_endings, "endings")
CARE_JSON(j_concentration, "concentration")
CARE_JSON(j_budget, "budget")

static json_t *j_benchmark(const jr_ctx *ctx, const jr_period *p, const char *g, const char *agb,
                           int64_t limit, jr_error *err)
{
    (void)limit;
    (void)agb; /* the benchmark is always every provider's */
    (void)g;
    jr_figures_benchmark *b = malloc(sizeof *b);
    if (!b)
        return nomem(err);
    json_t *o = NULL;
    if (figures_benchmark(ctx, p, b, err) == JR_OK && !(o = render_figures_benchmark(b)))
        nomem(err);
    free(b);
    return o;
}

static json_t *j_ambulant(const jr_ctx *ctx, const jr_period *p, const char *g, const char *agb,
                          int64_t limit, jr_error *err)
{
    (void)limit;
    jr_figures_ambulant *a = malloc(sizeof *a);
    if (!a)
        return nomem(err);
    json_t *o = NULL;
    if (figures_ambulant(ctx, p, g, agb, a, err) == JR_OK && !(o = render_figures_ambulant(a)))
        nomem(err);
    free(a);
    return o;
}

static json_t *j_quotes(const jr_ctx *ctx, const jr_period *p, const char *g, const char *agb,
                        int64_t limit, jr_error *err)
{
    (void)limit;
    jr_figures_quotes q;
    memset(&q, 0, sizeof q);
    json_t *o = NULL;
    if (figures_quotes(ctx, p, g, agb, &q, err) == JR_OK && !(o = render_figures_quotes(&q)))
        nomem(err);
    figures_quotes_free(&q);
    return o;
}

static json_t *j_control(const jr_ctx *ctx, const jr_period *p, const char *g, const char *agb,
                         int64_t limit, jr_error *err)
{
    (void)limit;
    (void)agb; /* the begroting is the municipality's, not a provider's */
    if (p->kind != JR_PERIOD_YEAR) {
        jr_fail(err, JR_EINVAL, "period_invalid", "period",
                "De begrotingscontrole gaat over een jaar: geef de periode als JJJJ.");
        return NULL;
    }
    jr_budget_control *c = malloc(sizeof *c);
    if (!c)
        return nomem(err);
    json_t *o = NULL;
    if (budgetctl_control(ctx, (int32_t)p->year, g, c, err) == JR_OK &&
        !(o = render_budget_control(c)))
        nomem(err);
    free(c);
    return o;
}

static json_t *j_signals(const jr_ctx *ctx, const jr_period *p, const char *g, const char *agb,
                         int64_t limit, jr_error *err)
{
    (void)limit;
    (void)agb; /* the signals are per provider already */
    jr_signals s;
    json_t *o = NULL;
    if (signals_find(ctx, p, g, NULL, &s, err) == JR_OK && !(o = render_signals(&s)))
        nomem(err);
    signals_free(&s);
    return o;
}

static json_t *j_expensive(const jr_ctx *ctx, const jr_period *p, const char *g, const char *agb,
                           int64_t limit, jr_error *err)
{
    jr_figures_expensive e;
    memset(&e, 0, sizeof e);
    json_t *o = NULL;
    if (figures_expensive(ctx, p, g, agb, limit, &e, err) == JR_OK &&
        !(o = render_figures_expensive(&e)))
        nomem(err);
    figures_expensive_free(&e);
    return o;
}

/* ---- the tables of each figure ---- */

typedef struct {
    const char *key, *head;
} xcol;

typedef struct {
    const char *label, *path;
} xrow;

#define XT_MAX_FIXED 6

typedef struct {
    const char *name, *title;
    const char *array;         /* the rows: an array in the JSON; NULL for fixed rows only */
    xrow fixed[XT_MAX_FIXED];  /* after the array's rows, each a total */
    xcol cols[JR_XT_MAX_COLS]; /* ended by a NULL key */
} xspec;

#define XF_MAX_TABLES 4

typedef struct {
    const char *name;
    fig_json_fn fn;
    bool in_monitor; /* part of the "monitor" workbook */
    xspec tables[XF_MAX_TABLES];
} xfigure;

#define VOLUME_COLS                                                                                \
    {"youths", "Jeugdigen in zorg"}, {"active", "Actieve toewijzingen"},                           \
        {"started", "Gestarte toewijzingen"}, {"ended", "Beëindigde toewijzingen"},                \
        {"population", "Jeugdigen tot 18 jaar"}, {"per_thousand_x10", "Per 1.000 jeugdigen"},      \
    {                                                                                              \
        "share_x10", "Aandeel van jeugdigen tot 18 (%)"                                            \
    }
#define SPEND_GROUP_COLS                                                                           \
    {"cents", "Uitgaven"}, {"prev_cents", "Uitgaven vorig jaar"},                                  \
    {                                                                                              \
        "growth_x10", "Groei (%)"                                                                  \
    }
#define DAYS_COLS                                                                                  \
    {"assignments", "Toewijzingen"}, {"youths", "Jeugdigen"}, {"mean_days", "Gemiddeld (dagen)"},  \
    {                                                                                              \
        "median_days", "Mediaan (dagen)"                                                           \
    }
#define QUOTE_COLS                                                                                 \
    {"youths", "Jeugdigen"}, {"requested", "Aangevraagd"}, {"accepted", "Geaccepteerd"},           \
        {"rejected", "Afgewezen"}, {"open", "Open"}, {"unanswered", "Nog geen antwoord"},          \
        {"answered", "Beantwoord"}, {"median_days", "Mediaan tot antwoord (dagen)"},               \
    {                                                                                              \
        "p90_days", "90%-punt tot antwoord (dagen)"                                                \
    }
#define BENCH_COLS                                                                                 \
    {"figures.youths_per_thousand_x10", "Jeugdigen in zorg per 1.000"},                            \
        {"figures.youth_share_x10", "Aandeel jeugdigen in zorg (%)"},                              \
        {"figures.started_per_thousand_x10", "Gestart per 1.000"},                                 \
        {"figures.spend_per_youth_cents", "Uitgaven per jeugdige"},                                \
        {"figures.spend_per_thousand_cents", "Uitgaven per 1.000 jeugdigen"},                      \
        {"figures.ambulant_share_x10", "Aandeel ambulant (%)"},                                    \
    {                                                                                              \
        "figures.verblijf_per_thousand_x10", "Verblijf per 1.000"                                  \
    }
#define CONTROL_COLS                                                                               \
    {"voorziening", "Voorziening"}, {"budget_cents", "Begroting"}, {"taakveld", "Taakveld"},       \
        {"realised_cents", "Gerealiseerd"}, {"task_realised_cents", "waarvan taakbudget"},         \
        {"committed_cents", "Verplicht"}, {"task_committed_cents", "waarvan taakbudget"},          \
        {"projected_cents", "Geprojecteerd"}, {"forecast_cents", "Prognose"},                      \
        {"share_x10", "Prognose van begroting (%)"}, {"level_name", "Signaal"},                    \
    {                                                                                              \
        "forecast_method.method", "Methode"                                                        \
    }
#define MONTH_COLS                                                                                 \
    {"monthly_cents.0", "januari"}, {"monthly_cents.1", "februari"}, {"monthly_cents.2", "maart"}, \
        {"monthly_cents.3", "april"}, {"monthly_cents.4", "mei"}, {"monthly_cents.5", "juni"},     \
        {"monthly_cents.6", "juli"}, {"monthly_cents.7", "augustus"},                              \
        {"monthly_cents.8", "september"}, {"monthly_cents.9", "oktober"},                          \
        {"monthly_cents.10", "november"},                                                          \
    {                                                                                              \
        "monthly_cents.11", "december"                                                             \
    }

static const xfigure figures[] = {
    {"volume",
     j_volume,
     true,
     {{"volume",
       "Jeugdigen en toewijzingen",
       NULL,
       {{"@period.period", "now"},
        {"@before.period", "prev"},
        {"Regio", "region.now"},
        {"Regio, vorig jaar", "region.prev"}},
       {{"#", "Periode"}, VOLUME_COLS}}}},
    {"referrals",
     j_referrals,
     true,
     {{"verwijzers",
       "Verwijzingen per verwijzer",
       "now.by_referrer",
       {{"Totaal", "now"}},
       {{"code", "Code"},
        {"name", "Verwijzer"},
        {"count|total", "Verwijzingen"},
        {"/prev.by_referrer.[].count", "Vorig jaar"},
        {"/region.now.by_referrer.[].count", "Regio"}}},
      {"routes",
       "Verwijzingen per route",
       "now.by_route",
       {{"Totaal", "now"}},
       {{"code", "Code"},
        {"name", "Route"},
        {"count|total", "Verwijzingen"},
        {"/prev.by_route.[].count", "Vorig jaar"},
        {"/region.now.by_route.[].count", "Regio"}}}}},
    {"spending",
     j_spending,
     true,
     {{"uitgaven",
       "Uitgaven (geaccepteerde declaraties)",
       NULL,
       {{"Gemeente of regio", "spending"}, {"Regio", "region.spending"}},
       {{"#", "Scope"},
        SPEND_GROUP_COLS,
        {"youths", "Jeugdigen"},
        {"assignments", "Toewijzingen"},
        {"per_youth_cents", "Per jeugdige"},
        {"per_assignment_cents", "Per toewijzing"}}},
      {"uitgaven-voorziening",
       "Uitgaven per voorziening",
       "spending.by_voorziening",
       {{"Totaal", "spending"}},
       {{"code", "Voorziening"}, SPEND_GROUP_COLS}},
      {"uitgaven-product",
       "Uitgaven per product",
       "spending.by_product",
       {{"Totaal", "spending"}},
       {{"code", "Code"}, {"name", "Product"}, SPEND_GROUP_COLS}},
      {"uitgaven-aanbieder",
       "Uitgaven per aanbieder",
       "spending.by_provider",
       {{"Totaal", "spending"}},
       {{"code", "AGB"}, {"name", "Aanbieder"}, SPEND_GROUP_COLS}}}},
    {"durations",
     j_durations,
     true,
     {{"duur",
       "Duur van de toewijzingen die in de periode eindigden",
       "by_voorziening",
       {{"Totaal", "total"}},
       {{"key", "Budget of product"},
        DAYS_COLS,
        {"classes.0.assignments", "0-3 maanden"},
        {"classes.1.assignments", "3-6 maanden"},
        {"classes.2.assignments", "6-12 maanden"},
        {"classes.3.assignments", "1-2 jaar"},
        {"classes.4.assignments", "2-3 jaar"},
        {"classes.5.assignments", "3-4 jaar"},
        {"classes.6.assignments", "4 jaar of langer"}}}}},
    {"waiting",
     j_waiting,
     true,
     {{"wachttijd",
       "Wachttijd van verwijzing tot start zorg, per budget of product",
       "by_voorziening",
       {{"Totaal", "total"}},
       {{"key", "Budget of product"},
        {"assignments", "Toewijzingen"},
        {"youths", "Jeugdigen"},
        {"median_days", "Mediaan (dagen)"},
        {"p90_days", "90%-punt (dagen)"}}},
      {"wachttijd-aanbieder",
       "Wachttijd van verwijzing tot start zorg, per aanbieder",
       "by_provider",
       {{"Totaal", "total"}},
       {{"key", "AGB"},
        {"assignments", "Toewijzingen"},
        {"youths", "Jeugdigen"},
        {"median_days", "Mediaan (dagen)"},
        {"p90_days", "90%-punt (dagen)"}}}}},
    {"endings",
     j_endings,
     true,
     {{"beeindiging",
       "Beëindigingen per groep (zoals het CBS)",
       "by_group",
       {{"Totaal", ""}},
       {{"group", "Groep"}, {"assignments|ended", "Beëindigingen"}, {"share_x10", "Aandeel (%)"}}},
      {"beeindiging-reden",
       "Beëindigingen per reden (iJw RedenBeeindiging)",
       "by_reason",
       {{0}},
       {{"reason", "Reden"},
        {"name", "Omschrijving"},
        {"group", "Groep"},
        {"assignments", "Beëindigingen"}}},
      {"terugkeer",
       "Terugkeer binnen 12 maanden",
       NULL,
       {{"Terugkeer", "reentry"}},
       {{"#", ""},
        {"ended_before", "Zorg geëindigd in de 12 maanden ervoor"},
        {"reentered", "Opnieuw een toewijzing"},
        {"share_x10", "Aandeel (%)"}}}}},
    {"concentration",
     j_concentration,
     true,
     {{"concentratie",
       "Concentratie van aanbieders per voorziening",
       "by_voorziening",
       {{"Alle voorzieningen", "total"}},
       {{"key", "Voorziening"},
        {"providers", "Aanbieders"},
        {"spent_cents", "Uitgaven"},
        {"top5_share_x10", "Aandeel top-5 (%)"},
        {"hhi", "HHI"}}}}},
    {"budget",
     j_budget,
     true,
     {{"budgetgebruik",
       "Budgetgebruik van de toewijzingen die in de periode eindigden",
       "by_budget",
       {{"Totaal", "total"}},
       {{"key", "Budget"},
        {"assignments", "Toewijzingen"},
        {"youths", "Jeugdigen"},
        {"granted_cents", "Toegekend"},
        {"used_cents", "Gebruikt"},
        {"use_share_x10", "Gebruik (%)"},
        {"released_cents", "Vrijgevallen"}}}}},
    {"benchmark",
     j_benchmark,
     true,
     {{"benchmark",
       "Vergelijking tussen gemeenten",
       "rows",
       {{"Regio", "region"}},
       {{"gemeente", "CBS-code"},
        {"name", "Gemeente"},
        {"population", "Jeugdigen tot 18 jaar"},
        BENCH_COLS}}}},
    {"ambulantisering",
     j_ambulant,
     true,
     {{"ambulantisering",
       "Ambulant tegenover wonen/verblijf, per maand",
       "months",
       {{"Periode", "total"}, {"Vorig jaar", "total_prev"}},
       {{"month", "Maand"},
        {"ambulant_youths", "Jeugdigen ambulant"},
        {"verblijf_youths", "Jeugdigen verblijf"},
        {"youth_share_x10", "Aandeel ambulant in jeugdigen (%)"},
        {"ambulant_cents", "Uitgaven ambulant"},
        {"verblijf_cents", "Uitgaven verblijf"},
        {"money_share_x10", "Aandeel ambulant in geld (%)"},
        {"prev.ambulant_cents", "Ambulant vorig jaar"},
        {"prev.verblijf_cents", "Verblijf vorig jaar"}}}}},
    {"quotes",
     j_quotes,
     true,
     {{"offertes",
       "Offertes per type verwijzer",
       "by_referrer",
       {{"Totaal", "total"}},
       {{"name", "Verwijzer"}, QUOTE_COLS}},
      {"offertes-aanbieder",
       "Offertes per aanbieder",
       "by_provider",
       {{"Totaal", "total"}},
       {{"code", "AGB"}, {"name", "Aanbieder"}, QUOTE_COLS}}}},
    {"control",
     j_control,
     false,
     {{"begroting",
       "Begroting, realisatie en prognose per voorziening",
       "rows",
       {{"Totaal", "total"}},
       {CONTROL_COLS}},
      {"begroting-maand",
       "Gerealiseerd en geprojecteerd per maand",
       "rows",
       {{"Totaal", "total"}},
       {{"voorziening", "Voorziening"}, MONTH_COLS}}}},
    {"signals",
     j_signals,
     false,
     {{"signalen",
       "Signalen voor de materiële controle",
       "signals",
       {{0}},
       {{"kind_name", "Signaal"},
        {"agb", "AGB"},
        {"provider", "Aanbieder"},
        {"month", "Maand"},
        {"count", "Regels"},
        {"cents", "Bedrag"},
        {"reference_cents", "Vergeleken met"},
        {"value_x10", "Aandeel of uren"},
        {"text", "Toelichting"}}}}},
    {"expensive",
     j_expensive,
     false,
     {{"duurste",
       "De duurste jeugdigen (persoonsgegevens)",
       "youths",
       {{0}},
       {{"bsn", "BSN"},
        {"youth_id", "Dossier"},
        {"cents", "Uitgaven"},
        {"assignments.0.number", "Duurste toewijzing"},
        {"assignments.0.provider_name", "Aanbieder"},
        {"assignments.0.product", "Product"},
        {"assignments.0.start", "Start"},
        {"assignments.0.end", "Einde"},
        {"assignments.0.cents", "Uitgaven toewijzing"}}}}},
};
#define NFIGURES (sizeof figures / sizeof figures[0])

static const xfigure *figure_find(const char *name)
{
    for (size_t i = 0; i < NFIGURES; i++)
        if (strcmp(figures[i].name, name) == 0)
            return &figures[i];
    return NULL;
}

bool export_known(const char *name)
{
    return name && (strcmp(name, "monitor") == 0 || figure_find(name));
}

const char *export_names(void)
{
    return "volume, referrals, spending, durations, waiting, endings, concentration, budget, "
           "benchmark, ambulantisering, quotes, control, signals, expensive, monitor";
}

/* ---- from JSON to cells ---- */

/* at: the value at path (segments split by '.', a number indexes an
 * array) below o; "[]" is index; NULL when there is none */
static json_t *at(json_t *o, const char *path, size_t index)
{
    char seg[64];
    const char *p = path;
    while (o && *p) {
        size_t n = strcspn(p, ".");
        if (n >= sizeof seg)
            return NULL;
        memcpy(seg, p, n);
        seg[n] = '\0';
        p += n + (p[n] == '.');
        if (json_is_array(o)) {
            char *end;
            size_t i = strcmp(seg, "[]") == 0 ? index : (size_t)strtoul(seg, &end, 10);
            o = json_array_get(o, i);
        } else
            o = json_object_get(o, seg);
    }
    return o;
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* cell: row[key] (or the root's, key starting with '/') as a typed cell;
 * "a|b": a, or b when row has no a */
static bool cell1(jr_xcell *c, json_t *root, json_t *row, size_t index, const char *key,
                  int64_t threshold);
static bool cell(jr_xcell *c, json_t *root, json_t *row, size_t index, const char *key,
                 int64_t threshold)
{
    const char *bar = strchr(key, '|');
    if (!bar)
        return cell1(c, root, row, index, key, threshold);
    char first[80];
    snprintf(first, sizeof first, "%.*s", (int)(bar - key), key);
    if (at(first[0] == '/' ? root : row, first[0] == '/' ? first + 1 : first, index))
        return cell1(c, root, row, index, first, threshold);
    return cell(c, root, row, index, bar + 1, threshold);
}

static bool cell1(jr_xcell *c, json_t *root, json_t *row, size_t index, const char *key,
                  int64_t threshold)
{
    json_t *base = row;
    const char *path = key;
    if (key[0] == '/') {
        base = root;
        path = key + 1;
    }
    const char *last = strrchr(path, '.');
    last = last ? last + 1 : path;
    /* a sibling "<key>_hidden": true hides the value (ambulantisering) */
    char hk[80];
    snprintf(hk, sizeof hk, "%s_hidden", path);
    char hidden_text[32];
    snprintf(hidden_text, sizeof hidden_text, "< %lld", (long long)threshold);
    if (json_is_true(at(base, hk, index)))
        return xcell_text(c, hidden_text);
    json_t *v = at(base, path, index);
    if (json_is_object(v)) { /* a benchmark cell: {value, hidden, ...} */
        if (json_is_true(json_object_get(v, "hidden")))
            return xcell_text(c, hidden_text);
        v = json_object_get(v, "value");
    }
    if (!v || json_is_null(v))
        return true;
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        jr_date d;
        if (strlen(s) == 10 && date_parse(s, &d)) {
            c->kind = JR_XC_DATE;
            c->d = d;
            return true;
        }
        return xcell_text(c, s);
    }
    if (json_is_boolean(v))
        return xcell_text(c, json_is_true(v) ? "ja" : "nee");
    if (json_is_integer(v)) {
        c->v = json_integer_value(v);
        c->kind = has_suffix(last, "_cents") || strcmp(last, "cents") == 0 ? JR_XC_CENTS
                  : has_suffix(last, "_x10")                               ? JR_XC_X10
                                                                           : JR_XC_INT;
        return true;
    }
    if (json_is_real(v)) { /* a median of days: a whole or a half */
        c->kind = JR_XC_X10;
        c->v = (int64_t)llround(json_real_value(v) * 10);
        return true;
    }
    return true;
}

static bool fill_row(jr_xtable *t, const xspec *s, json_t *root, json_t *row, size_t index,
                     const char *label, bool total, int64_t threshold)
{
    jr_xcell *cells = xtable_row(t, total);
    if (!cells)
        return false;
    for (int c = 0; c < t->ncols; c++) {
        const char *key = s->cols[c].key;
        bool ok = true;
        if (label && c == 0) {
            if (label[0] == '@') {
                json_t *v = at(root, label + 1, 0);
                ok = xcell_text(&cells[c], json_is_string(v) ? json_string_value(v) : "");
            } else
                ok = xcell_text(&cells[c], label);
        } else if (strcmp(key, "#") != 0)
            ok = cell(&cells[c], root, row, index, key, threshold);
        if (!ok)
            return false;
    }
    return true;
}

/* the index of a fixed row: "[]" finds nothing for it */
#define FIXED_ROW ((size_t)-1)

/* the scope in words: the municipality or the region, and the provider
 * whose production it is when one was filtered (scope.agb; the expensive
 * list names it at its root) */
static void scope_text(const jr_ctx *ctx, json_t *root, char *out, size_t cap)
{
    json_t *scope = json_object_get(root, "scope");
    const char *g = json_string_value(json_object_get(scope, "gemeente"));
    if (!scope)
        g = json_string_value(json_object_get(root, "gemeente"));
    const char *agb = json_string_value(json_object_get(scope ? scope : root, "agb"));
    const jr_municipality *m = g ? catalog_municipality(ctx->cat, g) : NULL;
    if (m)
        snprintf(out, cap, "gemeente %s", m->name);
    else
        snprintf(out, cap, "regio %s", ctx->cat->region);
    if (agb && *agb) {
        size_t n = strlen(out);
        snprintf(out + n, cap - n, ", aanbieder %s", agb);
    }
}

static int64_t threshold_of(json_t *root)
{
    json_t *scope = json_object_get(root, "scope");
    json_t *t = json_object_get(scope, "threshold");
    if (!json_is_integer(t))
        t = json_object_get(scope, "small_group_threshold");
    return json_is_integer(t) ? json_integer_value(t) : 10;
}

static jr_status tables_of(const jr_ctx *ctx, const xfigure *f, const jr_period *period,
                           const char *gemeente, const char *agb, int64_t limit, jr_xtables *out,
                           jr_error *err)
{
    json_t *root = f->fn(ctx, period, gemeente, agb, limit, err);
    if (!root)
        return err && err->status != JR_OK ? err->status : JR_ENOMEM;
    char scope[128], pt[JR_PERIOD_TEXT_LEN];
    scope_text(ctx, root, scope, sizeof scope);
    period_format(period, pt);
    int64_t threshold = threshold_of(root);
    jr_status rc = JR_OK;
    for (int k = 0; rc == JR_OK && k < XF_MAX_TABLES && f->tables[k].name; k++) {
        const xspec *s = &f->tables[k];
        int ncols = 0;
        while (ncols < JR_XT_MAX_COLS && s->cols[ncols].key)
            ncols++;
        char title[160];
        snprintf(title, sizeof title, "%s, %s, %s", s->title, scope, pt);
        jr_xtable *t = xtables_add(out, s->name, title, ncols);
        if (!t) {
            rc = jr_fail(err, JR_ENOMEM, "nomem", NULL, "Onvoldoende geheugen.");
            break;
        }
        for (int c = 0; c < ncols; c++)
            str_copy(t->head[c], sizeof t->head[c], s->cols[c].head);
        bool ok = true;
        if (s->array) {
            json_t *arr = at(root, s->array, 0);
            for (size_t i = 0; ok && i < json_array_size(arr); i++)
                ok = fill_row(t, s, root, json_array_get(arr, i), i, NULL, false, threshold);
        }
        for (int i = 0; ok && i < XT_MAX_FIXED && s->fixed[i].label; i++) {
            json_t *row = s->fixed[i].path[0] ? at(root, s->fixed[i].path, 0) : root;
            if (json_is_object(row))
                ok = fill_row(t, s, root, row, FIXED_ROW, s->fixed[i].label, s->array != NULL,
                              threshold);
        }
        if (!ok)
            rc = jr_fail(err, JR_ENOMEM, "nomem", NULL, "Onvoldoende geheugen.");
    }
    json_decref(root);
    return rc;
}

jr_status export_figure(const jr_ctx *ctx, const char *name, const jr_period *period,
                        const char *gemeente, const char *agb, int64_t limit, jr_xtables *out,
                        jr_error *err)
{
    bool monitor = name && strcmp(name, "monitor") == 0;
    const xfigure *f = name && !monitor ? figure_find(name) : NULL;
    if (!monitor && !f)
        return jr_fail(err, JR_EINVAL, "figure_unknown", "figure",
                       "Onbekend cijfer '%s'; bekend zijn: %s.", name ? name : "", export_names());
    char pt[JR_PERIOD_TEXT_LEN];
    snprintf(out->title, sizeof out->title, "jeugdregio: %s, %s", monitor ? "monitor" : name,
             period_format(period, pt));
    out->produced = ctx->today;
    if (!monitor)
        return tables_of(ctx, f, period, gemeente, agb, limit, out, err);
    for (size_t i = 0; i < NFIGURES; i++) {
        if (!figures[i].in_monitor)
            continue;
        jr_status rc = tables_of(ctx, &figures[i], period, gemeente, agb, limit, out, err);
        if (rc != JR_OK)
            return rc;
    }
    return JR_OK;
}

jr_status export_view(const jr_xtables *ts, const char *figure, const char *table, jr_xtables *view,
                      jr_error *err)
{
    *view = *ts;
    if (!table)
        return JR_OK;
    for (int i = 0; i < ts->n; i++)
        if (strcmp(ts->t[i].name, table) == 0) {
            view->t = &ts->t[i];
            view->n = view->cap = 1;
            return JR_OK;
        }
    char names[512] = "";
    for (int i = 0; i < ts->n; i++) {
        size_t n = strlen(names);
        snprintf(names + n, sizeof names - n, "%s%s", i ? ", " : "", ts->t[i].name);
    }
    return jr_fail(err, JR_EINVAL, "table_unknown", "table",
                   "Tabel '%s' bestaat niet bij %s; er zijn: %s.", table, figure, names);
}

jr_status export_bytes(const jr_xtables *view, bool csv, sbuf *out, jr_error *err)
{
    if (!csv)
        return xlsx_bytes(view, out, err);
    if (xtables_csv(view, out) != 0)
        return jr_fail(err, JR_ENOMEM, "nomem", NULL, "Onvoldoende geheugen.");
    return JR_OK;
}

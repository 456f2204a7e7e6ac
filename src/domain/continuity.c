/*
 * continuity.c (domain): the continuity signals, the revenue class, the
 * shares of providers, and the parsing of the import file's rows (see
 * continuity.h). Every decision is an integer comparison.
 */
#include "continuity.h"

#include "../core/sbuf.h"
#include "ident.h"

#include <string.h>

static const char *const field_columns[JR_CF_COUNT] = {
    "total_revenue_cents", "youth_revenue_cents",  "net_result_cents",         "equity_cents",
    "total_assets_cents",  "current_assets_cents", "current_liabilities_cents"};

static const char *const signal_codes[JR_CS_COUNT] = {"positive_result", "rentabiliteit",
                                                      "solvabiliteit", "current_ratio"};
static const char *const signal_names[JR_CS_COUNT] = {
    "positief resultaat", "rentabiliteit boven 1,5 %", "solvabiliteit boven 20 %",
    "current ratio boven 1"};
static const char *const class_codes[JR_CC_COUNT] = {"gt2m", "le2m", "unknown"};
static const char *const class_names[JR_CC_COUNT] = {"jeugdhulpomzet boven 2 miljoen euro",
                                                     "jeugdhulpomzet tot en met 2 miljoen euro",
                                                     "jeugdhulpomzet onbekend"};

const char *continuity_field_column(jr_cont_field f)
{
    return f >= 0 && f < JR_CF_COUNT ? field_columns[f] : "";
}

const char *continuity_signal_code(jr_cont_signal s)
{
    return s >= 0 && s < JR_CS_COUNT ? signal_codes[s] : "";
}

const char *continuity_signal_name(jr_cont_signal s)
{
    return s >= 0 && s < JR_CS_COUNT ? signal_names[s] : "";
}

const char *continuity_class_code(jr_cont_class c)
{
    return c >= 0 && c < JR_CC_COUNT ? class_codes[c] : "";
}

const char *continuity_class_name(jr_cont_class c)
{
    return c >= 0 && c < JR_CC_COUNT ? class_names[c] : "";
}

const char *continuity_verdict_code(jr_cont_verdict v)
{
    switch (v) {
    case JR_CV_MET:
        return "met";
    case JR_CV_FAILED:
        return "failed";
    case JR_CV_NONE:
        break;
    }
    return "none";
}

/* ratio_above: num / den > p / q for den > 0 (the caller checks), by
 * cross-multiplication in 128 bits: num x q > p x den */
static jr_cont_verdict ratio_above(jr_cents num, jr_cents den, int64_t p, int64_t q)
{
    __int128 l = (__int128)num * q, r = (__int128)p * den;
    return l > r ? JR_CV_MET : JR_CV_FAILED;
}

jr_cont_verdict continuity_signal(const jr_cont_accounts *a, jr_cont_signal s)
{
    const bool *h = a->has;
    const jr_cents *v = a->v;
    switch (s) {
    case JR_CS_POSITIVE_RESULT:
        if (!h[JR_CF_NET_RESULT])
            return JR_CV_NONE;
        return v[JR_CF_NET_RESULT] > 0 ? JR_CV_MET : JR_CV_FAILED;
    case JR_CS_RENTABILITEIT: /* net / total revenue > 15 / 1000 */
        if (!h[JR_CF_NET_RESULT] || !h[JR_CF_TOTAL_REVENUE] || v[JR_CF_TOTAL_REVENUE] <= 0)
            return JR_CV_NONE;
        return ratio_above(v[JR_CF_NET_RESULT], v[JR_CF_TOTAL_REVENUE], 15, 1000);
    case JR_CS_SOLVABILITEIT: /* equity / total assets > 20 / 100 */
        if (!h[JR_CF_EQUITY] || !h[JR_CF_TOTAL_ASSETS] || v[JR_CF_TOTAL_ASSETS] <= 0)
            return JR_CV_NONE;
        return ratio_above(v[JR_CF_EQUITY], v[JR_CF_TOTAL_ASSETS], 20, 100);
    case JR_CS_CURRENT_RATIO: /* current assets / current liabilities > 1 / 1 */
        if (!h[JR_CF_CURRENT_ASSETS] || !h[JR_CF_CURRENT_LIABILITIES] ||
            v[JR_CF_CURRENT_LIABILITIES] <= 0)
            return JR_CV_NONE;
        return ratio_above(v[JR_CF_CURRENT_ASSETS], v[JR_CF_CURRENT_LIABILITIES], 1, 1);
    }
    return JR_CV_NONE;
}

jr_cont_class continuity_class(const jr_cont_accounts *a)
{
    if (!a->has[JR_CF_YOUTH_REVENUE])
        return JR_CC_UNKNOWN;
    return a->v[JR_CF_YOUTH_REVENUE] > JR_CONT_CLASS_BOUNDARY ? JR_CC_GT2M : JR_CC_LE2M;
}

int continuity_failed(const jr_cont_accounts *a)
{
    int n = 0;
    for (int s = 0; s < JR_CS_COUNT; s++)
        n += continuity_signal(a, (jr_cont_signal)s) == JR_CV_FAILED;
    return n;
}

bool continuity_at_risk(const jr_cont_accounts *a)
{
    return continuity_failed(a) >= JR_CONT_RISK_FAILS;
}

void continuity_tally_add(jr_cont_tally *t, const jr_cont_accounts *a)
{
    t->providers++;
    int failed = 0;
    for (int s = 0; s < JR_CS_COUNT; s++) {
        switch (continuity_signal(a, (jr_cont_signal)s)) {
        case JR_CV_MET:
            t->met[s]++;
            break;
        case JR_CV_FAILED:
            t->failed[s]++;
            failed++;
            break;
        case JR_CV_NONE:
            t->none[s]++;
            break;
        }
    }
    if (failed >= JR_CONT_RISK_FAILS)
        t->at_risk++;
}

int64_t continuity_share_x10(int64_t met, int64_t n)
{
    if (n <= 0 || met < 0 || met > n)
        return -1;
    /* round(met x 1000 / n), half up: floor((met x 2000 + n) / 2n) */
    return (int64_t)(((__int128)met * 2000 + n) / ((__int128)n * 2));
}

int64_t continuity_tally_share_x10(const jr_cont_tally *t, jr_cont_signal s)
{
    if (s < 0 || s >= JR_CS_COUNT)
        return -1;
    return continuity_share_x10(t->met[s], t->met[s] + t->failed[s]);
}

/* ---- the import file ---- */

static const char *const csv_columns[JR_CCOL_COUNT] = {"agb",
                                                       "name",
                                                       "year",
                                                       "total_revenue_cents",
                                                       "youth_revenue_cents",
                                                       "net_result_cents",
                                                       "equity_cents",
                                                       "total_assets_cents",
                                                       "current_assets_cents",
                                                       "current_liabilities_cents"};

const char *continuity_csv_header(void)
{
    return "agb,name,year,total_revenue_cents,youth_revenue_cents,net_result_cents,equity_cents,"
           "total_assets_cents,current_assets_cents,current_liabilities_cents";
}

const char *continuity_csv_column(int c)
{
    return c >= 0 && c < JR_CCOL_COUNT ? csv_columns[c] : "";
}

/* trim: s without the spaces and tabs around it, into buf (cap bytes);
 * false when it does not fit */
static bool trim(const char *s, char *buf, size_t cap)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n >= cap)
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return true;
}

jr_status continuity_csv_map(char *const *fields, int n, long line, int map[JR_CCOL_COUNT],
                             jr_error *err)
{
    for (int c = 0; c < JR_CCOL_COUNT; c++)
        map[c] = -1;
    jr_status rc = JR_OK;
    for (int i = 0; i < n; i++) {
        char name[64];
        if (!trim(fields[i], name, sizeof name))
            name[0] = '\0';
        int c = 0;
        while (c < JR_CCOL_COUNT && strcmp(name, csv_columns[c]) != 0)
            c++;
        if (c == JR_CCOL_COUNT)
            rc = jr_refuse(err, rc, "csv_header", "header",
                           "regel %ld: kolom '%.40s' is onbekend; de kopregel is %s.", line,
                           fields[i], continuity_csv_header());
        else if (map[c] >= 0)
            rc = jr_refuse(err, rc, "csv_header", csv_columns[c],
                           "regel %ld: kolom %s staat twee keer in de kopregel.", line,
                           csv_columns[c]);
        else
            map[c] = i;
    }
    for (int c = 0; c < JR_CCOL_COUNT; c++)
        if (map[c] < 0)
            rc = jr_refuse(err, rc, "csv_header", csv_columns[c],
                           "regel %ld: kolom %s ontbreekt in de kopregel; de kopregel is %s.", line,
                           csv_columns[c], continuity_csv_header());
    return rc;
}

/* amount: text as integer eurocents: "" missing (true, *has false);
 * false when it is no amount within JR_CONT_AMOUNT_MAX */
static bool amount(const char *s, bool *has, jr_cents *out)
{
    *has = false;
    *out = 0;
    if (!*s)
        return true;
    bool neg = *s == '-';
    const char *p = neg ? s + 1 : s;
    if (!*p)
        return false;
    int64_t v = 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        v = v * 10 + (*p - '0');
        if (v > JR_CONT_AMOUNT_MAX)
            return false;
    }
    *has = true;
    *out = neg ? -v : v;
    return true;
}

jr_status continuity_csv_row(char *const *fields, int n, const int map[JR_CCOL_COUNT], long line,
                             jr_cont_accounts *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    int need = 0;
    for (int c = 0; c < JR_CCOL_COUNT; c++)
        if (map[c] + 1 > need)
            need = map[c] + 1;
    if (n != need)
        return jr_refuse(err, JR_OK, "csv_invalid", "",
                         "regel %ld: %d kolommen, de kopregel heeft er %d; het bestand is niet "
                         "verwerkt.",
                         line, n, need);
    jr_status rc = JR_OK;
    char buf[JR_CONT_NAME_MAX + 64];
    const char *f = fields[map[JR_CCOL_AGB]];
    if (!trim(f, buf, sizeof buf) || !agb_valid(buf))
        rc = jr_refuse(err, rc, "csv_invalid", "agb",
                       "regel %ld: kolom agb: een AGB-code heeft 8 cijfers (waarde '%.40s'); het "
                       "bestand is niet verwerkt.",
                       line, f);
    else
        str_copy(out->agb, sizeof out->agb, buf);
    f = fields[map[JR_CCOL_NAME]];
    if (!trim(f, buf, sizeof buf) || !buf[0] || strlen(buf) >= sizeof out->name)
        rc = jr_refuse(err, rc, "csv_invalid", "name",
                       "regel %ld: kolom name: de naam ontbreekt of is langer dan %d tekens "
                       "(waarde '%.40s'); het bestand is niet verwerkt.",
                       line, JR_CONT_NAME_MAX - 1, f);
    else
        str_copy(out->name, sizeof out->name, buf);
    f = fields[map[JR_CCOL_YEAR]];
    bool has = false;
    jr_cents y = 0;
    if (!trim(f, buf, sizeof buf) || !amount(buf, &has, &y) || !has || buf[0] == '-' ||
        y < JR_CONT_YEAR_MIN || y > JR_CONT_YEAR_MAX)
        rc = jr_refuse(err, rc, "csv_invalid", "year",
                       "regel %ld: kolom year: geen jaar van %d tot en met %d (waarde '%.40s'); "
                       "het bestand is niet verwerkt.",
                       line, JR_CONT_YEAR_MIN, JR_CONT_YEAR_MAX, f);
    else
        out->year = (int32_t)y;
    for (int k = 0; k < JR_CF_COUNT; k++) {
        const char *col = field_columns[k];
        f = fields[map[JR_CCOL_FIRST_FIGURE + k]];
        if (!trim(f, buf, sizeof buf) || !amount(buf, &out->has[k], &out->v[k])) {
            rc = jr_refuse(err, rc, "csv_invalid", col,
                           "regel %ld: kolom %s: geen bedrag in hele eurocenten (cijfers, "
                           "eventueel met een minteken, hoogstens 10^14; leeg is onbekend) "
                           "(waarde '%.40s'); het bestand is niet verwerkt.",
                           line, col, f);
            out->has[k] = false;
            continue;
        }
        bool may_be_negative = k == JR_CF_NET_RESULT || k == JR_CF_EQUITY;
        if (out->has[k] && out->v[k] < 0 && !may_be_negative)
            rc = jr_refuse(err, rc, "csv_invalid", col,
                           "regel %ld: kolom %s: mag niet negatief zijn (waarde '%.40s'); het "
                           "bestand is niet verwerkt.",
                           line, col, f);
    }
    if (rc == JR_OK && out->has[JR_CF_YOUTH_REVENUE] && out->has[JR_CF_TOTAL_REVENUE] &&
        out->v[JR_CF_YOUTH_REVENUE] > out->v[JR_CF_TOTAL_REVENUE])
        rc = jr_refuse(err, rc, "csv_invalid", "youth_revenue_cents",
                       "regel %ld: kolom youth_revenue_cents: de jeugdhulpomzet is groter dan de "
                       "totale omzet (total_revenue_cents); het bestand is niet verwerkt.",
                       line);
    return rc;
}

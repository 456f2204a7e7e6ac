/*
 * decl_csv.c: reading declaration lines from CSV.
 */
#include "decl_csv.h"
#include "../core/sbuf.h"

#include "../core/csv.h"
#include "../domain/ident.h"

#include <stdlib.h>
#include <string.h>

enum {
    C_NUMBER,
    C_AGB,
    C_GEMEENTE,
    C_PERIOD,
    C_DAGTEKENING,
    C_REF,
    C_ASSIGNMENT,
    C_BSN,
    C_CATEGORY,
    C_PRODUCT,
    C_BEGIN,
    C_END,
    C_VOLUME,
    C_UNIT,
    C_TARIFF,
    C_AMOUNT,
    C_DC,
    C_CREDIT_REF,
    C_COUNT
};

static const char *const col_names[C_COUNT] = {
    "declaratienummer", "agb",          "gemeente",
    "periode",          "dagtekening",  "referentie",
    "toewijzingnummer", "bsn",          "productcategorie",
    "productcode",      "begindatum",   "einddatum",
    "volume",           "eenheid",      "tarief",
    "bedrag",           "debet_credit", "vorige_referentie"};

const char *decl_csv_header(void)
{
    return "declaratienummer,agb,gemeente,periode,dagtekening,referentie,toewijzingnummer,bsn,"
           "productcategorie,productcode,begindatum,einddatum,volume,eenheid,tarief,bedrag,"
           "debet_credit,vorige_referentie";
}

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

static bool ident_ok(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n == 0 || n >= max)
        return false;
    for (; *s; s++)
        if (*s < 0x21 || *s > 0x7e)
            return false;
    return true;
}

static bool unit_known(const char *u)
{
    static const char *const units[] = {"01", "04", "14", "16", "82", "83", "84", NULL};
    for (int i = 0; units[i]; i++)
        if (strcmp(u, units[i]) == 0)
            return true;
    return false;
}

typedef struct {
    const char *file;
    long line;
    jr_error *err;
} where;

static jr_status bad(where *w, int col, const char *value, const char *what)
{
    return jr_fail(w->err, JR_EINVAL, "csv_invalid", col_names[col],
                   "%s:%ld: kolom %s: %s (waarde '%.40s'); het bestand is niet verwerkt.", w->file,
                   w->line, col_names[col], what, value);
}

static jr_status parse_row(where *w, char **f, jr_decl_batch *b, jr_decl_line *l)
{
    memset(l, 0, sizeof *l);
    memset(b, 0, sizeof *b);
    if (!ident_ok(f[C_NUMBER], sizeof b->number))
        return bad(w, C_NUMBER, f[C_NUMBER], "1 tot 40 tekens zonder spaties");
    str_copy(b->number, sizeof b->number, f[C_NUMBER]);
    if (!agb_valid(f[C_AGB]))
        return bad(w, C_AGB, f[C_AGB], "een AGB-code heeft 8 cijfers");
    str_copy(b->agb, sizeof b->agb, f[C_AGB]);
    if (!cbs_valid(f[C_GEMEENTE]))
        return bad(w, C_GEMEENTE, f[C_GEMEENTE], "een CBS-gemeentecode heeft 4 cijfers");
    str_copy(b->gemeente, sizeof b->gemeente, f[C_GEMEENTE]);
    if (!month_parse(f[C_PERIOD], &b->period))
        return bad(w, C_PERIOD, f[C_PERIOD], "geen maand JJJJ-MM");
    if (!date_parse(f[C_DAGTEKENING], &b->dagtekening))
        return bad(w, C_DAGTEKENING, f[C_DAGTEKENING], "geen datum JJJJ-MM-DD");
    if (!ident_ok(f[C_REF], sizeof l->ref))
        return bad(w, C_REF, f[C_REF], "1 tot 40 tekens zonder spaties");
    str_copy(l->ref, sizeof l->ref, f[C_REF]);
    if (!ident_ok(f[C_ASSIGNMENT], sizeof l->assignment))
        return bad(w, C_ASSIGNMENT, f[C_ASSIGNMENT], "1 tot 40 tekens zonder spaties");
    str_copy(l->assignment, sizeof l->assignment, f[C_ASSIGNMENT]);
    if (strlen(f[C_BSN]) != 9 || !all_digits(f[C_BSN]))
        return bad(w, C_BSN, f[C_BSN], "een BSN heeft 9 cijfers");
    str_copy(l->bsn, sizeof l->bsn, f[C_BSN]);
    if (strlen(f[C_CATEGORY]) != 2 || !all_digits(f[C_CATEGORY]))
        return bad(w, C_CATEGORY, f[C_CATEGORY], "een productcategorie heeft 2 cijfers");
    str_copy(l->category, sizeof l->category, f[C_CATEGORY]);
    if (!ident_ok(f[C_PRODUCT], sizeof l->product))
        return bad(w, C_PRODUCT, f[C_PRODUCT], "een productcode heeft 1 tot 7 tekens");
    str_copy(l->product, sizeof l->product, f[C_PRODUCT]);
    if (!date_parse(f[C_BEGIN], &l->begin))
        return bad(w, C_BEGIN, f[C_BEGIN], "geen datum JJJJ-MM-DD");
    if (!date_parse(f[C_END], &l->end))
        return bad(w, C_END, f[C_END], "geen datum JJJJ-MM-DD");
    const char *v = f[C_VOLUME];
    if (!all_digits(v[0] == '-' ? v + 1 : v) || strlen(v) > 9)
        return bad(w, C_VOLUME, v, "geen geheel getal");
    l->volume = strtoll(v, NULL, 10);
    if (!unit_known(f[C_UNIT]))
        return bad(w, C_UNIT, f[C_UNIT], "geen iJw-eenheid (01, 04, 14, 16, 82, 83, 84)");
    str_copy(l->unit, sizeof l->unit, f[C_UNIT]);
    if (!money_parse(f[C_TARIFF], &l->tariff) || l->tariff < 0)
        return bad(w, C_TARIFF, f[C_TARIFF], "geen bedrag in euro's zoals 78.00");
    if (!money_parse(f[C_AMOUNT], &l->amount) || l->amount < 0)
        return bad(w, C_AMOUNT, f[C_AMOUNT], "geen bedrag in euro's zoals 780.00");
    if (strcmp(f[C_DC], "D") != 0 && strcmp(f[C_DC], "C") != 0)
        return bad(w, C_DC, f[C_DC], "D (debet) of C (credit)");
    l->credit = f[C_DC][0] == 'C';
    if (l->credit) {
        if (!ident_ok(f[C_CREDIT_REF], sizeof l->credit_ref))
            return bad(w, C_CREDIT_REF, f[C_CREDIT_REF],
                       "een creditregel noemt de referentie van de debetregel");
        str_copy(l->credit_ref, sizeof l->credit_ref, f[C_CREDIT_REF]);
    } else if (f[C_CREDIT_REF][0]) {
        return bad(w, C_CREDIT_REF, f[C_CREDIT_REF],
                   "alleen een creditregel noemt een vorige referentie");
    }
    return JR_OK;
}

jr_status decl_csv_read(FILE *in, const char *name, jr_decl_session *sess, jr_error *err)
{
    jr_csv *c = csv_open(in);
    if (!c)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    where w = {name, 0, err};
    int map[C_COUNT];
    char **f;
    int n;
    jr_status rc = JR_OK;
    int r = csv_next(c, &f, &n, err);
    if (r <= 0) {
        csv_close(c);
        if (r == 0)
            return jr_fail(err, JR_EINVAL, "csv_empty", "", "%s: het bestand is leeg.", name);
        return jr_fail(err, JR_EINVAL, "csv_malformed", "", "%s: %s", name, err->message);
    }
    for (int k = 0; k < C_COUNT; k++) {
        map[k] = -1;
        for (int i = 0; i < n; i++)
            if (strcmp(f[i], col_names[k]) == 0)
                map[k] = i;
        if (map[k] < 0) {
            csv_close(c);
            return jr_fail(err, JR_EINVAL, "csv_header", col_names[k],
                           "%s:1: kolom '%s' ontbreekt in de kopregel (verwacht: %s).", name,
                           col_names[k], decl_csv_header());
        }
    }
    int ncols = n;
    long rows = 0;
    while ((r = csv_next(c, &f, &n, err)) == 1) {
        w.line = csv_line(c);
        if (n != ncols) {
            rc = jr_fail(err, JR_EINVAL, "csv_columns", "",
                         "%s:%ld: %d kolommen, de kopregel heeft er %d; het bestand is niet "
                         "verwerkt.",
                         name, w.line, n, ncols);
            break;
        }
        char *row[C_COUNT];
        for (int k = 0; k < C_COUNT; k++)
            row[k] = f[map[k]];
        jr_decl_batch b;
        jr_decl_line l;
        if ((rc = parse_row(&w, row, &b, &l)) != JR_OK)
            break;
        if ((rc = decl_session_add(sess, &b, &l, err)) != JR_OK) {
            char msg[sizeof err->message], code[sizeof err->code], field[sizeof err->field];
            str_copy(msg, sizeof msg, err->message);
            str_copy(code, sizeof code, err->code);
            str_copy(field, sizeof field, err->field);
            jr_fail(err, rc, code, field, "%s:%ld: %s", name, w.line, msg);
            break;
        }
        rows++;
    }
    if (r < 0) {
        char msg[sizeof err->message];
        str_copy(msg, sizeof msg, err->message);
        rc = jr_fail(err, JR_EINVAL, "csv_malformed", "", "%s: %s; het bestand is niet verwerkt.",
                     name, msg);
    }
    if (rc == JR_OK && rows == 0)
        rc = jr_fail(err, JR_EINVAL, "csv_empty", "", "%s: geen declaratieregels na de kopregel.",
                     name);
    csv_close(c);
    return rc;
}

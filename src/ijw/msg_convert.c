/*
 * msg_convert.c: a JW323 declaratie written from a declaration CSV (the
 * format of io/decl_csv.h), as a provider would send it: the provider's side
 * of the exchange, for tests, benchmarks and providers who keep CSV.
 *
 * The file is read twice: once for the batch and TotaalIngediendBedrag
 * (which precedes the prestaties in the message), once to write them, so
 * memory stays flat. Rows of one BSN that follow each other form one
 * Client. Amounts go from euros to eurocents; an assignment number becomes
 * its ToewijzingNummer (the assignment's id) through the store when ctx is
 * given, or is taken as it stands when it is already a number.
 */
#include "ijw_internal.h"

#include "../core/csv.h"
#include "../io/decl_csv.h"
#include "../service/assignment.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    jr_csv *csv;
    int map[DCSV_COUNT];
    int ncols;
    const char *name;
} csv_in;

static jr_status csv_start(csv_in *c, FILE *in, jr_error *err)
{
    c->csv = csv_open(in);
    if (!c->csv)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    char **f;
    int n;
    int r = csv_next(c->csv, &f, &n, err);
    if (r <= 0)
        return jr_fail(err, JR_EINVAL, "csv_empty", "", "%s: geen kopregel.", c->name);
    for (int k = 0; k < DCSV_COUNT; k++) {
        c->map[k] = -1;
        for (int i = 0; i < n; i++)
            if (strcmp(f[i], decl_csv_columns[k]) == 0)
                c->map[k] = i;
        if (c->map[k] < 0)
            return jr_fail(err, JR_EINVAL, "csv_header", decl_csv_columns[k],
                           "%s:1: kolom '%s' ontbreekt in de kopregel.", c->name,
                           decl_csv_columns[k]);
    }
    c->ncols = n;
    return JR_OK;
}

/* the next row's fields in column order; 0 at the end */
static int csv_row(csv_in *c, const char *row[DCSV_COUNT], jr_error *err)
{
    char **f;
    int n;
    int r = csv_next(c->csv, &f, &n, err);
    if (r <= 0)
        return r;
    if (n != c->ncols) {
        jr_fail(err, JR_EINVAL, "csv_columns", "", "%s:%ld: %d kolommen, de kopregel heeft er %d.",
                c->name, csv_line(c->csv), n, c->ncols);
        return -1;
    }
    for (int k = 0; k < DCSV_COUNT; k++)
        row[k] = f[c->map[k]];
    return 1;
}

static jr_status bad_row(const csv_in *c, int col, jr_error *err)
{
    return jr_fail(err, JR_EINVAL, "csv_invalid", decl_csv_columns[col],
                   "%s:%ld: kolom %s past niet in een JW323-bericht.", c->name, csv_line(c->csv),
                   decl_csv_columns[col]);
}

static jr_status to_nr(const jr_ctx *ctx, const char *number, char out[24])
{
    bool digits = *number != '\0';
    for (const char *p = number; *p; p++)
        digits = digits && *p >= '0' && *p <= '9';
    if (digits) {
        str_copy(out, 24, number);
        return JR_OK;
    }
    if (!ctx)
        return JR_EINVAL;
    int64_t id;
    jr_status rc = assignment_id_of(ctx, number, &id, NULL);
    if (rc == JR_OK)
        snprintf(out, 24, "%lld", (long long)id);
    return rc == JR_ENOTFOUND ? JR_EINVAL : rc;
}

#define PR(x) N323_Declaratie_Clienten_Client_Prestaties_Prestatie_##x

static jr_status write_prestatie(const jr_ctx *ctx, csv_in *c, ijw_writer *w,
                                 const char *row[DCSV_COUNT], jr_error *err)
{
    char nr[24];
    jr_status rc = to_nr(ctx, row[DCSV_ASSIGNMENT], nr);
    if (rc == JR_EDB)
        return jr_fail(err, JR_EDB, "database", "", "Databasefout.");
    if (rc != JR_OK)
        return bad_row(c, DCSV_ASSIGNMENT, err);
    jr_cents tariff, amount;
    if (!money_parse(row[DCSV_TARIFF], &tariff) || tariff < 0)
        return bad_row(c, DCSV_TARIFF, err);
    if (!money_parse(row[DCSV_AMOUNT], &amount) || amount < 0)
        return bad_row(c, DCSV_AMOUNT, err);
    bool credit = strcmp(row[DCSV_DC], "C") == 0;
    ijw_w_start(w, N323_Declaratie_Clienten_Client_Prestaties_Prestatie);
    ijw_w_start(w, PR(ProductReferentie));
    ijw_w_leaf(w, PR(ProductReferentie_ReferentieNummer), row[DCSV_REF]);
    if (credit)
        ijw_w_leaf(w, PR(ProductReferentie_VorigReferentieNummer), row[DCSV_CREDIT_REF]);
    ijw_w_end(w);
    ijw_w_leaf(w, PR(ToewijzingNummer), nr);
    ijw_w_leaf(w, PR(ProductCategorie), row[DCSV_CATEGORY]);
    ijw_w_leaf(w, PR(ProductCode), row[DCSV_PRODUCT]);
    ijw_w_start(w, PR(ProductPeriode));
    ijw_w_leaf(w, PR(ProductPeriode_Begindatum), row[DCSV_BEGIN]);
    ijw_w_leaf(w, PR(ProductPeriode_Einddatum), row[DCSV_END]);
    ijw_w_end(w);
    ijw_w_leaf(w, PR(GeleverdVolume), row[DCSV_VOLUME]);
    ijw_w_leaf(w, PR(Eenheid), row[DCSV_UNIT]);
    ijw_w_leaf_int(w, PR(ProductTarief), tariff);
    ijw_w_start(w, PR(IngediendBedrag));
    ijw_w_leaf_int(w, PR(IngediendBedrag_Bedrag), amount);
    ijw_w_leaf(w, PR(IngediendBedrag_DebetCredit), credit ? "C" : "D");
    ijw_w_end(w);
    ijw_w_end(w);
    if (w->failed)
        return jr_fail(err, JR_EINVAL, "csv_invalid", "",
                       "%s:%ld: de regel past niet in een "
                       "JW323-bericht (%s).",
                       c->name, csv_line(c->csv), w->why);
    return JR_OK;
}

jr_status ijw_csv_to_jw323(const jr_ctx *ctx, FILE *in, const char *name, FILE *out,
                           const char *ident, jr_error *err)
{
    csv_in c;
    memset(&c, 0, sizeof c);
    c.name = name;
    const char *row[DCSV_COUNT];
    char number[48] = "", agb[16] = "", gemeente[8] = "", period[16] = "", dagtekening[16] = "";
    char bsn[16] = "", id[16];
    int64_t total = 0, nrows = 0;
    ijw_writer w;
    bool writing = false, open = false;
    jr_month m;
    int r = 0;
    jr_status rc = csv_start(&c, in, err);
    /* pass 1: the batch and its total */
    while (rc == JR_OK && (r = csv_row(&c, row, err)) == 1) {
        if (nrows++ == 0) {
            str_copy(number, sizeof number, row[DCSV_NUMBER]);
            str_copy(agb, sizeof agb, row[DCSV_AGB]);
            str_copy(gemeente, sizeof gemeente, row[DCSV_GEMEENTE]);
            str_copy(period, sizeof period, row[DCSV_PERIOD]);
            str_copy(dagtekening, sizeof dagtekening, row[DCSV_DAGTEKENING]);
        } else if (strcmp(number, row[DCSV_NUMBER]) != 0 || strcmp(agb, row[DCSV_AGB]) != 0) {
            rc = jr_fail(err, JR_EINVAL, "csv_batches", "declaratienummer",
                         "%s:%ld: een JW323 bevat een declaratie; dit bestand heeft er meer.", name,
                         csv_line(c.csv));
            break;
        }
        jr_cents a;
        if (!money_parse(row[DCSV_AMOUNT], &a)) {
            rc = bad_row(&c, DCSV_AMOUNT, err);
            break;
        }
        total += strcmp(row[DCSV_DC], "C") == 0 ? -a : a;
    }
    if (rc == JR_OK && r < 0)
        rc = JR_EINVAL;
    if (rc == JR_OK && nrows == 0)
        rc = jr_fail(err, JR_EINVAL, "csv_empty", "", "%s: geen declaratieregels.", name);
    if (rc == JR_OK && !month_parse(period, &m))
        rc =
            jr_fail(err, JR_EINVAL, "csv_invalid", "periode", "%s: periode is geen JJJJ-MM.", name);
    csv_close(c.csv);
    c.csv = NULL;
    if (rc != JR_OK)
        goto fail;
    /* pass 2: the message */
    if (fseek(in, 0, SEEK_SET) != 0) {
        rc = jr_fail(err, JR_EIO, "file_unreadable", "", "%s: niet opnieuw te lezen.", name);
        goto fail;
    }
    ijw_sink sink = {NULL, out, false};
    if ((rc = ijw_w_open(&w, IJW_JW323, &sink, err)) != JR_OK)
        goto fail;
    writing = true;
    str_copy(id, sizeof id, ident && *ident ? ident : number);
    jr_date dt = JR_DATE_NONE;
    date_parse(dagtekening, &dt);
    ijw_w_header(&w, agb, gemeente, id, dt, NULL, NULL, 0);
    ijw_w_start(&w, N323_Declaratie);
    ijw_w_leaf(&w, N323_Declaratie_DeclaratieNummer, number);
    ijw_w_start(&w, N323_Declaratie_DeclaratiePeriode);
    ijw_w_leaf_date(&w, N323_Declaratie_DeclaratiePeriode_Begindatum, month_first_day(m));
    ijw_w_leaf_date(&w, N323_Declaratie_DeclaratiePeriode_Einddatum, month_last_day(m));
    ijw_w_end(&w);
    ijw_w_leaf(&w, N323_Declaratie_DeclaratieDagtekening, dagtekening);
    ijw_w_start(&w, N323_Declaratie_TotaalIngediendBedrag);
    ijw_w_leaf_int(&w, N323_Declaratie_TotaalIngediendBedrag_TotaalBedrag,
                   total < 0 ? -total : total);
    ijw_w_leaf(&w, N323_Declaratie_TotaalIngediendBedrag_DebetCredit, total < 0 ? "C" : "D");
    ijw_w_end(&w);
    ijw_w_start(&w, N323_Declaratie_Clienten);
    if (w.failed) {
        rc = jr_fail(err, JR_EINVAL, "csv_invalid", "",
                     "%s: de kop van de declaratie past niet in een JW323-bericht (%s).", name,
                     w.why);
        goto fail;
    }
    if ((rc = csv_start(&c, in, err)) != JR_OK)
        goto fail;
    while (rc == JR_OK && (r = csv_row(&c, row, err)) == 1) {
        if (!open || strcmp(bsn, row[DCSV_BSN]) != 0) {
            if (open) {
                ijw_w_end(&w); /* Prestaties */
                ijw_w_end(&w); /* Client */
            }
            str_copy(bsn, sizeof bsn, row[DCSV_BSN]);
            ijw_w_start(&w, N323_Declaratie_Clienten_Client);
            ijw_w_leaf(&w, N323_Declaratie_Clienten_Client_Bsn, bsn);
            ijw_w_start(&w, N323_Declaratie_Clienten_Client_Prestaties);
            open = true;
        }
        rc = write_prestatie(ctx, &c, &w, row, err);
    }
    if (rc == JR_OK && r < 0)
        rc = JR_EINVAL;
    if (rc != JR_OK)
        goto fail;
    csv_close(c.csv);
    ijw_w_end(&w); /* Prestaties */
    ijw_w_end(&w); /* Client */
    ijw_w_end(&w); /* Clienten */
    ijw_w_end(&w); /* Declaratie */
    return ijw_w_close(&w, err);
fail:
    csv_close(c.csv);
    if (writing)
        ijw_w_abort(&w);
    return rc;
}

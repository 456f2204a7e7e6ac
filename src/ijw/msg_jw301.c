/*
 * msg_jw301.c: the JW301 toewijzing the municipality sends, and ijw export.
 *
 * Assignments are made and changed by the assignment services; this file
 * only tells providers. For each client (youth) and provider it compares
 * what the last JW301 said of each assignment (ijw_toewijzing.sent_state)
 * with the assignment now; when any differs, or was never sent, it writes
 * one JW301 for that client holding every assignment that changed and
 * every one still current (the standard's rule: a toewijzingbericht holds
 * all assignments valid on or after its date), and records what it said.
 *
 * Mapping (docs/ijw.md): ToewijzingNummer is the assignment's id; a budget
 * (keuzebudget or accepted quote) is an aspecific product (Categorie 45, no
 * Code) with Budget in eurocents; a volume is Product Categorie + Code with
 * Omvang (Volume, the product's Eenheid, Frequentie 6: total within the
 * assignment); a taakgericht product sends neither. A change
 * carries RedenWijziging: 13 for a withdrawal, the reason a change was made
 * with (a wijzigingsverzoek: 12; the assignment service's own reason), else
 * 04 / 05 for a later / earlier end and 14 (administratieve correctie).
 */
#include "ijw_internal.h"

#include <stdlib.h>
#include <string.h>

#define TP(x) N301_Client_ToegewezenProducten_ToegewezenProduct_##x

typedef store_toewijzing_row asg_row;

typedef struct {
    char gemeente[5], agb[9];
    int64_t youth_id;
} client_key;

static void state_of(asg_row *a)
{
    char s[JR_DATE_ISO_LEN], e[JR_DATE_ISO_LEN];
    snprintf(a->state, sizeof a->state, "%s|%s|%s|%s|%d|%lld|%lld|%s|%s|%s", a->category,
             a->product, date_format(a->start, s), date_format(a->end, e), a->is_budget,
             (long long)a->budget, (long long)a->volume, a->unit, a->frequency, a->status);
}

static bool pending(const asg_row *a)
{
    if (!a->sent)
        return strcmp(a->status, "ingetrokken") != 0; /* a withdrawal never sent: no news */
    /* changed, or granted on a wijzigingsverzoek (which is answered by a JW301) */
    return strcmp(a->state, a->sent_state) != 0 || a->reden[0];
}

/* the RedenWijziging of a changed assignment that was sent before */
static const char *reden_of(const asg_row *a, char buf[4])
{
    if (strcmp(a->status, "ingetrokken") == 0)
        return "13";
    if (a->reden[0]) {
        str_copy(buf, 4, a->reden);
        return buf;
    }
    if (a->change_reason[0]) { /* the reason the assignment service was given */
        str_copy(buf, 4, a->change_reason);
        return buf;
    }
    /* the end date the provider knows, from what was sent */
    const char *p = a->sent_state;
    for (int i = 0; i < 3 && p; i++)
        p = strchr(p, '|') ? strchr(p, '|') + 1 : NULL;
    jr_date old;
    if (p && date_parse_n(p, 10, &old) && old != a->end)
        return a->end > old ? "04" : "05";
    return "14";
}

static void w_product(const jr_ctx *ctx, ijw_writer *w, const asg_row *a, bool with_reden,
                      bool with_ref)
{
    char buf[24], r[4];
    ijw_w_start(w, N301_Client_ToegewezenProducten_ToegewezenProduct);
    ijw_w_leaf_int(w, TP(ToewijzingNummer), a->id);
    if (with_ref && a->referentie[0])
        ijw_w_leaf(w, TP(ReferentieAanbieder), a->referentie);
    ijw_w_start(w, TP(Product));
    ijw_w_leaf(w, TP(Product_Categorie), a->category);
    if (!a->is_budget && a->product[0])
        ijw_w_leaf(w, TP(Product_Code), a->product);
    ijw_w_end(w);
    jr_date made;
    if (strlen(a->created) < 10 || !date_parse_n(a->created, 10, &made) || made > ctx->today)
        made = ctx->today; /* the system's clock ahead of the date it takes as today */
    ijw_w_leaf_date(w, TP(Toewijzingsdatum), made);
    snprintf(buf, sizeof buf, "%.8s", strlen(a->created) >= 19 ? a->created + 11 : "00:00:00");
    ijw_w_leaf(w, TP(Toewijzingstijd), buf);
    ijw_w_leaf_date(w, TP(Ingangsdatum), a->start);
    ijw_w_leaf_date(w, TP(Einddatum), a->end);
    if (with_reden)
        ijw_w_leaf(w, TP(RedenWijziging), reden_of(a, r));
    /* taakgericht: neither volume nor budget (the task budget pays) */
    const jr_product *prod = a->is_budget ? NULL : catalog_product(ctx->cat, a->product);
    bool taak = prod && prod->funding == JR_FUND_TAAK;
    if (!taak && !a->is_budget) {
        ijw_w_start(w, TP(Omvang));
        ijw_w_leaf_int(w, TP(Omvang_Volume), a->volume);
        ijw_w_leaf(w, TP(Omvang_Eenheid), a->unit);
        ijw_w_leaf(w, TP(Omvang_Frequentie), a->frequency[0] ? a->frequency : "6");
        ijw_w_end(w);
    }
    if (!taak && a->is_budget)
        ijw_w_leaf_int(w, TP(Budget), a->budget);
    ijw_w_end(w);
}

/* writes the JW301 of one client (rows, n) into out; *nrec: products sent */
static jr_status write_client(const jr_ctx *ctx, const client_key *k, asg_row *rows, int n,
                              const char *ident, sbuf *out, int *nrec, jr_error *err)
{
    store_client_name c;
    jr_status rc = exchange_client_name(ctx, k->youth_id, &c, err);
    if (rc != JR_OK)
        return rc;
    ijw_sink sink = {out, NULL, false};
    ijw_writer w;
    if ((rc = ijw_w_open(&w, IJW_JW301, &sink, err)) != JR_OK)
        return rc;
    ijw_w_header(&w, k->gemeente, k->agb, ident, ctx->today, NULL, NULL, 0);
    ijw_w_start(&w, N301_Client);
    ijw_w_leaf(&w, N301_Client_Bsn, c.bsn);
    ijw_w_start(&w, N301_Client_Geboortedatum);
    ijw_w_leaf_date(&w, N301_Client_Geboortedatum_Datum, c.birth);
    ijw_w_end(&w);
    ijw_w_leaf(&w, N301_Client_Geslacht, c.sex);
    ijw_w_start(&w, N301_Client_Naam);
    ijw_w_start(&w, N301_Client_Naam_Geslachtsnaam);
    ijw_w_leaf(&w, N301_Client_Naam_Geslachtsnaam_Achternaam, c.has_name ? c.last : "Onbekend");
    if (c.prefix[0])
        ijw_w_leaf(&w, N301_Client_Naam_Geslachtsnaam_Voorvoegsel, c.prefix);
    ijw_w_end(&w);
    if (c.initials[0])
        ijw_w_leaf(&w, N301_Client_Naam_Voorletters, c.initials);
    ijw_w_leaf(&w, N301_Client_Naam_NaamGebruik, "1");
    ijw_w_end(&w);
    ijw_w_start(&w, N301_Client_Contactgegevens);
    ijw_w_start(&w, N301_Client_Contactgegevens_Contact);
    ijw_w_leaf(&w, N301_Client_Contactgegevens_Contact_Soort, "01");
    ijw_w_end(&w);
    ijw_w_end(&w);
    ijw_w_start(&w, N301_Client_ToegewezenProducten);
    *nrec = 0;
    for (int i = 0; i < n; i++) {
        asg_row *a = &rows[i];
        bool current = strcmp(a->status, "actief") == 0 && a->end >= ctx->today;
        if (!pending(a) && !current)
            continue;
        w_product(ctx, &w, a, a->sent && pending(a), !a->referentie_sent);
        a->included = true;
        (*nrec)++;
    }
    ijw_w_end(&w);
    ijw_w_end(&w);
    return ijw_w_close(&w, err);
}

/* The clients with news, in order, as pending_client collects them. */
typedef struct {
    jr_date since;
    client_key *keys;
    size_t n, cap;
    bool no_memory;
} client_list;

static int pending_client(void *ud, const void *row)
{
    client_list *l = ud;
    asg_row a = *(const asg_row *)row;
    state_of(&a);
    if (!pending(&a) ||
        (l->since != JR_DATE_NONE && a.changed != JR_DATE_NONE && a.changed < l->since))
        return 0;
    if (l->n > 0 && l->keys[l->n - 1].youth_id == a.youth_id &&
        strcmp(l->keys[l->n - 1].agb, a.agb) == 0 &&
        strcmp(l->keys[l->n - 1].gemeente, a.gemeente) == 0)
        return 0;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        client_key *nk = realloc(l->keys, cap * sizeof *nk);
        if (!nk) {
            l->no_memory = true;
            return 1;
        }
        l->keys = nk;
        l->cap = cap;
    }
    client_key *k = &l->keys[l->n++];
    str_copy(k->gemeente, sizeof k->gemeente, a.gemeente);
    str_copy(k->agb, sizeof k->agb, a.agb);
    k->youth_id = a.youth_id;
    return 0;
}

/* One client's rows, as client_row collects them. */
typedef struct {
    asg_row *rows;
    int n, cap;
    bool no_memory;
} row_list;

static int client_row(void *ud, const void *row)
{
    row_list *l = ud;
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 16;
        asg_row *nr = realloc(l->rows, (size_t)cap * sizeof *nr);
        if (!nr) {
            l->no_memory = true;
            return 1;
        }
        l->rows = nr;
        l->cap = cap;
    }
    asg_row *a = &l->rows[l->n++];
    *a = *(const asg_row *)row;
    state_of(a);
    return 0;
}

static jr_status out_of_memory(jr_error *err)
{
    return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
}

jr_status ijw_export_jw301(const jr_ctx *ctx, jr_date since, ijw_out_fn fn, void *ud, int *n,
                           jr_error *err)
{
    *n = 0;
    const char *gemeente = NULL, *agb_scope = NULL;
    bool none;
    svc_scope(ctx, &gemeente, &agb_scope, &none); /* a municipality: only its own */
    client_list keys = {since, NULL, 0, 0, false};
    row_list rows = {NULL, 0, 0, false};
    sbuf body = SBUF_INIT;
    jr_status rc = exchange_export_begin(ctx, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = exchange_toewijzingen(ctx, gemeente, pending_client, &keys, err)) == JR_OK &&
        keys.no_memory)
        rc = out_of_memory(err);
    if (rc != JR_OK)
        goto fail;
    for (size_t i = 0; i < keys.n && rc == JR_OK; i++) {
        const client_key *k = &keys.keys[i];
        if (!svc_sees(ctx, k->gemeente, NULL))
            continue; /* another municipality's (a guard: the list keeps only the
                         principal's own): it sends its own */
        rows.n = 0;
        if ((rc = exchange_toewijzingen_of(ctx, k->gemeente, k->agb, k->youth_id, client_row, &rows,
                                           err)) == JR_OK &&
            rows.no_memory)
            rc = out_of_memory(err);
        if (rc != JR_OK)
            goto fail;
        char ident[16];
        int nrec = 0;
        sbuf_reset(&body);
        if ((rc = exchange_new_ident(ctx, ident, err)) != JR_OK ||
            (rc = write_client(ctx, k, rows.rows, rows.n, ident, &body, &nrec, err)) != JR_OK)
            goto fail;
        char detail[160];
        snprintf(detail, sizeof detail, "JW301 %s van %s aan %s: %d toegewezen product%s", ident,
                 k->gemeente, k->agb, nrec, nrec == 1 ? "" : "en");
        int64_t out_id;
        if ((rc = exchange_sent(ctx, "JW301", k->gemeente, k->agb, ident, sbuf_cstr(&body), nrec,
                                detail, &out_id, err)) != JR_OK)
            goto fail;
        for (int j = 0; j < rows.n && rc == JR_OK; j++)
            if (rows.rows[j].included)
                rc =
                    exchange_toewijzing_sent(ctx, rows.rows[j].id, rows.rows[j].state, out_id, err);
        if (rc != JR_OK)
            goto fail;
        ijw_out_info info = {IJW_JW301, "", "", "", nrec};
        str_copy(info.ident, sizeof info.ident, ident);
        str_copy(info.receiver, sizeof info.receiver, k->agb);
        str_copy(info.sender, sizeof info.sender, k->gemeente);
        if ((rc = fn(ud, &info, sbuf_cstr(&body), body.len, err)) != JR_OK)
            goto fail;
        (*n)++;
    }
fail:
    free(keys.keys);
    free(rows.rows);
    sbuf_free(&body);
    return exchange_export_end(ctx, rc, err);
}

jr_status ijw_export(const jr_ctx *ctx, ijw_msg m, jr_date since, ijw_out_fn fn, void *ud, int *n,
                     jr_error *err)
{
    *n = 0;
    /* the exchange service checks who may send; an access worker sends its
       own municipality's messages (scoped below) */
    if (m == IJW_JW301)
        return ijw_export_jw301(ctx, since, fn, ud, n, err);
    if (m == IJW_JW319)
        return ijw_export_jw319(ctx, fn, ud, n, err);
    return jr_fail(err, JR_EINVAL, "ijw_type", "type", "Alleen JW301 en JW319 worden verstuurd.");
}

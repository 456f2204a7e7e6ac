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
 * assignment); a region of the taakgericht variant sends neither. A change
 * carries RedenWijziging: 13 for a withdrawal, the reason a change was made
 * with (a wijzigingsverzoek: 12; the assignment service's own reason), else
 * 04 / 05 for a later / earlier end and 14 (administratieve correctie).
 */
#include "ijw_internal.h"

#include <stdlib.h>
#include <string.h>

#define TP(x) N301_Client_ToegewezenProducten_ToegewezenProduct_##x

typedef struct {
    int64_t id;
    char category[3], product[8], unit[3], frequency[2];
    bool is_budget;
    int64_t budget, volume;
    jr_date start, end;
    char status[16];
    char created[24];
    bool sent;
    char sent_state[160];
    char referentie[64];
    bool referentie_sent;
    char reden[4];
    char change_reason[3]; /* the RedenWijziging of its last change, "" when none */
    char state[160];
    jr_date changed; /* the last day it changed */
    bool included;   /* part of the message being written */
} asg_row;

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

#define ROW_COLS                                                                                   \
    "SELECT a.id, a.category, a.product, a.is_budget, a.budget_cents, a.volume, a.unit,"           \
    " a.frequency, a.start_date, a.end_date, a.status, a.created_at, t.sent_state,"                \
    " COALESCE(t.referentie, (SELECT v.referentie FROM ijw_verzoek v WHERE v.kind = 'VOT' AND"     \
    " v.referral_id = a.referral_id AND v.agb = p.agb ORDER BY v.id DESC LIMIT 1)),"               \
    " COALESCE(t.referentie_sent, 0), t.reden, a.gemeente, p.agb, a.youth_id,"                     \
    " MAX(substr(a.created_at, 1, 10), COALESCE((SELECT MAX(e.event_date) FROM ledger_event e"     \
    " WHERE e.assignment_id = a.id), '')),"                                                        \
    " (SELECT e.reason FROM ledger_event e WHERE e.assignment_id = a.id AND"                       \
    " e.kind = 'gewijzigd' ORDER BY e.id DESC LIMIT 1)"                                            \
    " FROM assignment a JOIN provider p ON p.id = a.provider_id"                                   \
    " LEFT JOIN ijw_toewijzing t ON t.assignment_id = a.id "

static void row_from(jr_stmt *q, asg_row *a)
{
    memset(a, 0, sizeof *a);
    a->id = store_col_int(q, 0);
    str_copy(a->category, sizeof a->category, store_col_text(q, 1));
    str_copy(a->product, sizeof a->product, store_col_text(q, 2));
    a->is_budget = store_col_int(q, 3) != 0;
    a->budget = store_col_int(q, 4);
    a->volume = store_col_int(q, 5);
    str_copy(a->unit, sizeof a->unit, store_col_text(q, 6));
    str_copy(a->frequency, sizeof a->frequency, store_col_text(q, 7));
    date_parse(store_col_text(q, 8), &a->start);
    date_parse(store_col_text(q, 9), &a->end);
    str_copy(a->status, sizeof a->status, store_col_text(q, 10));
    str_copy(a->created, sizeof a->created, store_col_text(q, 11));
    a->sent = !store_col_null(q, 12);
    str_copy(a->sent_state, sizeof a->sent_state, store_col_text(q, 12));
    str_copy(a->referentie, sizeof a->referentie, store_col_text(q, 13));
    a->referentie_sent = store_col_int(q, 14) != 0;
    str_copy(a->reden, sizeof a->reden, store_col_text(q, 15));
    a->changed = JR_DATE_NONE;
    const char *c = store_col_text(q, 19);
    if (strlen(c) >= 10)
        date_parse_n(c, 10, &a->changed);
    str_copy(a->change_reason, sizeof a->change_reason, store_col_text(q, 20));
    state_of(a);
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
    bool taak = strcmp(ctx->cat->variant, "taakgericht") == 0;
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
    jr_stmt *q = store_prepare(ctx->store,
                               "SELECT y.bsn, y.birth_date, c.geslacht, c.achternaam,"
                               " c.voorvoegsel, c.voorletters FROM youth y"
                               " LEFT JOIN ijw_client c ON c.bsn = y.bsn WHERE y.id = ?",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_int(q, 1, k->youth_id);
    if (store_step(q, err) != STORE_ROW)
        return JR_EDB;
    char bsn[10], birth[JR_DATE_ISO_LEN], sex[2], last[256], prefix[64], initials[32];
    str_copy(bsn, sizeof bsn, store_col_text(q, 0));
    str_copy(birth, sizeof birth, store_col_text(q, 1));
    str_copy(sex, sizeof sex, store_col_null(q, 2) ? "0" : store_col_text(q, 2));
    str_copy(last, sizeof last, store_col_null(q, 3) ? "Onbekend" : store_col_text(q, 3));
    str_copy(prefix, sizeof prefix, store_col_text(q, 4));
    str_copy(initials, sizeof initials, store_col_text(q, 5));
    store_reset(q);
    ijw_sink sink = {out, NULL, false};
    ijw_writer w;
    jr_status rc = ijw_w_open(&w, IJW_JW301, &sink, err);
    if (rc != JR_OK)
        return rc;
    ijw_w_header(&w, k->gemeente, k->agb, ident, ctx->today, NULL, NULL, 0);
    ijw_w_start(&w, N301_Client);
    ijw_w_leaf(&w, N301_Client_Bsn, bsn);
    ijw_w_start(&w, N301_Client_Geboortedatum);
    ijw_w_leaf(&w, N301_Client_Geboortedatum_Datum, birth);
    ijw_w_end(&w);
    ijw_w_leaf(&w, N301_Client_Geslacht, sex);
    ijw_w_start(&w, N301_Client_Naam);
    ijw_w_start(&w, N301_Client_Naam_Geslachtsnaam);
    ijw_w_leaf(&w, N301_Client_Naam_Geslachtsnaam_Achternaam, last);
    if (prefix[0])
        ijw_w_leaf(&w, N301_Client_Naam_Geslachtsnaam_Voorvoegsel, prefix);
    ijw_w_end(&w);
    if (initials[0])
        ijw_w_leaf(&w, N301_Client_Naam_Voorletters, initials);
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

static jr_status mark_sent(const jr_ctx *ctx, const asg_row *a, int64_t outbox_id, jr_error *err)
{
    jr_stmt *u = store_prepare(
        ctx->store,
        "INSERT INTO ijw_toewijzing (assignment_id, sent_state, sent_outbox_id, sent_at,"
        " referentie_sent) VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1)"
        " ON CONFLICT (assignment_id) DO UPDATE SET sent_state = ?2, sent_outbox_id = ?3,"
        " sent_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),"
        " referentie_sent = CASE WHEN referentie IS NULL THEN 0 ELSE 1 END, reden = NULL",
        err);
    if (!u)
        return JR_EDB;
    store_bind_int(u, 1, a->id);
    store_bind_text(u, 2, a->state);
    store_bind_int(u, 3, outbox_id);
    return store_step(u, err) == STORE_DONE ? JR_OK : JR_EDB;
}

/* the clients with news, in order */
static jr_status pending_clients(const jr_ctx *ctx, jr_date since, client_key **out, size_t *n,
                                 jr_error *err)
{
    *out = NULL;
    *n = 0;
    size_t cap = 0;
    const char *gemeente = NULL, *agb_scope = NULL;
    bool none;
    svc_scope(ctx, &gemeente, &agb_scope, &none); /* a municipality: only its own */
    jr_stmt *q = store_prepare(ctx->store,
                               ROW_COLS "WHERE (?1 IS NULL OR a.gemeente = ?1)"
                                        " ORDER BY a.gemeente, p.agb, a.youth_id, a.id",
                               err);
    if (!q)
        return JR_EDB;
    store_bind_text(q, 1, gemeente);
    store_step_result r;
    while ((r = store_step(q, err)) == STORE_ROW) {
        asg_row a;
        row_from(q, &a);
        if (!pending(&a) ||
            (since != JR_DATE_NONE && a.changed != JR_DATE_NONE && a.changed < since))
            continue;
        const char *g = store_col_text(q, 16), *agb = store_col_text(q, 17);
        int64_t y = store_col_int(q, 18);
        if (*n > 0 && (*out)[*n - 1].youth_id == y && strcmp((*out)[*n - 1].agb, agb) == 0 &&
            strcmp((*out)[*n - 1].gemeente, g) == 0)
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 256;
            client_key *nk = realloc(*out, cap * sizeof *nk);
            if (!nk) {
                store_reset(q);
                return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
            }
            *out = nk;
        }
        client_key *k = &(*out)[(*n)++];
        str_copy(k->gemeente, sizeof k->gemeente, g);
        str_copy(k->agb, sizeof k->agb, agb);
        k->youth_id = y;
    }
    store_reset(q);
    return r == STORE_ERROR ? JR_EDB : JR_OK;
}

jr_status ijw_export_jw301(const jr_ctx *ctx, jr_date since, ijw_out_fn fn, void *ud, int *n,
                           jr_error *err)
{
    *n = 0;
    client_key *keys = NULL;
    size_t nkeys = 0;
    asg_row *rows = NULL;
    int cap = 0;
    sbuf body = SBUF_INIT;
    jr_status rc = exchange_export_begin(ctx, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = pending_clients(ctx, since, &keys, &nkeys, err)) != JR_OK)
        goto fail;
    for (size_t i = 0; i < nkeys && rc == JR_OK; i++) {
        const client_key *k = &keys[i];
        if (!svc_sees(ctx, k->gemeente, NULL))
            continue; /* another municipality's (a guard: pending_clients keeps only
                         the principal's own): it sends its own */
        jr_stmt *q = store_prepare(ctx->store,
                                   ROW_COLS "WHERE a.gemeente = ? AND p.agb = ? AND a.youth_id = ?"
                                            " ORDER BY a.id",
                                   err);
        if (!q) {
            rc = JR_EDB;
            goto fail;
        }
        store_bind_text(q, 1, k->gemeente);
        store_bind_text(q, 2, k->agb);
        store_bind_int(q, 3, k->youth_id);
        int nrows = 0;
        store_step_result r;
        while ((r = store_step(q, err)) == STORE_ROW) {
            if (nrows == cap) {
                cap = cap ? cap * 2 : 16;
                asg_row *nr = realloc(rows, (size_t)cap * sizeof *nr);
                if (!nr) {
                    store_reset(q);
                    rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
                    goto fail;
                }
                rows = nr;
            }
            row_from(q, &rows[nrows++]);
        }
        store_reset(q);
        if (r == STORE_ERROR) {
            rc = JR_EDB;
            goto fail;
        }
        char ident[16];
        int nrec = 0;
        sbuf_reset(&body);
        if ((rc = exchange_new_ident(ctx, ident, err)) != JR_OK ||
            (rc = write_client(ctx, k, rows, nrows, ident, &body, &nrec, err)) != JR_OK)
            goto fail;
        char detail[160];
        snprintf(detail, sizeof detail, "JW301 %s van %s aan %s: %d toegewezen product%s", ident,
                 k->gemeente, k->agb, nrec, nrec == 1 ? "" : "en");
        int64_t out_id;
        if ((rc = exchange_sent(ctx, "JW301", k->gemeente, k->agb, ident, sbuf_cstr(&body), nrec,
                                detail, &out_id, err)) != JR_OK)
            goto fail;
        for (int j = 0; j < nrows && rc == JR_OK; j++)
            if (rows[j].included)
                rc = mark_sent(ctx, &rows[j], out_id, err);
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
    free(keys);
    free(rows);
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

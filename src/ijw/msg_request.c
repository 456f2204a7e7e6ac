/*
 * msg_request.c: the requests a provider sends, JW315 verzoek om toewijzing
 * and JW317 verzoek om wijziging (answered at once by the JW316 / JW318
 * retour from the codes set here), and the municipality's JW319 antwoord,
 * written by ijw export from the decision the request service kept when it
 * refused a request or took it into investigation. A granted request is
 * answered by the JW301.
 *
 * The retour carries the standard's technical rules: the client's BSN
 * (11-check), a ReferentieAanbieder used before by the provider (9347), a
 * request still under investigation for the client (9374), dates out of
 * order (0001), a product code outside the catalog (S329); for a JW317 also
 * an OngewijzigdProduct or TeWijzigenProduct that is no current assignment
 * (9350, 9351), a request that leaves out a current assignment (9349), a
 * budget change not from the assignment's start (9373). A request that
 * passes them is decided by the request service (service/request.h).
 */
#include "ijw_internal.h"

#include "../domain/ident.h"
#include "../service/assignment.h"

#include <string.h>

/* writes the JW319 antwoord a from its stored decision (refused:
 * VerzoekAntwoord 1 with the RedenAfwijzingVerzoek and any
 * Woonplaatsbeginsel; under investigation: 2) into body */
static jr_status write_jw319(const store_antwoord_row *a, sbuf *body, jr_error *err)
{
    ijw_sink sink = {body, NULL, false};
    ijw_writer w;
    jr_status rc = ijw_w_open(&w, IJW_JW319, &sink, err);
    if (rc != JR_OK)
        return rc;
    bool refused = strcmp(a->antwoord, "1") == 0;
    ijw_w_header(&w, a->sender, a->receiver, a->ident, a->dagtekening, NULL, NULL, 0);
    ijw_w_start(&w, N319_Antwoord);
    ijw_w_leaf(&w, N319_Antwoord_ReferentieAanbieder, a->referentie);
    ijw_w_leaf(&w, N319_Antwoord_VerzoekAntwoord, a->antwoord);
    if (refused)
        ijw_w_leaf(&w, N319_Antwoord_RedenAfwijzingVerzoek, a->reden);
    if (refused && a->woonplaats[0]) {
        ijw_w_start(&w, N319_Antwoord_Woonplaatsbeginsel);
        ijw_w_leaf(&w, N319_Antwoord_Woonplaatsbeginsel_Gemeente, a->woonplaats);
        ijw_w_end(&w);
    }
    ijw_w_end(&w);
    return ijw_w_close(&w, err);
}

static void note_decision(ijw_import *im, const char *ref, const jr_req_decision *d)
{
    static const char *const what[] = {"toegewezen", "afgewezen", "in onderzoek"};
    size_t n = strlen(im->detail);
    snprintf(im->detail + n, sizeof im->detail - n, "%sverzoek %.24s %s%s%s", n ? "; " : "", ref,
             what[d->outcome], d->reden[0] ? " reden " : "", d->reden);
}

/* is there a catalog product code (when given) of this category? */
static bool product_known(const jr_ctx *ctx, const char *cat, const char *code)
{
    if (!code)
        return true;
    const jr_product *p = catalog_product(ctx->cat, code);
    return p && cat && strcmp(p->category, cat) == 0;
}

/* the Omvang and Budget of a product into p */
static void read_amounts(const ijw_tnode *omvang, const char *budget, jr_req_product *p)
{
    int64_t v;
    if (omvang && omvang->first && ijw_parse_int(omvang->first->value, &v)) {
        p->has_volume = true;
        p->volume = v;
        const ijw_tnode *e = omvang->first->next, *f = e ? e->next : NULL;
        str_copy(p->unit, sizeof p->unit, e ? e->value : "");
        str_copy(p->frequency, sizeof p->frequency, f ? f->value : "6");
    }
    if (budget && ijw_parse_int(budget, &v)) {
        p->has_budget = true;
        p->budget = v;
    }
}

static bool client_checked(ijw_import *im, ijw_tnode *client, const char *bsn)
{
    if (!bsn || !bsn_valid(bsn)) {
        ijw_tn_code(client, "0001");
        ijw_tn_mark(client, "0233");
        str_copy(im->detail, sizeof im->detail, "BSN voldoet niet aan de elfproef");
        return false;
    }
    return true;
}

#define AP(x) N315_Client_AangevraagdeProducten_AangevraagdProduct_##x

jr_status ijw_process_jw315(ijw_import *im, jr_error *err)
{
    const jr_ctx *ctx = im->ctx;
    ijw_tnode *client = ijw_tn_child(ijw_tree_root(im->tree), N315_Client);
    const char *bsn = ijw_tn_val(client, N315_Client_Bsn);
    jr_status rc;
    if (!ijw_client_ok(im, client, N315_Client_Bsn, N315_Client_Geslacht, N315_Client_Naam, err,
                       &rc))
        return rc;
    jr_date birth = JR_DATE_NONE;
    ijw_parse_date(ijw_tn_val(ijw_tn_child(client, N315_Client_Geboortedatum),
                              N315_Client_Geboortedatum_Datum),
                   &birth);
    ijw_tnode *list = ijw_tn_child(client, N315_Client_AangevraagdeProducten);
    bool open = false;
    if ((rc = request_open(ctx, im->provider, bsn, &open, err)) != JR_OK)
        return rc;
    for (ijw_tnode *p = ijw_tn_child(list, N315_Client_AangevraagdeProducten_AangevraagdProduct); p;
         p = ijw_tn_next(p)) {
        const char *ref = ijw_tn_val(p, AP(ReferentieAanbieder));
        bool taken = false;
        if ((rc = request_referentie_taken(ctx, im->provider, ref, &taken, err)) != JR_OK)
            return rc;
        for (ijw_tnode *q = ijw_tn_child(list, p->node); q != p && !taken; q = ijw_tn_next(q))
            taken = strcmp(ijw_tn_val(q, AP(ReferentieAanbieder)), ref) == 0;
        ijw_tnode *prod = ijw_tn_child(p, AP(Product));
        jr_vot v;
        memset(&v, 0, sizeof v);
        jr_req_product *rp = &v.product;
        str_copy(rp->category, sizeof rp->category, ijw_tn_val(prod, AP(Product_Categorie)));
        str_copy(rp->product, sizeof rp->product, ijw_tn_val(prod, AP(Product_Code)));
        bool dates = ijw_parse_date(ijw_tn_val(p, AP(ToewijzingIngangsdatum)), &rp->start);
        rp->end = JR_DATE_NONE;
        const char *end = ijw_tn_val(p, AP(ToewijzingEinddatum));
        if (end)
            dates = ijw_parse_date(end, &rp->end) && dates && rp->end >= rp->start;
        if (taken)
            ijw_tn_code(p, "9347");
        else if (open)
            ijw_tn_code(p, "9374");
        else if (!dates || birth == JR_DATE_NONE)
            ijw_tn_code(p, "0001");
        else if (!product_known(ctx, rp->category, ijw_tn_val(prod, AP(Product_Code))))
            ijw_tn_code(p, "S329");
        if (!ijw_tn_ok(p))
            continue;
        read_amounts(ijw_tn_child(p, AP(Omvang)), ijw_tn_val(p, AP(Budget)), rp);
        ijw_tnode *verw = ijw_tn_child(p, AP(Verwijzer));
        str_copy(v.agb, sizeof v.agb, im->provider);
        str_copy(v.gemeente, sizeof v.gemeente, im->gemeente);
        str_copy(v.bsn, sizeof v.bsn, bsn);
        v.birth = birth;
        str_copy(v.referentie, sizeof v.referentie, ref);
        str_copy(v.referrer_type, sizeof v.referrer_type, ijw_tn_val(verw, AP(Verwijzer_Type)));
        str_copy(v.referrer_name, sizeof v.referrer_name, ijw_tn_val(verw, AP(Verwijzer_Naam)));
        str_copy(v.comment, sizeof v.comment, ijw_tn_val(p, AP(Commentaar)));
        jr_req_decision d;
        if ((rc = request_vot(&im->sys, &v, im->inbox_id, &d, err)) != JR_OK)
            return rc;
        note_decision(im, ref, &d);
        if (d.outcome == JR_REQ_INVESTIGATING)
            open = true; /* one request at a time under investigation */
    }
    return JR_OK;
}

#define VZ(x) N317_Client_Verzoek_##x

static bool in_list(const int64_t *ids, int n, int64_t id)
{
    for (int i = 0; i < n; i++)
        if (ids[i] == id)
            return true;
    return false;
}

/* the start of assignment id (JR_DATE_NONE when there is none) */
static jr_date start_of(const ijw_import *im, int64_t id)
{
    jr_assignment a;
    return assignment_by_id(&im->sys, id, &a, NULL) == JR_OK ? a.grant.start : JR_DATE_NONE;
}

jr_status ijw_process_jw317(ijw_import *im, jr_error *err)
{
    const jr_ctx *ctx = im->ctx;
    ijw_tnode *client = ijw_tn_child(ijw_tree_root(im->tree), N317_Client);
    const char *bsn = ijw_tn_val(client, N317_Client_Bsn);
    if (!client_checked(im, client, bsn))
        return JR_OK;
    ijw_tnode *vz = ijw_tn_child(client, N317_Client_Verzoek);
    const char *ref = ijw_tn_val(vz, VZ(ReferentieAanbieder));
    jr_vow v;
    memset(&v, 0, sizeof v);
    str_copy(v.agb, sizeof v.agb, im->provider);
    str_copy(v.gemeente, sizeof v.gemeente, im->gemeente);
    str_copy(v.bsn, sizeof v.bsn, bsn);
    str_copy(v.referentie, sizeof v.referentie, ref);
    str_copy(v.reason, sizeof v.reason, ijw_tn_val(vz, VZ(RedenVerzoek)));
    int64_t current[64], listed[64];
    int ncur, nlisted = 0;
    jr_status rc =
        assignment_current(&im->sys, bsn, im->provider, im->gemeente, current, 64, &ncur, err);
    if (rc != JR_OK)
        return rc;
    bool taken, open;
    if ((rc = request_referentie_taken(ctx, im->provider, ref, &taken, err)) != JR_OK ||
        (rc = request_open(ctx, im->provider, bsn, &open, err)) != JR_OK)
        return rc;
    if (taken)
        ijw_tn_code(vz, "9347");
    else if (open)
        ijw_tn_code(vz, "9374");
    bool bad = !ijw_tn_ok(vz);
    ijw_tnode *ul = ijw_tn_child(vz, VZ(OngewijzigdeProducten));
    for (ijw_tnode *p = ijw_tn_child(ul, VZ(OngewijzigdeProducten_OngewijzigdProduct)); p;
         p = ijw_tn_next(p)) {
        int64_t id;
        if (!ijw_parse_int(
                ijw_tn_val(p, VZ(OngewijzigdeProducten_OngewijzigdProduct_ToewijzingNummer)),
                &id) ||
            !in_list(current, ncur, id)) {
            ijw_tn_code(p, "9350");
            bad = true;
        } else if (nlisted < 64) {
            listed[nlisted++] = id;
        }
    }
    ijw_tnode *cl = ijw_tn_child(vz, VZ(TeWijzigenProducten));
#define TW(x) N317_Client_Verzoek_TeWijzigenProducten_TeWijzigenProduct_##x
    for (ijw_tnode *p = ijw_tn_child(cl, N317_Client_Verzoek_TeWijzigenProducten_TeWijzigenProduct);
         p; p = ijw_tn_next(p)) {
        int64_t id;
        jr_vow_change c;
        memset(&c, 0, sizeof c);
        c.end = JR_DATE_NONE;
        const char *end = ijw_tn_val(p, TW(Einddatum));
        bool dates = ijw_parse_date(ijw_tn_val(p, TW(GewensteIngangsdatum)), &c.start);
        if (end)
            dates = ijw_parse_date(end, &c.end) && dates && c.end >= c.start;
        jr_req_product amounts;
        memset(&amounts, 0, sizeof amounts);
        read_amounts(ijw_tn_child(p, TW(Omvang)), ijw_tn_val(p, TW(Budget)), &amounts);
        if (!ijw_parse_int(ijw_tn_val(p, TW(ToewijzingNummer)), &id) || !in_list(current, ncur, id))
            ijw_tn_code(p, "9351");
        else if (!dates)
            ijw_tn_code(p, "0001");
        else if (amounts.has_budget && c.start != start_of(im, id))
            ijw_tn_code(p, "9373");
        if (!ijw_tn_ok(p)) {
            bad = true;
            continue;
        }
        if (nlisted < 64)
            listed[nlisted++] = id;
        c.assignment_id = id;
        c.has_budget = amounts.has_budget;
        c.budget = amounts.budget;
        c.has_volume = amounts.has_volume;
        c.volume = amounts.volume;
        if (v.nchanges < JR_VOW_MAX)
            v.changes[v.nchanges++] = c;
    }
#define NP(x) N317_Client_Verzoek_NieuweProducten_NieuwProduct_##x
    ijw_tnode *nl = ijw_tn_child(vz, VZ(NieuweProducten));
    for (ijw_tnode *p = ijw_tn_child(nl, N317_Client_Verzoek_NieuweProducten_NieuwProduct); p;
         p = ijw_tn_next(p)) {
        ijw_tnode *prod = ijw_tn_child(p, NP(Product));
        jr_req_product rp;
        memset(&rp, 0, sizeof rp);
        str_copy(rp.category, sizeof rp.category, ijw_tn_val(prod, NP(Product_Categorie)));
        str_copy(rp.product, sizeof rp.product, ijw_tn_val(prod, NP(Product_Code)));
        if (!prod)
            str_copy(rp.category, sizeof rp.category, "45");
        rp.end = JR_DATE_NONE;
        const char *end = ijw_tn_val(p, NP(Einddatum));
        bool dates = ijw_parse_date(ijw_tn_val(p, NP(GewensteIngangsdatum)), &rp.start);
        if (end)
            dates = ijw_parse_date(end, &rp.end) && dates && rp.end >= rp.start;
        read_amounts(ijw_tn_child(p, NP(Omvang)), ijw_tn_val(p, NP(Budget)), &rp);
        if (!dates)
            ijw_tn_code(p, "0001");
        else if (!product_known(ctx, rp.category, ijw_tn_val(prod, NP(Product_Code))))
            ijw_tn_code(p, "S329");
        if (!ijw_tn_ok(p)) {
            bad = true;
            continue;
        }
        if (v.nnew < JR_VOW_MAX)
            v.added[v.nnew++] = rp;
    }
    for (int i = 0; i < ncur && ijw_tn_ok(vz); i++)
        if (!in_list(listed, nlisted, current[i]))
            ijw_tn_code(vz, "9349"); /* a current assignment left out */
    if (bad || !ijw_tn_ok(vz)) {
        if (ijw_tn_ok(vz))
            ijw_tn_code(vz, "0233"); /* not assessed: a product class was refused */
        return JR_OK;
    }
    jr_req_decision d;
    if ((rc = request_vow(&im->sys, &v, im->inbox_id, &d, err)) == JR_OK)
        note_decision(im, ref, &d);
    return rc;
}

jr_status ijw_export_jw319(const jr_ctx *ctx, ijw_out_fn fn, void *ud, int *n, jr_error *err)
{
    *n = 0;
    const char *gemeente = NULL, *agb = NULL;
    bool none;
    svc_scope(ctx, &gemeente, &agb, &none); /* an access worker: its municipality's */
    jr_status rc = exchange_export_begin(ctx, err);
    if (rc != JR_OK)
        return rc;
    sbuf body = SBUF_INIT;
    for (;;) {
        store_antwoord_row a;
        if ((rc = exchange_answer_next(ctx, gemeente, &a, err)) != JR_OK) {
            if (rc == JR_ENOTFOUND)
                rc = JR_OK;
            break;
        }
        sbuf_reset(&body);
        if (a.has_decision)
            rc = write_jw319(&a, &body, err);
        else /* queued as text before the decisions were kept */
            rc = sbuf_puts(&body, a.body) == 0
                     ? JR_OK
                     : jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
        ijw_out_info info = {IJW_JW319, "", "", "", a.nrecords};
        str_copy(info.sender, sizeof info.sender, a.sender);
        str_copy(info.receiver, sizeof info.receiver, a.receiver);
        str_copy(info.ident, sizeof info.ident, a.ident);
        if (rc == JR_OK)
            rc = fn(ud, &info, sbuf_cstr(&body), body.len, err);
        if (rc == JR_OK)
            rc = exchange_answer_sent(ctx, &a, sbuf_cstr(&body), err);
        store_antwoord_row_free(&a);
        if (rc != JR_OK)
            break;
        (*n)++;
    }
    sbuf_free(&body);
    return exchange_export_end(ctx, rc, err);
}

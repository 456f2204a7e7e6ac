/*
 * msg_jw323.c: the JW323 declaratie in and the JW325 declaratie-antwoord
 * out, and a JW323 written from the CSV format (the provider's side).
 *
 * A JW323 streams: its header and Declaratie go to the tree, the
 * prestaties go to the declaration service through the very session the
 * CSV reader feeds (decl_session_add), so every check and reason code is the
 * same whatever the channel. The message is one batch: its prestaties are
 * held as they close and added when the Clienten close, so that the session
 * is told the batch's exact size before its first line (decl_session_expect;
 * a few lines from a provider with many assignments then look up only the
 * assignments they name). Memory stays flat: HOLD_LINES prestaties at most,
 * the rest of a longer Declaratie in an unnamed temporary file (about a
 * quarter of the message's bytes), and the session's bounded cache.
 *
 * Mapping (docs/ijw.md): ToewijzingNummer is the assignment's id in the
 * store; ProductReferentie/ReferentieNummer the line's reference and, for a
 * credit, VorigReferentieNummer the debit it cancels (CD060); a prestatie
 * without ProductTarief is declared with tariff -1 (so 0611 rejects it).
 *
 * The whole message is refused (a RetourCode in the JW325's header, nothing
 * stored) when its header breaks a technical rule: Dagtekening in the
 * future (8848), an Ontvanger outside the region (S300), an unknown
 * sender, a DeclaratiePeriode that is not one calendar month, a
 * TotaalIngediendBedrag other than the sum of the prestaties, or a date
 * outside 1900-2199 (0001), an Identificatie reused with other content
 * (9056). A DeclaratieNummer received before with other content (9333)
 * refuses the Declaratie. Otherwise every prestatie gets its own code.
 *
 * The JW325 is written from the log row and the stored lines, so the same
 * message imported again gets the same answer byte for byte.
 */
#include "ijw_internal.h"

#include "../core/csv.h"
#include "../domain/decl.h"
#include "../service/assignment.h"
#include "../service/batches.h"
#include "../service/declaration.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef enum { D_WAIT = 0, D_PROCESS, D_REPLAY, D_REJECT } decl_mode;

/* The prestaties held in memory (a block of about 200 KB); a longer
 * Declaratie writes each full block to the spool file and reads the blocks
 * back in order. */
#define HOLD_LINES 1024

struct ijw_decl {
    ijw_import *im;
    decl_mode mode;
    int64_t known;
    char known_hash[65];
    jr_decl_session *sess;
    jr_decl_batch batch;
    char number[16];
    int64_t total;
    char total_dc[2];
    const char *decl_code; /* refuses the Declaratie (9333) */
    /* the prestatie being read */
    char bsn[16];
    jr_decl_line line;
    bool has_tariff;
    bool dates_ok;
    char nr[24]; /* ToewijzingNummer as read */
    int64_t sum; /* debits minus credits */
    int64_t nlines;
    /* the last ToewijzingNummer looked up */
    int64_t last_nr;
    bool last_found;
    char last_number[24];
    /* the prestaties read and not yet added to the session: nhold in all,
       the last nheld of them in held, the blocks before them in spool */
    jr_decl_line *held;
    int nheld;
    int64_t nhold;
    FILE *spool;
};

ijw_decl *ijw_decl_new(ijw_import *im)
{
    ijw_decl *d = calloc(1, sizeof *d);
    if (d)
        d->im = im;
    return d;
}

/* drop_held: forgets the held prestaties (the buffer stays for ijw_decl_free) */
static void drop_held(ijw_decl *d)
{
    if (d->spool) {
        fclose(d->spool);
        d->spool = NULL;
    }
    d->nheld = 0;
    d->nhold = 0;
}

void ijw_decl_abort(ijw_decl *d)
{
    if (!d)
        return;
    if (d->sess) {
        decl_session_free(d->sess);
        d->sess = NULL;
    }
    drop_held(d);
}

void ijw_decl_free(ijw_decl *d)
{
    if (!d)
        return;
    ijw_decl_abort(d);
    free(d->held);
    free(d);
}

static void copy_val(char *dst, size_t cap, const char *v)
{
    str_copy(dst, cap, v ? v : "");
}

static void reject(ijw_decl *d, const char *code, const char *why)
{
    d->mode = D_REJECT;
    d->im->header_code = code;
    str_copy(d->im->detail, sizeof d->im->detail, why);
    ijw_decl_abort(d);
}

/* the header and Declaratie are complete: check them and open the session */
static jr_status decl_begin(ijw_decl *d, jr_error *err)
{
    ijw_import *im = d->im;
    ijw_header_of(im->tree, &im->hdr);
    jr_status rc = ijw_begin(im, IJW_JW323, &d->known, d->known_hash, err);
    if (rc != JR_OK)
        return rc;
    ijw_tnode *decl = ijw_tn_child(ijw_tree_root(im->tree), N323_Declaratie);
    ijw_tnode *per = ijw_tn_child(decl, N323_Declaratie_DeclaratiePeriode);
    ijw_tnode *tot = ijw_tn_child(decl, N323_Declaratie_TotaalIngediendBedrag);
    copy_val(d->number, sizeof d->number, ijw_tn_val(decl, N323_Declaratie_DeclaratieNummer));
    if (!ijw_parse_int(ijw_tn_val(tot, N323_Declaratie_TotaalIngediendBedrag_TotaalBedrag),
                       &d->total))
        d->total = -1;
    copy_val(d->total_dc, sizeof d->total_dc,
             ijw_tn_val(tot, N323_Declaratie_TotaalIngediendBedrag_DebetCredit));
    if (d->known) {
        d->mode = D_REPLAY;
        return JR_OK;
    }
    if (im->header_code) {
        d->mode = D_REJECT;
        return JR_OK;
    }
    jr_date b, e, dt;
    if (!ijw_parse_date(ijw_tn_val(per, N323_Declaratie_DeclaratiePeriode_Begindatum), &b) ||
        !ijw_parse_date(ijw_tn_val(per, N323_Declaratie_DeclaratiePeriode_Einddatum), &e) ||
        !ijw_parse_date(ijw_tn_val(decl, N323_Declaratie_DeclaratieDagtekening), &dt)) {
        reject(d, "0001", "een datum buiten 1900-2199");
        return JR_OK;
    }
    if (b != month_first_day(date_month(b)) || e != month_last_day(date_month(b))) {
        reject(d, "0001", "DeclaratiePeriode is niet een kalendermaand");
        return JR_OK;
    }
    memset(&d->batch, 0, sizeof d->batch);
    str_copy(d->batch.number, sizeof d->batch.number, d->number);
    str_copy(d->batch.agb, sizeof d->batch.agb, im->hdr.afzender);
    str_copy(d->batch.gemeente, sizeof d->batch.gemeente, im->hdr.ontvanger);
    d->batch.period = date_month(b);
    d->batch.dagtekening = dt;
    rc = decl_session_begin(im->ctx, im->name, &d->sess, err);
    if (rc != JR_OK)
        return rc;
    d->mode = D_PROCESS;
    return JR_OK;
}

jr_status ijw_decl_start(ijw_decl *d, int node, long line, jr_error *err)
{
    (void)line;
    if (node == N323_Declaratie_Clienten)
        return decl_begin(d, err);
    if (node == N323_Declaratie_Clienten_Client_Prestaties_Prestatie) {
        memset(&d->line, 0, sizeof d->line);
        d->has_tariff = false;
        d->dates_ok = true;
        d->nr[0] = '\0';
    }
    return JR_OK;
}

/* the store's assignment number for ToewijzingNummer d->nr, or "#nr" when
 * there is none (the checks then say 9338) */
static void map_assignment(ijw_decl *d, char out[JR_REF_MAX])
{
    int64_t nr;
    if (!ijw_parse_int(d->nr, &nr)) {
        snprintf(out, JR_REF_MAX, "#%s", d->nr);
        return;
    }
    if (nr != d->last_nr || d->last_nr == 0) {
        char num[24];
        d->last_found = ijw_ref_assignment(d->im->ctx, d->nr, num, NULL);
        d->last_nr = nr;
        str_copy(d->last_number, sizeof d->last_number, d->last_found ? num : "");
    }
    if (d->last_found)
        str_copy(out, JR_REF_MAX, d->last_number);
    else
        snprintf(out, JR_REF_MAX, "#%lld", (long long)nr);
}

static jr_status spool_failed(const ijw_decl *d, jr_error *err)
{
    return jr_fail(err, JR_EIO, "ijw_spool", "",
                   "%s: de prestaties konden niet tijdelijk worden bewaard (%s); er is niets "
                   "verwerkt.",
                   d->im->name, errno ? strerror(errno) : "bestand ingekort");
}

/* hold: keeps prestatie l until the Clienten close; a full block of held
 * goes to the spool file first */
static jr_status hold(ijw_decl *d, const jr_decl_line *l, jr_error *err)
{
    if (!d->held && !(d->held = malloc(HOLD_LINES * sizeof *d->held)))
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    if (d->nheld == HOLD_LINES) {
        errno = 0;
        if (!d->spool && !(d->spool = tmpfile()))
            return spool_failed(d, err);
        if (fwrite(d->held, sizeof *d->held, HOLD_LINES, d->spool) != HOLD_LINES)
            return spool_failed(d, err);
        d->nheld = 0;
    }
    memcpy(&d->held[d->nheld++], l, sizeof *l);
    d->nhold++;
    return JR_OK;
}

/* add_line: one held prestatie into the session; a DeclaratieNummer
 * reused (9333) or an unknown provider refuses the message, not the line */
static jr_status add_line(ijw_decl *d, const jr_decl_line *l, jr_error *err)
{
    jr_error e;
    jr_error_clear(&e);
    jr_status rc = decl_session_add(d->sess, &d->batch, l, &e);
    if (rc == JR_OK)
        return JR_OK;
    if (rc == JR_EINVAL && strcmp(e.code, "9333") == 0) {
        d->decl_code = "9333";
        d->mode = D_REJECT;
        ijw_decl_abort(d);
        return JR_OK;
    }
    if (rc == JR_EINVAL && strcmp(e.code, "agb_unknown") == 0) {
        reject(d, "0001", "onbekende aanbieder");
        return JR_OK;
    }
    jr_error_take(err, &e);
    return rc;
}

/* add_held: the Clienten closed, every prestatie is known: tells the
 * session how many lines the batch holds, then adds them in order (a
 * refusal on the way ends it: reject drops the session and the spool) */
static jr_status add_held(ijw_decl *d, jr_error *err)
{
    decl_session_expect(d->sess, d->nhold);
    if (d->spool) {
        /* the last block joins the others; all are read back from the start */
        errno = 0;
        size_t n = (size_t)d->nheld;
        if (fwrite(d->held, sizeof *d->held, n, d->spool) != n || fflush(d->spool) != 0 ||
            fseek(d->spool, 0, SEEK_SET) != 0)
            return spool_failed(d, err);
        d->nheld = 0;
    }
    int64_t left = d->nhold;
    while (left > 0 && d->mode == D_PROCESS) {
        size_t n = (size_t)d->nheld;
        if (d->spool) {
            errno = 0;
            size_t want = left < HOLD_LINES ? (size_t)left : HOLD_LINES;
            if ((n = fread(d->held, sizeof *d->held, want, d->spool)) != want)
                return spool_failed(d, err);
        }
        for (size_t i = 0; i < n && d->mode == D_PROCESS; i++) {
            jr_status rc = add_line(d, &d->held[i], err);
            if (rc != JR_OK)
                return rc;
        }
        left -= (int64_t)n;
    }
    drop_held(d);
    return JR_OK;
}

static jr_status prestatie_done(ijw_decl *d, jr_error *err)
{
    jr_decl_line *l = &d->line;
    d->nlines++;
    d->sum += l->credit ? -l->amount : l->amount;
    if (d->mode != D_PROCESS)
        return JR_OK;
    if (!d->dates_ok) {
        reject(d, "0001", "een datum buiten 1900-2199");
        return JR_OK;
    }
    str_copy(l->bsn, sizeof l->bsn, d->bsn);
    map_assignment(d, l->assignment);
    if (!l->credit)
        l->credit_ref[0] = '\0'; /* CD060: only a credit names the debit */
    if (!d->has_tariff)
        l->tariff = -1;
    return hold(d, l, err);
}

jr_status ijw_decl_end(ijw_decl *d, int node, const char *v, size_t n, long line, jr_error *err)
{
    (void)n;
    (void)line;
    jr_decl_line *l = &d->line;
    int64_t x;
    switch (node) {
    case N323_Declaratie_Clienten_Client_Bsn:
        copy_val(d->bsn, sizeof d->bsn, v);
        break;
    case N323_Declaratie_Clienten_Client_Prestaties_Prestatie_ProductReferentie_ReferentieNummer:
        copy_val(l->ref, sizeof l->ref, v);
        break;
    case N323_Declaratie_Clienten_Client_Prestaties_Prestatie_ProductReferentie_VorigReferentieNummer:
        copy_val(l->credit_ref, sizeof l->credit_ref, v);
        break;
    case N323_Declaratie_Clienten_Client_Prestaties_Prestatie_ToewijzingNummer:
        copy_val(d->nr, sizeof d->nr, v);
        break;
    case N323_Declaratie_Clienten_Client_Prestaties_Prestatie_ProductCategorie:
        copy_val(l->category, sizeof l->category, v);
        break;
    case N323_Declaratie_Clienten_Client_Prestaties_Prestatie_ProductCode:
        copy_val(l->product, sizeof l->product, v);
        break;
    case N323_Declaratie_Clienten_Client_Prestaties_Prestatie_ProductPeriode_Begindatum:
        d->dates_ok = ijw_parse_date(v, &l->begin) && d->dates_ok;
        break;
    case N323_Declaratie_Clienten_Client_Prestaties_Prestatie_ProductPeriode_Einddatum:
        d->dates_ok = ijw_parse_date(v, &l->end) && d->dates_ok;
        break;
    case N323_Declaratie_Clienten_Client_Prestaties_Prestatie_GeleverdVolume:
        if (ijw_parse_int(v, &x))
            l->volume = x;
        break;
    case N323_Declaratie_Clienten_Client_Prestaties_Prestatie_Eenheid:
        copy_val(l->unit, sizeof l->unit, v);
        break;
    case N323_Declaratie_Clienten_Client_Prestaties_Prestatie_ProductTarief:
        if (ijw_parse_int(v, &x)) {
            l->tariff = x;
            d->has_tariff = true;
        }
        break;
    case N323_Declaratie_Clienten_Client_Prestaties_Prestatie_IngediendBedrag_Bedrag:
        if (ijw_parse_int(v, &x))
            l->amount = x;
        break;
    case N323_Declaratie_Clienten_Client_Prestaties_Prestatie_IngediendBedrag_DebetCredit:
        l->credit = v && v[0] == 'C';
        break;
    case N323_Declaratie_Clienten_Client_Prestaties_Prestatie:
        return prestatie_done(d, err);
    case N323_Declaratie_Clienten:
        return d->mode == D_PROCESS ? add_held(d, err) : JR_OK;
    default:
        break;
    }
    return JR_OK;
}

jr_status ijw_decl_finish(ijw_decl *d, jr_error *err)
{
    ijw_import *im = d->im;
    const jr_ctx *ctx = im->ctx;
    im->res->answer_msg = IJW_JW325;
    if (d->mode == D_REPLAY) {
        if (exchange_seen_of(d->known, d->known_hash, im->hash) == EXCHANGE_REPLAY)
            return ijw_replayed(im, IJW_JW323, d->known, err);
        im->header_code = "9056"; /* TR056: the Identificatie is taken */
        d->mode = D_REJECT;
    }
    int64_t batch_id = 0;
    if (d->mode == D_PROCESS) {
        int64_t signed_total = d->total_dc[0] == 'C' ? -d->total : d->total;
        if (signed_total != d->sum) {
            reject(d, "0001", "TotaalIngediendBedrag is niet de som van de prestaties");
        } else {
            jr_error e;
            jr_error_clear(&e);
            jr_status rc = decl_session_commit(d->sess, &e);
            if (rc == JR_EINVAL && strcmp(e.code, "9333") == 0) {
                /* the DeclaratieNummer came before with other content */
                d->decl_code = "9333";
                d->mode = D_REJECT;
                ijw_decl_abort(d);
            } else if (rc != JR_OK) {
                jr_error_take(err, &e);
                return rc;
            }
            const jr_decl_batch_summary *b = d->sess ? decl_session_batch(d->sess, 0) : NULL;
            batch_id = b ? b->batch_id : 0;
            if (b && b->replayed)
                str_copy(im->detail, sizeof im->detail,
                         "declaratie al eerder ontvangen met dezelfde inhoud");
        }
    }
    jr_status rc = exchange_new_ident(ctx, im->answer_ident, err);
    str_copy(im->res->answer_ident, sizeof im->res->answer_ident, im->answer_ident);
    im->decl_code = d->decl_code;
    im->decl_number = d->number;
    if (rc == JR_OK)
        rc = ijw_inbox_insert(im, IJW_JW323, d->mode == D_REJECT && d->known ? d->known : 0,
                              IJW_JW325, batch_id, d->number, d->total, d->total_dc, err);
    if (rc == JR_OK && d->decl_code)
        rc = exchange_set_decl_code(ctx, im->inbox_id, d->decl_code, err);
    if (rc == JR_OK)
        rc = ijw_write_jw325(ctx, im->inbox_id, im->sink, im->res, err);
    return ijw_end(im, IJW_JW323, rc, NULL, err);
}

/* ---- the JW325 ---- */

const char *ijw_jr_code_to_retour(const char *code)
{
    static const struct {
        const char *jr, *ijw;
    } map[] = {
        {"JR01", "8187"}, /* BSN fails the 11-check: not this client */
        {"JR02", "0001"}, /* volume not positive: technical */
        {"JR03", "0001"}, /* period in the future: technical */
        {"JR04", "0001"}, /* end before begin: technical */
        {"JR05", "9338"}, /* another municipality's assignment */
        {"JR06", "9069"}, /* outside the care period: no current start message */
        {"JR07", "0611"}, /* not contracted: no contractual tariff */
        {"JR08", "0611"}, /* two tariff periods: no single contractual tariff */
        {"JR09", "9361"}, /* two beds in one night: overlapping care periods */
        {"JR10", "9367"}, /* the credit differs from its debit */
        {"JR11", "9340"}, /* taakgericht: no product is declarable per youth */
        {"JR12", "9321"}, /* outputgericht: more than one stuk per period */
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i].jr, code) == 0)
            return map[i].ijw;
    return ijw_code_valid(ijw_stype_find("LDT_RetourCode"), code) ? code : "0001";
}

static void w_bedrag(ijw_writer *w, int node, int bedrag_node, int dc_node, int64_t cents)
{
    ijw_w_start(w, node);
    ijw_w_leaf_int(w, bedrag_node, cents < 0 ? -cents : cents);
    ijw_w_leaf(w, dc_node, cents < 0 ? "C" : "D");
    ijw_w_end(w);
}

#define P325(x) N325_DeclaratieAntwoord_Clienten_Client_Prestaties_Prestatie_##x

/* The Clienten of a JW325 as they are written, line by line. */
typedef struct {
    const jr_ctx *ctx;
    ijw_writer *w;
    ijw_result *res;
    char bsn[16];
    bool open, all_ok;
    jr_status rc;
    jr_error *err;
} clienten;

/* closes the Client open in c */
static void client_close(clienten *c)
{
    ijw_w_end(c->w); /* Prestaties */
    ijw_w_start(c->w, N325_DeclaratieAntwoord_Clienten_Client_RetourCodes);
    ijw_w_leaf(c->w, N325_DeclaratieAntwoord_Clienten_Client_RetourCodes_RetourCode, "0200");
    ijw_w_end(c->w);
    ijw_w_end(c->w); /* Client */
}

static int w_prestatie(void *ud, const void *row)
{
    clienten *c = ud;
    const store_decl_line_row *o = row;
    const jr_decl_line *l = &o->line;
    ijw_writer *w = c->w;
    if (w->failed)
        return 1;
    if (!c->open || strcmp(l->bsn, c->bsn) != 0) {
        if (c->open)
            client_close(c);
        str_copy(c->bsn, sizeof c->bsn, l->bsn);
        ijw_w_start(w, N325_DeclaratieAntwoord_Clienten_Client);
        ijw_w_leaf(w, N325_DeclaratieAntwoord_Clienten_Client_Bsn, c->bsn);
        ijw_w_start(w, N325_DeclaratieAntwoord_Clienten_Client_Prestaties);
        c->open = true;
    }
    ijw_w_start(w, N325_DeclaratieAntwoord_Clienten_Client_Prestaties_Prestatie);
    ijw_w_start(w, P325(ProductReferentie));
    ijw_w_leaf(w, P325(ProductReferentie_ReferentieNummer), l->ref);
    if (l->credit && l->credit_ref[0])
        ijw_w_leaf(w, P325(ProductReferentie_VorigReferentieNummer), l->credit_ref);
    ijw_w_end(w);
    char nr[24];
    if (o->assignment_id) {
        snprintf(nr, sizeof nr, "%lld", (long long)o->assignment_id);
    } else if (l->assignment[0] == '#') {
        str_copy(nr, sizeof nr, l->assignment + 1);
    } else {
        int64_t id = 0;
        jr_status rc = assignment_id_of(c->ctx, l->assignment, &id, c->err);
        if (rc != JR_OK && rc != JR_ENOTFOUND) {
            c->rc = rc;
            return 1;
        }
        snprintf(nr, sizeof nr, "%lld", (long long)id);
    }
    ijw_w_leaf(w, P325(ToewijzingNummer), nr);
    ijw_w_leaf(w, P325(ProductCategorie), l->category);
    ijw_w_leaf(w, P325(ProductCode), l->product);
    ijw_w_start(w, P325(ProductPeriode));
    char begin[JR_DATE_ISO_LEN], end[JR_DATE_ISO_LEN];
    ijw_w_leaf(w, P325(ProductPeriode_Begindatum), date_format(l->begin, begin));
    ijw_w_leaf(w, P325(ProductPeriode_Einddatum), date_format(l->end, end));
    ijw_w_end(w);
    ijw_w_leaf_int(w, P325(GeleverdVolume), l->volume);
    ijw_w_leaf(w, P325(Eenheid), l->unit);
    if (l->tariff >= 0)
        ijw_w_leaf_int(w, P325(ProductTarief), l->tariff);
    ijw_w_start(w, P325(IngediendBedrag));
    ijw_w_leaf_int(w, P325(IngediendBedrag_Bedrag), l->amount);
    ijw_w_leaf(w, P325(IngediendBedrag_DebetCredit), l->credit ? "C" : "D");
    ijw_w_end(w);
    const char *code = o->accepted ? "8001" : ijw_jr_code_to_retour(o->code);
    ijw_w_start(w, P325(RetourCodes));
    ijw_w_leaf(w, P325(RetourCodes_RetourCode), code);
    ijw_w_end(w);
    ijw_w_end(w); /* Prestatie */
    ijw_result_code(c->res, code);
    if (o->accepted)
        c->res->accepted++;
    else
        c->res->rejected++;
    c->all_ok = c->all_ok && o->accepted;
    return 0;
}

/* writes the Clienten of batch_id; *all_ok: every line accepted */
static jr_status w_clienten(const jr_ctx *ctx, ijw_writer *w, int64_t batch_id, ijw_result *res,
                            bool *all_ok, jr_error *err)
{
    clienten c = {ctx, w, res, "", false, true, JR_OK, err};
    ijw_w_start(w, N325_DeclaratieAntwoord_Clienten);
    jr_status rc = exchange_jw325_lines(ctx, batch_id, w_prestatie, &c, err);
    if (rc == JR_OK)
        rc = c.rc;
    if (rc != JR_OK)
        return rc;
    if (c.open)
        client_close(&c);
    ijw_w_end(w); /* Clienten */
    *all_ok = c.all_ok;
    return JR_OK;
}

jr_status ijw_write_jw325(const jr_ctx *ctx, int64_t inbox_id, ijw_sink *sink, ijw_result *res,
                          jr_error *err)
{
    store_inbox_decl s;
    jr_status rc = exchange_decl_of(ctx, inbox_id, &s, err);
    if (rc != JR_OK)
        return rc;
    ijw_writer w;
    if ((rc = ijw_w_open(&w, IJW_JW325, sink, err)) != JR_OK)
        goto fail;
    ijw_header in = {s.sender, s.receiver, s.ident, s.dagtekening, s.xsd_basis, s.xsd_bericht};
    const char *codes[1] = {s.header_code};
    ijw_w_header(&w, s.receiver, s.sender, s.answer_ident, s.answer_date, &in, codes,
                 s.header_code[0] ? 1 : 0);
    if (s.header_code[0]) {
        ijw_result_code(res, s.header_code);
    } else {
        int64_t granted = 0;
        if (s.batch_id) {
            jr_ctx sys = svc_system(ctx); /* the batch of the message logged */
            jr_batch b;
            if ((rc = batch_get(&sys, s.batch_id, &b, err)) != JR_OK) {
                ijw_w_abort(&w);
                goto fail;
            }
            granted = b.sum.accepted_amount;
        }
        ijw_w_start(&w, N325_DeclaratieAntwoord);
        ijw_w_leaf(&w, N325_DeclaratieAntwoord_DeclaratieNummer, s.number);
        w_bedrag(&w, N325_DeclaratieAntwoord_TotaalIngediendBedrag,
                 N325_DeclaratieAntwoord_TotaalIngediendBedrag_TotaalBedrag,
                 N325_DeclaratieAntwoord_TotaalIngediendBedrag_DebetCredit,
                 s.total_dc[0] == 'C' ? -s.total : s.total);
        w_bedrag(&w, N325_DeclaratieAntwoord_TotaalToegekendBedrag,
                 N325_DeclaratieAntwoord_TotaalToegekendBedrag_TotaalBedrag,
                 N325_DeclaratieAntwoord_TotaalToegekendBedrag_DebetCredit, granted);
        bool all_ok = false;
        if (!s.decl_code[0] && s.batch_id &&
            (rc = w_clienten(ctx, &w, s.batch_id, res, &all_ok, err)) != JR_OK) {
            ijw_w_abort(&w);
            goto fail;
        }
        const char *dcode = s.decl_code[0] ? s.decl_code : all_ok ? "8001" : "0200";
        ijw_w_start(&w, N325_DeclaratieAntwoord_RetourCodes);
        ijw_w_leaf(&w, N325_DeclaratieAntwoord_RetourCodes_RetourCode, dcode);
        ijw_w_end(&w);
        ijw_w_end(&w);
        if (s.decl_code[0])
            ijw_result_code(res, s.decl_code);
    }
    rc = ijw_w_close(&w, err);
fail:
    store_inbox_decl_free(&s);
    return rc;
}

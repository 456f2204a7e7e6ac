/*
 * msg_care.c: the JW305 start zorg and JW307 stop zorg a provider sends,
 * answered by the JW306 and JW308 retour (written by ijw.c from the codes
 * set here).
 *
 * Each StartProduct / StopProduct names its assignment by ToewijzingNummer
 * (the assignment's id) and must belong to the sender and the client's BSN
 * (else 9019: cannot be linked to an assignment). A stop names the start it
 * ends (Begindatum): no current start with that date is 9069. The rules are
 * the care service's (service/care.h), the same the CLI and the HTTP API
 * obey: StatusAanlevering 1 is care_start / care_stop (a stop following a
 * temporary one included), 2 a change, 3 a withdrawal, 9 nothing; a refusal
 * becomes the retourcode of its product and changes nothing. The client's
 * name and sex are kept for the JW301 (ijw_client_ok).
 */
#include "ijw_internal.h"

#include "../domain/care.h"
#include "../domain/ident.h"
#include "../service/assignment.h"
#include "../service/care.h"

#include <string.h>

/* the retourcode for a refusal by the care services */
static const char *care_code(const jr_error *e)
{
    static const struct {
        const char *err, *code;
    } map[] = {
        {"9063", "9063"},
        {"9071", "9071"},
        {"9385", "9385"},
        {"9413", "9413"},
        {"9414", "9414"},
        {"9415", "9415"},
        {"care_already_started", "9074"},
        {"care_not_started", "9069"},
        {"assignment_not_active", "9019"},
        {"assignment_unknown", "9019"},
        {"date_outside_assignment", "9019"},
        {"date_outside_care", "9069"},
        {"date_in_future", "0001"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i].err, e->code) == 0)
            return map[i].code;
    return "0001";
}

/* ijw_client_ok: the client of a JW305/JW307/JW315 (same layout): 11-check
 * and name */
bool ijw_client_ok(ijw_import *im, ijw_tnode *client, int bsn_node, int sex_node, int naam_node,
                   jr_error *err, jr_status *rc)
{
    const char *bsn = ijw_tn_val(client, bsn_node);
    *rc = JR_OK;
    if (!bsn || !bsn_valid(bsn)) {
        ijw_tn_code(client, "0001"); /* the BSN fails the 11-check */
        ijw_tn_mark(client, "0233");
        str_copy(im->detail, sizeof im->detail, "BSN voldoet niet aan de elfproef");
        return false;
    }
    ijw_tnode *naam = ijw_tn_child(client, naam_node);
    ijw_tnode *gn = naam ? naam->first : NULL; /* Geslachtsnaam: Achternaam, Voorvoegsel */
    const char *last = gn && gn->first ? gn->first->value : NULL;
    const char *prefix = gn && gn->first && gn->first->next ? gn->first->next->value : NULL;
    const char *initials = NULL;
    for (ijw_tnode *c = naam ? naam->first : NULL; c; c = c->next)
        if (strcmp(c->name, "Voorletters") == 0)
            initials = c->value;
    *rc = exchange_keep_client(im->ctx, bsn, ijw_tn_val(client, sex_node), last, prefix, initials,
                               err);
    return *rc == JR_OK;
}

/* the assignment a start/stop product names, or NULL with code 9019 set */
static bool link_assignment(ijw_import *im, ijw_tnode *prod, const char *nr, const char *bsn,
                            const char *cat, const char *code, const char *start, jr_assignment *a)
{
    int64_t id;
    jr_error e;
    jr_date d;
    if (!ijw_parse_int(nr, &id) || id <= 0 || assignment_by_id(&im->sys, id, a, &e) != JR_OK ||
        strcmp(a->agb, im->provider) != 0 || strcmp(a->bsn, bsn) != 0 ||
        strcmp(a->gemeente, im->gemeente) != 0 || (cat && strcmp(cat, a->grant.category) != 0) ||
        (code && strcmp(code, a->grant.product) != 0) ||
        (start && (!ijw_parse_date(start, &d) || d != a->grant.start))) {
        ijw_tn_code(prod, "9019");
        return false;
    }
    return true;
}

static void refused(ijw_tnode *prod, const jr_error *e)
{
    ijw_tn_code(prod, care_code(e));
}

#define SP(x) N305_Client_StartProducten_StartProduct_##x

jr_status ijw_process_jw305(ijw_import *im, jr_error *err)
{
    ijw_tnode *client = ijw_tn_child(ijw_tree_root(im->tree), N305_Client);
    jr_status rc;
    if (!ijw_client_ok(im, client, N305_Client_Bsn, N305_Client_Geslacht, N305_Client_Naam, err,
                       &rc))
        return rc;
    const char *bsn = ijw_tn_val(client, N305_Client_Bsn);
    ijw_tnode *list = ijw_tn_child(client, N305_Client_StartProducten);
    for (ijw_tnode *p = ijw_tn_child(list, N305_Client_StartProducten_StartProduct); p;
         p = ijw_tn_next(p)) {
        ijw_tnode *prod = ijw_tn_child(p, SP(Product));
        jr_assignment a;
        if (!link_assignment(im, p, ijw_tn_val(p, SP(ToewijzingNummer)), bsn,
                             ijw_tn_val(prod, SP(Product_Categorie)),
                             ijw_tn_val(prod, SP(Product_Code)),
                             ijw_tn_val(p, SP(ToewijzingIngangsdatum)), &a))
            continue;
        jr_date d;
        if (!ijw_parse_date(ijw_tn_val(p, SP(Begindatum)), &d)) {
            ijw_tn_code(p, "0001");
            continue;
        }
        const char *status = ijw_tn_val(p, SP(StatusAanlevering));
        jr_error e;
        jr_error_clear(&e);
        jr_status st = JR_OK;
        if (strcmp(status, "1") == 0)
            st = care_start(&im->sys, a.number, im->provider, d, &e);
        else if (strcmp(status, "2") == 0)
            st = care_start_change(&im->sys, a.number, im->provider, d, &e);
        else if (strcmp(status, "3") == 0)
            st = care_start_delete(&im->sys, a.number, im->provider, d, &e);
        if (st == JR_EDB || st == JR_ENOMEM) {
            jr_error_take(err, &e);
            return st;
        }
        if (st != JR_OK)
            refused(p, &e);
    }
    return JR_OK;
}

#define TP(x) N307_Client_StopProducten_StopProduct_##x

/* applies one StopProduct with StatusAanlevering status to assignment a */
static jr_status apply_stop(ijw_import *im, const jr_assignment *a, const char *status, jr_date end,
                            const char *reason, jr_error *e)
{
    if (strcmp(status, "1") == 0)
        return care_stop(&im->sys, a->number, im->provider, end, reason, e);
    if (strcmp(status, "2") == 0)
        return care_stop_change(&im->sys, a->number, im->provider, end, reason, e);
    if (strcmp(status, "3") == 0)
        return care_stop_delete(&im->sys, a->number, im->provider, end, e);
    return JR_OK;
}

jr_status ijw_process_jw307(ijw_import *im, jr_error *err)
{
    ijw_tnode *client = ijw_tn_child(ijw_tree_root(im->tree), N307_Client);
    jr_status rc;
    if (!ijw_client_ok(im, client, N307_Client_Bsn, N307_Client_Geslacht, N307_Client_Naam, err,
                       &rc))
        return rc;
    const char *bsn = ijw_tn_val(client, N307_Client_Bsn);
    ijw_tnode *list = ijw_tn_child(client, N307_Client_StopProducten);
    for (ijw_tnode *p = ijw_tn_child(list, N307_Client_StopProducten_StopProduct); p;
         p = ijw_tn_next(p)) {
        ijw_tnode *prod = ijw_tn_child(p, TP(Product));
        jr_assignment a;
        if (!link_assignment(im, p, ijw_tn_val(p, TP(ToewijzingNummer)), bsn,
                             ijw_tn_val(prod, TP(Product_Categorie)),
                             ijw_tn_val(prod, TP(Product_Code)),
                             ijw_tn_val(p, TP(ToewijzingIngangsdatum)), &a))
            continue;
        jr_date begin, end;
        if (!ijw_parse_date(ijw_tn_val(p, TP(Begindatum)), &begin) ||
            !ijw_parse_date(ijw_tn_val(p, TP(Einddatum)), &end)) {
            ijw_tn_code(p, "0001");
            continue;
        }
        if (a.care_start == JR_DATE_NONE || a.care_start != begin) {
            ijw_tn_code(p, "9069"); /* no current start with this key */
            continue;
        }
        jr_error e;
        jr_error_clear(&e);
        jr_status st = apply_stop(im, &a, ijw_tn_val(p, TP(StatusAanlevering)), end,
                                  ijw_tn_val(p, TP(RedenBeeindiging)), &e);
        if (st == JR_EDB || st == JR_ENOMEM) {
            jr_error_take(err, &e);
            return st;
        }
        if (st != JR_OK)
            refused(p, &e);
    }
    return JR_OK;
}

/*
 * decl.h: the checks on one declaration line (prestatie), as pure rules.
 *
 * The declaration service gathers the facts a line needs (its assignment,
 * what was accepted before, the provider's contracts) from the store, and
 * decl_check_line decides: accept, or the one reason code of the first check
 * the line fails. Codes are the iJw retourcodes where the standard has one
 * and the project's own JRnn codes otherwise; decl_code_message gives the
 * Dutch text of each. docs/codes.md lists them all.
 *
 * Units: a line's volume is in its own unit (01 minuut, 04 uur, 14 etmaal);
 * its tariff is per the product's catalog unit (per hour, per etmaal). Hours
 * are tracked in minutes so that minute and hour lines add up exactly.
 */
#ifndef JR_DECL_H
#define JR_DECL_H

#include "beds.h"
#include "catalog.h"

#include <stdbool.h>
#include <stdint.h>

#define JR_REF_MAX 41

/* The line as the provider sent it (already syntactically valid). */
typedef struct {
    char ref[JR_REF_MAX];        /* the line's own reference (ReferentieNummer) */
    char assignment[JR_REF_MAX]; /* ToewijzingNummer */
    char bsn[16];
    char category[4];
    char product[8];
    jr_date begin, end;
    int64_t volume;
    char unit[4];
    jr_cents tariff; /* per catalog unit of the product */
    jr_cents amount;
    bool credit;
    char credit_ref[JR_REF_MAX]; /* for a credit: the ref of the debit it cancels */
} jr_decl_line;

/* The batch the line came in. */
typedef struct {
    char number[JR_REF_MAX]; /* Declaratienummer, unique per provider */
    char agb[9];
    char gemeente[5];
    jr_month period;
    jr_date dagtekening;
} jr_decl_batch;

/* The assignment the line names, as stored. */
typedef struct {
    bool found; /* exists and belongs to the provider of the batch */
    char gemeente[5];
    char bsn[10];
    char category[3];
    char product[8]; /* "" for a budget assignment */
    bool is_budget;
    jr_cents budget; /* granted eurocents (is_budget) */
    jr_cents used;   /* eurocents accepted so far */
    int64_t volume;  /* granted units (!is_budget), in unit */
    char unit[3];
    int64_t used_base; /* accepted so far, in base units (minutes or etmalen) */
    jr_date start, end;
    jr_date care_start; /* JR_DATE_NONE until start zorg */
    jr_date care_stop;  /* JR_DATE_NONE until stop zorg */
    bool withdrawn;     /* RedenWijziging 13 */
} jr_decl_assignment;

/* Facts about history and contracts, looked up by the service. */
typedef struct {
    bool ref_accepted; /* a line with this ref was accepted before (8021) */
    bool debit_open;   /* an accepted, uncredited debit for the same assignment,
                          product and begin date exists (9389) */
    bool contracted;   /* the provider holds a contract for the product over begin..end */
    const jr_bed_line *other_beds; /* the youth's accepted, uncredited lines of unit 14 on
                                      other assignments in the same month (JR09) */
    unsigned nother_beds;
    /* credits only */
    bool credit_target_found;    /* an accepted debit with ref == credit_ref (8017) */
    bool credit_target_credited; /* and it was credited already (9390) */
    jr_decl_line credit_target;  /* that debit */
} jr_decl_facts;

typedef struct {
    bool accepted;
    const char *code; /* "8001" when accepted */
    const char *message;
    jr_cents amount;     /* signed effect on the ledger: +debit, -credit, 0 when rejected */
    int64_t volume_base; /* signed effect on used volume, in base units */
} jr_decl_result;

/* decl_same_batch: do two lines' headers name the same batch (number,
 * provider, municipality, period and dagtekening all equal)? */
bool decl_same_batch(const jr_decl_batch *a, const jr_decl_batch *b);

/* decl_check_line: runs every check in order and stops at the first failure. */
void decl_check_line(const jr_catalog *cat, const jr_decl_batch *batch, const jr_decl_line *line,
                     const jr_decl_assignment *asg, const jr_decl_facts *facts, jr_date today,
                     jr_decl_result *out);

/* decl_expected_amount: volume x tariff for the unit, rounded half up to the cent. */
jr_cents decl_expected_amount(int64_t volume, const char *unit, jr_cents tariff);
/* unit_base_factor: base units per unit: 60 for "04" (minutes per hour), 1 otherwise. */
int64_t unit_base_factor(const char *unit);
/* unit_fits: may a line in line_unit be declared on a product priced per product_unit? */
bool unit_fits(const char *line_unit, const char *product_unit);

/* decl_code_after_history: does code come from a check ordered after the
 * history checks (8021 reference seen, 9389 open debit)? Then a line
 * rejected with it must be checked again with its history known. */
bool decl_code_after_history(const char *code);

/* decl_code_message: the Dutch message for a reason code, "" when unknown. */
const char *decl_code_message(const char *code);

/* Every reason code, for documentation and tests. */
typedef struct {
    const char *code;
    const char *message;
    bool ijw; /* an iJw retourcode, or one of the project's own */
} jr_decl_code;
const jr_decl_code *decl_codes(int *n);

#endif

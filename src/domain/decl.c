/*
 * decl.c: the declaration line checks and their reason codes.
 *
 * The order of the checks is the order of the table in decl_check_line: a
 * line gets the first code it fails, so the provider fixes the most basic
 * fault first. Messages of iJw codes follow the standard's wording.
 */
#include "decl.h"

#include "ident.h"

#include <string.h>

static const jr_decl_code codes[] = {
    {"8001", "Prestatie is geaccepteerd.", true},
    {"8017", "Van deze credit prestatie is geen debet prestatie bekend.", true},
    {"8021", "Referentienummer prestatie is reeds aangeleverd.", true},
    {"8187", "De prestatie hoort niet bij deze client.", true},
    {"8848", "Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen.", true},
    {"9307", "Begindatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing.",
     true},
    {"9308", "Einddatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing.", true},
    {"9319", "De ProductPeriode valt niet geheel binnen een DeclaratiePeriode.", true},
    {"9321", "Het ingediende volume overschrijdt het toegewezen volume.", true},
    {"9322", "De som van de ingediende volumes overschrijdt het toegewezen volume.", true},
    {"9333", "Declaratienummer is niet uniek.", true},
    {"9338",
     "De prestatie is niet gerelateerd aan een toewijzing van deze aanbieder "
     "(ToewijzingNummer).",
     true},
    {"9339",
     "ProductCategorie in de prestatie is niet gelijk aan ProductCategorie in de "
     "toewijzing.",
     true},
    {"9340", "ProductCode in de prestatie is niet gelijk aan ProductCode in de toewijzing.", true},
    {"9341", "Eenheid in de prestatie past niet bij de eenheid in de toewijzing.", true},
    {"9346",
     "IngediendBedrag is niet gelijk aan GeleverdVolume vermenigvuldigd met het "
     "ProductTarief.",
     true},
    {"9369", "De som van de ingediende prestaties past niet binnen het toegewezen budget.", true},
    {"9384", "Declaratie op een toewijzing die is verwijderd (RedenWijziging 13).", true},
    {"9387",
     "Begindatum van de ProductPeriode is niet de eerste dag van de maand en de "
     "toewijzing begint niet later in die maand.",
     true},
    {"9388",
     "Einddatum van de ProductPeriode is niet de laatste dag van de maand en de "
     "toewijzing eindigt niet eerder in die maand.",
     true},
    {"9389",
     "Er is al een geaccepteerde debetprestatie voor deze toewijzing, dit product en "
     "deze periode zonder bijbehorende creditprestatie.",
     true},
    {"9390", "Er is al een creditprestatie voor deze debetprestatie.", true},
    {"0611", "Het ingediende tarief komt niet overeen met het contractuele tarief.", true},
    {"S300", "Gemeentecode komt niet voor in de regio.", true},
    {"S329", "ProductCode hoort niet bij de ProductCategorie of staat niet in de catalogus.", true},
    {"JR01", "BSN voldoet niet aan de elfproef.", false},
    {"JR02", "Het geleverde volume moet groter dan nul zijn.", false},
    {"JR03", "De ProductPeriode ligt (deels) in de toekomst.", false},
    {"JR04", "De einddatum van de ProductPeriode ligt voor de begindatum.", false},
    {"JR05", "De toewijzing hoort bij een andere gemeente dan die van de declaratie.", false},
    {"JR06", "De prestatie valt buiten de zorgperiode (voor start zorg of na stop zorg).", false},
    {"JR07", "De aanbieder is op deze datums niet gecontracteerd voor dit product.", false},
    {"JR08", "De ProductPeriode valt in twee tariefperiodes; splits de prestatie.", false},
    {"JR09",
     "De etmalen passen niet in de nachten van de periode: meer etmalen dan nachten, of de "
     "nachten overlappen met een ander bed van deze jeugdige in deze periode.",
     false},
    {"JR10", "De creditprestatie wijkt af van de debetprestatie die zij crediteert.", false},
    {"JR11",
     "Taakgericht product: er wordt niet per jeugdige gedeclareerd; de partner krijgt een "
     "taakbudget in termijnen.",
     false},
    {"JR12", "Outputgericht product: declareer één stuk per maand of per traject.", false},
};

const jr_decl_code *decl_codes(int *n)
{
    *n = (int)(sizeof codes / sizeof codes[0]);
    return codes;
}

const char *decl_code_message(const char *code)
{
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (strcmp(codes[i].code, code) == 0)
            return codes[i].message;
    return "";
}

bool decl_code_after_history(const char *code)
{
    static const char *const later[] = {"JR09", "9321", "9322", "9369"};
    for (size_t i = 0; i < sizeof later / sizeof later[0]; i++)
        if (strcmp(code, later[i]) == 0)
            return true;
    return false;
}

int64_t unit_base_factor(const char *unit)
{
    return strcmp(unit, "04") == 0 ? 60 : 1;
}

bool unit_fits(const char *line_unit, const char *product_unit)
{
    if (strcmp(line_unit, product_unit) == 0)
        return true;
    return strcmp(product_unit, "04") == 0 && strcmp(line_unit, "01") == 0;
}

jr_cents decl_expected_amount(int64_t volume, const char *unit, jr_cents tariff)
{
    if (strcmp(unit, "01") == 0)
        return money_mul_div(volume, tariff, 60); /* minutes at an hourly tariff */
    return money_mul_div(volume, tariff, 1);
}

/* base units of volume in unit, for a product priced per product_unit */
static int64_t to_base(int64_t volume, const char *unit)
{
    return volume * unit_base_factor(unit);
}

static void reject(jr_decl_result *out, const char *code)
{
    out->accepted = false;
    out->code = code;
    out->message = decl_code_message(code);
    out->amount = 0;
    out->volume_base = 0;
}

bool decl_same_batch(const jr_decl_batch *a, const jr_decl_batch *b)
{
    return a->period == b->period && a->dagtekening == b->dagtekening &&
           strcmp(a->number, b->number) == 0 && strcmp(a->agb, b->agb) == 0 &&
           strcmp(a->gemeente, b->gemeente) == 0;
}

static bool same_content(const jr_decl_line *a, const jr_decl_line *b)
{
    return strcmp(a->assignment, b->assignment) == 0 && strcmp(a->product, b->product) == 0 &&
           strcmp(a->category, b->category) == 0 && a->begin == b->begin && a->end == b->end &&
           a->volume == b->volume && strcmp(a->unit, b->unit) == 0 && a->amount == b->amount &&
           a->tariff == b->tariff && strcmp(a->bsn, b->bsn) == 0;
}

void decl_check_line(const jr_catalog *cat, const jr_decl_batch *batch, const jr_decl_line *line,
                     const jr_decl_assignment *asg, const jr_decl_facts *facts, jr_date today,
                     jr_decl_result *out)
{
    const jr_product *p = catalog_product(cat, line->product);

    /* message-level and syntax rules */
    if (batch->dagtekening > today)
        return reject(out, "8848");
    if (catalog_municipality(cat, batch->gemeente) == NULL)
        return reject(out, "S300");
    if (!bsn_valid(line->bsn))
        return reject(out, "JR01");
    if (p == NULL || strcmp(p->category, line->category) != 0)
        return reject(out, "S329");
    if (!product_billable(p))
        return reject(out, "JR11");
    if (line->volume <= 0)
        return reject(out, "JR02");
    if (p->funding == JR_FUND_OUTPUT && line->volume != 1)
        return reject(out, "JR12");
    if (line->end < line->begin)
        return reject(out, "JR04");
    if (line->end > today)
        return reject(out, "JR03");
    if (date_month(line->begin) != batch->period || date_month(line->end) != batch->period)
        return reject(out, "9319");

    /* the assignment */
    if (!asg->found)
        return reject(out, "9338");
    if (strcmp(asg->gemeente, batch->gemeente) != 0)
        return reject(out, "JR05");
    if (asg->withdrawn)
        return reject(out, "9384");
    if (strcmp(asg->bsn, line->bsn) != 0)
        return reject(out, "8187");

    if (line->credit) {
        if (facts->ref_accepted)
            return reject(out, "8021");
        if (!facts->credit_target_found)
            return reject(out, "8017");
        if (facts->credit_target_credited)
            return reject(out, "9390");
        if (!same_content(line, &facts->credit_target))
            return reject(out, "JR10");
        out->accepted = true;
        out->code = "8001";
        out->message = decl_code_message("8001");
        out->amount = -line->amount;
        out->volume_base = -to_base(line->volume, line->unit);
        return;
    }

    if (strcmp(asg->category, line->category) != 0)
        return reject(out, "9339");
    if (asg->is_budget ? p->kind != JR_PK_FUNCTIEGROEP : strcmp(asg->product, line->product) != 0)
        return reject(out, "9340");
    if (!unit_fits(line->unit, p->unit) || (!asg->is_budget && !unit_fits(line->unit, asg->unit)))
        return reject(out, "9341");
    if (line->begin < asg->start || line->begin > asg->end)
        return reject(out, "9307");
    if (line->end < asg->start || line->end > asg->end)
        return reject(out, "9308");
    /* the product period covers the whole month, unless the assignment or the
       care begins or ends inside it */
    jr_month m = batch->period;
    jr_date from = asg->start, until = asg->end;
    if (asg->care_start != JR_DATE_NONE && asg->care_start > from)
        from = asg->care_start;
    if (asg->care_stop != JR_DATE_NONE && asg->care_stop < until)
        until = asg->care_stop;
    if (line->begin != month_first_day(m) && !(from > month_first_day(m)))
        return reject(out, "9387");
    if (line->end != month_last_day(m) && !(until < month_last_day(m)))
        return reject(out, "9388");
    if (asg->care_start == JR_DATE_NONE || line->begin < asg->care_start ||
        (asg->care_stop != JR_DATE_NONE && line->end > asg->care_stop))
        return reject(out, "JR06");
    if (!facts->contracted)
        return reject(out, "JR07");
    /* the provider's own price where the region sets one (outputgericht) */
    const jr_price *prices;
    int nprices;
    product_prices_for(cat, p, batch->agb, &prices, &nprices);
    if (!price_single_period(prices, nprices, line->begin, line->end))
        return reject(out, "JR08");
    jr_cents tariff;
    if (!price_at(prices, nprices, line->begin, &tariff) || tariff != line->tariff)
        return reject(out, "0611");
    if (decl_expected_amount(line->volume, line->unit, line->tariff) != line->amount)
        return reject(out, "9346");
    if (facts->ref_accepted)
        return reject(out, "8021");
    if (facts->debit_open)
        return reject(out, "9389");
    int64_t base = to_base(line->volume, line->unit);
    /* never two beds on one night, which includes no more etmalen than nights (beds.h) */
    jr_bed_line bed = {line->begin, line->end, line->volume};
    if (p->kind == JR_PK_INTENSITY && !beds_fit(&bed, facts->other_beds, facts->nother_beds, NULL))
        return reject(out, "JR09");
    if (!asg->is_budget) {
        int64_t granted = to_base(asg->volume, asg->unit);
        if (base > granted)
            return reject(out, "9321");
        if (asg->used_base + base > granted)
            return reject(out, "9322");
    } else if (asg->used + line->amount > asg->budget) {
        return reject(out, "9369");
    }
    out->accepted = true;
    out->code = "8001";
    out->message = decl_code_message("8001");
    out->amount = line->amount;
    out->volume_base = base;
}

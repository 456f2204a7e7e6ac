/*
 * tariff.c: the tariff model's build-up and the yearly indexation (see
 * tariff.h). Pure: no I/O, no allocation.
 */
#include "tariff.h"

#include <string.h>

#define FGF(key, label, unit, lo, hi)                                                              \
    {                                                                                              \
#key, label, unit, lo, hi, offsetof(jr_tariff_fg_norm, key)                                \
    }
#define INF(key, label, unit, lo, hi)                                                              \
    {                                                                                              \
#key, label, unit, lo, hi, offsetof(jr_tariff_int_norm, key)                               \
    }

static const jr_tariff_field fg_fields[] = {
    FGF(scale, "CAO-salarisschaal", JR_TU_COUNT, 1, 30),
    FGF(step, "trede in de schaal", JR_TU_COUNT, 0, 40),
    FGF(monthly_salary, "bruto maandsalaris", JR_TU_CENTS, 100000, 2500000),
    FGF(holiday_bp, "vakantietoeslag", JR_TU_BP, 0, 2000),
    FGF(year_end_bp, "eindejaarsuitkering", JR_TU_BP, 0, 2000),
    FGF(employer_bp, "werkgeverslasten", JR_TU_BP, 0, 6000),
    FGF(hours_per_fte, "directe clienturen per FTE per jaar", JR_TU_HOURS, 100, 2080),
    FGF(overhead_bp, "overhead", JR_TU_BP, 0, 10000),
    FGF(other_costs, "overige clientgebonden kosten per uur", JR_TU_CENTS, 0, 100000),
};
static const jr_tariff_field int_fields[] = {
    INF(fte_x100, "personeel per groep (FTE)", JR_TU_FTE100, 1, 10000),
    INF(group_size, "plaatsen per groep", JR_TU_COUNT, 1, 100),
    INF(overhead_bp, "overhead", JR_TU_BP, 0, 10000),
    INF(other_costs, "overige clientgebonden kosten per plaats per jaar", JR_TU_CENTS, 0,
        100000000),
    INF(accommodation, "huisvesting per plaats per jaar", JR_TU_CENTS, 0, 100000000),
    INF(occupancy_bp, "bezetting", JR_TU_BP, 1000, 10000),
};

const jr_tariff_field *tariff_fg_fields(int *n)
{
    *n = (int)(sizeof fg_fields / sizeof fg_fields[0]);
    return fg_fields;
}

const jr_tariff_field *tariff_int_fields(int *n)
{
    *n = (int)(sizeof int_fields / sizeof int_fields[0]);
    return int_fields;
}

const jr_tariff_field *tariff_field_find(const jr_tariff_field *fields, int n, const char *key)
{
    for (int i = 0; key && i < n; i++)
        if (strcmp(fields[i].key, key) == 0)
            return &fields[i];
    return NULL;
}

/* add: appends one step whose result is result */
static jr_cents add(jr_tariff_build *b, const char *key, const char *label, const char *norm_key,
                    jr_tariff_unit unit, int64_t norm, jr_cents value, jr_cents result,
                    bool rounded)
{
    if (b->n < JR_TARIFF_MAX_STEPS) {
        jr_tariff_step *s = &b->s[b->n++];
        s->key = key;
        s->label = label;
        s->norm_key = norm_key;
        s->norm_unit = unit;
        s->norm = norm;
        s->value = value;
        s->value_unit = JR_TU_CENTS;
        s->result = result;
        s->rounded = rounded;
    }
    b->tariff = result;
    return result;
}

jr_cents tariff_fg_cost_per_fte(const jr_tariff_fg_norm *n)
{
    jr_cents year = n->monthly_salary * 12;
    jr_cents gross = year + money_mul_div(year, n->holiday_bp, 10000) +
                     money_mul_div(year, n->year_end_bp, 10000);
    return gross + money_mul_div(gross, n->employer_bp, 10000);
}

void tariff_build_fg(const jr_tariff_fg_norm *n, jr_tariff_build *b)
{
    memset(b, 0, sizeof *b);
    jr_cents year = n->monthly_salary * 12;
    add(b, "salaris_jaar", "Jaarsalaris: bruto maandsalaris x 12", "monthly_salary", JR_TU_CENTS,
        n->monthly_salary, year, year, false);
    jr_cents hol = money_mul_div(year, n->holiday_bp, 10000);
    add(b, "vakantietoeslag", "Vakantietoeslag over het jaarsalaris", "holiday_bp", JR_TU_BP,
        n->holiday_bp, hol, year + hol, true);
    jr_cents eju = money_mul_div(year, n->year_end_bp, 10000);
    jr_cents gross = year + hol + eju;
    add(b, "eindejaarsuitkering", "Eindejaarsuitkering over het jaarsalaris", "year_end_bp",
        JR_TU_BP, n->year_end_bp, eju, gross, true);
    add(b, "brutoloon", "Brutoloon per FTE per jaar", "", JR_TU_NONE, 0, gross, gross, false);
    jr_cents charges = money_mul_div(gross, n->employer_bp, 10000);
    jr_cents cost = gross + charges;
    add(b, "werkgeverslasten", "Werkgeverslasten over het brutoloon", "employer_bp", JR_TU_BP,
        n->employer_bp, charges, cost, true);
    add(b, "loonkosten_fte", "Loonkosten per FTE per jaar", "", JR_TU_NONE, 0, cost, cost, false);
    jr_cents per_hour = money_mul_div(cost, 1, n->hours_per_fte);
    add(b, "personeel_uur", "Personeelskosten per directe clientuur (loonkosten / uren)",
        "hours_per_fte", JR_TU_HOURS, n->hours_per_fte, per_hour, per_hour, true);
    jr_cents oh = money_mul_div(per_hour, n->overhead_bp, 10000);
    add(b, "overhead", "Overhead over de personeelskosten per uur", "overhead_bp", JR_TU_BP,
        n->overhead_bp, oh, per_hour + oh, true);
    add(b, "clientkosten", "Overige clientgebonden kosten per uur", "other_costs", JR_TU_CENTS,
        n->other_costs, n->other_costs, per_hour + oh + n->other_costs, false);
    add(b, "tarief_uur", "Uurtarief", "", JR_TU_NONE, 0, per_hour + oh + n->other_costs,
        per_hour + oh + n->other_costs, false);
}

void tariff_build_int(const jr_tariff_int_norm *n, const jr_tariff_fg_norm *staff,
                      jr_tariff_build *b)
{
    memset(b, 0, sizeof *b);
    jr_cents fte = tariff_fg_cost_per_fte(staff);
    add(b, "loonkosten_fte", "Loonkosten per FTE per jaar van de functiegroep van het personeel",
        "staff_fg", JR_TU_NONE, 0, fte, fte, false);
    jr_cents group = money_mul_div(fte, n->fte_x100, 100);
    add(b, "personeel_groep", "Personeelskosten per groep per jaar (loonkosten x FTE)", "fte_x100",
        JR_TU_FTE100, n->fte_x100, group, group, true);
    jr_cents oh = money_mul_div(group, n->overhead_bp, 10000);
    add(b, "overhead", "Overhead over de personeelskosten van de groep", "overhead_bp", JR_TU_BP,
        n->overhead_bp, oh, group + oh, true);
    jr_cents place = money_mul_div(group + oh, 1, n->group_size);
    add(b, "personeel_plaats", "Personeel en overhead per plaats per jaar (groep / plaatsen)",
        "group_size", JR_TU_COUNT, n->group_size, place, place, true);
    add(b, "clientkosten", "Overige clientgebonden kosten per plaats per jaar", "other_costs",
        JR_TU_CENTS, n->other_costs, n->other_costs, place + n->other_costs, false);
    jr_cents total = place + n->other_costs + n->accommodation;
    add(b, "huisvesting", "Huisvesting per plaats per jaar", "accommodation", JR_TU_CENTS,
        n->accommodation, n->accommodation, total, false);
    add(b, "kosten_plaats", "Kosten per plaats per jaar", "", JR_TU_NONE, 0, total, total, false);
    /* the billed etmalen per place, in hundredths (shown only: the tariff
     * divides by 365 x occupancy once) */
    add(b, "etmalen_plaats", "Gedeclareerde etmalen per plaats per jaar (365 x bezetting)",
        "occupancy_bp", JR_TU_BP, n->occupancy_bp, 0, total, false);
    b->s[b->n - 1].value = 365 * n->occupancy_bp / 100; /* hundredths of an etmaal, floor */
    b->s[b->n - 1].value_unit = JR_TU_DAYS100;
    jr_cents tariff = money_mul_div(total, 10000, 365 * n->occupancy_bp);
    add(b, "tarief_etmaal", "Tarief per etmaal (kosten per plaats / etmalen)", "", JR_TU_NONE, 0,
        tariff, tariff, true);
}

int64_t tariff_index_e8(const jr_tariff_norms *norms)
{
    if (norms->method == JR_TI_VNG)
        return 100000000 + norms->wage_weight_bp * norms->ova_bp +
               (10000 - norms->wage_weight_bp) * norms->pcc_bp;
    return 100000000 + norms->ova_bp * 10000;
}

jr_cents tariff_index_apply(jr_cents cents, const jr_tariff_norms *norms)
{
    return money_mul_div(cents, tariff_index_e8(norms), 100000000);
}

int64_t tariff_per_mille(jr_cents diff, jr_cents base)
{
    return base > 0 ? money_mul_div(diff, 1000, base) : 0;
}

const char *tariff_index_method_name(jr_tariff_index_method m)
{
    return m == JR_TI_VNG ? "vng" : "ova";
}

bool tariff_index_method_parse(const char *s, jr_tariff_index_method *out)
{
    if (s && strcmp(s, "ova") == 0)
        *out = JR_TI_OVA;
    else if (s && strcmp(s, "vng") == 0)
        *out = JR_TI_VNG;
    else
        return false;
    return true;
}

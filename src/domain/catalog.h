/*
 * catalog.h: a region's catalog as plain data, and the pure look-ups on it.
 *
 * The catalog is configuration, not code: src/config/region.c fills a
 * jr_catalog from a region file (config/ijsselland.json is shipped) and
 * validates it. Everything here only reads. Prices carry validity periods
 * so that tariffs of several years live side by side; a year without its
 * own figure is derived by OVA indexation at load time (price.derived).
 *
 * Product codes and categories follow the iJw code lists: category 45
 * ambulant (45F01..45F07 functiegroep hours, 45D01 ernstige dyslexie),
 * 43/44 verblijf with/without treatment (one code per intensity), 46 crisis.
 */
#ifndef JR_CATALOG_H
#define JR_CATALOG_H

#include "date.h"
#include "money.h"
#include "signals.h"

#include <stdbool.h>
#include <stdint.h>

#define JR_MAX_PRICES 24
#define JR_MAX_MUNICIPALITIES 64
#define JR_MAX_BUDGETS 16
#define JR_MAX_PRODUCTS 64
#define JR_MAX_REFERRERS 16
#define JR_MAX_LOTS 16
#define JR_MAX_LOT_PRODUCTS 32
#define JR_MAX_INDEX 32

/* One price (tariff or budget amount) valid from..to, both inclusive. */
typedef struct {
    jr_date from;
    jr_date to; /* JR_DATE_NONE: open-ended */
    jr_cents cents;
    bool derived; /* computed by OVA indexation, not set by the region */
} jr_price;

typedef enum {
    JR_PK_FUNCTIEGROEP = 0, /* ambulant hours of one functiegroep, billed under a budget */
    JR_PK_INTENSITY,        /* wonen/verblijf per etmaal */
    JR_PK_CRISIS,           /* crisis intervention */
    JR_PK_DYSLEXIE,         /* ernstige dyslexie */
} jr_product_kind;

typedef struct {
    char code[8];        /* iJw product code, e.g. "45F02" */
    char category[3];    /* iJw product category, e.g. "45" */
    char short_code[12]; /* the region's own name for it, e.g. "FG2", "WMIDDEN" */
    char name[96];
    jr_product_kind kind;
    char unit[3]; /* iJw LDT_Eenheid of its tariff: "04" uur, "14" etmaal */
    /* intensities only */
    char setting[10]; /* "wonen" or "verblijf" */
    char form[24];    /* pleegzorg, gezinshuis, leefgroep, behandelbed */
    bool parttime;    /* also deliverable part-time (logeren/respijt) */
    /* crisis only: the longest an assignment may run, in days */
    int32_t max_days;
    int nprices;
    jr_price prices[JR_MAX_PRICES];
} jr_product;

typedef struct {
    char code[8]; /* "KB1".."KB7" */
    char result[160];
    int32_t max_months;
    int namounts;
    jr_price amounts[JR_MAX_PRICES];
} jr_budget;

typedef struct {
    char cbs[5];
    char name[48];
    int32_t youth_population;
} jr_municipality;

/* Which routes one referrer type may use. */
typedef struct {
    char type[3]; /* iJw LDT_TypeVerwijzer, e.g. "01" gemeente, "02" huisarts */
    char name[48];
    bool all_budgets;
    int nbudgets;
    char budgets[JR_MAX_BUDGETS][8];
    bool quote;
    bool verblijf;
    bool crisis;
    bool dyslexie;
} jr_referrer_rule;

typedef struct {
    char code[16];
    char name[96];
    int nproducts;
    char products[JR_MAX_LOT_PRODUCTS][8];
} jr_lot;

typedef struct {
    int32_t year;
    int32_t basis_points; /* OVA of that year: 385 = 3.85 % */
} jr_index;

typedef struct jr_catalog {
    char region[48];
    char organisation[96];
    char variant[24]; /* inspanningsgericht, outputgericht, taakgericht */
    char source[256]; /* the file it was loaded from */
    int nmunicipalities;
    jr_municipality municipalities[JR_MAX_MUNICIPALITIES];
    int nbudgets;
    jr_budget budgets[JR_MAX_BUDGETS];
    int nproducts;
    jr_product products[JR_MAX_PRODUCTS];
    int nreferrers;
    jr_referrer_rule referrers[JR_MAX_REFERRERS];
    jr_referrer_rule default_referrer; /* for types not listed */
    int nlots;
    jr_lot lots[JR_MAX_LOTS];
    int nindex;
    jr_index index[JR_MAX_INDEX];
    /* the smallest group of youths an aggregate figure shows (the region
     * file's small_group_threshold); 0 in a catalog not loaded from a file:
     * catalog_small_group_threshold gives JR_SMALL_GROUP_DEFAULT then */
    int32_t small_group_threshold;
    jr_signal_limits signals; /* the control signals' thresholds (defaults when absent) */
} jr_catalog;

/* catalog_small_group_threshold: the region's small-group threshold, or
 * JR_SMALL_GROUP_DEFAULT (domain/stats.h) when the catalog sets none. */
int64_t catalog_small_group_threshold(const jr_catalog *cat);
const jr_municipality *catalog_municipality(const jr_catalog *cat, const char *cbs);
const jr_product *catalog_product(const jr_catalog *cat, const char *code);
/* catalog_product_by_short: by the region's own code ("FG2"), or the iJw code. */
const jr_product *catalog_product_by_short(const jr_catalog *cat, const char *code);
const jr_budget *catalog_budget(const jr_catalog *cat, const char *code);
/* catalog_referrer: the rule for a referrer type; the default rule when the type is not listed. */
const jr_referrer_rule *catalog_referrer(const jr_catalog *cat, const char *type);
/* catalog_lot_of: the first lot that holds product code, or NULL. */
const jr_lot *catalog_lot_of(const jr_catalog *cat, const char *product_code);
bool catalog_lot_has(const jr_lot *lot, const char *product_code);

/* price_at: the price valid on date; false when none is. */
bool price_at(const jr_price *prices, int n, jr_date date, jr_cents *out);
/* price_single_period: true when from..to lies inside one price period, so one
 * tariff applies to the whole span. */
bool price_single_period(const jr_price *prices, int n, jr_date from, jr_date to);

/* product_tariff: the tariff of a product on date (per its unit). */
bool product_tariff(const jr_product *p, jr_date date, jr_cents *out);
/* budget_amount: the amount of a keuzebudget on date. */
bool budget_amount(const jr_budget *b, jr_date date, jr_cents *out);

/* unit_name: Dutch name of an iJw unit code ("uur", "etmaal", ...), "" when unknown. */
const char *unit_name(const char *unit);
const char *product_kind_name(jr_product_kind k);

#endif

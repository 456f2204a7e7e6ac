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
 *
 * Each product has its own iJw funding variant (uitvoeringsvariant,
 * docs/funding.md): inspanningsgericht (p*q: volume or budget, delivered
 * units x tariff), outputgericht (a product or profile at a fixed price per
 * period or per trajectory, unit 82 stuks; optionally a price per provider)
 * or taakgericht (nothing billed per youth: a partner gets a yearly task
 * budget paid in terms). The region's "variant" is the default of products
 * that name none.
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
#define JR_MAX_PROVIDER_PRICES 128
#define JR_MAX_TASK_BUDGETS 512
#define JR_MAX_PARTNERS 16
#define JR_MAX_SUBCONTRACTORS 24
#define JR_MAX_KPIS 24
#define JR_MAX_EVALUATIONS 8

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
    JR_PK_PRODUCT,          /* any other product of the region file's "products" list:
                               assigned by its code (route product), funded per its variant */
} jr_product_kind;

/* The iJw funding variants (uitvoeringsvarianten). */
typedef enum {
    JR_FUND_INSPANNING = 0, /* inspanningsgericht: delivered units x tariff */
    JR_FUND_OUTPUT,         /* outputgericht: a fixed price per period or trajectory */
    JR_FUND_TAAK,           /* taakgericht: no per-youth billing, a yearly task budget */
} jr_funding;

/* The price period of an outputgericht product. */
typedef enum {
    JR_OUT_NONE = 0, /* not outputgericht */
    JR_OUT_MONTH,    /* one stuk per calendar month of care ("maand") */
    JR_OUT_TRAJECT,  /* one stuk for the whole trajectory ("traject") */
} jr_output_period;

typedef struct {
    char code[8];        /* iJw product code, e.g. "45F02" */
    char category[3];    /* iJw product category, e.g. "45" */
    char short_code[12]; /* the region's own name for it, e.g. "FG2", "WMIDDEN" */
    char name[96];
    jr_product_kind kind;
    char unit[3]; /* iJw LDT_Eenheid of its tariff: "04" uur, "14" etmaal */
    jr_funding funding;
    /* intensities only */
    char setting[10]; /* "wonen" or "verblijf" */
    char form[32];    /* pleegzorg, gezinshuis, leefgroep, behandelbed, crisisbed, ... */
    /* crisis only: the longest an assignment may run, in days */
    int32_t max_days;
    /* products list (JR_PK_PRODUCT) only */
    jr_output_period period; /* outputgericht: per month or per trajectory */
    int32_t max_months;      /* the longest an assignment may run (default 12) */
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
    bool all_products; /* route product: every product of the products list */
    int nproducts;
    char products[JR_MAX_PRODUCTS][8]; /* route product: these iJw codes */
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

/* A price of one product for one provider (outputgericht, IJsselland's old
 * top segment: a price per profile per provider); it takes precedence over
 * the product's own tariff for that provider. */
typedef struct {
    char product[8]; /* iJw product code */
    char agb[9];
    int nprices;
    jr_price prices[JR_MAX_PRICES];
} jr_provider_price;

/* A yearly task budget (taakgericht): what one partner gets for one
 * product (the task) from one municipality in one year, paid in equal
 * terms (the remainder of the division in the last term). */
typedef struct {
    char partner[9]; /* AGB of the partner (hoofdaannemer) */
    char product[8]; /* the taakgericht product */
    char gemeente[5];
    int32_t year;
    jr_cents amount;
    int32_t terms; /* 12 monthly, 4 quarterly, 2 half-yearly or 1 yearly */
} jr_task_budget;

typedef struct {
    char agb[9];
    char name[96];
} jr_subcontractor;

/* A strategic partner (hoofdaannemer) and its subcontractors. */
typedef struct {
    char agb[9];
    char name[96];
    char lot[16]; /* the lot it holds */
    int nsubs;
    jr_subcontractor subs[JR_MAX_SUBCONTRACTORS];
} jr_partner;

/* The region's contract terms: length and evaluation moments. */
typedef struct {
    bool set;
    jr_date start;
    int32_t length_years;
    int nevaluations;
    int32_t evaluation_years[JR_MAX_EVALUATIONS]; /* after year 3, 6, ... */
    char note[160];
} jr_contract_terms;

/* A key performance indicator agreed with the partners. */
typedef struct {
    char code[16];
    char name[128];
    char target[96]; /* the agreed target, in words ("ten minste 80 %") */
} jr_kpi;

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
    int nprovider_prices;
    jr_provider_price provider_prices[JR_MAX_PROVIDER_PRICES];
    int ntask_budgets;
    jr_task_budget task_budgets[JR_MAX_TASK_BUDGETS];
    int npartners;
    jr_partner partners[JR_MAX_PARTNERS];
    jr_contract_terms contract;
    int nkpis;
    jr_kpi kpis[JR_MAX_KPIS];
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
/* catalog_lot: the lot with that code, or NULL. */
const jr_lot *catalog_lot(const jr_catalog *cat, const char *code);
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
/* catalog_provider_price: the prices of product for provider agb, or NULL
 * when the provider has no price of its own. */
const jr_provider_price *catalog_provider_price(const jr_catalog *cat, const char *product,
                                                const char *agb);
/* product_prices_for: the price list that applies to provider agb (its own,
 * else the product's); agb may be NULL. */
void product_prices_for(const jr_catalog *cat, const jr_product *p, const char *agb,
                        const jr_price **prices, int *n);
/* product_tariff_for: the tariff of p for provider agb on date. */
bool product_tariff_for(const jr_catalog *cat, const jr_product *p, const char *agb, jr_date date,
                        jr_cents *out);
/* product_billable: whether lines per youth may be declared for p (not
 * taakgericht). */
bool product_billable(const jr_product *p);
/* product_parttime_possible: the part-time rule (respijt/logeren at the
 * same tariff per etmaal): every wonen/verblijf intensity may be delivered
 * part-time except a crisis bed and gesloten jeugdzorg, which are
 * full-time placements by nature. */
bool product_parttime_possible(const jr_product *p);
/* referrer_allows_product: may a referrer under rule r choose product code
 * by route product? */
bool referrer_allows_product(const jr_referrer_rule *r, const char *code);
/* catalog_partner: the strategic partner with that AGB, or NULL. */
const jr_partner *catalog_partner(const jr_catalog *cat, const char *agb);

/* task_budget_term: term k (1..t->terms) of a task budget: its amount (the
 * budget divided in equal terms in whole cents, the remainder in the last
 * term, so the terms add up to the budget exactly) and its period (12
 * terms: the months; 4: the quarters; ...). False for k out of range. */
bool task_budget_term(const jr_task_budget *t, int k, jr_cents *amount, jr_date *from, jr_date *to);
/* task_budget_paid: the terms of t due by the end of month (a term is paid
 * at the start of its period) and their sum. */
int task_budget_paid(const jr_task_budget *t, jr_month month, jr_cents *paid);

/* Where a task budget stands at the end of a month. */
typedef struct {
    int32_t terms_paid;
    jr_cents paid;        /* the terms due by the end of the month */
    jr_cents this_period; /* the term whose period begins in the month, else 0 */
    jr_cents remaining;   /* the budget less what was paid */
} jr_task_status;

/* task_budget_status: t at the end of month. */
jr_task_status task_budget_status(const jr_task_budget *t, jr_month month);

/* The voorzieningen of the monitor, from the catalog's product kinds. */
typedef enum {
    JR_VZ_AMBULANT = 0, /* functiegroep hours under a keuzebudget or quote */
    JR_VZ_VERBLIJF,     /* wonen/verblijf intensities */
    JR_VZ_CRISIS,
    JR_VZ_DYSLEXIE,
    JR_VZ_OTHER, /* a product the catalog does not know */
    JR_VZ_COUNT,
} jr_voorziening;

/* product_voorziening: the voorziening of p by its kind (functiegroep:
 * ambulant; intensity: wonen/verblijf; crisis; dyslexie; a product of the
 * products list by its iJw category: 43/44 wonen/verblijf, 46 crisis, else
 * ambulant), JR_VZ_OTHER for NULL (a product the catalog does not know). */
jr_voorziening product_voorziening(const jr_product *p);

const char *funding_name(jr_funding f);
bool funding_parse(const char *s, jr_funding *out);
const char *output_period_name(jr_output_period p);
/* budget_amount: the amount of a keuzebudget on date. */
bool budget_amount(const jr_budget *b, jr_date date, jr_cents *out);

/* unit_name: Dutch name of an iJw unit code ("uur", "etmaal", ...), "" when unknown. */
const char *unit_name(const char *unit);
const char *product_kind_name(jr_product_kind k);

#endif

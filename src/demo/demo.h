/*
 * demo.h: a realistic synthetic year for a region, made deterministically
 * from a seed, through the same services and the same CSV declaration path
 * users take (so every rule runs on it).
 *
 * It registers providers and their contracts, youths spread over the
 * municipalities by youth population, referrals by every referrer type in
 * the national proportions (CBS 2023), quotes, assignments (ambulant
 * budgets, wonen/verblijf, crisis, dyslexie), start and stop of care, and
 * twelve months of declaration files in which a share of the lines is
 * faulty in every way the checks know. The database must be empty.
 */
#ifndef JR_DEMO_H
#define JR_DEMO_H

#include "../service/svc.h"

typedef struct {
    uint64_t seed;
    int32_t youths;    /* default 15000 */
    int32_t providers; /* default 200 */
    int32_t year;      /* default 2025 */
} jr_demo_opts;

/* The demo's accounts: one or two per role, all with JR_DEMO_PASSWORD. Demo
 * data only: a real installation makes its own accounts (jeugdregio user). */
#define JR_DEMO_PASSWORD "jeugdregio-demo"
#define JR_DEMO_ACCOUNTS 8
typedef struct {
    char name[32];
    jr_role role;
    char tenant[9]; /* CBS code or AGB, "" for region-wide roles */
} jr_demo_account;

typedef struct {
    int64_t providers, contracts, youths;
    int64_t referrals, referrals_refused;
    int64_t referrals_by_type[10]; /* index: iJw type code as a number */
    int64_t quotes, assignments, care_started, care_stopped, ended, withdrawn;
    int64_t files, batches, lines, accepted, rejected;
    int64_t faults_injected;
    jr_demo_account accounts[JR_DEMO_ACCOUNTS];
} jr_demo_stats;

/* demo_generate: fills the (empty) store. The caller's ctx->today must lie
 * after the demo year. */
jr_status demo_generate(const jr_ctx *ctx, const jr_demo_opts *o, jr_demo_stats *st, jr_error *err);

#endif

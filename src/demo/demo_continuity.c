/*
 * demo_continuity.c: the demo's provider continuity figures (see
 * demo_continuity.h). Every amount is drawn in integers: a revenue, then
 * the other figures as basis points of it.
 */
#include "demo_continuity.h"

#include "../core/rng.h"
#include "../core/sbuf.h"
#include "../service/continuity.h"
#include "../service/provider.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* between: uniform in lo..hi */
static int64_t between(jr_rng *r, int64_t lo, int64_t hi)
{
    return lo + (int64_t)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

/* of: v x bp / 10000, in cents */
static int64_t of(int64_t v, int64_t bp)
{
    return v / 10000 * bp + v % 10000 * bp / 10000;
}

typedef enum { H_SOUND, H_MARGINAL, H_TROUBLED } health;

/* one provider-year as a CSV row into b */
static int put_row(sbuf *b, jr_rng *r, const char *agb, const char *name, int32_t year, bool small,
                   health h, bool no_balance)
{
    int64_t youth = small ? between(r, 8000000, 180000000) : between(r, 100000000, 3000000000);
    int64_t total = of(youth, small ? between(r, 10000, 11500) : between(r, 10000, 16000));
    int64_t margin, solv, cr;
    switch (h) {
    case H_TROUBLED:
        margin = between(r, -600, -50);
        solv = between(r, 0, 1500);
        cr = between(r, 5000, 9500);
        break;
    case H_MARGINAL: /* thin: fails one signal now and then */
        margin = between(r, 60, 260);
        solv = between(r, 1800, 3200);
        cr = between(r, 9800, 14000);
        break;
    default:
        margin = between(r, 160, 600);
        solv = between(r, 2200, 5500);
        cr = between(r, 11000, 25000);
        break;
    }
    int64_t net = of(total, margin);
    int64_t assets = of(total, between(r, 3000, 7000));
    int64_t equity = of(assets, solv);
    int64_t cur_assets = of(assets, between(r, 3000, 6000));
    int64_t cur_liab = cur_assets * 10000 / cr;
    char line[512];
    if (no_balance) /* a practice that files no balance sheet: those figures missing */
        snprintf(line, sizeof line, "%s,%s,%d,%" PRId64 ",%" PRId64 ",%" PRId64 ",,,,\n", agb, name,
                 (int)year, total, youth, net);
    else
        snprintf(line, sizeof line,
                 "%s,%s,%d,%" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64
                 ",%" PRId64 "\n",
                 agb, name, (int)year, total, youth, net, equity, assets, cur_assets, cur_liab);
    return sbuf_puts(b, line);
}

jr_status demo_continuity(const jr_ctx *ctx, uint64_t seed, int32_t year, int64_t *rows,
                          jr_error *err)
{
    struct {
        jr_provider *p;
        int n;
    } l;
    jr_status rc = provider_all(ctx, &l.p, &l.n, err);
    sbuf b = SBUF_INIT;
    jr_rng r = {.s = seed ^ 0x636f6e74696e75ULL}; /* "continu": a stream of its own */
    int fail = rc == JR_OK ? sbuf_puts(&b, continuity_csv_header()) | sbuf_putc(&b, '\n') : 0;
    for (int i = 0; i < l.n && rc == JR_OK && !fail; i++) {
        const jr_provider *p = &l.p[i];
        bool small = strcmp(p->kind, "vrijgevestigde") == 0;
        /* about one in thirty declines into trouble over the three years;
           one in seven is marginal; the rest is sound */
        int pick = (int)between(&r, 0, 999);
        health last = pick < 30 ? H_TROUBLED : pick < 180 ? H_MARGINAL : H_SOUND;
        bool no_balance = small && rng_permille(&r, 150);
        for (int32_t y = year - 2; y <= year && !fail; y++) {
            if (rng_permille(&r, 30))
                continue; /* accounts not received: missing, not zero */
            health h = last;
            if (last == H_TROUBLED && y < year)
                h = y == year - 1 ? H_MARGINAL : H_SOUND;
            fail = put_row(&b, &r, p->agb, p->name, y, small, h, no_balance);
        }
    }
    /* two applicants of a later entry, not (yet) contracted: checked too */
    if (rc == JR_OK && !fail)
        fail =
            put_row(&b, &r, "73999001", "Aanmelder Jeugdhulp Oost", year, false, H_SOUND, false) |
            put_row(&b, &r, "73999002", "Aanmelder Gezinszorg Nieuw", year, true, H_TROUBLED,
                    false);
    if (rc == JR_OK && fail)
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    if (rc == JR_OK) {
        FILE *in = fmemopen(b.data, b.len, "r");
        if (!in)
            rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
        else {
            jr_cont_import out;
            rc = continuity_import(ctx, in, "demo-jaarverantwoording.csv", &out, err);
            fclose(in);
            if (rc == JR_OK && rows)
                *rows = out.rows;
        }
    }
    sbuf_free(&b);
    free(l.p);
    return rc;
}

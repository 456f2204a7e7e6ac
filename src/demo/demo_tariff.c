/*
 * demo_tariff.c: the demo's tariff norms (see demo_tariff.h).
 */
#include "demo_tariff.h"

#include "../io/tariff_norms.h"
#include "../service/tariff.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

jr_status demo_tariff(const jr_ctx *ctx, int32_t year, jr_error *err)
{
    const char *src = ctx->cat->source;
    const char *slash = strrchr(src, '/');
    int dirlen = slash ? (int)(slash - src) : 1;
    char region[48];
    size_t k = 0;
    for (const char *c = ctx->cat->region; *c && k + 1 < sizeof region; c++)
        region[k++] = (char)tolower((unsigned char)*c);
    region[k] = '\0';
    jr_tariff_norms *n = malloc(sizeof *n);
    if (!n)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    jr_status rc = JR_OK;
    for (int32_t y = year; rc == JR_OK && y <= year + 1; y++) {
        char path[512];
        snprintf(path, sizeof path, "%.*s/%s-tariff-norms-%d.json", dirlen, slash ? src : ".",
                 region, (int)y);
        if (access(path, R_OK) != 0)
            continue;
        if ((rc = tariff_norms_read(path, n, err)) == JR_OK)
            rc = tariff_norms_put(ctx, n, err);
    }
    free(n);
    return rc;
}

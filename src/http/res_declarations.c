/*
 * res_declarations.c: declaring over HTTP: a provider uploads a CSV file
 * of declaration lines (POST /api/v1/declarations, text/csv, at most 64 MiB),
 * read exactly as `jeugdregio declare` reads a file: one session, one
 * transaction, a file-level fault refuses the whole file (400 naming the
 * line). The answer gives every batch and every line's outcome. Batches
 * per period and their lines can be read back.
 */
#include "../render/render.h"
#include "http.h"

#include "../io/decl_csv.h"
#include "../service/batches.h"

#include <stdio.h>
#include <string.h>

/* The most lines one answer lists; the rest are read back per batch. */
#define DECL_REPLY_LINES 100000

HTTP_PAGE_ROW(declarations_batch_row, jr_batch, render_batch)
HTTP_PAGE_ROW(declarations_line_row, jr_decl_outcome, render_line)

typedef struct {
    json_t *batches;
    json_t *lines;
    int64_t n;
} declarations_out;

static int declarations_batch(void *ud, const jr_decl_batch_summary *b)
{
    declarations_out *o = ud;
    json_array_append_new(o->batches, render_batch_summary(b));
    return 0;
}

static int declarations_outcome(void *ud, const void *row)
{
    declarations_out *o = ud;
    if (o->n++ < DECL_REPLY_LINES)
        json_array_append_new(o->lines, render_outcome(row));
    return 0;
}

/* ROUTE: POST /api/v1/declarations CSV */
void declarations_upload(http_req *r)
{
    char name[128], source[192];
    http_query_filename(r, "upload.csv", name, sizeof name);
    snprintf(source, sizeof source, "web:%s", name);
    jr_error err;
    jr_error_clear(&err);
    declarations_out out = {json_array(), json_array(), 0};
    jr_status rc = out.batches && out.lines ? JR_OK : JR_ENOMEM;
    if (rc != JR_OK)
        jr_fail(&err, rc, "no_memory", "", "Onvoldoende geheugen.");
    decl_import_report rep = {declarations_batch, declarations_outcome, &out};
    if (rc == JR_OK)
        rc = decl_csv_import(&r->ctx, r->upload, name, source, &rep, &err);
    if (rc != JR_OK)
        goto fail;
    http_reply_json(r, 200,
                    json_pack("{s:o, s:o, s:I, s:b}", "batches", out.batches, "lines", out.lines,
                              "lines_total", (json_int_t)out.n, "lines_truncated",
                              out.n > DECL_REPLY_LINES));
    return;
fail:
    json_decref(out.batches);
    json_decref(out.lines);
    http_reply_error(r, &err);
}

/* ROUTE: GET /api/v1/declarations */
void declarations_list(http_req *r)
{
    jr_month period;
    bool has_period = http_query(r, "period") != NULL;
    http_page p;
    jr_error err;
    jr_error_clear(&err);
    http_query_month(r, "period", false, &period);
    if (!http_page_begin(r, &p))
        return;
    jr_status rc = batch_list(&r->ctx, has_period ? &period : NULL, http_query(r, "gemeente"),
                              http_query(r, "agb"), declarations_batch_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

/* ROUTE: GET /api/v1/declarations/{id}/lines */
void declarations_lines(http_req *r)
{
    int64_t id;
    http_page p;
    jr_error err;
    jr_error_clear(&err);
    if (!http_param_int(r, 0, &id))
        return;
    if (!http_page_begin(r, &p))
        return;
    jr_status rc = decl_batch_outcomes(&r->ctx, id, declarations_line_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

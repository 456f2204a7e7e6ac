/*
 * err.c: filling jr_error values, and recording the refused fields of one
 * call in the caller's list.
 */
#include "err.h"
#include "sbuf.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

jr_status jr_fail(jr_error *err, jr_status status, const char *code, const char *field,
                  const char *fmt, ...)
{
    if (err == NULL)
        return status;
    err->status = status;
    str_copy(err->code, sizeof err->code, code ? code : "");
    str_copy(err->field, sizeof err->field, field ? field : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

/* list_add: appends a refusal to list (counted as lost when it is full). */
static void list_add(jr_invalid_list *list, const char *code, const char *field,
                     const char *message)
{
    if (list->n >= JR_INVALID_MAX) {
        list->lost++;
        return;
    }
    jr_refusal *r = &list->item[list->n++];
    str_copy(r->code, sizeof r->code, code ? code : "");
    str_copy(r->field, sizeof r->field, field ? field : "");
    str_copy(r->message, sizeof r->message, message);
}

jr_status jr_refuse(jr_error *err, jr_status so_far, const char *code, const char *field,
                    const char *fmt, ...)
{
    jr_status status = so_far == JR_OK ? JR_EINVAL : so_far;
    if (err == NULL)
        return status;
    char message[sizeof err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    if (so_far == JR_OK)
        jr_fail(err, JR_EINVAL, code, field, "%s", message);
    if (err->invalid)
        list_add(err->invalid, code, field, message);
    return status;
}

static bool status_internal(jr_status s)
{
    return s == JR_EDB || s == JR_EIO || s == JR_ENOMEM;
}

/* join_refusals: appends e's refusals to list: every one of e's list, or
 * e itself when it has none and is a refusal of input. */
static void join_refusals(jr_invalid_list *list, const jr_error *e)
{
    if (e->invalid && e->invalid != list && e->invalid->n > 0) {
        for (int i = 0; i < e->invalid->n; i++)
            list_add(list, e->invalid->item[i].code, e->invalid->item[i].field,
                     e->invalid->item[i].message);
        list->lost += e->invalid->lost;
    } else if (e->status != JR_OK) {
        list_add(list, e->code, e->field, e->message);
    }
}

jr_status jr_refuse_error(jr_error *err, jr_status so_far, const jr_error *e)
{
    if (so_far == JR_OK || status_internal(e->status)) {
        if (err) {
            jr_fail(err, e->status, e->code, e->field, "%s", e->message);
            if (err->invalid && so_far == JR_OK && e->status == JR_EINVAL)
                join_refusals(err->invalid, e);
        }
        return e->status;
    }
    if (err && err->invalid)
        join_refusals(err->invalid, e);
    return so_far;
}

const char *jr_status_name(jr_status s)
{
    switch (s) {
    case JR_OK:
        return "ok";
    case JR_EINVAL:
        return "invalid";
    case JR_ENOTFOUND:
        return "not_found";
    case JR_ECONFLICT:
        return "conflict";
    case JR_EDB:
        return "database";
    case JR_EIO:
        return "io";
    case JR_ENOMEM:
        return "no_memory";
    case JR_EAUTH:
        return "unauthenticated";
    case JR_EFORBIDDEN:
        return "forbidden";
    }
    return "unknown";
}

void jr_error_clear(jr_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

void jr_error_take(jr_error *err, const jr_error *src)
{
    if (!err || err == src)
        return;
    jr_invalid_list *keep = err->invalid;
    *err = *src;
    err->invalid = keep;
}

void jr_error_collect(jr_error *err, jr_invalid_list *list)
{
    jr_error_clear(err);
    if (list) {
        list->n = 0;
        list->lost = 0;
    }
    if (err)
        err->invalid = list;
}

int jr_error_refusals(const jr_error *err)
{
    return err && err->invalid ? err->invalid->n + err->invalid->lost : 0;
}

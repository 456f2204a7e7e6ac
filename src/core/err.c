/*
 * err.c: filling jr_error values.
 */
#include "err.h"
#include "sbuf.h"

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

/*
 * steps.c: the few ways a store module steps a statement and moves a date
 * across, shared by every table family's module so that each writes its
 * queries and its row converters, not the loop around them.
 */
#include "store.h"

#include <stddef.h>

jr_status store_step_done(jr_stmt *s, jr_error *err)
{
    jr_error e;
    if (store_step(s, &e) == STORE_DONE)
        return JR_OK;
    jr_error_take(err, &e);
    return e.status == JR_ECONFLICT ? JR_ECONFLICT : JR_EDB;
}

jr_status store_step_one(jr_stmt *s, jr_error *err)
{
    store_step_result r = store_step(s, err);
    if (r == STORE_ROW)
        return JR_OK;
    store_reset(s);
    return r == STORE_ERROR ? JR_EDB : JR_ENOTFOUND;
}

jr_status store_one(jr_stmt *s, store_convert_fn convert, const void *conv_ud, void *row,
                    jr_error *err)
{
    jr_status rc = store_step_one(s, err);
    if (rc != JR_OK)
        return rc;
    convert(conv_ud, s, row);
    store_reset(s);
    return JR_OK;
}

jr_status store_step_exists(jr_stmt *s, bool *out, jr_error *err)
{
    store_step_result r = store_step(s, err);
    store_reset(s);
    *out = r == STORE_ROW;
    return r == STORE_ERROR ? JR_EDB : JR_OK;
}

void store_bind_date(jr_stmt *s, int idx, jr_date d, char buf[JR_DATE_ISO_LEN])
{
    store_bind_text(s, idx, d == JR_DATE_NONE ? NULL : date_format(d, buf));
}

jr_date store_col_date(jr_stmt *s, int col)
{
    jr_date d = JR_DATE_NONE;
    if (!store_col_null(s, col) && !date_parse(store_col_text(s, col), &d))
        d = JR_DATE_NONE;
    return d;
}

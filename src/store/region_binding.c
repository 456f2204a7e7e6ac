/*
 * region_binding.c: reading and writing the region_binding row.
 */
#include "region_binding.h"

#include "../core/sbuf.h"

jr_status store_region_binding_get(jr_store *st, store_region_binding *out, bool *found,
                                   jr_error *err)
{
    *found = false;
    jr_stmt *s = store_prepare(
        st, "SELECT region, config_path, bound_at FROM region_binding WHERE id = 1", err);
    if (!s)
        return JR_EDB;
    store_step_result r = store_step(s, err);
    if (r == STORE_ROW) {
        str_copy(out->region, sizeof out->region, store_col_text(s, 0));
        str_copy(out->config_path, sizeof out->config_path, store_col_text(s, 1));
        str_copy(out->bound_at, sizeof out->bound_at, store_col_text(s, 2));
        *found = true;
    }
    store_reset(s);
    return r == STORE_ERROR ? JR_EDB : JR_OK;
}

jr_status store_region_binding_set(jr_store *st, const char *region, const char *config_path,
                                   jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "INSERT INTO region_binding (id, region, config_path, bound_at) "
                               "VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                               "region = excluded.region, config_path = excluded.config_path, "
                               "bound_at = excluded.bound_at",
                               err);
    if (!s)
        return JR_EDB;
    char ts[STORE_TS_LEN];
    store_bind_text(s, 1, region);
    store_bind_text(s, 2, config_path);
    store_bind_text(s, 3, store_timestamp(0, ts));
    return store_step_done(s, err);
}

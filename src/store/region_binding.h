/*
 * region_binding.h: the one row that says which region a database belongs
 * to (migration 025).
 */
#ifndef JR_STORE_REGION_BINDING_H
#define JR_STORE_REGION_BINDING_H

#include "store.h"

typedef struct {
    char region[48];
    char config_path[512];
    char bound_at[STORE_TS_LEN];
} store_region_binding;

/* store_region_binding_get: the binding; *found false when the database has
 * none (a database from before migration 025, or never bound). */
jr_status store_region_binding_get(jr_store *st, store_region_binding *out, bool *found,
                                   jr_error *err);
/* store_region_binding_set: binds the database to region (replacing a
 * binding: the caller decides whether that is allowed). */
jr_status store_region_binding_set(jr_store *st, const char *region, const char *config_path,
                                   jr_error *err);

#endif

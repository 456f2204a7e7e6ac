/*
 * region_binding.h: which region a database belongs to.
 *
 * A database holds one region's data. Its first opening binds it to the
 * region file it was opened with (the region's name and the file's
 * absolute path); later openings without a region file of their own use
 * that file, and an opening with another region's file is refused, naming
 * both, before anything is read or written. A region may move its file or
 * rename itself: rebinding is an explicit, audited act
 * (`jeugdregio --config FILE region --bind`).
 */
#ifndef JR_REGION_BINDING_H
#define JR_REGION_BINDING_H

#include "../store/region_binding.h"
#include "svc.h"

typedef store_region_binding jr_region_binding;

/* region_binding_get: the database's binding; *found false when unbound. */
jr_status region_binding_get(jr_store *st, jr_region_binding *out, bool *found, jr_error *err);

/* region_binding_open: what every opening does once the catalog is loaded:
 * binds an unbound database that holds no data yet to ctx's catalog, and
 * refuses (JR_ECONFLICT, "region_mismatch") a bound one whose region is
 * not ctx's. A database with data but no binding (from before the
 * binding) is left as it is. */
jr_status region_binding_open(const jr_ctx *ctx, jr_error *err);

/* region_binding_rebind: binds the database to ctx's catalog whatever it
 * was bound to (beheerder or system; audited). */
jr_status region_binding_rebind(const jr_ctx *ctx, jr_error *err);

#endif

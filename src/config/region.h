/*
 * region.h: loading a region file into a jr_catalog.
 *
 * The file is JSON (config/ijsselland.json is the shipped example). Loading
 * validates everything: every error names the file, the field (as a path
 * such as "functiegroepen[2].tariffs[0].amount") and what is wrong, and a
 * file with an error yields no catalog. Unknown fields are errors too, so a
 * typo never silently drops a rule. After loading, years listed under
 * "index" that have no figure of their own get prices derived by OVA
 * indexation from the year before.
 */
#ifndef JR_REGION_H
#define JR_REGION_H

#include "../core/err.h"
#include "../domain/catalog.h"

/* region_load: fills *cat (caller-owned) from path. */
jr_status region_load(const char *path, jr_catalog *cat, jr_error *err);

/* region_default_path: $JEUGDREGIO_CONFIG, else config/ijsselland.json under
 * the working directory, else the installed data directory. */
const char *region_default_path(void);

#endif

/*
 * ijw_test.h: what the iJw tests share: the official XSDs as the oracle
 * (found through $JR_IJW_XSD_DIR, else $JR_SOURCE_ROOT/../shared/ijw/xsd;
 * a test that needs them and finds none exits 77, which meson reports as
 * skipped), a fresh store with the shipped catalog, and file helpers.
 */
#ifndef JR_IJW_TEST_H
#define JR_IJW_TEST_H

#include "ijw/ijw.h"
#include "service/svc.h"

#include <stdbool.h>
#include <stddef.h>

/* ijwt_xsd_dir: the XSD folder, or NULL when absent */
const char *ijwt_xsd_dir(void);
/* ijwt_xsd_check: validates the document in buf (len bytes) with libxml2's
 * xmlSchemaValidateDoc against the XSD of its root namespace. 1 valid, 0
 * invalid (first error in why), -1 when the XSDs are absent or the
 * namespace is unknown. */
int ijwt_xsd_check(const char *buf, size_t len, char *why, size_t cap);
/* ijwt_xsd_cleanup: frees the parsed schemas */
void ijwt_xsd_cleanup(void);

/* ijwt_read_file: the whole file (NUL-terminated), *len its size; NULL when unreadable */
char *ijwt_read_file(const char *path, size_t *len);
/* ijwt_sample: the path of tests/ijw/samples/name */
const char *ijwt_sample(const char *name, char *buf, size_t cap);

/* A fresh store in a temporary folder with the shipped catalog; today is
 * 2025-06-15 unless set otherwise. */
typedef struct {
    char dir[256];
    jr_store *store;
    jr_catalog *cat;
    jr_ctx ctx;
} ijwt_env;

int ijwt_env_open(ijwt_env *e);
void ijwt_env_close(ijwt_env *e);
/* ijwt_setup_region: a provider 73000001 contracted for everything, a youth
 * 111222333 in Zwolle (0193), a GP referral for KB2 assigned on 2025-02-01
 * with care started; *assignment receives its id (the ToewijzingNummer). */
int ijwt_setup_region(ijwt_env *e, int64_t *assignment);

/* ijwt_kb7_assignments: n youths in Zwolle (0193), born on birth, with BSNs
 * completed from 8-digit numbers first8 + 3i (or + 3i + 1), each with a
 * toegang referral for KB7 made on referred, assigned to provider 73000001
 * (which must exist and be contracted) from start, care started the same
 * day. bsns[i] and numbers[i] receive them. 0, or -1 with err filled. */
int ijwt_kb7_assignments(const jr_ctx *c, long n, long first8, jr_date birth, jr_date referred,
                         jr_date start, char (*bsns)[10], char (*numbers)[24], jr_error *err);

/* ijwt_fill: a template with {KEY} placeholders filled from pairs
 * (key, value, ..., NULL); returns a malloc'ed string */
char *ijwt_fill(const char *tmpl, ...);

#endif

/*
 * tariff_norms.h (io): the norms file of the tariff model (JSON, format
 * "jeugdregio-tariff-norms/1"; config/ijsselland-tariff-norms-2025.json is
 * shipped) read into a jr_tariff_norms, and the region file with an
 * adopted year's tariffs written from a proposal (service/tariff.h).
 *
 * The norms file (docs/tariffs.md has an example):
 *   {"format", "region", "year", "cao", "example", "notes": [text],
 *    "index": {"ova_bp", "pcc_bp", "method": "ova" | "vng", "wage_weight_bp"},
 *    "functiegroepen": [{"code", "scale", "step", "monthly_salary": "3412.00",
 *       "holiday_bp", "year_end_bp", "employer_bp", "hours_per_fte",
 *       "overhead_bp", "other_costs": "2.50", "example"}],
 *    "intensities": [{"code", "staff_fg", "fte_x100", "group_size",
 *       "overhead_bp", "other_costs": "7300.00", "accommodation": "12000.00",
 *       "occupancy_bp", "example"}]}
 * Amounts are decimal euro strings (to integer cents); the other numbers
 * integers. Reading checks the shape (every error names the file and the
 * field, such as "functiegroepen[1].holiday_bp", and unknown fields are
 * errors); the bounds and the codes are the service's check
 * (tariff_norms_put), so that a file and an edit meet the same rules.
 */
#ifndef JR_IO_TARIFF_NORMS_H
#define JR_IO_TARIFF_NORMS_H

#include "../core/err.h"
#include "../service/tariff.h"

#include <jansson.h>

/* tariff_norms_read: the norms file at path into *out. */
jr_status tariff_norms_read(const char *path, jr_tariff_norms *out, jr_error *err);
/* tariff_norms_from_json: the same from a parsed document (name in
 * messages and as the source). */
jr_status tariff_norms_from_json(const json_t *doc, const char *name, jr_tariff_norms *out,
                                 jr_error *err);

/* region_with_tariffs: the region file at src_path (the loaded catalog's
 * source) with a tariff period p->from..p->to of p's proposed amount added
 * to every product of p whose figure for the year the region does not set
 * itself, as a new JSON text (*out, malloc'ed, the caller frees). */
jr_status region_with_tariffs(const char *src_path, const jr_tariff_proposal *p, char **out,
                              jr_error *err);
/* region_tariffs_verify: loads the region file at path with the region
 * loader and checks that it carries every proposed tariff of p on p->from
 * and on p->to; JR_EINVAL (region_check) naming the first product that
 * does not. */
jr_status region_tariffs_verify(const char *path, const jr_tariff_proposal *p, jr_error *err);
/* region_tariffs_verify_text: the same for a text, through a temporary file. */
jr_status region_tariffs_verify_text(const char *text, const jr_tariff_proposal *p, jr_error *err);

#endif

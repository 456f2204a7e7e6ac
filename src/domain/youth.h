/*
 * youth.h (domain): the rules on a youth's own data when it is registered
 * for jeugdhulp. The BSN's own check (elfproef) is in ident.h.
 */
#ifndef JR_DOMAIN_YOUTH_H
#define JR_DOMAIN_YOUTH_H

#include "../core/err.h"
#include "date.h"

/* youth_birth_check: a youth registered for jeugdhulp is born on or before
 * today and at most 23 years ago (help under the Jeugdwet runs to 18, in
 * some cases to 23). Codes birth_in_future, too_old. */
jr_status youth_birth_check(jr_date birth, jr_date today, jr_error *err);

#endif

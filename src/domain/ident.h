/*
 * ident.h: the identifiers of the field and their syntax rules.
 *
 * BSN (burgerservicenummer): 9 digits passing the 11-check
 *   9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11, and not all zero.
 * AGB code (provider): 8 digits.
 * CBS municipality code: 4 digits.
 * Pure functions over NUL-terminated strings.
 */
#ifndef JR_IDENT_H
#define JR_IDENT_H

#include <stdbool.h>

bool bsn_valid(const char *bsn);
bool agb_valid(const char *agb);
bool cbs_valid(const char *cbs);
/* bsn_complete: given 8 digits, writes the 9-digit BSN whose check digit
 * makes it valid into out (10 bytes); false when no digit 0-9 does. */
bool bsn_complete(const char *first8, char out[10]);

#endif

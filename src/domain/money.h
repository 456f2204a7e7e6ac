/*
 * money.h: amounts in integer eurocents; never floating point.
 *
 * Parsing accepts the plain decimal forms a CSV or JSON carries ("78",
 * "78.5", "78.50", "-12.30"); formatting gives the Dutch form "€ 1.234,56"
 * for people and "1234.56" for machines. Products round half away from zero
 * to the cent, as the declaration check "amount = volume x tariff" demands.
 */
#ifndef JR_MONEY_H
#define JR_MONEY_H

#include <stdbool.h>
#include <stdint.h>

typedef int64_t jr_cents;

#define JR_MONEY_BUF 48

/* money_parse: "123", "123.4", "123.45" (optional leading '-'); at most two decimals. */
bool money_parse(const char *s, jr_cents *out);
bool money_parse_n(const char *s, int n, jr_cents *out);
/* money_format_nl: "€ 1.234,56" (or "-€ 1.234,56"). */
char *money_format_nl(jr_cents c, char buf[JR_MONEY_BUF]);
/* money_format_plain: "1234.56". */
char *money_format_plain(jr_cents c, char buf[JR_MONEY_BUF]);

/* money_mul_div: round_half_up(a * b / d) for d > 0, without overflow for
 * |a*b| < 2^62. Half rounds away from zero. */
jr_cents money_mul_div(int64_t a, int64_t b, int64_t d);

/* money_index: cents x (1 + basis_points/10000), rounded half up to the cent
 * (the yearly OVA indexation: 385 basis points is 3.85 %). */
jr_cents money_index(jr_cents cents, int32_t basis_points);

#endif

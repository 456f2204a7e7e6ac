/*
 * beds.h (domain): never two beds for one youth on one night (JR09), decided
 * per night. Pure: no I/O, no allocation.
 *
 * A residential line (unit 14, etmaal) declares v etmalen over its product
 * period begin..end (both days included, inside one month: 9319); each day
 * of the period is one night, so the period has end - begin + 1 nights and
 * v is at most that. A full-time bed has v equal to the nights; a part-time
 * one (respijt, logeren) fewer, on nights the line does not name. The
 * youth's lines fit when their etmalen can be placed on nights, each inside
 * its own period, so that no night holds two of them.
 *
 * The rule (Hall's condition for intervals): they fit exactly when every
 * window x..y (x a line's begin, y a line's end) holds no more etmalen of
 * the lines lying entirely within it than it has nights (y - x + 1). A line
 * alone is the window of its own period, so "more etmalen than nights" is
 * part of the rule. Why this is exact, and why only the windows around the
 * new line are checked: beds.c.
 */
#ifndef JR_DOMAIN_BEDS_H
#define JR_DOMAIN_BEDS_H

#include "date.h"

#include <stdbool.h>
#include <stdint.h>

/* One residential line: its product period and its etmalen. */
typedef struct {
    jr_date begin, end;
    int64_t etmalen;
} jr_bed_line;

/* A window that holds more etmalen than nights. */
typedef struct {
    jr_date from, to;
    int64_t etmalen; /* of the lines lying entirely within from..to */
    int64_t nights;  /* to - from + 1 */
} jr_bed_window;

/* beds_fit: whether line fits beside the n other accepted residential lines
 * of the same youth (others may be NULL when n is 0). When it does not and
 * fail is not NULL, *fail is the failing window with the fewest nights (the
 * earliest of those), which always contains line's period. */
bool beds_fit(const jr_bed_line *line, const jr_bed_line *others, unsigned n, jr_bed_window *fail);

#endif

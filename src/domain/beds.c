/*
 * beds.c: the per-night bed rule (JR09), see beds.h.
 *
 * Why the window condition is exact. Placing the etmalen is a matching:
 * line i needs v_i different nights of its period P_i, each night takes at
 * most one. Split line i into v_i copies that each need one night of P_i;
 * by Hall's theorem all copies get their own night exactly when every set
 * S of lines needs no more nights than its periods cover:
 * sum(v_i, i in S) <= |union of P_i, i in S|.
 * - Enough: let S fail. The union of its periods falls apart into runs of
 *   consecutive nights; each run is a window x..y that begins at a line's
 *   begin and ends at a line's end, and each line of S lies within one
 *   run. The etmalen of S exceed the nights of all runs together, so they
 *   exceed them in one run; adding every other line lying within that run
 *   only adds etmalen, so that window fails the condition.
 * - Needed: a failing window x..y gives S = the lines lying within it,
 *   whose periods cover at most the y - x + 1 nights of the window.
 * A window whose ends are not a begin and an end of lines within it holds
 * the same lines as the smaller window they span, with more nights, so the
 * begins and ends are the only windows to try. Hence a line overlapping
 * others cannot take nights they need without some window failing: the
 * nights it shares with a full-time bed are not free, and a part-time line
 * fits beside it only when the nights left over hold its etmalen.
 *
 * Why only the windows around the new line. The other lines were accepted
 * by this rule one at a time, so every window that does not contain the
 * new line's whole period (it then holds the same lines as before) already
 * holds; the windows that can fail are x..y with x <= begin and y >= end of
 * the new line. Lines accepted before the rule was per night (the monthly
 * sum) that clash among themselves are not held against a new line that
 * does not add to the clash.
 *
 * Cost: (n + 1)^2 windows of n + 1 lines each, n the youth's other lines of
 * the month, at most one per other residential assignment (9387, 9389):
 * a handful.
 */
#include "beds.h"

#include <stddef.h>

/* the etmalen of line and of the others lying within x..y (line does) */
static int64_t etmalen_within(const jr_bed_line *line, const jr_bed_line *others, unsigned n,
                              jr_date x, jr_date y)
{
    int64_t sum = line->etmalen;
    for (unsigned i = 0; i < n; i++)
        if (others[i].begin >= x && others[i].end <= y)
            sum += others[i].etmalen;
    return sum;
}

bool beds_fit(const jr_bed_line *line, const jr_bed_line *others, unsigned n, jr_bed_window *fail)
{
    bool fits = true;
    jr_bed_window worst = {0, 0, 0, 0};
    /* index n stands for line itself */
    for (unsigned i = 0; i <= n; i++) {
        jr_date x = i == n ? line->begin : others[i].begin;
        if (x > line->begin)
            continue;
        for (unsigned j = 0; j <= n; j++) {
            jr_date y = j == n ? line->end : others[j].end;
            if (y < line->end)
                continue;
            int64_t nights = (int64_t)y - x + 1;
            int64_t etmalen = etmalen_within(line, others, n, x, y);
            if (etmalen <= nights)
                continue;
            if (!fail)
                return false;
            if (fits || nights < worst.nights || (nights == worst.nights && x < worst.from))
                worst = (jr_bed_window){x, y, etmalen, nights};
            fits = false;
        }
    }
    if (!fits)
        *fail = worst;
    return fits;
}

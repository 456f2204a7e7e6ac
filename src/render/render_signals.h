/*
 * render_signals.h: the JSON shape of the control signals
 * (service/signals.h), for GET /api/v1/figures/signals and `jeugdregio
 * signals --json` alike: the period, the scope, the thresholds applied,
 * the count per kind and each signal with its sentence and, unless the
 * viewer sees an aggregate, the lines behind it. Money in eurocents,
 * shares and hours in tenths (`*_x10`), dates ISO 8601.
 */
#ifndef JR_RENDER_SIGNALS_H
#define JR_RENDER_SIGNALS_H

#include "../service/signals.h"

#include <jansson.h>

json_t *render_signals(const jr_signals *s);

#endif

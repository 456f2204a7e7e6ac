/*
 * clock.c: the one source of the timestamps the store keeps.
 *
 * Every row that records when something happened (created_at, received_at,
 * the audit log's at, a session's expiry) takes its text from here and binds
 * it as a parameter, so no query depends on a dialect's clock function
 * (SQLite's datetime('now'), PostgreSQL's now()). The form is ISO 8601 in
 * UTC with milliseconds, "2026-12-03T10:21:49.123Z": it sorts as text in
 * the order of time, in either database.
 */
#include "store.h"

#include <stdio.h>
#include <time.h>

const char *store_timestamp(int64_t offset_seconds, char out[STORE_TS_LEN])
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    time_t t = ts.tv_sec + (time_t)offset_seconds;
    struct tm tm;
    gmtime_r(&t, &tm);
    snprintf(out, STORE_TS_LEN, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
             (long)(ts.tv_nsec / 1000000));
    return out;
}

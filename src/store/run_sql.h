/*
 * run_sql.h: the one SQL form of an assignment's run end, for the store
 * modules that count or commit assignments by their runs (figures.c,
 * figures_bench.c, begroting.c). Private to src/store.
 */
#ifndef JR_STORE_RUN_SQL_H
#define JR_STORE_RUN_SQL_H

/* The end of assignment a's run: care_stop when care stopped before
 * end_date, else end_date (ISO text compares as dates). A run never ends
 * after its end_date, so end_date >= a day is necessary for the run to
 * reach it and bounds an index range. */
#define STORE_RUN_END                                                                              \
    "(CASE WHEN a.care_stop IS NOT NULL AND a.care_stop < a.end_date THEN a.care_stop"             \
    " ELSE a.end_date END)"

#endif

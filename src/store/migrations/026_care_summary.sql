-- 026: the care summary (issue 11, the speed targets; docs/figures.md,
-- "The care summary"). The monitor's counts of youths in care and of
-- assignment runs came from every run of a period (the covering index
-- assignment_run): at national scale the volume and the benchmark of one
-- municipality's year read 700,000 runs. These two tables hold the same
-- counts, kept current by the store's writers of assignments
-- (store/figures_sum.c, called by insert, change, close and the stop of
-- care, in their transaction), so a figure reads a few thousand rows.
--
-- A run is an assignment that is not withdrawn, from its start_date to the
-- earlier of its end_date and its care_stop; a run that ends before it
-- starts covers no day and is not counted.
--
-- care_youth_sum: per year, municipality ('' for the region: every run of
-- a youth, whichever municipality) and four masks of the year's months
-- (bit 0 January): the months in which the youth had a run, an ambulant
-- run (iJw category 45), a wonen/verblijf run (43, 44), and the months in
-- which one of its runs started; the number of youths with exactly those
-- masks. A period of whole months of one year counts a youth when a mask
-- meets its months (domain/runs.h, runs_add_year).
CREATE TABLE care_youth_sum (
    year INTEGER NOT NULL,
    gemeente TEXT NOT NULL,
    months_any INTEGER NOT NULL,
    months_ambulant INTEGER NOT NULL,
    months_verblijf INTEGER NOT NULL,
    months_started INTEGER NOT NULL,
    youths INTEGER NOT NULL,
    PRIMARY KEY (year, gemeente, months_any, months_ambulant, months_verblijf, months_started)
) WITHOUT ROWID;

-- care_run_sum: the runs per municipality, start month and end month
-- ('YYYY-MM'): a period's runs are those starting by its last month and
-- ending in or after its first; started and ended ones start or end in it.
CREATE TABLE care_run_sum (
    gemeente TEXT NOT NULL,
    start_month TEXT NOT NULL,
    end_month TEXT NOT NULL,
    runs INTEGER NOT NULL,
    PRIMARY KEY (gemeente, start_month, end_month)
) WITHOUT ROWID;

-- The counts of the assignments already there: each run (its last day
-- the earlier of end_date and care_stop) once, then its months (as
-- year * 12 + month - 1) from its first to its last.
CREATE TEMPORARY TABLE care_run AS
SELECT youth_id, gemeente, category, start_date, run_end
FROM (SELECT a.youth_id, a.gemeente, a.category, a.start_date,
             CASE WHEN a.care_stop IS NOT NULL AND a.care_stop < a.end_date
                  THEN a.care_stop ELSE a.end_date END AS run_end
      FROM assignment a WHERE a.status <> 'ingetrokken') r
WHERE run_end >= start_date;

CREATE TEMPORARY TABLE care_run_month AS
WITH RECURSIVE
run (youth_id, gemeente, category, m0, m1) AS (
    SELECT youth_id, gemeente, category,
           CAST(substr(start_date, 1, 4) AS INTEGER) * 12
               + CAST(substr(start_date, 6, 2) AS INTEGER) - 1,
           CAST(substr(run_end, 1, 4) AS INTEGER) * 12 + CAST(substr(run_end, 6, 2) AS INTEGER) - 1
    FROM care_run),
month (m, youth_id, gemeente, category, m0, m1) AS (
    SELECT m0, youth_id, gemeente, category, m0, m1 FROM run
    UNION ALL
    SELECT m + 1, youth_id, gemeente, category, m0, m1 FROM month WHERE m < m1)
SELECT youth_id, gemeente, m / 12 AS year, 1 << (m % 12) AS bit,
       CASE WHEN category = '45' THEN 1 << (m % 12) END AS ambulant,
       CASE WHEN category IN ('43', '44') THEN 1 << (m % 12) END AS verblijf,
       CASE WHEN m = m0 THEN 1 << (m % 12) END AS started
FROM month;

-- the bits are distinct powers of two, so the sum of the distinct ones is
-- their union
INSERT INTO care_youth_sum (year, gemeente, months_any, months_ambulant, months_verblijf,
                            months_started, youths)
SELECT year, gemeente, a, amb, verb, st, COUNT(*)
FROM (SELECT year, gemeente, SUM(DISTINCT bit) AS a, COALESCE(SUM(DISTINCT ambulant), 0) AS amb,
             COALESCE(SUM(DISTINCT verblijf), 0) AS verb, COALESCE(SUM(DISTINCT started), 0) AS st
      FROM care_run_month GROUP BY youth_id, gemeente, year) y
GROUP BY year, gemeente, a, amb, verb, st;

INSERT INTO care_youth_sum (year, gemeente, months_any, months_ambulant, months_verblijf,
                            months_started, youths)
SELECT year, '', a, amb, verb, st, COUNT(*)
FROM (SELECT year, SUM(DISTINCT bit) AS a, COALESCE(SUM(DISTINCT ambulant), 0) AS amb,
             COALESCE(SUM(DISTINCT verblijf), 0) AS verb, COALESCE(SUM(DISTINCT started), 0) AS st
      FROM care_run_month GROUP BY youth_id, year) y
GROUP BY year, a, amb, verb, st;

INSERT INTO care_run_sum (gemeente, start_month, end_month, runs)
SELECT gemeente, substr(start_date, 1, 7), substr(run_end, 1, 7), COUNT(*)
FROM care_run GROUP BY 1, 2, 3;

DROP TABLE care_run_month;
DROP TABLE care_run;

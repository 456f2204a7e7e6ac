-- 016: what the control signals (issue 11, "Beheersen"; the rules in
-- domain/signals.h) read instead of every declaration line of the period,
-- kept by the declaration import in the transaction that stores the lines
-- and by the care service when a start or stop of care changes. The
-- signals read a few thousand rows; a monthly import adds to them and
-- recomputes nothing.
--
-- (The backfills read decl_line once in row order: '+status' keeps SQLite
-- from an index on the status, which it would search per row.)
--
-- line_signal: the accepted lines that can be behind the credits or the
-- hours signal, by their batch's month: every accepted credit, and every
-- accepted line in hours ('04') or minutes ('01') of more than
-- JR_SIG_HOURS_KEPT (20) hours per week of its period (minutes x 7 >
-- 20 x 60 x days, days = end - begin + 1, at least 1: domain/signals.h,
-- signal_hours_kept). A region whose hours limit lies below 20 has its
-- hours signal read from the lines themselves. A line once accepted never
-- changes, so the set stays exact.
CREATE TABLE line_signal (
    period TEXT NOT NULL,
    line_id INTEGER NOT NULL,
    PRIMARY KEY (period, line_id)
) WITHOUT ROWID;

INSERT INTO line_signal (period, line_id)
SELECT (SELECT b.period FROM decl_batch b WHERE b.id = l.batch_id), l.id
FROM decl_line l
WHERE +l.status = 'A'
  AND (l.credit = 1
       OR (l.credit = 0 AND l.unit IN ('04', '01')
           AND (CASE l.unit WHEN '04' THEN l.volume * 60 ELSE l.volume END) * 7
               > 20 * 60 * MAX(1, CAST(julianday(l.end_date) - julianday(l.begin_date) AS INTEGER) + 1)));

-- assignment_use.first_begin, last_end: the first begin date and the last
-- end date (ISO) of the assignment's accepted debit lines, NULL while it
-- has none; the import keeps them with the running totals.
ALTER TABLE assignment_use ADD COLUMN first_begin TEXT;
ALTER TABLE assignment_use ADD COLUMN last_end TEXT;

CREATE TEMP TABLE m016_extent AS
SELECT assignment_id, MIN(begin_date) AS first_begin, MAX(end_date) AS last_end
FROM decl_line
WHERE +status = 'A' AND credit = 0 AND assignment_id IS NOT NULL
GROUP BY assignment_id;

UPDATE assignment_use SET first_begin = e.first_begin, last_end = e.last_end
FROM m016_extent e WHERE e.assignment_id = assignment_use.assignment_id;

DROP TABLE m016_extent;

-- care_outside: the assignments with an accepted debit line (partly)
-- outside their care period: before the start of care or with no start
-- of care, or after its stop (signal_care_position over first_begin and
-- last_end; the SQL below is the same rule for the rows already there).
-- The outside-care signal reads only these assignments' lines.
CREATE TABLE care_outside (
    provider_id INTEGER NOT NULL,
    assignment_id INTEGER NOT NULL,
    PRIMARY KEY (provider_id, assignment_id)
) WITHOUT ROWID;

INSERT INTO care_outside (provider_id, assignment_id)
SELECT a.provider_id, a.id
FROM assignment_use u JOIN assignment a ON a.id = u.assignment_id
WHERE u.first_begin IS NOT NULL
  AND (a.care_start IS NULL OR u.first_begin < a.care_start
       OR (a.care_stop IS NOT NULL AND u.last_end > a.care_stop));

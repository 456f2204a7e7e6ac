-- 005: the stop-zorg history of iJw 3.2 (JW307), in its own migration:
-- databases created before it hold 003_ijw.sql without this table (IF NOT
-- EXISTS: a development database briefly had it in 003).
-- Every StopProduct of a JW307 that was applied, per assignment and the
-- start it ends (Begindatum): the facts of iJw 9413 (a second temporary
-- stop, RedenBeeindiging 20), 9414 (a later stop ending before the actueel
-- one) and 9415 (any stop after a definitive one, RedenBeeindiging not 20).
-- state: actueel (assignment.care_stop / stop_reason hold it), vervangen (a
-- temporary stop a later stop followed), vervallen (withdrawn: counts no
-- more). A stop the region knows from elsewhere is added as actueel the
-- first time a JW307 meets it.
CREATE TABLE IF NOT EXISTS ijw_stop (
    id INTEGER PRIMARY KEY,
    assignment_id INTEGER NOT NULL REFERENCES assignment (id),
    begin_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    reason TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('actueel', 'vervangen', 'vervallen'))
);
CREATE INDEX IF NOT EXISTS ijw_stop_key ON ijw_stop (assignment_id, begin_date);

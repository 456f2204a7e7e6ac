-- 013: the assignment runs the monitor counts (issue 11), read from one
-- narrow covering index instead of the wide rows: a municipality's runs
-- by its code and end (a run that ends before the period's first day is
-- not in it), the region's by a scan of the whole index. It is
-- assignment_run of migration 011 with the product category at its end,
-- so that the kinds of care (ambulant, wonen/verblijf) of the benchmark
-- and ambulantisering need no row either, and with the start of care, so
-- that the control signals read a municipality's care dates from it
-- instead of a row per declaration line. SQLite keeps it current with
-- every write to an assignment: nothing is recomputed after an import.
DROP INDEX assignment_run;
CREATE INDEX assignment_run ON assignment (gemeente, end_date, start_date, status, care_stop,
    youth_id, provider_id, category, care_start);

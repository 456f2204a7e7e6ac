-- 014: the budget control's open assignments (issue 11) from one covering
-- index instead of the wide rows: the active assignments of a
-- municipality by its code and end (a run that ends before the year's
-- first day is not in it), with every column the commitment and the
-- forecast need. On the national bench the wide rows of a large
-- municipality's year cost more than half of the control figure.
CREATE INDEX assignment_open ON assignment (status, gemeente, end_date, start_date, care_stop,
    provider_id, product, is_budget, budget_cents, volume, unit);

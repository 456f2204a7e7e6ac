-- 004: the shape the declaration import reads and writes (issue 3's benchmark).
--
-- The running totals of accepted lines leave the wide assignment row for a
-- narrow table: an import updates them for every assignment it touches, and
-- a narrow table stays in the page cache where the assignment rows do not.
-- An assignment without a row here has used nothing.
CREATE TABLE assignment_use (
    assignment_id INTEGER PRIMARY KEY REFERENCES assignment (id),
    used_cents INTEGER NOT NULL,
    used_base INTEGER NOT NULL
);
INSERT INTO assignment_use (assignment_id, used_cents, used_base)
    SELECT id, used_cents, used_base FROM assignment WHERE used_cents <> 0 OR used_base <> 0;
ALTER TABLE assignment DROP COLUMN used_cents;
ALTER TABLE assignment DROP COLUMN used_base;

-- The youth's BSN on the assignment: a BSN never changes (a youth is
-- registered once under it), and the declaration check compares a line's
-- BSN with its assignment's without a look-up per line in youth.
ALTER TABLE assignment ADD COLUMN bsn TEXT NOT NULL DEFAULT '';
UPDATE assignment SET bsn = (SELECT y.bsn FROM youth y WHERE y.id = assignment.youth_id);

-- Everything a declaration line is checked against, in the order a batch
-- (one provider, one municipality, one month) asks for it: the import reads
-- a batch's assignments with one range scan of this index instead of one
-- random row read per line.
CREATE INDEX assignment_decl ON assignment (provider_id, gemeente, end_date, start_date, number,
    id, youth_id, bsn, category, product, is_budget, budget_cents, volume, unit, status,
    care_start, care_stop);

-- The open-debit rule (iJw 9389: one accepted, uncredited debit per
-- assignment, product and begin date) is kept by a unique index whose first
-- column is one integer: the begin date's day number (days since
-- 1970-01-01) times 2^31 plus the assignment id. The day comes first so that
-- a month's declarations touch one narrow part of the index; an integer key
-- is compared and stored far cheaper than the date text it replaces.
ALTER TABLE decl_line ADD COLUMN debit_key INTEGER;
UPDATE decl_line SET debit_key = CAST(julianday(begin_date) - 2440587.5 AS INTEGER) * 2147483648
    + assignment_id WHERE assignment_id IS NOT NULL;
DROP INDEX decl_line_debit;
CREATE UNIQUE INDEX decl_line_debit ON decl_line (debit_key, product)
    WHERE status = 'A' AND credit = 0 AND credited = 0;

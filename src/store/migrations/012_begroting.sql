-- 012: the yearly budget (begroting) of a municipality per voorziening
-- (issue 11, budget control). One row per municipality, year and
-- voorziening (the monitor's: ambulant, verblijf (wonen/verblijf), crisis,
-- dyslexie, overig); setting it again replaces the row, and the audit log
-- keeps the value it replaced. The amount is integer eurocents, never
-- negative; taakveld is the optional Iv3 label (6.72, 6.73 or 6.74, NULL for
-- none); set_by and set_at say who set it and when (ISO 8601 UTC).
CREATE TABLE begroting (
    gemeente TEXT NOT NULL,
    year INTEGER NOT NULL CHECK (year >= 2000 AND year <= 2199),
    voorziening TEXT NOT NULL
        CHECK (voorziening IN ('ambulant', 'verblijf', 'crisis', 'dyslexie', 'overig')),
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    taakveld TEXT CHECK (taakveld IS NULL OR taakveld IN ('6.72', '6.73', '6.74')),
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL,
    PRIMARY KEY (gemeente, year, voorziening)
);
-- the region's budgets of one year (the list and the control figure of
-- the region read a year across every municipality)
CREATE INDEX begroting_year ON begroting (year, gemeente);

-- 023: the impact analysis's named scenarios (issue 12, docs/impact.md): a
-- proposed set of tariffs and keuzebudget amounts saved under its name, so
-- that the region's team and the municipalities can run the analysis on it
-- again (GET /api/v1/impact-analyses?a=NAME&b=NAME) without sending it
-- each time. scenario holds the scenario as its JSON file does ({"name",
-- "method", "tariffs", "budgets"}), checked against the catalog when it is
-- saved and again when it is read. Saving a name again replaces it; the
-- audit log keeps what it replaced. saved_at is ISO 8601 UTC.
CREATE TABLE impact_scenario (
    name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 63),
    scenario TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    saved_at TEXT NOT NULL
);

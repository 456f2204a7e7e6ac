-- 017: provider continuity (issue 12, docs/continuity.md): a provider's
-- yearly figures from its annual accounts (jaarverantwoording), imported
-- from CSV. One row per provider (AGB code) and year; importing the same
-- year for a provider again replaces the row (the audit log keeps what it
-- replaced). The AGB need not be a contracted provider (applicants are
-- checked too), so there is no foreign key to provider. Every figure is
-- integer eurocents and NULL when the file left it empty: a missing figure
-- is missing, never zero. imported_by, imported_at (ISO 8601 UTC) and
-- source (the file's name) say where a row came from.
CREATE TABLE continuity_accounts (
    agb TEXT NOT NULL,
    year INTEGER NOT NULL CHECK (year >= 2000 AND year <= 2199),
    name TEXT NOT NULL,
    total_revenue_cents INTEGER CHECK (total_revenue_cents >= 0),
    youth_revenue_cents INTEGER CHECK (youth_revenue_cents >= 0),
    net_result_cents INTEGER,
    equity_cents INTEGER,
    total_assets_cents INTEGER CHECK (total_assets_cents >= 0),
    current_assets_cents INTEGER CHECK (current_assets_cents >= 0),
    current_liabilities_cents INTEGER CHECK (current_liabilities_cents >= 0),
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (agb, year)
);
-- a year's figures of every provider (the summary reads one year whole)
CREATE INDEX continuity_accounts_year ON continuity_accounts (year, agb);

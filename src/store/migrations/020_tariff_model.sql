-- 020: tariff research (issue 12, docs/tariffs.md): the norms of the tariff
-- model per year and the adoptions of a next year's catalog. The norms are
-- data, seeded from a norms file (config/ijsselland-tariff-norms-YYYY.json)
-- and edited by rsj or beheerder (every change in the audit log). Every
-- amount is integer eurocents, every percentage integer basis points
-- (800 = 8.00 %), FTE in hundredths (650 = 6.50 FTE). example = 1 marks a
-- figure that is an example, not a published norm.
--
-- tariff_norm_years: one row per tariff year: the CAO the salaries follow
-- and the index from the year before to this one (element d of the reele
-- prijs): OVA, PCC and the method (ova: OVA alone; vng: the VNG mix,
-- wage_weight_bp of OVA and the rest of PCC).
CREATE TABLE tariff_norm_years (
    year INTEGER PRIMARY KEY CHECK (year >= 2000 AND year <= 2199),
    cao TEXT NOT NULL,
    ova_bp INTEGER NOT NULL CHECK (ova_bp >= -5000 AND ova_bp <= 5000),
    pcc_bp INTEGER NOT NULL CHECK (pcc_bp >= -5000 AND pcc_bp <= 5000),
    index_method TEXT NOT NULL CHECK (index_method IN ('ova', 'vng')),
    wage_weight_bp INTEGER NOT NULL CHECK (wage_weight_bp >= 0 AND wage_weight_bp <= 10000),
    example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1)),
    source TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- tariff_norm_fg: the hourly tariff of a functiegroep (the region's code,
-- FG1..FG7): CAO scale and step with its gross monthly salary, holiday pay
-- and year-end bonus on the yearly salary, employer charges on the gross
-- wage, direct client hours per FTE per year, overhead on the personnel
-- cost per hour, other client-related costs per hour.
CREATE TABLE tariff_norm_fg (
    year INTEGER NOT NULL REFERENCES tariff_norm_years (year),
    code TEXT NOT NULL,
    scale INTEGER NOT NULL CHECK (scale >= 1 AND scale <= 30),
    step INTEGER NOT NULL CHECK (step >= 0 AND step <= 40),
    monthly_salary_cents INTEGER NOT NULL CHECK (monthly_salary_cents > 0),
    holiday_bp INTEGER NOT NULL CHECK (holiday_bp >= 0),
    year_end_bp INTEGER NOT NULL CHECK (year_end_bp >= 0),
    employer_bp INTEGER NOT NULL CHECK (employer_bp >= 0),
    hours_per_fte INTEGER NOT NULL CHECK (hours_per_fte > 0),
    overhead_bp INTEGER NOT NULL CHECK (overhead_bp >= 0),
    other_cents INTEGER NOT NULL CHECK (other_cents >= 0),
    example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1)),
    PRIMARY KEY (year, code)
);
-- tariff_norm_intensity: the tariff per etmaal of a wonen/verblijf
-- intensity (the region's code): FTE per group of group_size youths, the
-- functiegroep whose personnel cost per FTE the staff costs, overhead on the
-- staff cost, other client-related costs and accommodation per place per
-- year, and the occupancy that turns a place's year into billed etmalen.
CREATE TABLE tariff_norm_intensity (
    year INTEGER NOT NULL REFERENCES tariff_norm_years (year),
    code TEXT NOT NULL,
    staff_fg TEXT NOT NULL,
    fte_x100 INTEGER NOT NULL CHECK (fte_x100 > 0),
    group_size INTEGER NOT NULL CHECK (group_size > 0),
    overhead_bp INTEGER NOT NULL CHECK (overhead_bp >= 0),
    other_cents INTEGER NOT NULL CHECK (other_cents >= 0),
    accommodation_cents INTEGER NOT NULL CHECK (accommodation_cents >= 0),
    occupancy_bp INTEGER NOT NULL CHECK (occupancy_bp > 0 AND occupancy_bp <= 10000),
    example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1)),
    PRIMARY KEY (year, code)
);
-- tariff_adoptions: a next year's catalog adopted (one row per adoption;
-- the region file written then is what an operator installs): the basis
-- (index or model), how many products it priced and the sum of their
-- tariffs (a checksum for the audit), who and when.
CREATE TABLE tariff_adoptions (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL CHECK (year >= 2000 AND year <= 2199),
    basis TEXT NOT NULL CHECK (basis IN ('index', 'model')),
    products INTEGER NOT NULL CHECK (products >= 0),
    total_cents INTEGER NOT NULL,
    adopted_by TEXT NOT NULL,
    adopted_at TEXT NOT NULL
);
CREATE INDEX tariff_adoptions_year ON tariff_adoptions (year, id);

-- 011: the monitor's spending summary (issue 11), written by the declaration
-- import in the transaction that stores the lines, so that the
-- spending figures read a few thousand summary rows instead of every
-- declaration line of the period, and a monthly import keeps them current
-- without any recomputation: an import adds its accepted lines' amounts to
-- these rows and never changes what earlier imports added. A line once accepted
-- is never changed (a credit is a line of its own, in its own batch's
-- month), so the sums stay exact.
--
-- Both are sums of what a line holds (product, assignment, youth) with its
-- batch (month, municipality, provider), with no join: the import sums them
-- in memory and adds one row per key at its commit.
--
-- spend_month: per paying municipality (the batch's), batch month
-- (decl_batch.period, 'YYYY-MM'), provider and the line's product (its
-- voorziening follows from the catalog): the accepted amount (debits minus
-- credits, eurocents) and the number of accepted lines.
CREATE TABLE spend_month (
    gemeente TEXT NOT NULL,
    month TEXT NOT NULL,
    provider_id INTEGER NOT NULL,
    product TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    lines INTEGER NOT NULL,
    PRIMARY KEY (gemeente, month, provider_id, product)
) WITHOUT ROWID;

-- spend_region_month: the same summed over the municipalities, so that the
-- region's figures read a twelfth of the rows.
CREATE TABLE spend_region_month (
    month TEXT NOT NULL,
    provider_id INTEGER NOT NULL,
    product TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    lines INTEGER NOT NULL,
    PRIMARY KEY (month, provider_id, product)
) WITHOUT ROWID;

-- spend_year: per calendar year, paying municipality, provider and
-- assignment: the youth, the months of the year in which the assignment
-- has an accepted line (bit m-1 for month m) and the year's accepted
-- amount. The distinct youths and assignments behind a period's spending
-- are the rows whose months meet the period's months: a count of distinct
-- values over rows the months column selects, never over the lines. The
-- key's first two columns find a municipality's year.
CREATE TABLE spend_year (
    year INTEGER NOT NULL,
    gemeente TEXT NOT NULL,
    provider_id INTEGER NOT NULL,
    assignment_id INTEGER NOT NULL,
    youth_id INTEGER NOT NULL,
    months INTEGER NOT NULL,
    amount_cents INTEGER NOT NULL,
    PRIMARY KEY (year, gemeente, provider_id, assignment_id)
) WITHOUT ROWID;

-- spend_youth: per calendar year, paying municipality ('' for the whole
-- region) and youth: the months of the year in which the youth has an
-- accepted line. One row per youth and year, so the youths behind a
-- period's spending are a count of rows, with no distinct to sort.
CREATE TABLE spend_youth (
    year INTEGER NOT NULL,
    gemeente TEXT NOT NULL,
    youth_id INTEGER NOT NULL,
    months INTEGER NOT NULL,
    PRIMARY KEY (year, gemeente, youth_id)
) WITHOUT ROWID;

-- The volume and referral figures read a municipality's assignments and
-- referrals of a period through these covering indexes instead of every
-- wide row of the table: an assignment by its municipality and end (a run
-- that ends before the period's first day is not in it), a referral by its
-- municipality and date.
CREATE INDEX assignment_run ON assignment (gemeente, end_date, start_date, status, care_stop,
    youth_id, provider_id);
CREATE INDEX referral_period ON referral (gemeente, referral_date, referrer_type, route, budget);

-- What is already stored, summed once (SUM(DISTINCT bit) of the distinct
-- months is their bitwise or).
INSERT INTO spend_month (month, gemeente, provider_id, product, amount_cents, lines)
SELECT b.period, b.gemeente, b.provider_id, l.product,
       SUM(CASE WHEN l.credit = 1 THEN -l.amount_cents ELSE l.amount_cents END), COUNT(*)
FROM decl_batch b JOIN decl_line l ON l.id BETWEEN b.first_line AND b.last_line
WHERE l.status = 'A'
GROUP BY b.period, b.gemeente, b.provider_id, l.product;

INSERT INTO spend_region_month (month, provider_id, product, amount_cents, lines)
SELECT month, provider_id, product, SUM(amount_cents), SUM(lines) FROM spend_month
GROUP BY month, provider_id, product;

INSERT INTO spend_year (year, gemeente, provider_id, assignment_id, youth_id, months, amount_cents)
SELECT CAST(substr(b.period, 1, 4) AS INTEGER), b.gemeente, b.provider_id, l.assignment_id,
       MIN(l.youth_id), SUM(DISTINCT 1 << (CAST(substr(b.period, 6, 2) AS INTEGER) - 1)),
       SUM(CASE WHEN l.credit = 1 THEN -l.amount_cents ELSE l.amount_cents END)
FROM decl_batch b JOIN decl_line l ON l.id BETWEEN b.first_line AND b.last_line
WHERE l.status = 'A'
GROUP BY 1, b.gemeente, b.provider_id, l.assignment_id;

-- the bitwise or of the assignments' months per youth: each month's bit is
-- the largest of that bit over them
INSERT INTO spend_youth (year, gemeente, youth_id, months)
SELECT year, gemeente, youth_id, MAX(months & 1) | MAX(months & 2) | MAX(months & 4)
       | MAX(months & 8) | MAX(months & 16) | MAX(months & 32) | MAX(months & 64)
       | MAX(months & 128) | MAX(months & 256) | MAX(months & 512) | MAX(months & 1024)
       | MAX(months & 2048)
FROM spend_year GROUP BY year, gemeente, youth_id;
INSERT INTO spend_youth (year, gemeente, youth_id, months)
SELECT year, '', youth_id, MAX(months & 1) | MAX(months & 2) | MAX(months & 4)
       | MAX(months & 8) | MAX(months & 16) | MAX(months & 32) | MAX(months & 64)
       | MAX(months & 128) | MAX(months & 256) | MAX(months & 512) | MAX(months & 1024)
       | MAX(months & 2048)
FROM spend_year GROUP BY year, youth_id;

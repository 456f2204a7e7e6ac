-- 011: the monitor's spending summary (issue 11), written by the declaration
-- import with each batch, in the batch's own transaction, so that the
-- spending figures read a few thousand summary rows instead of every
-- declaration line of the period, and a monthly import keeps them current
-- without any recomputation: a batch adds its accepted lines' amounts to
-- these rows and never changes another batch's share. A line once accepted
-- is never changed (a credit is a line of its own, in its own batch's
-- month), so the sums stay exact.
--
-- spend_month: per batch month (decl_batch.period, 'YYYY-MM'), paying
-- municipality (the batch's), provider, the line's product and the
-- assignment's kind ('' for a product assignment; for a budget assignment
-- its referral's keuzebudget, or 'offerte' when it came from a quote): the
-- accepted amount (debits minus credits, eurocents) and the number of
-- accepted lines.
CREATE TABLE spend_month (
    month TEXT NOT NULL,
    gemeente TEXT NOT NULL,
    provider_id INTEGER NOT NULL,
    product TEXT NOT NULL,
    kind TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    lines INTEGER NOT NULL,
    PRIMARY KEY (month, gemeente, provider_id, product, kind)
) WITHOUT ROWID;

-- spend_year: per calendar year, paying municipality, provider and
-- assignment: the youth, the months of the year in which the assignment
-- has an accepted line (bit m-1 for month m) and the year's accepted
-- amount. The distinct youths and assignments behind a period's spending
-- are the rows whose months meet the period's months: a count of distinct
-- values over rows the months column selects, never over the lines.
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
CREATE INDEX spend_year_youth ON spend_year (year, gemeente, youth_id, months);

-- What is already stored, summed once (SUM(DISTINCT bit) of the distinct
-- months is their bitwise or).
INSERT INTO spend_month (month, gemeente, provider_id, product, kind, amount_cents, lines)
SELECT b.period, b.gemeente, b.provider_id, l.product,
       CASE WHEN a.is_budget = 0 THEN '' ELSE COALESCE(NULLIF(r.budget, ''), 'offerte') END,
       SUM(CASE WHEN l.credit = 1 THEN -l.amount_cents ELSE l.amount_cents END), COUNT(*)
FROM decl_batch b JOIN decl_line l ON l.id BETWEEN b.first_line AND b.last_line
JOIN assignment a ON a.id = l.assignment_id LEFT JOIN referral r ON r.id = a.referral_id
WHERE l.status = 'A'
GROUP BY b.period, b.gemeente, b.provider_id, l.product, 5;

INSERT INTO spend_year (year, gemeente, provider_id, assignment_id, youth_id, months, amount_cents)
SELECT CAST(substr(b.period, 1, 4) AS INTEGER), b.gemeente, b.provider_id, a.id, a.youth_id,
       SUM(DISTINCT 1 << (CAST(substr(b.period, 6, 2) AS INTEGER) - 1)),
       SUM(CASE WHEN l.credit = 1 THEN -l.amount_cents ELSE l.amount_cents END)
FROM decl_batch b JOIN decl_line l ON l.id BETWEEN b.first_line AND b.last_line
JOIN assignment a ON a.id = l.assignment_id
WHERE l.status = 'A'
GROUP BY 1, b.gemeente, b.provider_id, a.id;

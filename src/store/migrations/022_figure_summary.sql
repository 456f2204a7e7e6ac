-- 022: the spending summary per product (issue 11, the Benchmark targets),
-- written by the declaration import in the transaction that stores the
-- lines, from the same in-memory sums as spend_month (service/spend_acc.c),
-- so that it always equals them.
--
-- spend_product_month: per paying municipality ('' for the whole region:
-- spend_region_month's rows summed), batch month and the line's product:
-- the accepted amount (debits minus credits, eurocents) and the number of
-- accepted lines; spend_month without its provider. The budget control
-- (every municipality's 24 months per voorziening), the benchmark and
-- ambulantisering (a period's amounts per product of each municipality and
-- of the region) read these few thousand rows instead of the 1.6 million
-- provider rows of spend_month of a national year. A monthly import adds
-- its own sums and never changes what earlier imports added.
CREATE TABLE spend_product_month (
    gemeente TEXT NOT NULL,
    month TEXT NOT NULL,
    product TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    lines INTEGER NOT NULL,
    PRIMARY KEY (gemeente, month, product)
) WITHOUT ROWID;

INSERT INTO spend_product_month (gemeente, month, product, amount_cents, lines)
SELECT gemeente, month, product, SUM(amount_cents), SUM(lines) FROM spend_month
GROUP BY gemeente, month, product;

INSERT INTO spend_product_month (gemeente, month, product, amount_cents, lines)
SELECT '', month, product, SUM(amount_cents), SUM(lines) FROM spend_region_month
GROUP BY month, product;

-- The end reasons read the assignments whose care stopped in the period
-- (and in the 12 months before, for re-entry): through this index, those
-- rows, instead of every wide row of the table twice. Kept by SQLite with
-- every stop of care (the care service), not by the import.
CREATE INDEX assignment_care_stop ON assignment (care_stop);

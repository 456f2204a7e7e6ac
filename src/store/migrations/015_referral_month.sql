-- 015: the referrals per month (issue 11), kept by store_referral_insert
-- in the transaction that inserts the referral, so that the referral
-- figures of a municipality, and of the region beside it, read a few
-- hundred summary rows instead of every referral of the period. A
-- referral is never deleted and its municipality, date, referrer type,
-- route and keuzebudget never change (only its status does), so adding
-- one to its month's row keeps the sums exact without any recomputation.
-- budget is '' for a referral without a keuzebudget.
CREATE TABLE referral_month (
    gemeente TEXT NOT NULL,
    month TEXT NOT NULL,
    referrer_type TEXT NOT NULL,
    route TEXT NOT NULL,
    budget TEXT NOT NULL,
    referrals INTEGER NOT NULL,
    PRIMARY KEY (gemeente, month, referrer_type, route, budget)
) WITHOUT ROWID;

INSERT INTO referral_month (gemeente, month, referrer_type, route, budget, referrals)
SELECT gemeente, substr(referral_date, 1, 7), referrer_type, route, COALESCE(budget, ''), COUNT(*)
FROM referral
GROUP BY gemeente, substr(referral_date, 1, 7), referrer_type, route, COALESCE(budget, '');

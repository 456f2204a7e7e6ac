-- 008: a municipality's referrals in order, for its list (referral_list
-- filters by the principal's municipality in SQL, no longer row by row in C).
CREATE INDEX referral_gemeente ON referral (gemeente, id);

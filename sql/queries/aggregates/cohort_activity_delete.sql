-- First half of refreshing agg_cohort_activity (once per write, after agg_sale_chain): drop
-- the counts of @from_month (the month of the earliest date the write touched) and later. A
-- write dated in a month changes no customer's first sale in an earlier month (were it before
-- their first sale, they had no earlier sales), so earlier months' counts stand.
DELETE FROM agg_cohort_activity
WHERE active_month >= @from_month

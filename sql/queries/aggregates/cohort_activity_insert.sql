-- Second half: the counts of @from_month and later again, from agg_sale_chain: a customer's
-- first sale in a month is their row of that month whose previous sale is before the month.
INSERT INTO agg_cohort_activity (first_date, first_month, active_date, active_month, customers)
SELECT s.first_date, f.month_start, s.sale_date, s.month_start, COUNT(*)
FROM agg_sale_chain s
JOIN dim_date f ON f.calendar_date = s.first_date
WHERE s.sale_date >= @from_month
  AND (s.prev_date IS NULL OR s.prev_date < s.month_start)
GROUP BY s.first_date, f.month_start, s.sale_date, s.month_start
ORDER BY s.month_start, s.first_date, s.sale_date

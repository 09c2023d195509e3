-- Second half: the counts of @from_month and later again, from agg_sale_chain: a customer's
-- first sale in a month is their row of that month whose previous sale is before the month;
-- retained when that previous sale is on or after the first day of the month before.
INSERT INTO agg_cohort_activity (first_date, first_month, active_date, active_month, customers, retained)
SELECT s.first_date, f.month_start, s.sale_date, s.month_start, COUNT(*),
       CAST(SUM(CASE WHEN s.prev_date >= before_month.month_start THEN 1 ELSE 0 END) AS BIGINT)
FROM agg_sale_chain s
JOIN dim_date f ON f.calendar_date = s.first_date
JOIN dim_date m ON m.calendar_date = s.month_start
JOIN dim_date before_month ON before_month.day_number = m.day_number - 1
WHERE s.sale_date >= @from_month
  AND (s.prev_date IS NULL OR s.prev_date < s.month_start)
GROUP BY s.first_date, f.month_start, s.sale_date, s.month_start
ORDER BY s.month_start, s.first_date, s.sale_date

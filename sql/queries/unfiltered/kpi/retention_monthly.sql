-- kpi/retention_monthly when nothing is filtered and the scope is everything, from
-- agg_sale_chain: a customer's first sale in a month is the row whose previous sale is before
-- the month; they were active in the month before too exactly when that previous sale is on or
-- after the previous month's first day.
--#dated
WITH
--#include retention_months
, firsts AS (
    SELECT s.month_start, s.prev_date
    FROM agg_sale_chain s
    WHERE s.sale_date >= @prev_from AND s.sale_date < @date_to
      AND (s.prev_date IS NULL OR s.prev_date < s.month_start)
      --#include unfiltered_guard
), active AS (
    SELECT month_start, COUNT(*) AS customers
    FROM firsts
    GROUP BY month_start
), retained AS (
    SELECT f.month_start, COUNT(*) AS customers
    FROM firsts f
    JOIN months m ON m.month_start = f.month_start
    WHERE f.prev_date >= m.previous_month
    GROUP BY f.month_start
)
SELECT m.month_start AS bucket,
       COALESCE(a.customers, 0) AS previous_active,
       COALESCE(r.customers, 0) AS retained
FROM months m
LEFT JOIN active a ON a.month_start = m.previous_month
LEFT JOIN retained r ON r.month_start = m.month_start
ORDER BY m.month_start

-- Cohort retention: customers grouped by the month of their first-ever sale (from @date_from,
-- a month start, to @date_to), and for each later month how many of them bought again.
-- A customer belongs to the filtered slice when their first sale matches the filters; their
-- activity is their filtered sales. First sales are read from agg_first_sale. months_since = 0 is the cohort's own month (its size).
--#dated
WITH members AS (
    SELECT DISTINCT o.customer_id, d.month_start AS cohort
    FROM agg_first_sale o
    JOIN dim_date d ON d.calendar_date = o.first_date
    WHERE o.first_date >= @date_from AND o.first_date < @date_to
      --#include order_filters
), activity AS (
    SELECT DISTINCT o.customer_id, d.month_start AS active_month
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NOT NULL
      --#include sale
      --#include order_filters
),
--#include cohort_months
SELECT m.cohort,
       am.month_number - cm.month_number AS months_since,
       COUNT(*) AS customers
FROM members m
JOIN activity a ON a.customer_id = m.customer_id AND a.active_month >= m.cohort
JOIN months cm ON cm.month_start = m.cohort
JOIN months am ON am.month_start = a.active_month
GROUP BY m.cohort, am.month_number - cm.month_number
ORDER BY m.cohort, months_since

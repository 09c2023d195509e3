-- customer_growth: customers acquired (first-ever sale) in the period over the customers
-- acquired before it, per period or per calendar month (@monthly = 1). A customer counts
-- where their first sale matches the filters (agg_first_sale: every sale of a customer's
-- first day).
--#dated
WITH acquired AS (
    SELECT o.customer_id, MIN(o.first_date) AS first_date
    FROM agg_first_sale o
    WHERE o.first_date < @date_to
      --#include order_filters
    GROUP BY o.customer_id
), days AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket, d.calendar_date
    FROM dim_date d
    WHERE d.calendar_date >= @date_from AND d.calendar_date < @date_to
), buckets AS (
    SELECT bucket, MIN(calendar_date) AS first_day, MAX(calendar_date) AS last_day
    FROM days
    GROUP BY bucket
)
SELECT b.bucket,
       (SELECT COUNT(*) FROM acquired a WHERE a.first_date < b.first_day) AS customer_base,
       (SELECT COUNT(*) FROM acquired a WHERE a.first_date >= b.first_day AND a.first_date <= b.last_day) AS acquired_customers
FROM buckets b
ORDER BY b.bucket

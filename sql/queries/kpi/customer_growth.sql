-- customer_growth: customers acquired (first-ever sale) in the period over the customers
-- acquired before it, per period or per calendar month (@monthly = 1). A customer counts
-- where their first sale matches the filters.
WITH first_sales AS (
    SELECT o.customer_id, MIN(o.order_date) AS first_date
    FROM fact_order o
    WHERE o.customer_id IS NOT NULL
      AND o.order_date < @date_to
      AND o.status <> 'cancelled' AND o.revenue > 0
    GROUP BY o.customer_id
), acquired AS (
    SELECT DISTINCT f.customer_id, f.first_date
    FROM first_sales f
    JOIN fact_order o ON o.customer_id = f.customer_id AND o.order_date = f.first_date
    WHERE o.status <> 'cancelled' AND o.revenue > 0
      --#include order_filters
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

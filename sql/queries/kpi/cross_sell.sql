-- cross_sell_rate for [date_from, date_to): active customers whose sales in the period span at
-- least two product categories, over all active customers (both under the same filters, so a
-- category filter asks "two or more of the selected categories").
--#dated
WITH scoped AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           o.customer_id, o.category_id
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NOT NULL
      --#include sale
      --#include order_filters
), per_customer AS (
    SELECT bucket, customer_id, COUNT(DISTINCT category_id) AS categories
    FROM scoped
    GROUP BY bucket, customer_id
)
SELECT bucket,
       COUNT(*) AS active_customers,
       CAST(SUM(CASE WHEN categories >= 2 THEN 1 ELSE 0 END) AS BIGINT) AS cross_buyers
FROM per_customer
GROUP BY bucket
ORDER BY bucket

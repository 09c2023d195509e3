-- top20_share (the 2:8 rule): the revenue of the top ceil(N/5) of the N active customers,
-- ranked by revenue in [date_from, date_to) with ties broken by customer id, over the revenue
-- of all N. "position <= ceil(N/5)" is written 5 * (position - 1) < N to stay in integers.
--#dated
WITH sales AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           o.customer_id, o.revenue
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NOT NULL
      --#include sale
      --#include order_filters
), per_customer AS (
    SELECT bucket, customer_id, SUM(revenue) AS revenue
    FROM sales
    GROUP BY bucket, customer_id
), ranked AS (
    SELECT bucket, revenue,
           ROW_NUMBER() OVER (PARTITION BY bucket ORDER BY revenue DESC, customer_id) AS position,
           COUNT(*) OVER (PARTITION BY bucket) AS customers
    FROM per_customer
)
SELECT bucket,
       CAST(SUM(revenue) AS DECIMAL(18,2)) AS customer_revenue,
       CAST(SUM(CASE WHEN 5 * (position - 1) < customers THEN revenue ELSE 0 END) AS DECIMAL(18,2)) AS top_revenue,
       COUNT(*) AS ranked_customers,
       CAST(SUM(CASE WHEN 5 * (position - 1) < customers THEN 1 ELSE 0 END) AS BIGINT) AS top_customers
FROM ranked
GROUP BY bucket
ORDER BY bucket

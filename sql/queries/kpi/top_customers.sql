-- top20_share (the 2:8 rule): the revenue of the top ceil(N/5) of the N active customers,
-- ranked by revenue in [date_from, date_to) with ties broken by customer id, over the revenue
-- of all N. "position <= ceil(N/5)" is written 5 * (position - 1) < N to stay in integers.
--#dated
-- The period's bucket is @date_from itself: only the months (@monthly = 1) join the calendar for
-- their month_start; each branch is gated by @monthly in its WHERE, so one is skipped.
WITH period_customers AS (
    SELECT @date_from AS bucket, o.customer_id, SUM(o.revenue) AS revenue
    FROM fact_order o
    WHERE COALESCE(@monthly, 0) <> 1
      AND o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NOT NULL
      --#include sale
      --#include order_filters
    GROUP BY o.customer_id
), month_customers AS (
    SELECT d.month_start AS bucket, o.customer_id, SUM(o.revenue) AS revenue
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE @monthly = 1
      AND o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NOT NULL
      --#include sale
      --#include order_filters
    GROUP BY d.month_start, o.customer_id
), ranked AS (
    -- The period is one bucket: ranked without a partition (a partition by a constant costs a
    -- pass of its own); the months each on their own.
    SELECT bucket, revenue,
           ROW_NUMBER() OVER (ORDER BY revenue DESC, customer_id) AS position,
           COUNT(*) OVER () AS customers
    FROM period_customers
    UNION ALL
    SELECT bucket, revenue,
           ROW_NUMBER() OVER (PARTITION BY bucket ORDER BY revenue DESC, customer_id) AS position,
           COUNT(*) OVER (PARTITION BY bucket) AS customers
    FROM month_customers
)
SELECT bucket,
       CAST(SUM(revenue) AS DECIMAL(18,2)) AS customer_revenue,
       CAST(SUM(CASE WHEN 5 * (position - 1) < customers THEN revenue ELSE 0 END) AS DECIMAL(18,2)) AS top_revenue,
       COUNT(*) AS ranked_customers,
       CAST(SUM(CASE WHEN 5 * (position - 1) < customers THEN 1 ELSE 0 END) AS BIGINT) AS top_customers
FROM ranked
GROUP BY bucket
ORDER BY bucket

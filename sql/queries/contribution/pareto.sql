-- The Pareto curve of [date_from, date_to): customers ranked by revenue (ties by id) with the
-- running total of their revenue. At most about 200 points come back (every n-th customer and
-- the last), enough to draw the curve at any size of customer base.
WITH per_customer AS (
    SELECT o.customer_id, SUM(o.revenue) AS revenue
    FROM fact_order o
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NOT NULL
      --#include sale
      --#include order_filters
    GROUP BY o.customer_id
), ranked AS (
    SELECT revenue,
           ROW_NUMBER() OVER (ORDER BY revenue DESC, customer_id) AS position,
           COUNT(*) OVER () AS customers,
           SUM(revenue) OVER (ORDER BY revenue DESC, customer_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative_revenue,
           SUM(revenue) OVER () AS total_revenue
    FROM per_customer
), stepped AS (
    SELECT r.*, CAST(FLOOR((customers + 199) / 200.0) AS INTEGER) AS step
    FROM ranked r
)
SELECT position, customers,
       CAST(cumulative_revenue AS DECIMAL(18,2)) AS cumulative_revenue,
       CAST(total_revenue AS DECIMAL(18,2)) AS total_revenue
FROM stepped
WHERE position % step = 0 OR position = customers OR position = 1
ORDER BY position

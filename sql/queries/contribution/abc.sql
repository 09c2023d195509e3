-- ABC classes of the customers active in [date_from, date_to): ranked by revenue (ties by id),
-- A while the revenue before a customer is under 80 % of the total, B under 95 %, C after.
WITH per_customer AS (
    SELECT o.customer_id, SUM(o.revenue) AS revenue, SUM(o.revenue - o.cost) AS gross_profit, COUNT(*) AS orders
    FROM fact_order o
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NOT NULL
      --#include sale
      --#include order_filters
    GROUP BY o.customer_id
), ranked AS (
    SELECT revenue, gross_profit, orders,
           COALESCE(SUM(revenue) OVER (ORDER BY revenue DESC, customer_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS revenue_before,
           SUM(revenue) OVER () AS total_revenue
    FROM per_customer
), classed AS (
    SELECT revenue, gross_profit, orders,
           CASE WHEN revenue_before < CAST(0.80 AS DECIMAL(18,4)) * total_revenue THEN 'A'
                WHEN revenue_before < CAST(0.95 AS DECIMAL(18,4)) * total_revenue THEN 'B'
                ELSE 'C' END AS abc_class
    FROM ranked
)
SELECT abc_class,
       COUNT(*) AS customers,
       CAST(SUM(revenue) AS DECIMAL(18,2)) AS revenue,
       CAST(SUM(gross_profit) AS DECIMAL(18,2)) AS gross_profit,
       CAST(SUM(orders) AS BIGINT) AS orders
FROM classed
GROUP BY abc_class
ORDER BY abc_class

-- The CTE "per_customer": each identified customer's sales in [date_from, date_to) under the
-- filters — revenue, gross profit, orders and the last sale's date. Sums are cast to the
-- fact's own precision (a customer's total fits): sorting and summing narrow decimals is
-- cheaper than the engine's wide ones. Shared by contribution/ranking and contribution/customers.
per_customer AS (
    SELECT o.customer_id,
           CAST(SUM(o.revenue) AS DECIMAL(18,2)) AS revenue,
           CAST(SUM(o.revenue - o.cost) AS DECIMAL(18,2)) AS gross_profit,
           COUNT(*) AS orders,
           MAX(o.order_date) AS last_date
    FROM fact_order o
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NOT NULL
      --#include sale
      --#include order_filters
    GROUP BY o.customer_id
)

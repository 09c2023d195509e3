-- retention/new_vs_returning when nothing is filtered and the scope is everything: identified
-- customers' revenue from agg_sale_chain, whose rows carry each customer's first-ever sale
-- (a sale is new when that first sale is in the sale's own month, i.e. on or after its first
-- day), without joining first sales to the window's orders; anonymous revenue from fact_order.
--#dated
WITH identified AS (
    SELECT s.month_start AS bucket,
           SUM(CASE WHEN s.first_date >= s.month_start THEN s.revenue ELSE 0 END) AS new_revenue,
           SUM(CASE WHEN s.first_date < s.month_start THEN s.revenue ELSE 0 END) AS returning_revenue
    FROM agg_sale_chain s
    WHERE s.sale_date >= @date_from AND s.sale_date < @date_to
      --#include unfiltered_guard
    GROUP BY s.month_start
), anonymous AS (
    SELECT d.month_start AS bucket, SUM(o.revenue) AS revenue
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NULL
      --#include sale
      --#include unfiltered_guard
    GROUP BY d.month_start
)
--#include new_vs_returning_rows

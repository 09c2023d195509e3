-- retention/churned when nothing is filtered and the scope is everything, from agg_sale_chain
-- (sales only, with their revenue: no status test and fewer columns than fact_order). A
-- customer's first sale in a window is their row there whose previous sale is before it: one
-- row per customer, so the churned need no DISTINCT.
WITH churned AS (
    SELECT s.customer_id
    FROM agg_sale_chain s
    WHERE s.sale_date >= @prev_from AND s.sale_date < @prev_to
      AND (s.prev_date IS NULL OR s.prev_date < @prev_from)
      --#include unfiltered_guard
      AND NOT EXISTS (
          SELECT 1 FROM agg_sale_chain c
          WHERE c.customer_id = s.customer_id AND c.sale_date >= @date_from AND c.sale_date < @date_to
            AND (c.prev_date IS NULL OR c.prev_date < @date_from))
), lifetime AS (
    SELECT s.customer_id, MAX(s.sale_date) AS last_order, SUM(s.revenue) AS lifetime_revenue, COUNT(*) AS lifetime_orders
    FROM agg_sale_chain s
    JOIN churned ch ON ch.customer_id = s.customer_id
    WHERE s.sale_date < @date_to
    GROUP BY s.customer_id
),
--#include churned_rows

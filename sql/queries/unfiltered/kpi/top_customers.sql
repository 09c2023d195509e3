-- kpi/top_customers when nothing is filtered and the scope is everything. For the period
-- (@monthly = 0) each active customer's revenue in the window comes from two agg_sale_chain rows
-- instead of a grouping of every order: their lifetime revenue at their last sale in the window
-- (the next sale is on or after its end, or none) less the lifetime before their first sale in
-- it (the previous sale is before its start, or none). The months (@monthly = 1) sum the facts
-- as the namesake does. Each branch is gated by @monthly in its WHERE, so one is skipped; the
-- ranking is the namesake's.
--#dated
WITH period_customers AS
--#include materialized
(
    SELECT @date_from AS bucket, l.customer_id, l.lifetime_revenue - (f.lifetime_revenue - f.revenue) AS revenue
    FROM agg_sale_chain l
    JOIN agg_sale_chain f ON f.customer_id = l.customer_id
    WHERE COALESCE(@monthly, 0) <> 1
      AND l.sale_date >= @date_from AND l.sale_date < @date_to AND (l.next_date IS NULL OR l.next_date >= @date_to)
      AND f.sale_date >= @date_from AND f.sale_date < @date_to AND (f.prev_date IS NULL OR f.prev_date < @date_from)
      --#include unfiltered_guard
), month_customers AS (
    SELECT d.month_start AS bucket, o.customer_id, SUM(o.revenue) AS revenue
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE @monthly = 1
      AND o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NOT NULL
      --#include sale
      --#include unfiltered_guard
    GROUP BY d.month_start, o.customer_id
),
--#include top_customers_ranking

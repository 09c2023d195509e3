-- The sales of [date_from, date_to) per bucket (the window from @window_from, @monthly = 0, or
-- each calendar month) under the filters, and their sums: the additive half of kpi/sales_summary
-- (CTEs "scoped" and "totals").
scoped AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @window_from END AS bucket,
           o.customer_id, o.revenue, o.cost, o.items, o.returned_value,
           --#include is_sale
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      --#include order_filters
), totals AS (
    SELECT
        bucket,
        CAST(COALESCE(SUM(CASE WHEN is_sale = 1 THEN revenue END), 0) AS DECIMAL(18,2)) AS revenue,
        CAST(COALESCE(SUM(CASE WHEN is_sale = 1 THEN cost END), 0) AS DECIMAL(18,2)) AS cost,
        CAST(SUM(is_sale) AS BIGINT) AS orders,
        CAST(COALESCE(SUM(CASE WHEN is_sale = 1 THEN items END), 0) AS BIGINT) AS items,
        CAST(SUM(returned_value) AS DECIMAL(18,2)) AS returns_value,
        CAST(SUM(CASE WHEN is_sale = 1 AND customer_id IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS identified_orders
    FROM scoped
    GROUP BY bucket
)

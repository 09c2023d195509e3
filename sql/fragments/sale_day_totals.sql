-- The CTE "totals" of sales_totals.sql (bucket, revenue, cost, orders, items, returns_value,
-- identified_orders) from agg_sale_day: the same sums over ~700 rows a day instead of every
-- order, for the twins (unfiltered/, member/), under the filters its rows carry (day_filters).
totals AS (
    SELECT bucket,
           CAST(SUM(revenue) AS DECIMAL(18,2)) AS revenue,
           CAST(SUM(cost) AS DECIMAL(18,2)) AS cost,
           CAST(SUM(orders) AS BIGINT) AS orders,
           CAST(SUM(items) AS BIGINT) AS items,
           CAST(SUM(returns_value) AS DECIMAL(18,2)) AS returns_value,
           CAST(SUM(identified_orders) AS BIGINT) AS identified_orders
    FROM (
        SELECT CASE WHEN @monthly = 1 THEN o.month_start ELSE @window_from END AS bucket,
               o.revenue, o.cost, o.orders, o.items, o.returns_value, o.identified_orders
        FROM agg_sale_day o
        WHERE o.sale_date >= @date_from AND o.sale_date < @date_to
          --#include day_filters
    ) days
    GROUP BY bucket
)

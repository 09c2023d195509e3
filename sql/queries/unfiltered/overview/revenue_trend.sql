-- overview/revenue_trend when nothing is filtered and the scope is everything: the same rows
-- from agg_sale_day (days without a sale have no row there either: orders > 0).
--#dated
WITH scoped AS (
    SELECT CASE WHEN @grain = 'day' THEN a.sale_date ELSE a.month_start END AS bucket,
           a.revenue, a.cost, a.orders
    FROM agg_sale_day a
    WHERE a.sale_date >= @date_from AND a.sale_date < @date_to
      AND a.orders > 0
      --#include unfiltered_guard
)
SELECT bucket,
       CAST(SUM(revenue) AS DECIMAL(18,2)) AS revenue,
       CAST(SUM(revenue - cost) AS DECIMAL(18,2)) AS gross_profit,
       CAST(SUM(orders) AS BIGINT) AS orders
FROM scoped
GROUP BY bucket
ORDER BY bucket

-- overview/revenue_trend from agg_sale_day (days without a sale have no row there either:
-- orders > 0), when nothing is filtered or only what its rows carry (day_filters), for the whole scope.
--#dated
--#day-filters
WITH scoped AS (
    SELECT CASE WHEN @grain = 'day' THEN o.sale_date ELSE o.month_start END AS bucket,
           o.revenue, o.cost, o.orders
    FROM agg_sale_day o
    WHERE o.sale_date >= @date_from AND o.sale_date < @date_to
      AND o.orders > 0
      --#include day_filters
)
SELECT bucket,
       CAST(SUM(revenue) AS DECIMAL(18,2)) AS revenue,
       CAST(SUM(revenue - cost) AS DECIMAL(18,2)) AS gross_profit,
       CAST(SUM(orders) AS BIGINT) AS orders
FROM scoped
GROUP BY bucket
ORDER BY bucket

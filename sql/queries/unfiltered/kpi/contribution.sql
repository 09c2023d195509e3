-- kpi/contribution when nothing is filtered and the scope is everything: the slice is every
-- sale, so its sums are the totals, read from agg_sale_day (a bucket with no sale has no row:
-- orders > 0).
--#dated
WITH sales AS (
    SELECT CASE WHEN @monthly = 1 THEN a.month_start ELSE @date_from END AS bucket,
           a.revenue, a.cost
    FROM agg_sale_day a
    WHERE a.sale_date >= @date_from AND a.sale_date < @date_to
      AND a.orders > 0
      --#include unfiltered_guard
)
SELECT bucket,
       CAST(SUM(revenue) AS DECIMAL(18,2)) AS slice_revenue,
       CAST(SUM(revenue - cost) AS DECIMAL(18,2)) AS slice_gross_profit,
       CAST(SUM(revenue) AS DECIMAL(18,2)) AS total_revenue,
       CAST(SUM(revenue - cost) AS DECIMAL(18,2)) AS total_gross_profit
FROM sales
GROUP BY bucket
ORDER BY bucket

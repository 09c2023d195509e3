-- kpi/contribution from agg_sale_day, when nothing is filtered or only what its rows carry
-- (day_filters), for the whole scope: the slice is the sales under the filters, the total every
-- sale (a bucket with no sale has no row: orders > 0; one with sales but none of the slice's
-- has a slice of 0, as in the namesake).
--#dated
--#day-filters
WITH totals AS (
    SELECT CASE WHEN @monthly = 1 THEN o.month_start ELSE @date_from END AS bucket,
           SUM(o.revenue) AS revenue, SUM(o.revenue - o.cost) AS gross_profit
    FROM agg_sale_day o
    WHERE o.sale_date >= @date_from AND o.sale_date < @date_to
      AND o.orders > 0
      --#include day_guard
    GROUP BY CASE WHEN @monthly = 1 THEN o.month_start ELSE @date_from END
), slice AS (
    SELECT CASE WHEN @monthly = 1 THEN o.month_start ELSE @date_from END AS bucket,
           SUM(o.revenue) AS revenue, SUM(o.revenue - o.cost) AS gross_profit
    FROM agg_sale_day o
    WHERE o.sale_date >= @date_from AND o.sale_date < @date_to
      AND o.orders > 0
      --#include day_filters
    GROUP BY CASE WHEN @monthly = 1 THEN o.month_start ELSE @date_from END
)
SELECT t.bucket,
       CAST(COALESCE(s.revenue, 0) AS DECIMAL(18,2)) AS slice_revenue,
       CAST(COALESCE(s.gross_profit, 0) AS DECIMAL(18,2)) AS slice_gross_profit,
       CAST(t.revenue AS DECIMAL(18,2)) AS total_revenue,
       CAST(t.gross_profit AS DECIMAL(18,2)) AS total_gross_profit
FROM totals t
LEFT JOIN slice s ON s.bucket = t.bucket
ORDER BY t.bucket

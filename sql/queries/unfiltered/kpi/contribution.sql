-- kpi/contribution from agg_sale_day, when nothing is filtered or only what its rows carry
-- (day_filters), for the whole scope: the slice is the sales under the filters, the total every
-- sale (a bucket with no sale has no row: orders > 0; one with sales but none of the slice's
-- has a slice of 0, as in the namesake).
--#dated
--#day-filters
WITH days AS (
    -- Every day row of the window, and whether the filters keep it in the slice.
    SELECT CASE WHEN @monthly = 1 THEN o.month_start ELSE @date_from END AS bucket,
           o.revenue, o.cost,
           CASE WHEN 1 = 1
               --#include day_filters
               THEN 1 ELSE 0 END AS in_slice
    FROM agg_sale_day o
    WHERE o.sale_date >= @date_from AND o.sale_date < @date_to
      AND o.orders > 0
      --#include day_guard
)
SELECT bucket,
       CAST(SUM(CASE WHEN in_slice = 1 THEN revenue ELSE 0 END) AS DECIMAL(18,2)) AS slice_revenue,
       CAST(SUM(CASE WHEN in_slice = 1 THEN revenue - cost ELSE 0 END) AS DECIMAL(18,2)) AS slice_gross_profit,
       CAST(SUM(revenue) AS DECIMAL(18,2)) AS total_revenue,
       CAST(SUM(revenue - cost) AS DECIMAL(18,2)) AS total_gross_profit
FROM days
GROUP BY bucket
ORDER BY bucket

-- contribution/by_dimension_revenue from agg_sale_day, when nothing is filtered or only what its
-- rows carry (day_filters), for the whole scope: each member's revenue summed from ~700 rows a day
-- instead of the window's sales.
--#day-filters
WITH
--#include dimension_day_sales
SELECT member_id,
       CAST(SUM(revenue) AS DECIMAL(18,2)) AS revenue
FROM day_scoped
GROUP BY member_id
HAVING SUM(orders) > 0
ORDER BY member_id

-- contribution/by_dimension_revenue when nothing is filtered and the scope is everything: each
-- member's revenue summed from agg_sale_day (~700 rows a day) instead of the window's sales.
WITH
--#include dimension_day_sales
SELECT member_id,
       CAST(SUM(revenue) AS DECIMAL(18,2)) AS revenue
FROM day_scoped
GROUP BY member_id
HAVING SUM(orders) > 0
ORDER BY member_id

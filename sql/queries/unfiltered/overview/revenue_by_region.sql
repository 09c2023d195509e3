-- overview/revenue_by_region when nothing is filtered and the scope is everything: the same
-- rows from agg_sale_day (a region with no sale in the window has no row: orders > 0).
--#dated
WITH scoped AS (
    SELECT a.region_id, a.revenue, a.cost
    FROM agg_sale_day a
    WHERE a.sale_date >= @date_from AND a.sale_date < @date_to
      AND a.orders > 0
      --#include unfiltered_guard
)
--#include region_revenue_rows

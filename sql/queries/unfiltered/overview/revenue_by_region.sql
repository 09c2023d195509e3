-- overview/revenue_by_region from agg_sale_day (a region with no sale in the window has no row:
-- orders > 0), when nothing is filtered or only what its rows carry (day_filters), for the whole scope.
--#dated
--#day-filters
WITH scoped AS (
    SELECT o.region_id, o.revenue, o.cost
    FROM agg_sale_day o
    WHERE o.sale_date >= @date_from AND o.sale_date < @date_to
      AND o.orders > 0
      --#include day_filters
)
--#include region_revenue_rows

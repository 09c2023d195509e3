-- Revenue and gross profit over [date_from, date_to) per region of sale; sales with no
-- region are reported under region_id NULL.
--#dated
WITH scoped AS (
    SELECT o.region_id, o.revenue, o.cost
    FROM fact_order o
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      --#include sale
      --#include order_filters
)
--#include region_revenue_rows

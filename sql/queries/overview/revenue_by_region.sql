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
SELECT s.region_id,
       MAX(r.name) AS region_name,
       CAST(SUM(s.revenue) AS DECIMAL(18,2)) AS revenue,
       CAST(SUM(s.revenue - s.cost) AS DECIMAL(18,2)) AS gross_profit
FROM scoped s
LEFT JOIN dim_region r ON r.region_id = s.region_id
GROUP BY s.region_id
ORDER BY revenue DESC

-- Revenue and gross profit of [date_from, date_to) per member of one dimension
-- (@dimension: 'region', 'segment', 'channel' or 'category'); member_id NULL collects sales
-- without one (anonymous sales have no segment).
WITH scoped AS (
    SELECT CASE WHEN @dimension = 'region' THEN o.region_id
                WHEN @dimension = 'segment' THEN o.segment_id
                WHEN @dimension = 'channel' THEN o.channel_id
                WHEN @dimension = 'category' THEN o.category_id END AS member_id,
           o.revenue, o.cost, o.customer_id
    FROM fact_order o
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      --#include sale
      --#include order_filters
), names AS (
    SELECT 'region' AS dimension, region_id AS member_id, name FROM dim_region
    UNION ALL SELECT 'segment', segment_id, name FROM dim_segment
    UNION ALL SELECT 'channel', channel_id, name FROM dim_channel
    UNION ALL SELECT 'category', category_id, name FROM dim_category
)
SELECT s.member_id,
       MAX(n.name) AS member_name,
       CAST(SUM(s.revenue) AS DECIMAL(18,2)) AS revenue,
       CAST(SUM(s.revenue - s.cost) AS DECIMAL(18,2)) AS gross_profit,
       COUNT(*) AS orders,
       COUNT(DISTINCT s.customer_id) AS customers
FROM scoped s
LEFT JOIN names n ON n.dimension = @dimension AND n.member_id = s.member_id
GROUP BY s.member_id
ORDER BY revenue DESC

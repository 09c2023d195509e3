-- contribution/by_dimension when nothing is filtered and the scope is everything: revenue, gross
-- profit and orders per member summed from agg_sale_day (~700 rows a day), and the distinct
-- customers counted from agg_member_chain without grouping by customer: a customer is counted
-- once per member, at their first sale of that member in the window, the row whose previous
-- same-member sale is before the window (or none).
WITH
--#include dimension_day_sales
, sums AS (
    SELECT member_id,
           SUM(revenue) AS revenue,
           SUM(revenue - cost) AS gross_profit,
           SUM(orders) AS orders
    FROM day_scoped
    GROUP BY member_id
    HAVING SUM(orders) > 0
), member_sales AS (
    SELECT
           --#include dimension_member
           AS member_id,
           CASE WHEN @dimension = 'region' THEN o.prev_region_date
                WHEN @dimension = 'segment' THEN o.prev_segment_date
                WHEN @dimension = 'channel' THEN o.prev_channel_date
                WHEN @dimension = 'category' THEN o.prev_category_date END AS prev_date
    FROM agg_member_chain o
    WHERE o.sale_date >= @date_from AND o.sale_date < @date_to
      AND @dimension IN ('region', 'segment', 'channel', 'category')
      --#include unfiltered_guard
    UNION ALL
    -- Any other dimension names no member on any sale (the namesake's one NULL row): its customers
    -- are the window's distinct customers, each counted at their first sale in it (agg_sale_chain).
    SELECT CAST(NULL AS INTEGER) AS member_id, o.prev_date
    FROM agg_sale_chain o
    WHERE o.sale_date >= @date_from AND o.sale_date < @date_to
      AND @dimension NOT IN ('region', 'segment', 'channel', 'category')
      --#include unfiltered_guard
), counted AS (
    SELECT member_id, COUNT(*) AS customers
    FROM member_sales
    WHERE COALESCE(prev_date,
                   --#include long_ago
                   ) < @date_from
    GROUP BY member_id
),
--#include dimension_names
SELECT s.member_id,
       n.name AS member_name,
       CAST(s.revenue AS DECIMAL(18,2)) AS revenue,
       CAST(s.gross_profit AS DECIMAL(18,2)) AS gross_profit,
       CAST(s.orders AS BIGINT) AS orders,
       CAST(COALESCE(c.customers, 0) AS BIGINT) AS customers
FROM sums s
LEFT JOIN counted c ON c.member_id = s.member_id OR (c.member_id IS NULL AND s.member_id IS NULL)
LEFT JOIN names n ON n.dimension = @dimension AND n.member_id = s.member_id
-- The sums answer under day_filters, the customers do not: unfiltered only.
WHERE 1 = 1
  --#include unfiltered_guard
ORDER BY revenue DESC, member_id

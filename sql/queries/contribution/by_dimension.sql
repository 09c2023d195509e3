-- Revenue and gross profit of [date_from, date_to) per member of one dimension
-- (@dimension: 'region', 'segment', 'channel' or 'category'); member_id NULL collects sales
-- without one (anonymous sales have no segment). The members are summed first and named after
-- (a handful of rows to join instead of every sale).
WITH
--#include dimension_sales
,
--#include member_totals
,
--#include dimension_names
SELECT m.member_id,
       n.name AS member_name,
       CAST(m.revenue AS DECIMAL(18,2)) AS revenue,
       CAST(m.gross_profit AS DECIMAL(18,2)) AS gross_profit,
       m.orders,
       m.customers
FROM member_totals m
LEFT JOIN names n ON n.dimension = @dimension AND n.member_id = m.member_id
ORDER BY revenue DESC, member_id

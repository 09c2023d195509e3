-- kpi/retention_monthly under a filter on one member of region, segment, channel or category
-- (nothing else filtered, the whole scope), from agg_member_chain's rows of that member: a
-- customer's first sale of the member in a month is their row there whose previous same-member
-- sale is before the month (or none), so a month's customers are a count of such rows, and the
-- retained of a month those whose previous same-member sale is in the month before.
--#dated
WITH
--#include retention_months
, firsts AS (
    SELECT s.month_start, s.prev_date
    FROM (
        --#include member_sales
    ) s
    WHERE s.sale_date >= @prev_from AND s.sale_date < @date_to
      AND COALESCE(s.prev_date,
                   --#include long_ago
                   ) < s.month_start
), counts AS (
    SELECT month_start, COUNT(*) AS customers
    FROM firsts
    GROUP BY month_start
), retained AS (
    SELECT m.month_start, COUNT(*) AS retained
    FROM months m
    JOIN firsts f ON f.month_start = m.month_start
    WHERE f.prev_date >= m.previous_month
    GROUP BY m.month_start
)
SELECT m.month_start AS bucket,
       CAST(COALESCE(a.customers, 0) AS BIGINT) AS previous_active,
       CAST(COALESCE(r.retained, 0) AS BIGINT) AS retained
FROM months m
LEFT JOIN counts a ON a.month_start = m.previous_month
LEFT JOIN retained r ON r.month_start = m.month_start
WHERE 1 = 1
  --#include member_guard
ORDER BY m.month_start

-- Sales against quota (KPIS.md §5) for [date_from, date_to), one row per bucket (the period, or
-- each month with @monthly = 1): the revenue credited to the teams in scope (rep_revenue), their
-- quota prorated by day, and the calendar that pace, run-rate forecast and pipeline coverage
-- read (days of the period, elapsed up to and including @today, left from @today on).
-- Revenue counts for the team on the order, quota for the rep's team that month; region is the
-- team's. Segment, channel, category and campaign do not apply: a quota is not set per segment.
-- Dated: orders by order date and quotas by month inside the window only (@today is a
-- parameter, so it is in the cache key).
--#dated
WITH
--#include quota_calendar
,
--#include quota_rows
,
--#include credited_sales
, quota_totals AS (
    SELECT bucket, CAST(SUM(prorated) AS DECIMAL(18,2)) AS quota
    FROM quota_rows
    GROUP BY bucket
), sales_totals AS (
    SELECT bucket, CAST(SUM(revenue) AS DECIMAL(18,2)) AS rep_revenue
    FROM credited_sales
    GROUP BY bucket
)
SELECT c.bucket,
       COALESCE(s.rep_revenue, 0) AS rep_revenue,
       COALESCE(q.quota, 0) AS quota,
       c.period_days, c.elapsed_days, c.days_left
FROM calendar c
LEFT JOIN sales_totals s ON s.bucket = c.bucket
LEFT JOIN quota_totals q ON q.bucket = c.bucket
ORDER BY c.bucket

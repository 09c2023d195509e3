-- Quota attainment for [date_from, date_to): the revenue credited to the reps in scope and
-- their quota. A monthly quota counts for the share of its month's days inside the period
-- (prorated by day). Region and team are the rep's; segment, channel, category and campaign
-- do not apply (a quota is not set per segment).
--#dated
WITH reps AS (
    SELECT r.rep_id
    FROM dim_rep r
    WHERE (@region_all = 1 OR r.region_id IN @region_ids)
      AND (@team_all = 1 OR r.team_id IN @team_ids)
      AND (@rep_all = 1 OR r.rep_id IN @rep_ids)
      AND (@scope_all = 1 OR r.team_id IN @scope_team_ids)
), month_days AS (
    SELECT d.month_start,
           COUNT(*) AS days_in_month,
           SUM(CASE WHEN d.calendar_date >= @date_from AND d.calendar_date < @date_to THEN 1 ELSE 0 END) AS days_in_period
    FROM dim_date d
    WHERE d.month_start IN (SELECT p.month_start FROM dim_date p WHERE p.calendar_date >= @date_from AND p.calendar_date < @date_to)
    GROUP BY d.month_start
), quota AS (
    SELECT CASE WHEN @monthly = 1 THEN q.month_start ELSE @date_from END AS bucket,
           CAST(CAST(q.amount AS DECIMAL(18,4)) * m.days_in_period / m.days_in_month AS DECIMAL(18,4)) AS prorated
    FROM fact_quota q
    JOIN reps ON reps.rep_id = q.rep_id
    JOIN month_days m ON m.month_start = q.month_start
), quota_totals AS (
    SELECT bucket, CAST(SUM(prorated) AS DECIMAL(18,2)) AS quota
    FROM quota
    GROUP BY bucket
), sales AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           o.revenue
    FROM fact_order o
    JOIN reps ON reps.rep_id = o.rep_id
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      AND o.status <> 'cancelled' AND o.revenue > 0
), sales_totals AS (
    SELECT bucket, CAST(SUM(revenue) AS DECIMAL(18,2)) AS rep_revenue
    FROM sales
    GROUP BY bucket
), buckets AS (
    SELECT bucket FROM quota_totals
    UNION
    SELECT bucket FROM sales_totals
)
SELECT b.bucket,
       COALESCE(s.rep_revenue, 0) AS rep_revenue,
       COALESCE(q.quota, 0) AS quota
FROM buckets b
LEFT JOIN sales_totals s ON s.bucket = b.bucket
LEFT JOIN quota_totals q ON q.bucket = b.bucket
ORDER BY b.bucket

-- Cohort retention: customers grouped by the month of their first-ever sale (from @date_from,
-- a month start, to @date_to), and for each later month how many of them bought again.
-- A customer belongs to the filtered slice when their first sale matches the filters; their
-- activity is their filtered sales. months_since = 0 is the cohort's own month (its size).
WITH first_sales AS (
    SELECT o.customer_id, MIN(o.order_date) AS first_date
    FROM fact_order o
    WHERE o.customer_id IS NOT NULL
      AND o.order_date < @date_to
      AND o.status <> 'cancelled' AND o.revenue > 0
    GROUP BY o.customer_id
    HAVING MIN(o.order_date) >= @date_from
), members AS (
    SELECT DISTINCT f.customer_id, d.month_start AS cohort
    FROM first_sales f
    JOIN fact_order o ON o.customer_id = f.customer_id AND o.order_date = f.first_date
    JOIN dim_date d ON d.calendar_date = f.first_date
    WHERE o.status <> 'cancelled' AND o.revenue > 0
      AND (@region_all = 1 OR o.region_id IN @region_ids)
      AND (@segment_all = 1 OR o.segment_id IN @segment_ids)
      AND (@channel_all = 1 OR o.channel_id IN @channel_ids)
      AND (@category_all = 1 OR o.category_id IN @category_ids)
      AND (@team_all = 1 OR o.team_id IN @team_ids)
      AND (@rep_all = 1 OR o.rep_id IN @rep_ids)
      AND (@campaign_all = 1 OR o.campaign_id IN @campaign_ids)
      AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
), activity AS (
    SELECT DISTINCT o.customer_id, d.month_start AS active_month
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NOT NULL
      AND o.status <> 'cancelled' AND o.revenue > 0
      AND (@region_all = 1 OR o.region_id IN @region_ids)
      AND (@segment_all = 1 OR o.segment_id IN @segment_ids)
      AND (@channel_all = 1 OR o.channel_id IN @channel_ids)
      AND (@category_all = 1 OR o.category_id IN @category_ids)
      AND (@team_all = 1 OR o.team_id IN @team_ids)
      AND (@rep_all = 1 OR o.rep_id IN @rep_ids)
      AND (@campaign_all = 1 OR o.campaign_id IN @campaign_ids)
      AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
), months AS (
    SELECT month_start, ROW_NUMBER() OVER (ORDER BY month_start) AS month_number
    FROM (SELECT DISTINCT month_start FROM dim_date WHERE calendar_date >= @date_from AND calendar_date < @date_to) m
)
SELECT m.cohort,
       am.month_number - cm.month_number AS months_since,
       COUNT(*) AS customers
FROM members m
JOIN activity a ON a.customer_id = m.customer_id AND a.active_month >= m.cohort
JOIN months cm ON cm.month_start = m.cohort
JOIN months am ON am.month_start = a.active_month
GROUP BY m.cohort, am.month_number - cm.month_number
ORDER BY m.cohort, months_since

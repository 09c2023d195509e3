-- kpi/retention per calendar month: for each month starting in [date_from, date_to), the
-- customers active in the month before and how many of them are active again in the month.
-- @prev_from is the first day of the month before date_from.
WITH months AS (
    SELECT m.month_start, before_month.month_start AS previous_month
    FROM dim_date m
    JOIN dim_date before_month ON before_month.day_number = m.day_number - 1
    WHERE m.calendar_date = m.month_start
      AND m.calendar_date >= @date_from AND m.calendar_date < @date_to
), customer_months AS (
    SELECT DISTINCT o.customer_id, d.month_start
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE o.customer_id IS NOT NULL
      AND o.status <> 'cancelled' AND o.revenue > 0
      AND o.order_date >= @prev_from AND o.order_date < @date_to
      AND (@region_all = 1 OR o.region_id IN @region_ids)
      AND (@segment_all = 1 OR o.segment_id IN @segment_ids)
      AND (@channel_all = 1 OR o.channel_id IN @channel_ids)
      AND (@category_all = 1 OR o.category_id IN @category_ids)
      AND (@team_all = 1 OR o.team_id IN @team_ids)
      AND (@rep_all = 1 OR o.rep_id IN @rep_ids)
      AND (@campaign_all = 1 OR o.campaign_id IN @campaign_ids)
      AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
)
SELECT m.month_start AS bucket,
       COUNT(p.customer_id) AS previous_active,
       COUNT(c.customer_id) AS retained
FROM months m
LEFT JOIN customer_months p ON p.month_start = m.previous_month
LEFT JOIN customer_months c ON c.month_start = m.month_start AND c.customer_id = p.customer_id
GROUP BY m.month_start
ORDER BY m.month_start

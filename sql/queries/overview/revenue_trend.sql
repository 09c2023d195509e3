-- Revenue and gross profit over [date_from, date_to) per day (@grain = 'day') or calendar
-- month ('month'). The caller folds days into weeks that start on the period's first day,
-- and fills days or months with no sales with zero.
WITH scoped AS (
    SELECT CASE WHEN @grain = 'day' THEN d.calendar_date ELSE d.month_start END AS bucket,
           o.revenue, o.cost
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      AND o.status <> 'cancelled' AND o.revenue > 0
      AND (@region_all = 1 OR o.region_id IN @region_ids)
      AND (@segment_all = 1 OR o.segment_id IN @segment_ids)
      AND (@channel_all = 1 OR o.channel_id IN @channel_ids)
      AND (@category_all = 1 OR o.category_id IN @category_ids)
      AND (@team_all = 1 OR o.team_id IN @team_ids)
      AND (@rep_all = 1 OR o.rep_id IN @rep_ids)
      AND (@campaign_all = 1 OR o.campaign_id IN @campaign_ids)
      AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
)
SELECT bucket,
       CAST(SUM(revenue) AS DECIMAL(18,2)) AS revenue,
       CAST(SUM(revenue - cost) AS DECIMAL(18,2)) AS gross_profit,
       COUNT(*) AS orders
FROM scoped
GROUP BY bucket
ORDER BY bucket

-- Revenue and gross profit over [date_from, date_to) per region of sale; sales with no
-- region are reported under region_id NULL.
WITH scoped AS (
    SELECT o.region_id, o.revenue, o.cost
    FROM fact_order o
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
SELECT s.region_id,
       MAX(r.name) AS region_name,
       CAST(SUM(s.revenue) AS DECIMAL(18,2)) AS revenue,
       CAST(SUM(s.revenue - s.cost) AS DECIMAL(18,2)) AS gross_profit
FROM scoped s
LEFT JOIN dim_region r ON r.region_id = s.region_id
GROUP BY s.region_id
ORDER BY revenue DESC

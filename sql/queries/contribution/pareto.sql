-- The Pareto curve of [date_from, date_to): customers ranked by revenue (ties by id) with the
-- running total of their revenue. At most about 200 points come back (every n-th customer and
-- the last), enough to draw the curve at any size of customer base.
WITH per_customer AS (
    SELECT o.customer_id, SUM(o.revenue) AS revenue
    FROM fact_order o
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
    GROUP BY o.customer_id
), ranked AS (
    SELECT revenue,
           ROW_NUMBER() OVER (ORDER BY revenue DESC, customer_id) AS position,
           COUNT(*) OVER () AS customers,
           SUM(revenue) OVER (ORDER BY revenue DESC, customer_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative_revenue,
           SUM(revenue) OVER () AS total_revenue
    FROM per_customer
), stepped AS (
    SELECT r.*, CAST(FLOOR((customers + 199) / 200.0) AS INTEGER) AS step
    FROM ranked r
)
SELECT position, customers,
       CAST(cumulative_revenue AS DECIMAL(18,2)) AS cumulative_revenue,
       CAST(total_revenue AS DECIMAL(18,2)) AS total_revenue
FROM stepped
WHERE position % step = 0 OR position = customers OR position = 1
ORDER BY position

-- Customers active in the previous window [prev_from, prev_to), and how many of them are
-- active again in the period [date_from, date_to): retention_rate and churn_rate.
-- The windows may overlap (a two-year range compared with last year), so each is read on its own.
WITH sales AS (
    SELECT o.customer_id, o.order_date
    FROM fact_order o
    WHERE o.customer_id IS NOT NULL
      AND o.status <> 'cancelled' AND o.revenue > 0
      AND ((o.order_date >= @date_from AND o.order_date < @date_to)
           OR (o.order_date >= @prev_from AND o.order_date < @prev_to))
      AND (@region_all = 1 OR o.region_id IN @region_ids)
      AND (@segment_all = 1 OR o.segment_id IN @segment_ids)
      AND (@channel_all = 1 OR o.channel_id IN @channel_ids)
      AND (@category_all = 1 OR o.category_id IN @category_ids)
      AND (@team_all = 1 OR o.team_id IN @team_ids)
      AND (@rep_all = 1 OR o.rep_id IN @rep_ids)
      AND (@campaign_all = 1 OR o.campaign_id IN @campaign_ids)
      AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
), previous_customers AS (
    SELECT DISTINCT customer_id FROM sales WHERE order_date >= @prev_from AND order_date < @prev_to
), current_customers AS (
    SELECT DISTINCT customer_id FROM sales WHERE order_date >= @date_from AND order_date < @date_to
)
SELECT
    @date_from AS bucket,
    (SELECT COUNT(*) FROM previous_customers) AS previous_active,
    (SELECT COUNT(*) FROM previous_customers p JOIN current_customers c ON c.customer_id = p.customer_id) AS retained

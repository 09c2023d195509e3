-- Second half: the days' sales that carry a campaign summed again per day, campaign and team on
-- the order (the rows sql/fragments/attributed_sales.sql reads), in date order so the per-block
-- date ranges prune. A sale: sql/fragments/sale.sql.
INSERT INTO agg_campaign_sale_day (sale_date, month_start, campaign_id, team_id, revenue)
SELECT o.order_date, d.month_start, o.campaign_id, o.team_id, CAST(SUM(o.revenue) AS DECIMAL(18,2))
FROM fact_order o
JOIN dim_date d ON d.calendar_date = o.order_date
WHERE (@all_days = 1 OR o.order_date IN @dates)
  --#include sale
  AND o.campaign_id IS NOT NULL
GROUP BY o.order_date, d.month_start, o.campaign_id, o.team_id
ORDER BY o.order_date

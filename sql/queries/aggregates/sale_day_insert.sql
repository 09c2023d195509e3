-- Second half: the days' orders summed again per day and filter dimensions, written in date
-- order so the engine's per-block date ranges keep pruning.
INSERT INTO agg_sale_day (sale_date, month_start, region_id, segment_id, channel_id, category_id, team_id,
                          orders, revenue, cost, items, identified_orders, returns_value)
SELECT s.order_date, d.month_start, s.region_id, s.segment_id, s.channel_id, s.category_id, s.team_id,
       CAST(SUM(s.is_sale) AS BIGINT),
       CAST(SUM(CASE WHEN s.is_sale = 1 THEN s.revenue ELSE 0 END) AS DECIMAL(18,2)),
       CAST(SUM(CASE WHEN s.is_sale = 1 THEN s.cost ELSE 0 END) AS DECIMAL(18,2)),
       CAST(SUM(CASE WHEN s.is_sale = 1 THEN s.items ELSE 0 END) AS BIGINT),
       CAST(SUM(CASE WHEN s.is_sale = 1 AND s.customer_id IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT),
       CAST(SUM(s.returned_value) AS DECIMAL(18,2))
FROM (
    SELECT o.order_date, o.region_id, o.segment_id, o.channel_id, o.category_id, o.team_id,
           o.customer_id, o.revenue, o.cost, o.items, o.returned_value,
           --#include is_sale
    FROM fact_order o
    WHERE @all_days = 1 OR o.order_date IN @dates
) s
JOIN dim_date d ON d.calendar_date = s.order_date
GROUP BY s.order_date, d.month_start, s.region_id, s.segment_id, s.channel_id, s.category_id, s.team_id
ORDER BY s.order_date

-- Second half: the days' sales with a rep summed again per day, team on the order and rep (the
-- rows sql/fragments/credited_sales.sql reads), in date order so the per-block date ranges prune.
INSERT INTO agg_rep_sale_day (sale_date, month_start, team_id, rep_id, revenue)
SELECT o.order_date, d.month_start, o.team_id, o.rep_id, CAST(SUM(o.revenue) AS DECIMAL(18,2))
FROM fact_order o
JOIN dim_date d ON d.calendar_date = o.order_date
WHERE (@all_days = 1 OR o.order_date IN @dates)
  --#include sale
  AND o.rep_id IS NOT NULL
GROUP BY o.order_date, d.month_start, o.team_id, o.rep_id
ORDER BY o.order_date

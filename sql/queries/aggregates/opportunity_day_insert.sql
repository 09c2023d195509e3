-- Second half: the opportunities won or lost on those days counted again per close day and rep,
-- with the days from created to closed of the won ones, in date order.
INSERT INTO agg_opportunity_day (closed_date, month_start, rep_id, closed, won, lost, won_cycle_days)
SELECT o.closed_date, cd.month_start, o.rep_id,
       COUNT(*),
       CAST(SUM(CASE WHEN o.stage = 'won' THEN 1 ELSE 0 END) AS BIGINT),
       CAST(SUM(CASE WHEN o.stage = 'lost' THEN 1 ELSE 0 END) AS BIGINT),
       CAST(SUM(CASE WHEN o.stage = 'won' THEN cd.day_number - od.day_number ELSE 0 END) AS BIGINT)
FROM fact_opportunity o
JOIN dim_date cd ON cd.calendar_date = o.closed_date
JOIN dim_date od ON od.calendar_date = o.created_date
WHERE o.stage IN ('won', 'lost')
  AND (@all_days = 1 OR o.closed_date IN @dates)
GROUP BY o.closed_date, cd.month_start, o.rep_id
ORDER BY o.closed_date

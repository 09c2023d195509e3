-- Second half: the days' follow-ups counted again per day and rep, in all and by kind, in date order.
INSERT INTO agg_activity_day (activity_date, month_start, rep_id, activities, calls, emails, visits, meetings)
SELECT a.activity_date, d.month_start, a.rep_id,
       COUNT(*),
       CAST(SUM(CASE WHEN a.kind = 'call' THEN 1 ELSE 0 END) AS BIGINT),
       CAST(SUM(CASE WHEN a.kind = 'email' THEN 1 ELSE 0 END) AS BIGINT),
       CAST(SUM(CASE WHEN a.kind = 'visit' THEN 1 ELSE 0 END) AS BIGINT),
       CAST(SUM(CASE WHEN a.kind = 'meeting' THEN 1 ELSE 0 END) AS BIGINT)
FROM fact_activity a
JOIN dim_date d ON d.calendar_date = a.activity_date
WHERE @all_days = 1 OR a.activity_date IN @dates
GROUP BY a.activity_date, d.month_start, a.rep_id
ORDER BY a.activity_date

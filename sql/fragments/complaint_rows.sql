-- The rows of kpi/complaints and its unfiltered twin from their CTEs "complaining_counts" and
-- "active_counts": every bucket with complaining or active customers, and has_tickets.
buckets AS (
    SELECT bucket FROM complaining_counts
    UNION
    SELECT bucket FROM active_counts
)
SELECT b.bucket,
       COALESCE(cc.complaining_customers, 0) AS complaining_customers,
       COALESCE(ac.active_customers, 0) AS active_customers,
       -- Whether any ticket exists up to the window's end; a scan that starts after the window's
       -- start (the twin, cut at today) leaves the tickets before it to the part before, so the
       -- parts add up (a first-ever ticket today on a day without a complaint or a sale is then
       -- seen the next day).
       CASE WHEN EXISTS (SELECT 1 FROM fact_ticket t WHERE t.submitted_at < @date_to)
             AND NOT EXISTS (SELECT 1 FROM fact_ticket t WHERE t.submitted_at < @date_from AND @date_from <> @window_from) THEN 1 ELSE 0 END AS has_tickets
FROM buckets b
LEFT JOIN complaining_counts cc ON cc.bucket = b.bucket
LEFT JOIN active_counts ac ON ac.bucket = b.bucket
ORDER BY b.bucket

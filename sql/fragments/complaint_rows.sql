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
       -- Whether any ticket exists up to the scan's end: a flag, which the sum of a window's parts
       -- takes from either part (AdditiveSplit: a has_ column is the larger of the two).
       CASE WHEN EXISTS (SELECT 1 FROM fact_ticket t WHERE t.submitted_at < @date_to) THEN 1 ELSE 0 END AS has_tickets
FROM buckets b
LEFT JOIN complaining_counts cc ON cc.bucket = b.bucket
LEFT JOIN active_counts ac ON ac.bucket = b.bucket
ORDER BY b.bucket

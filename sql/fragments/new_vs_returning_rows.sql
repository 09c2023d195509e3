-- The rows of retention/new_vs_returning's twins (unfiltered/, member/) from their CTEs
-- "identified" (bucket, new_revenue, returning_revenue) and "anonymous" (bucket, revenue): a month
-- with only one of them still has its row.
SELECT COALESCE(i.bucket, a.bucket) AS bucket,
       CAST(COALESCE(i.new_revenue, 0) AS DECIMAL(18,2)) AS new_revenue,
       CAST(COALESCE(i.returning_revenue, 0) AS DECIMAL(18,2)) AS returning_revenue,
       CAST(COALESCE(a.revenue, 0) AS DECIMAL(18,2)) AS anonymous_revenue
FROM identified i
FULL JOIN anonymous a ON a.bucket = i.bucket
ORDER BY COALESCE(i.bucket, a.bucket)

-- The ranking of kpi/top_customers (and its unfiltered twin) after its CTEs "period_customers"
-- and "month_customers" (bucket, customer_id, revenue: one branch is gated off by @monthly):
-- per bucket the revenue of the top ceil(N/5) of the N customers and of all N.
ranked AS (
    -- The period is one bucket: ranked without a partition (a partition by a constant costs a
    -- pass of its own); the months each on their own.
    SELECT bucket, revenue,
           ROW_NUMBER() OVER (ORDER BY revenue DESC, customer_id) AS position,
           COUNT(*) OVER () AS customers
    FROM period_customers
    UNION ALL
    SELECT bucket, revenue,
           ROW_NUMBER() OVER (PARTITION BY bucket ORDER BY revenue DESC, customer_id) AS position,
           COUNT(*) OVER (PARTITION BY bucket) AS customers
    FROM month_customers
)
SELECT bucket,
       CAST(SUM(revenue) AS DECIMAL(18,2)) AS customer_revenue,
       CAST(SUM(CASE WHEN 5 * (position - 1) < customers THEN revenue ELSE 0 END) AS DECIMAL(18,2)) AS top_revenue,
       COUNT(*) AS ranked_customers,
       CAST(SUM(CASE WHEN 5 * (position - 1) < customers THEN 1 ELSE 0 END) AS BIGINT) AS top_customers
FROM ranked
GROUP BY bucket
ORDER BY bucket

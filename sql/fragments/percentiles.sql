-- p50 and p90 of "v" per ("bucket", "measure") over a CTE named "ranked" that gives each value
-- rn (its 1-based rank by v within bucket and measure) and n (the values there), as
-- PERCENTILE_CONT / DuckDB quantile_cont define them: the value at position h = 1 + p × (n − 1),
-- interpolated linearly between the ranks either side of h. Written with ranks because T-SQL
-- has PERCENTILE_CONT only as a window function and DuckDB only as an aggregate.
SELECT bucket, measure,
       MAX(n) AS n,
       MAX(CASE WHEN rn = FLOOR(1 + 0.5 * (n - 1)) THEN v END)
         + (0.5 * (MAX(n) - 1) - FLOOR(0.5 * (MAX(n) - 1)))
         * (MAX(CASE WHEN rn = CEILING(1 + 0.5 * (n - 1)) THEN v END) - MAX(CASE WHEN rn = FLOOR(1 + 0.5 * (n - 1)) THEN v END)) AS p50,
       MAX(CASE WHEN rn = FLOOR(1 + 0.9 * (n - 1)) THEN v END)
         + (0.9 * (MAX(n) - 1) - FLOOR(0.9 * (MAX(n) - 1)))
         * (MAX(CASE WHEN rn = CEILING(1 + 0.9 * (n - 1)) THEN v END) - MAX(CASE WHEN rn = FLOOR(1 + 0.9 * (n - 1)) THEN v END)) AS p90
FROM ranked
GROUP BY bucket, measure

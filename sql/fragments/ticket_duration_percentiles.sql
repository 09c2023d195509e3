-- The CTE "percentiles" (bucket, measure, n, p50, p90; sql/fragments/percentiles.sql) of the
-- ticket durations, measure 'response' (first response) and 'resolution', in seconds, over the
-- tickets of the CTE "scoped" that have them (its bucket, response_seconds, resolution_seconds).
durations AS (
    SELECT bucket, 'response' AS measure, CAST(response_seconds AS DECIMAL(18,4)) AS v FROM scoped WHERE response_seconds IS NOT NULL
    UNION ALL
    SELECT bucket, 'resolution' AS measure, CAST(resolution_seconds AS DECIMAL(18,4)) AS v FROM scoped WHERE resolution_seconds IS NOT NULL
), ranked AS (
    SELECT bucket, measure, v,
           ROW_NUMBER() OVER (PARTITION BY bucket, measure ORDER BY v) AS rn,
           COUNT(*) OVER (PARTITION BY bucket, measure) AS n
    FROM durations
), percentiles AS (
    --#include percentiles
)

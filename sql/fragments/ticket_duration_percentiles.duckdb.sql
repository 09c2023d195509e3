-- DuckDB's ticket_duration_percentiles.sql: the same CTE "percentiles" (bucket, measure, n, p50,
-- p90) from DuckDB's quantile_cont aggregate, the definition percentiles.sql spells out with ranks
-- for T-SQL (which has PERCENTILE_CONT only as a window function). Ranking every duration
-- cost ~80 ms of the ~90 ms of kpi/ticket_times at 10 M orders; the aggregate ~7 ms.
-- Durations are whole seconds, so a percentile is exact to a tenth: in DOUBLE it rounds back
-- to the same DECIMAL(18,4) (on DECIMAL, quantile_cont truncates its interpolation: 58351.5999).
-- EngineFragmentTests holds the two texts equal.
durations AS (
    SELECT bucket, 'response' AS measure, CAST(response_seconds AS DOUBLE) AS v FROM scoped WHERE response_seconds IS NOT NULL
    UNION ALL
    SELECT bucket, 'resolution' AS measure, CAST(resolution_seconds AS DOUBLE) AS v FROM scoped WHERE resolution_seconds IS NOT NULL
), percentiles AS (
    SELECT bucket, measure,
           COUNT(*) AS n,
           quantile_cont(v, 0.5) AS p50,
           quantile_cont(v, 0.9) AS p90
    FROM durations
    GROUP BY bucket, measure
)

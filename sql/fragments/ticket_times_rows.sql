-- The rows of kpi/ticket_times and its unfiltered twin from their CTE "scoped" (bucket,
-- response_seconds, resolution_seconds): per bucket the count and p50/p90 of each duration.
--#include ticket_duration_percentiles
SELECT bucket,
       CAST(COALESCE(MAX(CASE WHEN measure = 'response' THEN n END), 0) AS BIGINT) AS responded,
       CAST(MAX(CASE WHEN measure = 'response' THEN p50 END) AS DECIMAL(18,4)) AS response_p50_seconds,
       CAST(MAX(CASE WHEN measure = 'response' THEN p90 END) AS DECIMAL(18,4)) AS response_p90_seconds,
       CAST(COALESCE(MAX(CASE WHEN measure = 'resolution' THEN n END), 0) AS BIGINT) AS resolved,
       CAST(MAX(CASE WHEN measure = 'resolution' THEN p50 END) AS DECIMAL(18,4)) AS resolution_p50_seconds,
       CAST(MAX(CASE WHEN measure = 'resolution' THEN p90 END) AS DECIMAL(18,4)) AS resolution_p90_seconds
FROM percentiles
GROUP BY bucket
ORDER BY bucket

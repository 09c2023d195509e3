-- The measures of kpi/tickets and its unfiltered twin, per bucket, from their CTE "scoped".
SELECT bucket,
       COUNT(*) AS tickets,
       COUNT(resolved_at) AS resolved,
       COUNT(first_response_at) AS responded,
       CAST(COALESCE(SUM(response_seconds), 0) AS BIGINT) AS response_seconds_total,
       CAST(COALESCE(SUM(resolution_seconds), 0) AS BIGINT) AS resolution_seconds_total,
       CAST(SUM(is_repeat) AS BIGINT) AS repeat_tickets,
       COUNT(wait_seconds) AS calls_waited,
       CAST(COALESCE(SUM(wait_seconds), 0) AS BIGINT) AS wait_seconds_total,
       COUNT(talk_seconds) AS calls_talked,
       CAST(COALESCE(SUM(talk_seconds), 0) AS BIGINT) AS talk_seconds_total
FROM scoped
GROUP BY bucket
ORDER BY bucket

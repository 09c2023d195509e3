-- The rows of satisfaction/by_dimension and its unfiltered twin, from their CTE "scoped" (one row
-- per ticket with its member as "bucket"): per member the ticket measures, then its percentiles.
totals AS (
    SELECT bucket, MAX(agent_key) AS member_key,
           COUNT(*) AS tickets,
           CAST(SUM(CAST(is_complaint AS INTEGER)) AS BIGINT) AS complaints,
           COUNT(response_seconds) AS responded,
           CAST(COALESCE(SUM(response_seconds), 0) AS BIGINT) AS response_seconds_total,
           COUNT(resolved_at) AS resolved,
           CAST(COALESCE(SUM(resolution_seconds), 0) AS BIGINT) AS resolution_seconds_total,
           CAST(SUM(is_repeat) AS BIGINT) AS repeat_tickets,
           COUNT(wait_seconds) AS calls_waited,
           CAST(COALESCE(SUM(wait_seconds), 0) AS BIGINT) AS wait_seconds_total,
           COUNT(talk_seconds) AS calls_talked,
           CAST(COALESCE(SUM(talk_seconds), 0) AS BIGINT) AS talk_seconds_total
    FROM scoped
    GROUP BY bucket
),
--#include ticket_duration_percentiles
SELECT t.bucket AS member, t.member_key, t.tickets, t.complaints, t.responded, t.response_seconds_total,
       CAST(MAX(CASE WHEN p.measure = 'response' THEN p.p50 END) AS DECIMAL(18,4)) AS response_p50_seconds,
       CAST(MAX(CASE WHEN p.measure = 'response' THEN p.p90 END) AS DECIMAL(18,4)) AS response_p90_seconds,
       t.resolved, t.resolution_seconds_total,
       CAST(MAX(CASE WHEN p.measure = 'resolution' THEN p.p50 END) AS DECIMAL(18,4)) AS resolution_p50_seconds,
       CAST(MAX(CASE WHEN p.measure = 'resolution' THEN p.p90 END) AS DECIMAL(18,4)) AS resolution_p90_seconds,
       t.repeat_tickets, t.calls_waited, t.wait_seconds_total, t.calls_talked, t.talk_seconds_total
FROM totals t
LEFT JOIN percentiles p ON p.bucket = t.bucket
GROUP BY t.bucket, t.member_key, t.tickets, t.complaints, t.responded, t.response_seconds_total, t.resolved,
         t.resolution_seconds_total, t.repeat_tickets, t.calls_waited, t.wait_seconds_total, t.calls_talked, t.talk_seconds_total
ORDER BY t.tickets DESC, t.bucket

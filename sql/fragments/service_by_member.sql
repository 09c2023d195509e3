-- The rows of satisfaction/by_dimension and its unfiltered twin, from their CTE "tickets" (one row
-- per ticket, service_ticket_columns): each ticket once per dimension in "scoped", its member as
-- "bucket" spelled dimension:member (the percentiles group by one column, shared with
-- kpi/ticket_times), then per member the ticket measures and its percentiles, and the bucket split
-- back into dimension and member. One execution for the three dimensions: the tickets are read,
-- joined and looked up once (three executions cost ~150 ms CPU at 10 M orders, this one ~85).
scoped AS (
    SELECT CONCAT('channel:', channel) AS bucket, CAST(NULL AS VARCHAR(20)) AS agent_key,
           is_complaint, resolved_at, response_seconds, resolution_seconds, wait_seconds, talk_seconds, is_repeat
    FROM tickets
    UNION ALL
    SELECT CONCAT('category:', category), CAST(NULL AS VARCHAR(20)),
           is_complaint, resolved_at, response_seconds, resolution_seconds, wait_seconds, talk_seconds, is_repeat
    FROM tickets
    UNION ALL
    SELECT CONCAT('agent:', agent_name), agent_key,
           is_complaint, resolved_at, response_seconds, resolution_seconds, wait_seconds, talk_seconds, is_repeat
    FROM tickets
), totals AS (
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
SELECT CASE WHEN t.bucket LIKE 'channel:%' THEN 'channel' WHEN t.bucket LIKE 'category:%' THEN 'category' ELSE 'agent' END AS dimension,
       SUBSTRING(t.bucket, CASE WHEN t.bucket LIKE 'channel:%' THEN 9 WHEN t.bucket LIKE 'category:%' THEN 10 ELSE 7 END, 400) AS member,
       t.member_key, t.tickets, t.complaints, t.responded, t.response_seconds_total,
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

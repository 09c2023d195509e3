-- Service by ticket channel, category or agent (@dimension = 'channel' | 'category' | 'agent')
-- for tickets submitted in [date_from, date_to): the same measures as kpi/tickets and
-- kpi/ticket_times, one row per member, so a slow channel or agent shows. Percentiles are
-- continuous (sql/fragments/percentiles.sql); the member is the fragment's "bucket".
-- Region, segment, team and rep are the customer's (the rep is the account owner).
WITH scoped AS (
    SELECT CASE WHEN @dimension = 'channel' THEN t.channel
                WHEN @dimension = 'category' THEN t.category
                ELSE COALESCE(a.name, '') END AS bucket,
           CASE WHEN @dimension = 'agent' THEN CAST(t.agent_id AS VARCHAR(20)) ELSE NULL END AS agent_key,
           t.is_complaint, t.resolved_at, t.response_seconds, t.resolution_seconds, t.wait_seconds, t.talk_seconds,
           --#include ticket_is_repeat
    FROM v_ticket t
    JOIN dim_date d ON d.calendar_date = CAST(t.submitted_at AS DATE)
    LEFT JOIN dim_agent a ON a.agent_id = t.agent_id
    LEFT JOIN dim_customer c ON c.customer_id = t.customer_id
    LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
    WHERE t.submitted_at >= @date_from AND t.submitted_at < @date_to
      AND @dimension IN ('channel', 'category', 'agent')
      --#include customer_filters
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

-- kpi/tickets when nothing is filtered and the scope is everything: the same rows from the day
-- sums (agg_ticket_day) and the repeat tickets (agg_ticket_repeat) instead of every ticket.
--#dated
WITH days AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           a.tickets, a.resolved, a.responded, a.response_seconds_total, a.resolution_seconds_total,
           a.calls_waited, a.wait_seconds_total, a.calls_talked, a.talk_seconds_total
    FROM agg_ticket_day a
    JOIN dim_date d ON d.calendar_date = a.submitted_date
    WHERE a.submitted_date >= @date_from AND a.submitted_date < @date_to
      --#include unfiltered_guard
), repeats AS (
    SELECT CASE WHEN @monthly = 1 THEN r.month_start ELSE @date_from END AS bucket
    FROM agg_ticket_repeat r
    WHERE r.submitted_at >= @date_from AND r.submitted_at < @date_to
), repeat_counts AS (
    SELECT bucket, COUNT(*) AS repeat_tickets FROM repeats GROUP BY bucket
), totals AS (
    SELECT bucket,
           SUM(tickets) AS tickets, SUM(resolved) AS resolved, SUM(responded) AS responded,
           SUM(response_seconds_total) AS response_seconds_total, SUM(resolution_seconds_total) AS resolution_seconds_total,
           SUM(calls_waited) AS calls_waited, SUM(wait_seconds_total) AS wait_seconds_total,
           SUM(calls_talked) AS calls_talked, SUM(talk_seconds_total) AS talk_seconds_total
    FROM days
    GROUP BY bucket
)
SELECT t.bucket,
       CAST(t.tickets AS BIGINT) AS tickets,
       CAST(t.resolved AS BIGINT) AS resolved,
       CAST(t.responded AS BIGINT) AS responded,
       CAST(t.response_seconds_total AS BIGINT) AS response_seconds_total,
       CAST(t.resolution_seconds_total AS BIGINT) AS resolution_seconds_total,
       CAST(COALESCE(r.repeat_tickets, 0) AS BIGINT) AS repeat_tickets,
       CAST(t.calls_waited AS BIGINT) AS calls_waited,
       CAST(t.wait_seconds_total AS BIGINT) AS wait_seconds_total,
       CAST(t.calls_talked AS BIGINT) AS calls_talked,
       CAST(t.talk_seconds_total AS BIGINT) AS talk_seconds_total
FROM totals t
LEFT JOIN repeat_counts r ON r.bucket = t.bucket
ORDER BY t.bucket

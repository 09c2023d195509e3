-- Second half: the tickets submitted on those days counted and summed again as kpi/tickets does
-- (sql/fragments/tickets_measures.sql; repeats are agg_ticket_repeat's), in date order.
INSERT INTO agg_ticket_day (submitted_date, tickets, resolved, responded, response_seconds_total, resolution_seconds_total,
                            calls_waited, wait_seconds_total, calls_talked, talk_seconds_total)
SELECT CAST(t.submitted_at AS DATE),
       COUNT(*), COUNT(t.resolved_at), COUNT(t.first_response_at),
       CAST(COALESCE(SUM(t.response_seconds), 0) AS BIGINT), CAST(COALESCE(SUM(t.resolution_seconds), 0) AS BIGINT),
       COUNT(t.wait_seconds), CAST(COALESCE(SUM(t.wait_seconds), 0) AS BIGINT),
       COUNT(t.talk_seconds), CAST(COALESCE(SUM(t.talk_seconds), 0) AS BIGINT)
FROM v_ticket t
WHERE @all_days = 1 OR CAST(t.submitted_at AS DATE) IN @dates
GROUP BY CAST(t.submitted_at AS DATE)
ORDER BY CAST(t.submitted_at AS DATE)

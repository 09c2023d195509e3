-- First-response time of tickets submitted in [date_from, date_to) that have a first
-- response: the total in seconds and the count, so the mean is exact (first_response_time).
-- DuckDB text; ticket_times.sqlserver.sql is the same query in T-SQL (DATEDIFF differs).
WITH scoped AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           CAST(date_diff('second', t.submitted_at, t.first_response_at) AS BIGINT) AS response_seconds
    FROM fact_ticket t
    JOIN dim_date d ON d.calendar_date = CAST(t.submitted_at AS DATE)
    LEFT JOIN dim_customer c ON c.customer_id = t.customer_id
    LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
    WHERE t.submitted_at >= @date_from AND t.submitted_at < @date_to
      AND t.first_response_at IS NOT NULL
      AND (@region_all = 1 OR c.region_id IN @region_ids)
      AND (@segment_all = 1 OR c.segment_id IN @segment_ids)
      AND (@team_all = 1 OR r.team_id IN @team_ids)
      AND (@rep_all = 1 OR c.owner_rep_id IN @rep_ids)
      AND (@scope_all = 1 OR r.team_id IN @scope_team_ids)
)
SELECT bucket,
       COUNT(*) AS responded,
       CAST(SUM(response_seconds) AS BIGINT) AS response_seconds_total
FROM scoped
GROUP BY bucket
ORDER BY bucket

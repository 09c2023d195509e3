-- Tickets submitted in [date_from, date_to): resolution_rate and first_response_time.
-- "Resolved" means resolved by now, whenever that was. Response times are summed in seconds
-- over the tickets that have a first response, so the mean is exact.
-- Region, segment, team and rep are the customer's (the rep is the account owner).
WITH scoped AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           t.resolved_at, t.first_response_at, t.response_seconds
    FROM v_ticket t
    JOIN dim_date d ON d.calendar_date = CAST(t.submitted_at AS DATE)
    LEFT JOIN dim_customer c ON c.customer_id = t.customer_id
    LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
    WHERE t.submitted_at >= @date_from AND t.submitted_at < @date_to
      --#include customer_filters
)
SELECT bucket,
       COUNT(*) AS tickets,
       COUNT(resolved_at) AS resolved,
       COUNT(first_response_at) AS responded,
       CAST(COALESCE(SUM(response_seconds), 0) AS BIGINT) AS response_seconds_total
FROM scoped
GROUP BY bucket
ORDER BY bucket

-- p50 and p90 of first-response and resolution time (seconds) for tickets submitted in
-- [date_from, date_to), over the tickets that have a first response / are resolved
-- (continuous percentiles, see sql/fragments/percentiles.sql). No row: no such tickets.
-- Region, segment, team and rep are the customer's (the rep is the account owner).
--#dated
WITH scoped AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           t.response_seconds, t.resolution_seconds
    FROM v_ticket t
    JOIN dim_date d ON d.calendar_date = CAST(t.submitted_at AS DATE)
    LEFT JOIN dim_customer c ON c.customer_id = t.customer_id
    LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
    WHERE t.submitted_at >= @date_from AND t.submitted_at < @date_to
      --#include customer_filters
),
--#include ticket_times_rows

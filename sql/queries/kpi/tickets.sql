-- Tickets submitted in [date_from, date_to): resolution_rate, first_response_time,
-- resolution_time (means), repeat_issue_rate, call_wait_time and call_talk_time.
-- "Resolved" means resolved by now, whenever that was. Durations are summed in seconds over
-- the tickets that have them, so the means are exact.
-- A ticket repeats an issue when the same customer submitted a ticket of the same category
-- before it, at most 30 calendar days earlier (by submission date, day numbers of dim_date).
-- Call wait and talk seconds are recorded for the call centre (phone) only.
-- Region, segment, team and rep are the customer's (the rep is the account owner).
--#dated
WITH scoped AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           t.resolved_at, t.first_response_at, t.response_seconds, t.resolution_seconds,
           t.wait_seconds, t.talk_seconds,
           --#include ticket_is_repeat
    FROM v_ticket t
    JOIN dim_date d ON d.calendar_date = CAST(t.submitted_at AS DATE)
    LEFT JOIN dim_customer c ON c.customer_id = t.customer_id
    LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
    WHERE t.submitted_at >= @date_from AND t.submitted_at < @date_to
      --#include customer_filters
)
--#include tickets_measures

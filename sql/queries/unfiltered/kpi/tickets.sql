-- kpi/tickets when nothing is filtered and the scope is everything: the same rows without
-- joining every ticket to its customer and owner (only the customer filters need them).
--#dated
WITH scoped AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           t.resolved_at, t.first_response_at, t.response_seconds, t.resolution_seconds,
           t.wait_seconds, t.talk_seconds,
           --#include ticket_is_repeat
    FROM v_ticket t
    JOIN dim_date d ON d.calendar_date = CAST(t.submitted_at AS DATE)
    WHERE t.submitted_at >= @date_from AND t.submitted_at < @date_to
      --#include unfiltered_guard
)
--#include tickets_measures

-- kpi/ticket_times when nothing is filtered and the scope is everything: the same rows without
-- joining every ticket to its customer and owner (only the customer filters need them).
--#dated
WITH scoped AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           t.response_seconds, t.resolution_seconds
    FROM v_ticket t
    JOIN dim_date d ON d.calendar_date = CAST(t.submitted_at AS DATE)
    WHERE t.submitted_at >= @date_from AND t.submitted_at < @date_to
      --#include unfiltered_guard
),
--#include ticket_times_rows

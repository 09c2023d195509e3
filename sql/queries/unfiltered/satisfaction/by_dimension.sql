-- satisfaction/by_dimension when nothing is filtered and the scope is everything: the same rows
-- without joining every ticket to its customer and owner (only the customer filters need them).
WITH tickets AS
--#include materialized
(
    SELECT
--#include service_ticket_columns
    FROM v_ticket t
    JOIN dim_date d ON d.calendar_date = CAST(t.submitted_at AS DATE)
    LEFT JOIN dim_agent a ON a.agent_id = t.agent_id
    WHERE t.submitted_at >= @date_from AND t.submitted_at < @date_to
      --#include unfiltered_guard
),
--#include service_by_member

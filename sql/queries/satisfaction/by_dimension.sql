-- Service by ticket channel, category and agent for tickets submitted in [date_from, date_to):
-- the same measures as kpi/tickets and kpi/ticket_times, one row per member of each (told by
-- "dimension": 'channel' | 'category' | 'agent'), so a slow channel or agent shows. Percentiles are
-- continuous (sql/fragments/percentiles.sql).
-- Region, segment, team and rep are the customer's (the rep is the account owner).
WITH tickets AS
--#include materialized
(
    SELECT
--#include service_ticket_columns
    FROM v_ticket t
    JOIN dim_date d ON d.calendar_date = CAST(t.submitted_at AS DATE)
    LEFT JOIN dim_agent a ON a.agent_id = t.agent_id
    LEFT JOIN dim_customer c ON c.customer_id = t.customer_id
    LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
    WHERE t.submitted_at >= @date_from AND t.submitted_at < @date_to
      --#include customer_filters
),
--#include service_by_member

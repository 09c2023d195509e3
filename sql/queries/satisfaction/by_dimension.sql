-- Service by ticket channel, category or agent (@dimension = 'channel' | 'category' | 'agent')
-- for tickets submitted in [date_from, date_to): the same measures as kpi/tickets and
-- kpi/ticket_times, one row per member, so a slow channel or agent shows. Percentiles are
-- continuous (sql/fragments/percentiles.sql); the member is the fragment's "bucket".
-- Region, segment, team and rep are the customer's (the rep is the account owner).
WITH scoped AS (
    SELECT
--#include service_ticket_columns
    FROM v_ticket t
    JOIN dim_date d ON d.calendar_date = CAST(t.submitted_at AS DATE)
    LEFT JOIN dim_agent a ON a.agent_id = t.agent_id
    LEFT JOIN dim_customer c ON c.customer_id = t.customer_id
    LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
    WHERE t.submitted_at >= @date_from AND t.submitted_at < @date_to
      AND @dimension IN ('channel', 'category', 'agent')
      --#include customer_filters
),
--#include service_by_member

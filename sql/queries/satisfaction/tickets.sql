-- The tickets submitted in [date_from, date_to), optionally those of one ticket channel,
-- category or agent (@ticket_by = 'channel' | 'category' | 'agent' with @ticket_member; '' = all),
-- with their times. Sorted and paged by the database.
-- Region, segment, team and rep are the customer's (the rep is the account owner).
WITH listed AS (
    SELECT t.ticket_id, t.ticket_code, t.customer_id, c.customer_code, c.name AS customer,
           t.channel, t.category, a.name AS agent, t.submitted_at,
           CAST(CAST(t.response_seconds AS DECIMAL(18,4)) / 60 AS DECIMAL(18,1)) AS response_minutes,
           CAST(CAST(t.resolution_seconds AS DECIMAL(18,4)) / 3600 AS DECIMAL(18,1)) AS resolution_hours,
           t.is_complaint,
           COUNT(*) OVER () AS total_rows
    FROM v_ticket t
    LEFT JOIN dim_agent a ON a.agent_id = t.agent_id
    LEFT JOIN dim_customer c ON c.customer_id = t.customer_id
    LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
    WHERE t.submitted_at >= @date_from AND t.submitted_at < @date_to
      AND (@ticket_by = ''
           OR (@ticket_by = 'channel' AND t.channel = @ticket_member)
           OR (@ticket_by = 'category' AND t.category = @ticket_member)
           OR (@ticket_by = 'agent' AND CAST(t.agent_id AS VARCHAR(20)) = @ticket_member))
      --#include customer_filters
)
SELECT ticket_id, ticket_code, customer_id, customer_code, customer, channel, category, agent,
       submitted_at, response_minutes, resolution_hours, is_complaint, total_rows
FROM listed
ORDER BY
    --#include table_sort/tickets
    ticket_id
OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY

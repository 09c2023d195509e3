-- satisfaction/tickets when nothing is filtered and the scope is everything: the tickets are
-- sorted and paged first and only the page's rows joined to their customer and agent (the names
-- are not sortable; the customer filters are what need every ticket's customer).
WITH listed AS (
    SELECT t.ticket_id, t.ticket_code, t.customer_id, t.agent_id, t.channel, t.category, t.submitted_at,
           CAST(CAST(t.response_seconds AS DECIMAL(18,4)) / 60 AS DECIMAL(18,1)) AS response_minutes,
           CAST(CAST(t.resolution_seconds AS DECIMAL(18,4)) / 3600 AS DECIMAL(18,1)) AS resolution_hours,
           t.is_complaint,
           COUNT(*) OVER () AS total_rows
    FROM v_ticket t
    WHERE t.submitted_at >= @date_from AND t.submitted_at < @date_to
      AND (@ticket_by = ''
           OR (@ticket_by = 'channel' AND t.channel = @ticket_member)
           OR (@ticket_by = 'category' AND t.category = @ticket_member)
           OR (@ticket_by = 'agent' AND CAST(t.agent_id AS VARCHAR(20)) = @ticket_member))
      --#include unfiltered_guard
), page AS (
    SELECT ticket_id, ticket_code, customer_id, agent_id, channel, category, submitted_at,
           response_minutes, resolution_hours, is_complaint, total_rows
    FROM listed
    ORDER BY
        --#include table_sort/tickets
        ticket_id
    OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY
)
SELECT p.ticket_id, p.ticket_code, p.customer_id, c.customer_code, c.name AS customer,
       p.channel, p.category, a.name AS agent, p.submitted_at, p.response_minutes, p.resolution_hours,
       p.is_complaint, p.total_rows
FROM page p
LEFT JOIN dim_customer c ON c.customer_id = p.customer_id
LEFT JOIN dim_agent a ON a.agent_id = p.agent_id
ORDER BY
    --#include table_sort/tickets
    ticket_id

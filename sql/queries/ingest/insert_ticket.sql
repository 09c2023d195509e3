INSERT INTO fact_ticket (ticket_id, ticket_code, customer_id, category, channel, submitted_at, first_response_at,
                         resolved_at, is_complaint, agent_id, wait_seconds, talk_seconds)
VALUES (@ticket_id, @ticket_code, @customer_id, @category, @channel, @submitted_at, @first_response_at,
        @resolved_at, @is_complaint, @agent_id, @wait_seconds, @talk_seconds)

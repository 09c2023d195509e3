-- The columns of satisfaction/by_dimension's CTE "tickets" (and its unfiltered twin's), after its
-- SELECT, for a ticket "t" of v_ticket with its agent "a": the three members it belongs to
-- (channel, category, agent name with the agent's id as its key) and what service_by_member sums.
           t.channel, t.category, COALESCE(a.name, '') AS agent_name, CAST(t.agent_id AS VARCHAR(20)) AS agent_key,
           t.is_complaint, t.resolved_at, t.response_seconds, t.resolution_seconds, t.wait_seconds, t.talk_seconds,
           --#include ticket_is_repeat

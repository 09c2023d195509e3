-- The columns of satisfaction/by_dimension's CTE "scoped" (and its unfiltered twin's), after its
-- SELECT, for a ticket "t" of v_ticket with its agent "a": the member (@dimension: channel,
-- category or agent name) as "bucket", the agent's key, and what service_by_member sums.
           CASE WHEN @dimension = 'channel' THEN t.channel
                WHEN @dimension = 'category' THEN t.category
                ELSE COALESCE(a.name, '') END AS bucket,
           CASE WHEN @dimension = 'agent' THEN CAST(t.agent_id AS VARCHAR(20)) ELSE NULL END AS agent_key,
           t.is_complaint, t.resolved_at, t.response_seconds, t.resolution_seconds, t.wait_seconds, t.talk_seconds,
           --#include ticket_is_repeat

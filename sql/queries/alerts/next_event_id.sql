SELECT COALESCE(MAX(event_id), 0) + 1 AS next_id
FROM alert_event

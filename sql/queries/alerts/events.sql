-- The latest firings and clearings, newest first (the alert history).
SELECT event_id, rule_id, rule_name, kpi_id, comparison, scope_teams, kind, kpi_value, threshold, data_version, occurred_at
FROM alert_event
ORDER BY occurred_at DESC, event_id DESC
OFFSET 0 ROWS FETCH NEXT @limit ROWS ONLY

INSERT INTO alert_event (event_id, rule_id, rule_name, kpi_id, comparison, scope_teams, kind, kpi_value, threshold, data_version, occurred_at)
VALUES (@event_id, @rule_id, @rule_name, @kpi_id, @comparison, @scope_teams, @kind, @kpi_value, @threshold, @data_version, @occurred_at)

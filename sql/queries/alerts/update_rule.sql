-- A changed rule starts counting its breaches again; whether it fires is the next evaluation's call.
UPDATE alert_rule
SET name = @name, kpi_id = @kpi_id, comparison = @comparison, threshold = @threshold, sustain = @sustain,
    filter_query = @filter_query, scope_teams = @scope_teams, enabled = @enabled, breaches = 0
WHERE rule_id = @rule_id

INSERT INTO alert_rule (rule_id, name, kpi_id, comparison, threshold, sustain, filter_query, scope_teams, enabled, created_by, created_at,
                        breaches, is_firing, last_value, evaluated_version, evaluated_at)
VALUES (@rule_id, @name, @kpi_id, @comparison, @threshold, @sustain, @filter_query, @scope_teams, @enabled, @created_by, @created_at,
        0, 0, NULL, NULL, NULL)

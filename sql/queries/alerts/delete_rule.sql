DELETE FROM alert_rule
WHERE rule_id = @rule_id

SELECT COALESCE(MAX(rule_id), 0) + 1 AS next_id
FROM alert_rule

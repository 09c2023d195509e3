UPDATE alert_rule
SET breaches = @breaches, is_firing = @is_firing, last_value = @last_value,
    evaluated_version = @evaluated_version, evaluated_at = @evaluated_at
WHERE rule_id = @rule_id

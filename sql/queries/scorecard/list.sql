SELECT scorecard_id, name, is_default, perspective_mode, updated_at
FROM scorecard
ORDER BY scorecard_id

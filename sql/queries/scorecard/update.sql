UPDATE scorecard
SET name = @name, perspective_mode = @perspective_mode, updated_at = @updated_at
WHERE scorecard_id = @scorecard_id

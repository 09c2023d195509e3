INSERT INTO scorecard (scorecard_id, name, is_default, perspective_mode, updated_at)
VALUES (@scorecard_id, @name, @is_default, @perspective_mode, @updated_at)

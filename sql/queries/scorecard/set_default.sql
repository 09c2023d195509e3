-- Exactly one default: the one named, every other one not.
UPDATE scorecard
SET is_default = CASE WHEN scorecard_id = @scorecard_id THEN 1 ELSE 0 END

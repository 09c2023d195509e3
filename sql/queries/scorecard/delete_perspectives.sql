DELETE FROM scorecard_perspective
WHERE scorecard_id = @scorecard_id

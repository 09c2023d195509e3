DELETE FROM scorecard
WHERE scorecard_id = @scorecard_id

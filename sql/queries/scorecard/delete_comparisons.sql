DELETE FROM scorecard_comparison
WHERE scorecard_id = @scorecard_id

DELETE FROM scorecard_kpi
WHERE scorecard_id = @scorecard_id

SELECT COALESCE(MAX(scorecard_id), 0) + 1 AS next_id
FROM scorecard

SELECT scorecard_id, perspective, kpi_mode, direct_weight
FROM scorecard_perspective
ORDER BY scorecard_id, perspective

INSERT INTO scorecard_perspective (scorecard_id, perspective, kpi_mode, direct_weight)
VALUES (@scorecard_id, @perspective, @kpi_mode, @direct_weight)

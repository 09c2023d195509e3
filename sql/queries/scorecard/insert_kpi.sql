INSERT INTO scorecard_kpi (scorecard_id, kpi_id, perspective, sort_order, standard, target, amber_from, green_from, direct_weight)
VALUES (@scorecard_id, @kpi_id, @perspective, @sort_order, @standard, @target, @amber_from, @green_from, @direct_weight)

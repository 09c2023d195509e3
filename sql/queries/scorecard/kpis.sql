SELECT scorecard_id, kpi_id, perspective, sort_order, standard, target, amber_from, green_from, direct_weight
FROM scorecard_kpi
ORDER BY scorecard_id, sort_order, kpi_id

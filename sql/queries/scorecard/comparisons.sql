SELECT scorecard_id, matrix_group, item_a, item_b, ratio
FROM scorecard_comparison
ORDER BY scorecard_id, matrix_group, item_a, item_b

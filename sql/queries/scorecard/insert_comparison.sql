INSERT INTO scorecard_comparison (scorecard_id, matrix_group, item_a, item_b, ratio)
VALUES (@scorecard_id, @matrix_group, @item_a, @item_b, @ratio)

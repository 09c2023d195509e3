-- The two counts agg_sale_pair's rows give (columns steps_back and sales, the rows limited to
-- those whose prior_date is on or after the bucket's start b): active_customers, the distinct
-- customers (the rows of the sales minus those whose previous sale is on or after b), and
-- repeat_customers, those with two or more sales (previous sale on or after b minus
-- second-previous on or after b).
CAST(SUM(CASE WHEN steps_back = 0 THEN sales WHEN steps_back = 1 THEN -sales ELSE 0 END) AS BIGINT) AS active_customers,
CAST(SUM(CASE WHEN steps_back = 1 THEN sales WHEN steps_back = 2 THEN -sales ELSE 0 END) AS BIGINT) AS repeat_customers

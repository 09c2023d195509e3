-- kpi/new_customers when nothing is filtered and the scope is everything: a customer's
-- first-ever sale is their one agg_sale_chain row without a previous sale, so the new
-- customers of a bucket are agg_sale_pair's counts of such rows on its days (a few rows a day
-- instead of one per new customer, and no grouping by customer).
-- A sum over the days scanned: additive (a write dated today recomputes today only).
--#dated
--#additive
SELECT bucket, CAST(SUM(sales) AS BIGINT) AS new_customers
FROM (
    SELECT CASE WHEN @monthly = 1 THEN p.month_start ELSE @window_from END AS bucket, p.sales
    FROM agg_sale_pair p
    WHERE p.steps_back = 1 AND p.prior_date IS NULL
      AND p.sale_date >= @date_from AND p.sale_date < @date_to
      --#include unfiltered_guard
) firsts
GROUP BY bucket
ORDER BY bucket

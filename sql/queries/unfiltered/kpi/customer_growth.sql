-- kpi/customer_growth when nothing is filtered and the scope is everything, from
-- agg_sale_chain: a customer's first-ever sale is their one row without a previous sale, so the
-- customers acquired per day are a plain count (no distinct over agg_first_sale).
--#dated
WITH acquired AS (
    SELECT s.sale_date AS first_date, COUNT(*) AS customers
    FROM agg_sale_chain s
    WHERE s.prev_date IS NULL AND s.sale_date < @date_to
      --#include unfiltered_guard
    GROUP BY s.sale_date
),
--#include customer_growth_rows

-- kpi/winback when nothing is filtered and the scope is everything, from agg_sale_chain
-- without grouping by customer. A customer's first sale on or after a day d is their row dated
-- from d whose previous sale is before d (or none): one row per customer, so sets of customers
-- become counts and semi-joins of such rows. Every part reads sales before @date_to only, as
-- the namesake does, so it holds for any two windows (adjacent, a year apart, overlapping).
--   earlier (a sale before prev_from): customers acquired before prev_from;
--   lapsed = earlier minus those whose first sale from prev_from is in the comparison period;
--   won back = customers whose first sale in the period is before prev_from, or who have an
--   earlier sale and a first sale from prev_from, and who bought nothing in the comparison period.
--#dated
WITH period_firsts AS (
    SELECT s.customer_id, s.sale_date
    FROM agg_sale_chain s
    WHERE s.sale_date >= @date_from AND s.sale_date < @date_to
      AND (s.prev_date IS NULL OR s.prev_date < @date_from)
      --#include unfiltered_guard
), comparison_firsts AS (
    SELECT s.customer_id, s.prev_date
    FROM agg_sale_chain s
    WHERE s.sale_date >= @prev_from AND s.sale_date < @prev_to AND s.sale_date < @date_to
      AND (s.prev_date IS NULL OR s.prev_date < @prev_from)
      --#include unfiltered_guard
), came_back AS (
    -- First sales from prev_from on of customers with a sale before it.
    SELECT s.customer_id
    FROM agg_sale_chain s
    WHERE s.sale_date >= @prev_from AND s.sale_date < @date_to
      AND s.prev_date < @prev_from
      --#include unfiltered_guard
)
SELECT
    @date_from AS bucket,
    -- Customers acquired before prev_from (agg_cohort_activity: a row whose two days are equal
    -- counts the customers whose first-ever sale was that day).
    (SELECT CAST(COALESCE(SUM(a.customers), 0) AS BIGINT) FROM agg_cohort_activity a
     WHERE a.active_date = a.first_date AND a.first_date < @prev_from AND a.first_date < @date_to
       --#include unfiltered_guard
    ) - (SELECT COUNT(*) FROM comparison_firsts c WHERE c.prev_date IS NOT NULL) AS lapsed_customers,
    (SELECT COUNT(*) FROM period_firsts p
     WHERE (p.sale_date < @prev_from OR EXISTS (SELECT 1 FROM came_back b WHERE b.customer_id = p.customer_id))
       AND NOT EXISTS (SELECT 1 FROM comparison_firsts c WHERE c.customer_id = p.customer_id)) AS won_back

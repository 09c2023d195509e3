-- kpi/winback when nothing is filtered and the scope is everything, from agg_sale_chain
-- without grouping by customer. A customer's first sale on or after a day d is their row dated
-- from d whose previous sale is before d (or none): one row per customer, so sets of customers
-- become counts of such rows. Every part reads sales before @date_to only, as the namesake does,
-- so it holds for any two windows (adjacent, a year apart, overlapping).
--   lapsed (a sale before prev_from, none in the comparison period): the customers acquired
--   before prev_from minus those whose first sale from prev_from is in the comparison period.
-- Won back, when the comparison period ends on or before the period's start (the page's two
-- comparisons: the period before, the same period a year earlier):
--   the customers whose first sale in the period follows a sale before prev_from (nothing in
--   between, so nothing in the comparison period) — one range count, no join; plus, when there
--   is a gap [prev_to, date_from) between the windows, those whose first sale in the period
--   follows a sale in the gap and whose first sale from prev_from is in the gap after a sale
--   before prev_from (one row each side per customer: a plain join of two short ranges).
-- Overlapping windows (a period longer than the comparison's offset) take the general sets.
-- Each part is gated in its WHERE, not in a CASE: DuckDB drops a scan whose predicate on the
-- parameters is false (the hash joins of the general sets cost about a second at 10 M orders).
--#dated
WITH period_firsts AS (
    SELECT s.customer_id, s.sale_date
    FROM agg_sale_chain s
    WHERE @prev_to > @date_from
      AND s.sale_date >= @date_from AND s.sale_date < @date_to
      AND (s.prev_date IS NULL OR s.prev_date < @date_from)
      --#include unfiltered_guard
), comparison_firsts AS (
    SELECT s.customer_id
    FROM agg_sale_chain s
    WHERE @prev_to > @date_from
      AND s.sale_date >= @prev_from AND s.sale_date < @prev_to AND s.sale_date < @date_to
      AND (s.prev_date IS NULL OR s.prev_date < @prev_from)
      --#include unfiltered_guard
), came_back AS (
    -- First sales from prev_from on of customers with a sale before it.
    SELECT s.customer_id
    FROM agg_sale_chain s
    WHERE @prev_to > @date_from
      AND s.sale_date >= @prev_from AND s.sale_date < @date_to
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
    ) - (SELECT COUNT(*) FROM agg_sale_chain s
         WHERE s.sale_date >= @prev_from AND s.sale_date < @prev_to AND s.sale_date < @date_to
           AND s.prev_date < @prev_from
           --#include unfiltered_guard
    ) AS lapsed_customers,
    (SELECT COUNT(*) FROM agg_sale_chain s
     WHERE @prev_to <= @date_from
       AND s.sale_date >= @date_from AND s.sale_date < @date_to
       AND s.prev_date < @prev_from
       --#include unfiltered_guard
    ) + (SELECT COUNT(*) FROM agg_sale_chain p
         JOIN agg_sale_chain g ON g.customer_id = p.customer_id
         --#include winback_gap_pairs
           --#include unfiltered_guard
    ) +
    --#include winback_overlap_count
    AS won_back

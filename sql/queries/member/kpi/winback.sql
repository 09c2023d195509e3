-- kpi/winback under a filter on one member of region, segment, channel or category (nothing else
-- filtered, the whole scope), from agg_member_chain's rows of that member, as unfiltered/kpi/winback
-- reads agg_sale_chain: a customer's first sale of the member on or after a day d is their row
-- dated from d whose previous same-member sale is before d (or none), so sets of customers become
-- counts of such rows. Every part reads sales before @date_to only, as the namesake does.
--   lapsed: the customers whose first sale of the member is before prev_from, minus those whose
--   first one from prev_from is in the comparison period after one before it.
--   won back (the comparison period ends on or before the period's start): the period's first
--   sales that follow one before prev_from; plus, with a gap [prev_to, date_from), those whose
--   first sale from prev_from is in the gap after one before prev_from and whose first in the
--   period follows one in the gap. Overlapping windows take the general sets.
-- Each part is gated in its WHERE (DuckDB drops a scan whose predicate on the parameters is false).
--#dated
WITH period_firsts AS (
    SELECT s.customer_id, s.sale_date
    FROM (
        --#include member_sales
    ) s
    WHERE @prev_to > @date_from
      AND s.sale_date >= @date_from AND s.sale_date < @date_to
      AND (s.prev_date IS NULL OR s.prev_date < @date_from)
), comparison_firsts AS (
    SELECT s.customer_id
    FROM (
        --#include member_sales
    ) s
    WHERE @prev_to > @date_from
      AND s.sale_date >= @prev_from AND s.sale_date < @prev_to AND s.sale_date < @date_to
      AND (s.prev_date IS NULL OR s.prev_date < @prev_from)
), came_back AS (
    -- First sales from prev_from on of customers with a sale before it.
    SELECT s.customer_id
    FROM (
        --#include member_sales
    ) s
    WHERE @prev_to > @date_from
      AND s.sale_date >= @prev_from AND s.sale_date < @date_to
      AND s.prev_date < @prev_from
)
SELECT
    @date_from AS bucket,
    (SELECT COUNT(*) FROM (
        --#include member_sales
    ) s WHERE s.sale_date < @prev_from AND s.sale_date < @date_to AND s.prev_date IS NULL)
    - (SELECT COUNT(*) FROM (
        --#include member_sales
    ) s
       WHERE s.sale_date >= @prev_from AND s.sale_date < @prev_to AND s.sale_date < @date_to
         AND s.prev_date < @prev_from) AS lapsed_customers,
    (SELECT COUNT(*) FROM (
        --#include member_sales
    ) s
     WHERE @prev_to <= @date_from
       AND s.sale_date >= @date_from AND s.sale_date < @date_to
       AND s.prev_date < @prev_from
    ) + (SELECT COUNT(*) FROM (
        --#include member_sales
    ) p
         JOIN (
        --#include member_sales
    ) g ON g.customer_id = p.customer_id
         --#include winback_gap_pairs
    ) +
    --#include winback_overlap_count
    AS won_back
WHERE 1 = 1
  --#include member_guard

-- kpi/sales_summary when nothing is filtered and the scope is everything: the same sums from
-- agg_sale_day, and the customer counts from agg_sale_chain without grouping by customer. A
-- customer's first sale in a bucket is the row whose previous sale is before the bucket (or
-- none): active_customers; the second is the row whose previous sale is in the bucket and
-- second-previous before it: repeat_customers (two or more sales in the bucket). Every column
-- is a sum over the days scanned, compared with the window's start @window_from: additive, so
-- a write dated today recomputes the window's last month only.
--#dated
--#additive
WITH
--#include sale_day_totals
, chain AS (
    SELECT CASE WHEN @monthly = 1 THEN s.month_start ELSE @window_from END AS bucket,
           s.prev_date, s.prev2_date
    FROM agg_sale_chain s
    WHERE s.sale_date >= @date_from AND s.sale_date < @date_to
      --#include unfiltered_guard
), customers AS (
    SELECT
        bucket,
        CAST(SUM(CASE WHEN prev_date IS NULL OR prev_date < bucket THEN 1 ELSE 0 END) AS BIGINT) AS active_customers,
        CAST(SUM(CASE WHEN prev_date >= bucket AND (prev2_date IS NULL OR prev2_date < bucket) THEN 1 ELSE 0 END) AS BIGINT) AS repeat_customers
    FROM chain
    GROUP BY bucket
)
--#include sales_summary_rows
WHERE 1 = 1
  --#include unfiltered_guard
ORDER BY t.bucket

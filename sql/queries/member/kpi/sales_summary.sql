-- kpi/sales_summary under a filter on one member of region, segment, channel or category (nothing
-- else filtered, the whole scope): the sums from agg_sale_day's rows of that member
-- (sale_day_totals), the customer counts from agg_member_chain's. A customer counts as active in
-- a bucket at their first sale of the member there (their previous same-member sale before the
-- bucket's start or the window's @window_from), and as a repeat customer at their second (the
-- previous one inside, the second-previous not): counts over the days scanned, so additive, and
-- a count of rows instead of a GROUP BY customer over the member's sales.
--#dated
--#additive
WITH
--#include sale_day_totals
, member_sales AS (
    SELECT CASE WHEN @monthly = 1 THEN s.month_start ELSE @window_from END AS bucket, s.prev_date, s.prev2_date
    FROM (
        --#include member_sales
    ) s
    WHERE s.sale_date >= @date_from AND s.sale_date < @date_to
), customers AS (
    SELECT bucket,
           CAST(SUM(CASE WHEN prev_date >= bucket AND prev_date >= @window_from THEN 0 ELSE 1 END) AS BIGINT) AS active_customers,
           CAST(SUM(CASE WHEN prev_date >= bucket AND prev_date >= @window_from
                          AND NOT (prev2_date IS NOT NULL AND prev2_date >= bucket AND prev2_date >= @window_from) THEN 1 ELSE 0 END) AS BIGINT) AS repeat_customers
    FROM member_sales
    GROUP BY bucket
)
--#include sales_summary_rows
WHERE 1 = 1
  --#include member_guard
ORDER BY t.bucket

-- kpi/complaints when nothing is filtered and the scope is everything: the complaining
-- customers from agg_complaint_sale (each complaint day with the customer's sales either side
-- of it, so no sale of the window is joined), the active customers from agg_sale_pair
-- (counted like kpi/sales_summary's twin) instead of a join of every sale with every customer. A
-- complainant counts only with a sale in the same bucket (the numerator is a subset of the
-- denominator, KPIS.md §3).
-- Additive: a complainant is counted in the part of the window where they first have both a
-- complaint and a sale (each part sees the complaints from the window's start @window_from, and
-- the sales before and after each: a write dated d moves those only to d, which leaves the
-- parts before d as they were), an active customer as in agg_sale_pair's counts; so a write
-- dated today recomputes today only.
--#dated
--#additive
WITH complaints AS (
    -- The complaint days from the window's start to the scan's end, each with the customer's
    -- sales either side of it (agg_complaint_sale), in its bucket.
    SELECT CASE WHEN @monthly = 1 THEN c.month_start ELSE @window_from END AS bucket, c.customer_id,
           c.complaint_day, c.prev_sale, c.next_sale, c.next_month
    FROM agg_complaint_sale c
    WHERE c.complaint_day >= @window_from AND c.complaint_day < @date_to
      --#include unfiltered_guard
), flagged AS (
    -- Per bucket and complainant: whether they have both a complaint and a sale in the bucket
    -- by the scan's end, and already by its start. With a complaint on day k in the bucket, a
    -- sale in it up to x exists exactly when the sale before k is on or after the bucket's
    -- start, or the sale after k is before x (and, by month, in k's month). A window by month
    -- starts on a month's first day (DateRange.TrailingMonths), as agg_sale_pair's counts assume.
    SELECT bucket, customer_id,
           MAX(CASE WHEN prev_sale >= bucket
                      OR (next_sale < @date_to AND (@monthly <> 1 OR next_month = bucket)) THEN 1 ELSE 0 END) AS by_end,
           MAX(CASE WHEN complaint_day < @date_from
                     AND (prev_sale >= bucket
                       OR (next_sale < @date_from AND (@monthly <> 1 OR next_month = bucket))) THEN 1 ELSE 0 END) AS by_start
    FROM complaints
    GROUP BY bucket, customer_id
), complaining_counts AS (
    -- Counted in the part of the window where they first have both.
    SELECT bucket, COUNT(*) AS complaining_customers
    FROM flagged
    WHERE by_end = 1 AND by_start = 0
    GROUP BY bucket
),
--#include chain_customer_counts
, active_counts AS (
    SELECT bucket, active_customers FROM customers
),
--#include complaint_rows

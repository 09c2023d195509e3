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
),
--#include complaint_flags
,
--#include chain_customer_counts
, active_counts AS (
    SELECT bucket, active_customers FROM customers
),
--#include complaint_rows

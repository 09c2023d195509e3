-- kpi/complaints when nothing is filtered and the scope is everything: the complaining
-- customers from the tickets as there, the active customers from agg_sale_pair (counted like
-- kpi/sales_summary's twin) instead of a join of every sale with every customer. A
-- complainant counts only with a sale in the same bucket (the numerator is a subset of the
-- denominator, KPIS.md §3).
-- Additive: a complainant is counted in the part of the window where they first have both a
-- complaint and a sale (each part sees the complaints from the window's start @window_from, and
-- the sales before the part through agg_sale_chain's previous sale), an active customer as in
-- agg_sale_pair's counts; so a write dated today recomputes today only.
--#dated
--#additive
WITH complaints AS (
    -- Per bucket and complaining customer, from the window's start to the scan's end: whether
    -- they complained before the scan (@date_from) and in it.
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @window_from END AS bucket, t.customer_id,
           MAX(CASE WHEN t.submitted_at < @date_from THEN 1 ELSE 0 END) AS before_scan,
           MAX(CASE WHEN t.submitted_at >= @date_from THEN 1 ELSE 0 END) AS in_scan
    FROM fact_ticket t
    JOIN dim_date d ON d.calendar_date = CAST(t.submitted_at AS DATE)
    WHERE t.is_complaint = 1 AND t.customer_id IS NOT NULL
      AND t.submitted_at >= @window_from AND t.submitted_at < @date_to
      --#include unfiltered_guard
    GROUP BY CASE WHEN @monthly = 1 THEN d.month_start ELSE @window_from END, t.customer_id
), sales_in AS (
    -- The complainants' sales in the scan, in the same bucket: whether they bought in the bucket
    -- before the scan too (their first sale in the scan follows one on or after the bucket's start).
    SELECT k.bucket, k.customer_id,
           MAX(CASE WHEN s.prev_date >= k.bucket AND s.prev_date >= @window_from AND s.prev_date < @date_from THEN 1 ELSE 0 END) AS before_scan
    FROM complaints k
    JOIN agg_sale_chain s ON s.customer_id = k.customer_id
    WHERE s.sale_date >= @date_from AND s.sale_date < @date_to
      AND (@monthly <> 1 OR s.month_start = k.bucket)
    GROUP BY k.bucket, k.customer_id
), sales_before AS (
    -- Only for a scan that starts after the window's start: the customers who complained in the
    -- scan, bought nothing in it, and bought in the bucket before it.
    SELECT k.bucket, k.customer_id
    FROM complaints k
    WHERE @date_from <> @window_from AND k.in_scan = 1
      AND NOT EXISTS (SELECT 1 FROM sales_in i WHERE i.bucket = k.bucket AND i.customer_id = k.customer_id)
      AND EXISTS (
          SELECT 1 FROM agg_sale_chain s
          WHERE s.customer_id = k.customer_id
            AND s.sale_date >= @window_from AND s.sale_date < @date_from
            AND (@monthly <> 1 OR s.month_start = k.bucket))
), complaining_counts AS (
    -- With a sale in the bucket, and not both a complaint and a sale before the scan (the part
    -- before counted those).
    SELECT k.bucket, COUNT(*) AS complaining_customers
    FROM complaints k
    LEFT JOIN sales_in i ON i.bucket = k.bucket AND i.customer_id = k.customer_id
    LEFT JOIN sales_before b ON b.bucket = k.bucket AND b.customer_id = k.customer_id
    WHERE (i.customer_id IS NOT NULL OR b.customer_id IS NOT NULL)
      AND NOT (k.before_scan = 1 AND (COALESCE(i.before_scan, 0) = 1 OR b.customer_id IS NOT NULL))
    GROUP BY k.bucket
),
--#include chain_customer_counts
, active_counts AS (
    SELECT bucket, active_customers FROM customers
),
--#include complaint_rows

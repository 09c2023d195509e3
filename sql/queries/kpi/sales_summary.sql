-- Order measures for [date_from, date_to): the base of the contribution KPIs.
-- One row per bucket: the whole window (@monthly = 0, bucket = its start @window_from) or each
-- calendar month (@monthly = 1, bucket = month start) for the tiles' sparklines.
-- A sale is a non-cancelled order with positive revenue (KPIS.md conventions); returns are
-- their own measure, summed over every order of the period whatever its status.
-- Anonymous sales (no customer) count in revenue and orders, not in customer counts.
-- The customer counts are additive too: a customer counts as active in the days scanned when
-- none of their sales in the same bucket came before them (from the bucket's start, and the
-- window's, to the first day scanned), and as a repeat customer when their sales there bring
-- them to two.
-- Scanning the whole window, there is nothing before it; scanning today (what QueryCache does
-- after a write, the days before kept cached) it reads the earlier days' sales of today's
-- customers only, not every customer of the window again.
-- Unfiltered, unfiltered/kpi/sales_summary answers the same from agg_sale_chain.
--#dated
--#additive
WITH
--#include sales_totals
, per_customer AS (
    SELECT bucket, customer_id, COUNT(*) AS order_count
    FROM scoped
    WHERE is_sale = 1 AND customer_id IS NOT NULL
    GROUP BY bucket, customer_id
), earlier AS (
    -- The same customers' sales in their bucket before the days scanned.
    SELECT p.bucket, p.customer_id, COUNT(*) AS order_count
    FROM fact_order o
    JOIN per_customer p ON p.customer_id = o.customer_id
    WHERE o.order_date >= @window_from AND o.order_date < @date_from
      AND o.order_date >= p.bucket
      --#include sale
      --#include order_filters
    GROUP BY p.bucket, p.customer_id
), customers AS (
    SELECT
        c.bucket,
        CAST(SUM(CASE WHEN e.order_count IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS active_customers,
        CAST(SUM(CASE WHEN COALESCE(e.order_count, 0) < 2 AND COALESCE(e.order_count, 0) + c.order_count >= 2 THEN 1 ELSE 0 END) AS BIGINT) AS repeat_customers
    FROM per_customer c
    LEFT JOIN earlier e ON e.bucket = c.bucket AND e.customer_id = c.customer_id
    GROUP BY c.bucket
)
--#include sales_summary_rows
ORDER BY t.bucket

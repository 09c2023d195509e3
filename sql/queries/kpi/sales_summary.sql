-- Order measures for [date_from, date_to): the base of the contribution KPIs.
-- One row per bucket: the whole period (@monthly = 0, bucket = date_from) or each calendar
-- month (@monthly = 1, bucket = month start) for the tiles' sparklines.
-- A sale is a non-cancelled order with positive revenue (KPIS.md conventions); returns are
-- their own measure, summed over every order of the period whatever its status.
-- Anonymous sales (no customer) count in revenue and orders, not in customer counts.
-- Unfiltered, unfiltered/kpi/sales_summary answers the same from agg_sale_chain.
--#dated
WITH
--#include sales_totals
, per_customer AS (
    SELECT bucket, customer_id, COUNT(*) AS order_count
    FROM scoped
    WHERE is_sale = 1 AND customer_id IS NOT NULL
    GROUP BY bucket, customer_id
), customers AS (
    SELECT
        bucket,
        COUNT(*) AS active_customers,
        CAST(SUM(CASE WHEN order_count >= 2 THEN 1 ELSE 0 END) AS BIGINT) AS repeat_customers
    FROM per_customer
    GROUP BY bucket
)
--#include sales_summary_rows
ORDER BY t.bucket

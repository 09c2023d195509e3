-- Order measures for [date_from, date_to): the base of the contribution KPIs.
-- One row per bucket: the whole period (@monthly = 0, bucket = date_from) or each calendar
-- month (@monthly = 1, bucket = month start) for the tiles' sparklines.
-- A sale is a non-cancelled order with positive revenue (KPIS.md conventions); returns are
-- their own measure, summed over every order of the period whatever its status.
-- Anonymous sales (no customer) count in revenue and orders, not in customer counts.
WITH scoped AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           o.customer_id, o.revenue, o.cost, o.items, o.returned_value,
           CASE WHEN o.status <> 'cancelled' AND o.revenue > 0 THEN 1 ELSE 0 END AS is_sale
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      --#include order_filters
), totals AS (
    SELECT
        bucket,
        CAST(COALESCE(SUM(CASE WHEN is_sale = 1 THEN revenue END), 0) AS DECIMAL(18,2)) AS revenue,
        CAST(COALESCE(SUM(CASE WHEN is_sale = 1 THEN cost END), 0) AS DECIMAL(18,2)) AS cost,
        CAST(SUM(is_sale) AS BIGINT) AS orders,
        CAST(COALESCE(SUM(CASE WHEN is_sale = 1 THEN items END), 0) AS BIGINT) AS items,
        CAST(SUM(returned_value) AS DECIMAL(18,2)) AS returns_value,
        CAST(SUM(CASE WHEN is_sale = 1 AND customer_id IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS identified_orders
    FROM scoped
    GROUP BY bucket
), per_customer AS (
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
SELECT t.bucket, t.revenue, t.cost, t.revenue - t.cost AS gross_profit, t.orders, t.items,
       t.returns_value, t.identified_orders,
       COALESCE(c.active_customers, 0) AS active_customers,
       COALESCE(c.repeat_customers, 0) AS repeat_customers
FROM totals t
LEFT JOIN customers c ON c.bucket = t.bucket
ORDER BY t.bucket

-- Customers active in the previous window [prev_from, prev_to), and how many of them are
-- active again in the period [date_from, date_to): retention_rate and churn_rate.
-- The windows may overlap (a two-year range compared with last year), so each is read on its own.
--#dated
WITH sales AS (
    SELECT o.customer_id, o.order_date
    FROM fact_order o
    WHERE o.customer_id IS NOT NULL
      --#include sale
      AND ((o.order_date >= @date_from AND o.order_date < @date_to)
           OR (o.order_date >= @prev_from AND o.order_date < @prev_to))
      --#include order_filters
), previous_customers AS (
    SELECT DISTINCT customer_id FROM sales WHERE order_date >= @prev_from AND order_date < @prev_to
), current_customers AS (
    SELECT DISTINCT customer_id FROM sales WHERE order_date >= @date_from AND order_date < @date_to
)
SELECT
    @date_from AS bucket,
    (SELECT COUNT(*) FROM previous_customers) AS previous_active,
    (SELECT COUNT(*) FROM previous_customers p JOIN current_customers c ON c.customer_id = p.customer_id) AS retained

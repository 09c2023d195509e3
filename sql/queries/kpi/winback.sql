-- winback_rate: of the customers lapsed at the start of the period (a sale before the
-- comparison period [prev_from, prev_to) and none in it), those active again in
-- [date_from, date_to).
--#dated
WITH sales AS (
    SELECT o.customer_id, o.order_date
    FROM fact_order o
    WHERE o.customer_id IS NOT NULL
      AND o.order_date < @date_to
      --#include sale
      --#include order_filters
), earlier AS (
    SELECT DISTINCT customer_id FROM sales WHERE order_date < @prev_from
), comparison AS (
    SELECT DISTINCT customer_id FROM sales WHERE order_date >= @prev_from AND order_date < @prev_to
), period AS (
    SELECT DISTINCT customer_id FROM sales WHERE order_date >= @date_from AND order_date < @date_to
), lapsed AS (
    SELECT e.customer_id FROM earlier e
    WHERE NOT EXISTS (SELECT 1 FROM comparison c WHERE c.customer_id = e.customer_id)
)
SELECT
    @date_from AS bucket,
    (SELECT COUNT(*) FROM lapsed) AS lapsed_customers,
    (SELECT COUNT(*) FROM lapsed l JOIN period p ON p.customer_id = l.customer_id) AS won_back

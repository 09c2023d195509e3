-- The inputs of clv for a year [date_from, date_to) and the year before [prev_from, prev_to)
-- (the engine passes the twelve months up to the period's end): the sales measures of the
-- year and the customers active in the year before and again in this one (annual churn).
--#dated
WITH sales AS (
    SELECT o.customer_id, o.order_date, o.revenue, o.cost
    FROM fact_order o
    WHERE ((o.order_date >= @date_from AND o.order_date < @date_to)
           OR (o.order_date >= @prev_from AND o.order_date < @prev_to))
      --#include sale
      --#include order_filters
), this_year AS (
    SELECT * FROM sales WHERE order_date >= @date_from AND order_date < @date_to
), previous_customers AS (
    SELECT DISTINCT customer_id FROM sales
    WHERE order_date >= @prev_from AND order_date < @prev_to AND customer_id IS NOT NULL
), current_customers AS (
    SELECT DISTINCT customer_id FROM this_year WHERE customer_id IS NOT NULL
)
SELECT
    @date_from AS bucket,
    (SELECT CAST(COALESCE(SUM(revenue), 0) AS DECIMAL(18,2)) FROM this_year) AS revenue,
    (SELECT CAST(COALESCE(SUM(revenue - cost), 0) AS DECIMAL(18,2)) FROM this_year) AS gross_profit,
    (SELECT COUNT(*) FROM this_year) AS orders,
    (SELECT COUNT(customer_id) FROM this_year) AS identified_orders,
    (SELECT COUNT(*) FROM current_customers) AS active_customers,
    (SELECT COUNT(*) FROM previous_customers) AS previous_active,
    (SELECT COUNT(*) FROM previous_customers p JOIN current_customers c ON c.customer_id = p.customer_id) AS retained

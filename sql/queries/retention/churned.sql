-- The churned customers of the period (churn_rate's numerator): active in the comparison
-- period [prev_from, prev_to) and not in [date_from, date_to), with their last sale, lifetime
-- revenue and latest CSAT answer. Sorted and paged by the database.
WITH sale AS (
    SELECT o.customer_id, o.order_date, o.revenue
    FROM fact_order o
    WHERE o.customer_id IS NOT NULL
      --#include sale
      --#include order_filters
), churned AS (
    SELECT DISTINCT p.customer_id
    FROM sale p
    WHERE p.order_date >= @prev_from AND p.order_date < @prev_to
      AND NOT EXISTS (SELECT 1 FROM sale c WHERE c.customer_id = p.customer_id AND c.order_date >= @date_from AND c.order_date < @date_to)
), lifetime AS (
    SELECT s.customer_id, MAX(s.order_date) AS last_order, SUM(s.revenue) AS lifetime_revenue, COUNT(*) AS lifetime_orders
    FROM sale s
    JOIN churned ch ON ch.customer_id = s.customer_id
    WHERE s.order_date < @date_to
    GROUP BY s.customer_id
), beyond_page AS (
    SELECT 0 AS customers
),
--#include churned_rows
ORDER BY
    --#include table_sort/churned-customers
    customer_id
OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY

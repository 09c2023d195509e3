-- Second half: the customers' sales on or after @from_date, and the sale before those (as the
-- first half deleted them: a sale before @from_date whose next sale is on or after it, or none),
-- with the dates of their previous, second-previous and next sale (over all their sales, ordered
-- by date, then order id), of their first-ever sale, its revenue and the customer's revenue and
-- sales up to and including it, written in date order so the engine's per-block date ranges keep pruning.
-- A write that moves a customer's first sale is dated on or before it, so all their rows are
-- rewritten and first_date stays the same on every row of a customer.
INSERT INTO agg_sale_chain (customer_id, sale_date, month_start, prev_date, prev2_date, first_date, revenue, next_date, lifetime_revenue, lifetime_orders)
SELECT s.customer_id, s.order_date, d.month_start, s.prev_date, s.prev2_date, s.first_date, s.revenue, s.next_date, s.lifetime_revenue, s.lifetime_orders
FROM (
    SELECT o.customer_id, o.order_date, o.revenue,
           LAG(o.order_date, 1) OVER (PARTITION BY o.customer_id ORDER BY o.order_date, o.order_id) AS prev_date,
           LAG(o.order_date, 2) OVER (PARTITION BY o.customer_id ORDER BY o.order_date, o.order_id) AS prev2_date,
           LEAD(o.order_date, 1) OVER (PARTITION BY o.customer_id ORDER BY o.order_date, o.order_id) AS next_date,
           MIN(o.order_date) OVER (PARTITION BY o.customer_id) AS first_date,
           SUM(o.revenue) OVER (PARTITION BY o.customer_id ORDER BY o.order_date, o.order_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS lifetime_revenue,
           ROW_NUMBER() OVER (PARTITION BY o.customer_id ORDER BY o.order_date, o.order_id) AS lifetime_orders
    FROM fact_order o
    WHERE o.customer_id IS NOT NULL
      --#include sale
      AND (@all_customers = 1 OR o.customer_id IN @customer_ids)
) s
JOIN dim_date d ON d.calendar_date = s.order_date
WHERE s.order_date >= @from_date OR s.next_date IS NULL OR s.next_date >= @from_date
ORDER BY s.order_date

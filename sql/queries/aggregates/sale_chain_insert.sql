-- Second half: the customers' sales on or after @from_date with the dates of their previous
-- and second-previous sale (over all their sales, ordered by date, then order id), of their
-- first-ever sale, and its revenue, written in date order so the engine's per-block date ranges keep pruning.
-- A write that moves a customer's first sale is dated on or before it, so all their rows are
-- rewritten and first_date stays the same on every row of a customer.
INSERT INTO agg_sale_chain (customer_id, sale_date, month_start, prev_date, prev2_date, first_date, revenue)
SELECT s.customer_id, s.order_date, d.month_start, s.prev_date, s.prev2_date, s.first_date, s.revenue
FROM (
    SELECT o.customer_id, o.order_date, o.revenue,
           LAG(o.order_date, 1) OVER (PARTITION BY o.customer_id ORDER BY o.order_date, o.order_id) AS prev_date,
           LAG(o.order_date, 2) OVER (PARTITION BY o.customer_id ORDER BY o.order_date, o.order_id) AS prev2_date,
           MIN(o.order_date) OVER (PARTITION BY o.customer_id) AS first_date
    FROM fact_order o
    WHERE o.customer_id IS NOT NULL
      --#include sale
      AND (@all_customers = 1 OR o.customer_id IN @customer_ids)
) s
JOIN dim_date d ON d.calendar_date = s.order_date
WHERE s.order_date >= @from_date
ORDER BY s.order_date

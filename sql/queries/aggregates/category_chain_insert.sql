-- Second half: the customers' sales that name a category (sql/fragments/sale.sql), ordered by
-- date then order id, each with the date of the previous such sale and the date (and month) of
-- the next such sale whose category differs from this one's: the first later sale that starts a
-- new run of one category. In date order, so the engine's per-block date ranges keep pruning.
INSERT INTO agg_category_chain (customer_id, sale_date, month_start, prev_date, next_other_date, next_other_month)
SELECT c.customer_id, c.order_date, d.month_start, c.prev_date, c.next_other_date, n.month_start
FROM (
    SELECT r.customer_id, r.order_date,
           LAG(r.order_date, 1) OVER (PARTITION BY r.customer_id ORDER BY r.order_date, r.order_id) AS prev_date,
           MIN(CASE WHEN r.run_start = 1 THEN r.order_date END) OVER (
               PARTITION BY r.customer_id ORDER BY r.order_date, r.order_id
               ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_other_date
    FROM (
        SELECT o.customer_id, o.order_id, o.order_date,
               CASE WHEN o.category_id = LAG(o.category_id, 1) OVER (PARTITION BY o.customer_id ORDER BY o.order_date, o.order_id)
                    THEN 0 ELSE 1 END AS run_start
        FROM fact_order o
        WHERE o.customer_id IS NOT NULL
          AND o.category_id IS NOT NULL
          --#include sale
          AND (@all_customers = 1 OR o.customer_id IN @customer_ids)
    ) r
) c
JOIN dim_date d ON d.calendar_date = c.order_date
LEFT JOIN dim_date n ON n.calendar_date = c.next_other_date
ORDER BY c.order_date

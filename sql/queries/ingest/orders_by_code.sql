-- The customers and dates of existing orders with these source ids: an idempotent re-send
-- replaces them, so the pre-aggregates of those customers from those dates are refreshed too.
SELECT o.customer_id, o.order_date
FROM fact_order o
WHERE o.order_code IN @codes

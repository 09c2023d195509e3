-- Re-sent orders replace the earlier copy: idempotent on the source id.
DELETE FROM fact_order
WHERE order_code IN @codes

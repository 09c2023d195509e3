-- The columns of kpi/sales_summary and its unfiltered twin: the CTE "totals" (sales_totals) with the
-- customer counts of the CTE "customers", per bucket.
SELECT t.bucket, t.revenue, t.cost, t.revenue - t.cost AS gross_profit, t.orders, t.items,
       t.returns_value, t.identified_orders,
       COALESCE(c.active_customers, 0) AS active_customers,
       COALESCE(c.repeat_customers, 0) AS repeat_customers
FROM totals t
LEFT JOIN customers c ON c.bucket = t.bucket

-- Per month of the CTE "months", its customers active in the month before and how many of them
-- are active again in the month, from the CTE "customer_months" (retention_customer_months).
SELECT m.month_start AS bucket,
       COUNT(p.customer_id) AS previous_active,
       COUNT(c.customer_id) AS retained
FROM months m
LEFT JOIN customer_months p ON p.month_start = m.previous_month
LEFT JOIN customer_months c ON c.month_start = m.month_start AND c.customer_id = p.customer_id
GROUP BY m.month_start

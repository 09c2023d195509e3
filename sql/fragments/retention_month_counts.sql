-- After the CTE "months" (retention_months): each month's customers active in the month before
-- and how many of them are active again in the month, from the distinct (customer, month) pairs
-- of the sales in [@prev_from, @date_to) under the filters. DuckDB says it with a bit per month
-- (retention_month_counts.duckdb.sql).
, customer_months AS (
    SELECT DISTINCT o.customer_id, d.month_start
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    WHERE o.customer_id IS NOT NULL
      --#include sale
      AND o.order_date >= @prev_from AND o.order_date < @date_to
      --#include order_filters
)
SELECT m.month_start AS bucket,
       COUNT(p.customer_id) AS previous_active,
       COUNT(c.customer_id) AS retained
FROM months m
LEFT JOIN customer_months p ON p.month_start = m.previous_month
LEFT JOIN customer_months c ON c.month_start = m.month_start AND c.customer_id = p.customer_id
GROUP BY m.month_start
ORDER BY m.month_start

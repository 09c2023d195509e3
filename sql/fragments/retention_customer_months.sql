-- The distinct (customer, month) pairs of the sales in [@prev_from, @date_to) under the filters:
-- the body of the CTE "customer_months" of retention_month_counts (and of DuckDB's branch for
-- windows a bit mask cannot hold), which may add conditions after it.
SELECT DISTINCT o.customer_id, d.month_start
FROM fact_order o
JOIN dim_date d ON d.calendar_date = o.order_date
WHERE o.customer_id IS NOT NULL
  --#include sale
  AND o.order_date >= @prev_from AND o.order_date < @date_to
  --#include order_filters

-- Customers whose first-ever sale falls in [date_from, date_to), counted where that first
-- sale matches the filters ("acquired in this period through this slice").
-- "First-ever" looks at all orders, unfiltered: a customer is new once, ever. The first
-- sales are kept in agg_first_sale by every write, so this reads a few rows per new customer.
-- A count of rows: additive (a write dated today recomputes the window's last month only).
--#dated
--#additive
WITH
--#include first_sales
, acquired AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @window_from END AS bucket, f.customer_id
    FROM first_sales f
    JOIN dim_date d ON d.calendar_date = f.first_date
)
SELECT bucket, COUNT(*) AS new_customers
FROM acquired
GROUP BY bucket
ORDER BY bucket

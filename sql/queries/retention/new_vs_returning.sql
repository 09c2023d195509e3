-- Revenue per calendar month in [date_from, date_to) split by who bought: customers in the
-- month of their first-ever sale (new), other customers (returning), and anonymous sales.
-- Only customers whose first sale is in a month of the window can be new, so first sales
-- before the window's first month are not read (agg_first_sale is in date order: the engine
-- skips them).
--#dated
WITH first_months AS (
    SELECT f.customer_id, MIN(d.month_start) AS first_month
    FROM agg_first_sale f
    JOIN dim_date d ON d.calendar_date = f.first_date
    WHERE f.first_date < @date_to
      AND f.first_date >= (SELECT MIN(w.month_start) FROM dim_date w WHERE w.calendar_date >= @date_from AND w.calendar_date < @date_to)
    GROUP BY f.customer_id
), sales AS (
    SELECT d.month_start AS bucket, o.revenue,
           CASE WHEN o.customer_id IS NULL THEN 'anonymous'
                WHEN f.first_month = d.month_start THEN 'new'
                ELSE 'returning' END AS buyer
    FROM fact_order o
    JOIN dim_date d ON d.calendar_date = o.order_date
    LEFT JOIN first_months f ON f.customer_id = o.customer_id
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      --#include sale
      --#include order_filters
)
SELECT bucket,
       CAST(SUM(CASE WHEN buyer = 'new' THEN revenue ELSE 0 END) AS DECIMAL(18,2)) AS new_revenue,
       CAST(SUM(CASE WHEN buyer = 'returning' THEN revenue ELSE 0 END) AS DECIMAL(18,2)) AS returning_revenue,
       CAST(SUM(CASE WHEN buyer = 'anonymous' THEN revenue ELSE 0 END) AS DECIMAL(18,2)) AS anonymous_revenue
FROM sales
GROUP BY bucket
ORDER BY bucket

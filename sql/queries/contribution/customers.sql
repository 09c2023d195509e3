-- The customers active in [date_from, date_to) with their revenue, gross profit, orders and
-- last sale, one page at a time: sorted by @sort (a whitelisted column) and @descending,
-- ties by customer id, skipping @offset rows and returning at most @limit. total_rows is the
-- count of all matching customers, for the pager.
WITH per_customer AS (
    SELECT o.customer_id,
           SUM(o.revenue) AS revenue,
           SUM(o.revenue - o.cost) AS gross_profit,
           COUNT(*) AS orders,
           MAX(o.order_date) AS last_order
    FROM fact_order o
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NOT NULL
      --#include sale
      --#include order_filters
    GROUP BY o.customer_id
), listed AS (
    SELECT p.customer_id, c.customer_code, c.name, r.name AS region, s.name AS segment, rep.name AS owner,
           p.revenue, p.gross_profit, p.orders, p.last_order,
           SUM(p.revenue) OVER () AS total_revenue,
           COUNT(*) OVER () AS total_rows
    FROM per_customer p
    JOIN dim_customer c ON c.customer_id = p.customer_id
    LEFT JOIN dim_region r ON r.region_id = c.region_id
    LEFT JOIN dim_segment s ON s.segment_id = c.segment_id
    LEFT JOIN dim_rep rep ON rep.rep_id = c.owner_rep_id
    -- Only customers the scope owns are listed (their revenue is the scope's orders).
    WHERE 1 = 1
      --#include owned_customer
)
SELECT customer_id, customer_code, name, region, segment, owner,
       CAST(revenue AS DECIMAL(18,2)) AS revenue,
       CAST(gross_profit AS DECIMAL(18,2)) AS gross_profit,
       orders, last_order,
       CAST(total_revenue AS DECIMAL(18,2)) AS total_revenue,
       total_rows
FROM listed
ORDER BY
    --#include table_sort/top-customers
    customer_id
OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY

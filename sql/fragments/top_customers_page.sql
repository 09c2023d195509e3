-- The page of contribution/customers (and its unfiltered twin) after its CTEs "listed" (customer_id,
-- name when the sort needs it, revenue, gross_profit, orders, last_order) and "totals"
-- (total_revenue, total_rows): the page is chosen, then only its rows get code, region, segment
-- and owner.
page AS (
    SELECT customer_id, name, revenue, gross_profit, orders, last_order
    FROM listed
    ORDER BY
        --#include table_sort/top-customers
        customer_id
    OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY
), named AS (
    SELECT g.customer_id, c.customer_code, c.name, r.name AS region, s.name AS segment, rep.name AS owner,
           g.revenue, g.gross_profit, g.orders, g.last_order, t.total_revenue, t.total_rows
    FROM page g
    CROSS JOIN totals t
    JOIN dim_customer c ON c.customer_id = g.customer_id
    LEFT JOIN dim_region r ON r.region_id = c.region_id
    LEFT JOIN dim_segment s ON s.segment_id = c.segment_id
    LEFT JOIN dim_rep rep ON rep.rep_id = c.owner_rep_id
)
SELECT customer_id, customer_code, name, region, segment, owner,
       CAST(revenue AS DECIMAL(18,2)) AS revenue,
       CAST(gross_profit AS DECIMAL(18,2)) AS gross_profit,
       orders, last_order,
       CAST(total_revenue AS DECIMAL(18,2)) AS total_revenue,
       total_rows
FROM named
ORDER BY
    --#include table_sort/top-customers
    customer_id

-- The rest of marketing/campaign_customers (and its unfiltered twin) after the CTE
-- "per_customer" (customer_id, touches, first_touch, responded, converted): the customers' sales
-- in the period and CTE "listed", the rows; the query sorts and pages them.
sales AS (
    SELECT o.customer_id, CAST(SUM(o.revenue) AS DECIMAL(18,2)) AS revenue, COUNT(*) AS orders
    FROM fact_order o
    JOIN per_customer p ON p.customer_id = o.customer_id
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      --#include sale
      AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
    GROUP BY o.customer_id
), listed AS (
    SELECT p.customer_id, c.customer_code, c.name, g.name AS region, p.touches, p.first_touch,
           p.responded, p.converted, COALESCE(s.orders, 0) AS orders, COALESCE(s.revenue, 0) AS revenue,
           COUNT(*) OVER () AS total_rows
    FROM per_customer p
    JOIN dim_customer c ON c.customer_id = p.customer_id
    LEFT JOIN dim_region g ON g.region_id = c.region_id
    LEFT JOIN sales s ON s.customer_id = p.customer_id
)

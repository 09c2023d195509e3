-- One drill level of sales in [date_from, date_to): revenue, gross profit, orders and customers
-- per region, team, rep or customer (@level), for the filters of the levels above. Sorted and
-- paged by the database like every table; member_id NULL collects sales without one (web
-- orders have no rep, anonymous sales no customer).
WITH scoped AS (
    SELECT CASE WHEN @level = 'region' THEN o.region_id
                WHEN @level = 'team' THEN o.team_id
                WHEN @level = 'rep' THEN o.rep_id
                ELSE o.customer_id END AS member_id,
           o.revenue, o.cost, o.customer_id
    FROM fact_order o
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      --#include sale
      --#include order_filters
),
--#include member_totals
, named AS (
    SELECT g.member_id,
           COALESCE(r.name, t.name, p.name, c.name) AS name,
           g.revenue, g.gross_profit, g.orders, g.customers,
           SUM(g.revenue) OVER () AS total_revenue,
           COUNT(*) OVER () AS total_rows
    FROM member_totals g
    LEFT JOIN dim_region r ON @level = 'region' AND r.region_id = g.member_id
    LEFT JOIN dim_team t ON @level = 'team' AND t.team_id = g.member_id
    LEFT JOIN dim_rep p ON @level = 'rep' AND p.rep_id = g.member_id
    LEFT JOIN dim_customer c ON @level = 'customer' AND c.customer_id = g.member_id
    -- The customer level lists only customers the scope owns.
    WHERE @level <> 'customer' OR (c.customer_id IS NOT NULL
      --#include owned_customer
    )
)
SELECT member_id, name,
       CAST(revenue AS DECIMAL(18,2)) AS revenue,
       CAST(gross_profit AS DECIMAL(18,2)) AS gross_profit,
       orders, customers,
       CAST(CAST(revenue AS DECIMAL(18,4)) / CAST(total_revenue AS DECIMAL(18,4)) AS DECIMAL(18,6)) AS revenue_share,
       total_rows
FROM named
ORDER BY
    --#include table_sort/drill
    member_id
OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY

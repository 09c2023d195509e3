-- CTE "member_totals": per member of the CTE "scoped" (one row per sale with member_id, revenue,
-- cost, customer_id) its revenue, gross profit, orders and distinct customers; shared by the drill
-- levels (drill/members) and the Contribution page's dimensions (contribution/by_dimension).
member_totals AS (
    SELECT member_id,
           SUM(revenue) AS revenue,
           SUM(revenue - cost) AS gross_profit,
           COUNT(*) AS orders,
           COUNT(DISTINCT customer_id) AS customers
    FROM scoped
    GROUP BY member_id
)

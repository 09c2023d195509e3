-- The customers active in [date_from, date_to) with their revenue, gross profit, orders and
-- last sale, one page at a time: sorted by @sort (a whitelisted column) and @descending,
-- ties by customer id, skipping @offset rows and returning at most @limit. total_rows is the
-- count of all matching customers, for the pager. The page is chosen before the customers'
-- codes, regions, segments and owners are looked up: those joins run for its rows only.
-- The period's customers are joined to dim_customer before the page is chosen only when the
-- choice needs it (a sort by name, table_sort/top-customers-text, or a team scope, which lists
-- only the customers it owns);
-- otherwise the page is a top-N of the per-customer sums alone (the default, by revenue). The
-- branch not taken is gated by parameters in WHERE, so the engine skips it. Totals are plain
-- aggregates, not window functions over every customer.
WITH
--#include period_customers
, listed AS (
    SELECT p.customer_id, CAST(NULL AS VARCHAR(200)) AS name, p.revenue, p.gross_profit, p.orders, p.last_date AS last_order
    FROM per_customer p
    WHERE @scope_all = 1 AND NOT
          --#include table_sort/top-customers-text
    UNION ALL
    SELECT p.customer_id, c.name, p.revenue, p.gross_profit, p.orders, p.last_date AS last_order
    FROM per_customer p
    JOIN dim_customer c ON c.customer_id = p.customer_id
    -- Only customers the scope owns are listed (their revenue is the scope's orders).
    WHERE (@scope_all = 0 OR
           --#include table_sort/top-customers-text
          )
      --#include owned_customer
), totals AS (
    SELECT SUM(revenue) AS total_revenue, COUNT(*) AS total_rows
    FROM listed
),
--#include top_customers_page

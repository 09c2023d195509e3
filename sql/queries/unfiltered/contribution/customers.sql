-- contribution/customers when nothing is filtered and the scope is everything. Under the default
-- sort (revenue, largest first: table_sort/top-customers-default) only the customers that can be
-- on the page are summed from the facts. Each active customer's last sale in the window is one
-- agg_sale_chain row (its next sale is on or after the window's end, or none); a customer's
-- revenue in the window is at least that sale's revenue (sales have revenue above 0) and at most
-- their lifetime revenue up to it (lifetime_revenue). So with K = @offset + @limit and F the K-th
-- largest last-sale revenue, at least K customers have a window revenue of F or more: every
-- customer among the first K has one too, hence a lifetime revenue of F or more (ties included:
-- ">=", and the floor counts the rows before the page as well as the page's). Those candidates
-- are summed and ranked as the namesake ranks everyone; fewer than K customers: no floor, all.
-- The total revenue and customer count come from the chain rows of the window (one per sale, one
-- last sale per customer) instead of the per-customer sums. Any other sort takes the namesake's
-- path (every customer summed; their names looked up before the page for a sort by name,
-- table_sort/top-customers-text); each path is gated by parameters in WHERE, so the engine
-- skips the one not taken.
WITH last_sales AS (
    SELECT s.customer_id, s.revenue, s.lifetime_revenue
    FROM agg_sale_chain s
    WHERE s.sale_date >= @date_from AND s.sale_date < @date_to
      AND (s.next_date IS NULL OR s.next_date >= @date_to)
      AND
          --#include table_sort/top-customers-default
      --#include unfiltered_guard
), page_floor AS (
    SELECT revenue AS floor_revenue
    FROM last_sales
    ORDER BY revenue DESC
    OFFSET CASE WHEN @limit > 0 THEN CAST(@offset AS BIGINT) + @limit - 1 ELSE 0 END ROWS FETCH NEXT 1 ROWS ONLY
), candidates AS (
    SELECT l.customer_id
    FROM last_sales l
    WHERE l.lifetime_revenue >= COALESCE((SELECT f.floor_revenue FROM page_floor f), 0)
), per_customer AS (
    -- The default sort: the candidates only (a semi-join); any other: every customer.
    SELECT o.customer_id,
           CAST(SUM(o.revenue) AS DECIMAL(18,2)) AS revenue,
           CAST(SUM(o.revenue - o.cost) AS DECIMAL(18,2)) AS gross_profit,
           COUNT(*) AS orders,
           MAX(o.order_date) AS last_date
    FROM fact_order o
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IN (SELECT c.customer_id FROM candidates c)
      --#include sale
      --#include unfiltered_guard
    GROUP BY o.customer_id
    UNION ALL
    SELECT o.customer_id,
           CAST(SUM(o.revenue) AS DECIMAL(18,2)) AS revenue,
           CAST(SUM(o.revenue - o.cost) AS DECIMAL(18,2)) AS gross_profit,
           COUNT(*) AS orders,
           MAX(o.order_date) AS last_date
    FROM fact_order o
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      AND o.customer_id IS NOT NULL
      AND NOT
          --#include table_sort/top-customers-default
      --#include sale
      --#include unfiltered_guard
    GROUP BY o.customer_id
), listed AS (
    SELECT p.customer_id, CAST(NULL AS VARCHAR(200)) AS name, p.revenue, p.gross_profit, p.orders, p.last_date AS last_order
    FROM per_customer p
    WHERE NOT
          --#include table_sort/top-customers-text
    UNION ALL
    SELECT p.customer_id, c.name, p.revenue, p.gross_profit, p.orders, p.last_date AS last_order
    FROM per_customer p
    JOIN dim_customer c ON c.customer_id = p.customer_id
    WHERE
          --#include table_sort/top-customers-text
), totals AS (
    SELECT l.total_revenue, l.total_rows
    FROM (SELECT SUM(revenue) AS total_revenue, COUNT(*) AS total_rows FROM listed) l
    WHERE NOT
          --#include table_sort/top-customers-default
    UNION ALL
    SELECT (SELECT SUM(s.revenue)
            FROM agg_sale_chain s
            WHERE s.sale_date >= @date_from AND s.sale_date < @date_to
              --#include unfiltered_guard
           ) AS total_revenue,
           (SELECT COUNT(*) FROM last_sales) AS total_rows
    WHERE
          --#include table_sort/top-customers-default
),
--#include top_customers_page

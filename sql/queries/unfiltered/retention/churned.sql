-- retention/churned when nothing is filtered and the scope is everything, from agg_sale_chain:
-- a customer's last sale before @date_to is their row whose next sale is on or after it (or
-- none), and it carries their lifetime to @date_to (revenue, sales); they churned when that sale
-- is before the period and they bought in the comparison period. No sale of history is read and
-- no customer grouped: at 10 M orders the namesake's lifetime sums read every sale.
WITH chain_lifetime AS
--#include materialized
(
    -- The last sale is in the comparison period (and before the period).
    SELECT s.customer_id, s.sale_date AS last_order, s.lifetime_revenue, s.lifetime_orders
    FROM agg_sale_chain s
    WHERE s.sale_date >= @prev_from AND s.sale_date < @prev_to AND s.sale_date < @date_from
      AND (s.next_date IS NULL OR s.next_date >= @date_to)
      --#include unfiltered_guard
    UNION ALL
    -- A gap [prev_to, date_from) between the windows (the same period a year earlier): the last
    -- sale is in the gap, and the customer's last sale before prev_to (the row whose next sale is
    -- on or after it) is in the comparison period. One row each side per customer.
    SELECT s.customer_id, s.sale_date AS last_order, s.lifetime_revenue, s.lifetime_orders
    FROM agg_sale_chain s
    JOIN agg_sale_chain q ON q.customer_id = s.customer_id
    WHERE @prev_to < @date_from
      AND s.sale_date >= @prev_to AND s.sale_date < @date_from
      AND (s.next_date IS NULL OR s.next_date >= @date_to)
      AND q.sale_date >= @prev_from AND q.sale_date < @prev_to AND q.next_date >= @prev_to
      --#include unfiltered_guard
), up_to_page AS (
    -- Sorted by a column the chain carries (lifetime revenue, last sale), the rows up to the end
    -- of the page are the chain's first ones in that order: every churned customer has a
    -- dim_customer row and the scope owns them all, so the listing below keeps each of them.
    -- Only those get their names and CSAT looked up; the rest are only counted (beyond_page).
    -- The table's other sort columns are blank here: this CTE is empty when they are chosen.
    SELECT l.customer_id, l.last_order, l.lifetime_revenue, l.lifetime_orders
    FROM (
        SELECT c.customer_id, c.last_order, c.lifetime_revenue, c.lifetime_orders,
               CAST(NULL AS VARCHAR(1)) AS name, CAST(NULL AS INT) AS last_csat
        FROM chain_lifetime c
    ) l
    WHERE (
        --#include table_sort/churned-customers-by-lifetime_revenue
        OR
        --#include table_sort/churned-customers-by-last_order
    )
    ORDER BY
        --#include table_sort/churned-customers
        l.customer_id
    OFFSET 0 ROWS FETCH NEXT (@offset + @limit) ROWS ONLY
), up_to_page_count AS (
    SELECT COUNT(*) AS listed FROM up_to_page
), lifetime AS (
    SELECT customer_id, last_order, lifetime_revenue, lifetime_orders FROM up_to_page
    UNION ALL
    -- Any other sort (name, CSAT) needs every churned customer's row.
    SELECT customer_id, last_order, lifetime_revenue, lifetime_orders
    FROM chain_lifetime
    WHERE NOT (
        --#include table_sort/churned-customers-by-lifetime_revenue
        OR
        --#include table_sort/churned-customers-by-last_order
    )
), beyond_page AS (
    -- The churned customers after the page's end, for the listing's total.
    SELECT CASE WHEN (
        --#include table_sort/churned-customers-by-lifetime_revenue
        OR
        --#include table_sort/churned-customers-by-last_order
    ) THEN (SELECT COUNT(*) FROM chain_lifetime) - (SELECT q.listed FROM up_to_page_count q) ELSE 0 END AS customers
), churned AS (
    SELECT customer_id FROM lifetime
),
--#include churned_rows
ORDER BY
    --#include table_sort/churned-customers
    customer_id
OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY

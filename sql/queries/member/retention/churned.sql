-- retention/churned under a filter on one member of region, segment, channel or category (nothing
-- else filtered, the whole scope), from agg_member_chain: the comparison window's customers of the
-- member (its rows whose previous same-member sale is before the window: one per customer) who are
-- not customers of the member in the period, with their lifetime of the member to @date_to summed
-- over the chain's rows (each carries its sale's revenue): no sale of the facts is read.
WITH
--#include member_window_customers
, churned AS
--#include materialized
(
    -- Read by the lifetime sums and by the latest CSAT answers: computed once.
    SELECT p.customer_id
    FROM previous_customers p
    WHERE NOT EXISTS (SELECT 1 FROM current_customers c WHERE c.customer_id = p.customer_id)
), lifetime AS (
    SELECT s.customer_id, MAX(s.sale_date) AS last_order, SUM(s.revenue) AS lifetime_revenue, COUNT(*) AS lifetime_orders
    FROM (
        --#include member_sales
    ) s
    JOIN churned ch ON ch.customer_id = s.customer_id
    WHERE s.sale_date < @date_to
    GROUP BY s.customer_id
), beyond_page AS (
    SELECT 0 AS customers
),
--#include churned_rows
ORDER BY
    --#include table_sort/churned-customers
    customer_id
OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY

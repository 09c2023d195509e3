-- marketing/campaign_customers without a campaign filter, for the whole scope, under any filter on
-- the customer (region, segment, the owner's team and rep, as the namesake reads them: a customer
-- filter takes or leaves all of a customer's touches and sales, so the per-customer chains answer
-- it; the touched customers are joined to those the filters leave, and nothing is joined when
-- nothing is filtered). The page is
-- chosen before anything is counted or looked up per customer: each touched customer is one
-- agg_touch_conversion row (their first touch in the window: the previous touch is before it),
-- ranked by the sort alone (no grouping of every touch, no join of every customer to
-- dim_customer). A sort by revenue ranks by the window's revenue from agg_sale_chain: the
-- lifetime revenue at the customer's last sale in the window less the lifetime before their first
-- sale in it (two rows per customer instead of a grouping of every order); a sort by name looks
-- the names up (table_sort/campaign-customers-text); the name branch is gated in WHERE. The window
-- revenue is computed for every sort (no query spells @sort itself: TableSortSqlTests), which
-- costs only the sorts other than revenue.
-- The page's touches, response, conversion and sales are then counted for its rows only, as its
-- namesake counts them (sql/fragments/campaign_customer_rows.sql).
--#customer-filters
WITH customers AS (
    --#include filtered_customers
), touched AS (
    -- Without a customer filter the touches alone, else joined to the customers: each branch is
    -- gated in its WHERE, so the engine skips the other (and the customers when nobody is filtered).
    SELECT t.customer_id, t.sent_date AS first_touch
    FROM agg_touch_conversion t
    WHERE @region_all = 1 AND @segment_all = 1 AND @team_all = 1 AND @rep_all = 1
      AND t.sent_date >= @date_from AND t.sent_date < @date_to
      AND (t.prev_date IS NULL OR t.prev_date < @date_from)
      --#include customer_guard
    UNION ALL
    SELECT t.customer_id, t.sent_date AS first_touch
    FROM agg_touch_conversion t
    JOIN customers c ON c.customer_id = t.customer_id
    WHERE NOT (@region_all = 1 AND @segment_all = 1 AND @team_all = 1 AND @rep_all = 1)
      AND t.sent_date >= @date_from AND t.sent_date < @date_to
      AND (t.prev_date IS NULL OR t.prev_date < @date_from)
      --#include customer_guard
), window_revenue AS (
    SELECT l.customer_id, l.lifetime_revenue - (f.lifetime_revenue - f.revenue) AS revenue
    FROM agg_sale_chain l
    JOIN agg_sale_chain f ON f.customer_id = l.customer_id
    WHERE l.sale_date >= @date_from AND l.sale_date < @date_to AND (l.next_date IS NULL OR l.next_date >= @date_to)
      AND f.sale_date >= @date_from AND f.sale_date < @date_to AND (f.prev_date IS NULL OR f.prev_date < @date_from)
), ranked AS (
    SELECT t.customer_id, CAST(NULL AS VARCHAR(200)) AS name, t.first_touch, COALESCE(w.revenue, 0) AS revenue
    FROM touched t
    LEFT JOIN window_revenue w ON w.customer_id = t.customer_id
    WHERE NOT
          --#include table_sort/campaign-customers-text
    UNION ALL
    SELECT t.customer_id, c.name, t.first_touch, 0 AS revenue
    FROM touched t
    JOIN dim_customer c ON c.customer_id = t.customer_id
    WHERE
          --#include table_sort/campaign-customers-text
), totals AS (
    SELECT COUNT(*) AS total_rows
    FROM touched
), page AS (
    SELECT customer_id, name, first_touch, revenue
    FROM ranked
    ORDER BY
        --#include table_sort/campaign-customers
        customer_id
    OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY
), per_customer AS (
    SELECT t.customer_id, COUNT(*) AS touches, MIN(t.sent_date) AS first_touch, MAX(t.responded) AS responded,
           MAX(t.converted) AS converted
    FROM agg_touch_conversion t
    WHERE t.sent_date >= @date_from AND t.sent_date < @date_to
      AND t.customer_id IN (SELECT customer_id FROM page)
    GROUP BY t.customer_id
),
--#include campaign_customer_rows
SELECT l.customer_id, l.customer_code, l.name, l.region, l.touches, l.first_touch, l.responded, l.converted, l.orders, l.revenue,
       t.total_rows
FROM listed l
CROSS JOIN totals t
ORDER BY
    --#include table_sort/campaign-customers
    customer_id

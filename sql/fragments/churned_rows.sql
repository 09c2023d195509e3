-- The churned customers' rows (retention/churned and its unfiltered twin) from the CTEs
-- "churned" (customer_id), "lifetime" (customer_id, last_order, lifetime_revenue,
-- lifetime_orders) and "beyond_page" (customers: how many churned customers "lifetime" leaves
-- out because they sort after the page, added to the total): with their latest CSAT answer, for
-- the query to sort and page (each query writes the ORDER BY, so the table's generated sort is
-- included where TableSortSqlTests looks).
surveyed AS (
    SELECT sv.customer_id, sv.csat,
           ROW_NUMBER() OVER (PARTITION BY sv.customer_id ORDER BY sv.survey_date DESC, sv.survey_id DESC) AS latest
    FROM fact_survey sv
    JOIN churned ch ON ch.customer_id = sv.customer_id
    WHERE sv.csat IS NOT NULL AND sv.survey_date < @date_to
), listed AS (
    SELECT l.customer_id, c.customer_code, c.name, r.name AS region, s.name AS segment,
           l.last_order, l.lifetime_revenue, l.lifetime_orders, sv.csat AS last_csat,
           COUNT(*) OVER () + (SELECT b.customers FROM beyond_page b) AS total_rows
    FROM lifetime l
    JOIN dim_customer c ON c.customer_id = l.customer_id
    LEFT JOIN dim_region r ON r.region_id = c.region_id
    LEFT JOIN dim_segment s ON s.segment_id = c.segment_id
    LEFT JOIN surveyed sv ON sv.customer_id = l.customer_id AND sv.latest = 1
    -- Only customers the scope owns are listed (their history is the scope's orders).
    WHERE 1 = 1
      --#include owned_customer
)
SELECT customer_id, customer_code, name, region, segment, last_order,
       CAST(lifetime_revenue AS DECIMAL(18,2)) AS lifetime_revenue, lifetime_orders, last_csat, total_rows
FROM listed

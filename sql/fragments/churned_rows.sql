-- The churned customers' rows (retention/churned and its unfiltered twin) from the CTEs
-- "churned" (customer_id) and "lifetime" (customer_id, last_order, lifetime_revenue,
-- lifetime_orders): with their latest CSAT answer, sorted and paged by the database. The page
-- is cut before names, codes and surveys are read: at 10 M orders a quarter's churned are about
-- 120,000 customers, and joining every one to the customers and surveys was most of the list's
-- time. Only a sort by name or by CSAT (or a scope, which needs the account owner) reads them for
-- all: those joins are gated in their ON and WHERE, which DuckDB drops when false.
sort_surveys AS (
    SELECT sv.customer_id, sv.csat,
           ROW_NUMBER() OVER (PARTITION BY sv.customer_id ORDER BY sv.survey_date DESC, sv.survey_id DESC) AS latest
    FROM fact_survey sv
    JOIN churned ch ON ch.customer_id = sv.customer_id
    WHERE @sort = 'last_csat' AND sv.csat IS NOT NULL AND sv.survey_date < @date_to
), keyed AS (
    SELECT l.customer_id, l.last_order, l.lifetime_revenue, l.lifetime_orders, c.name, sv.csat AS last_csat
    FROM lifetime l
    LEFT JOIN dim_customer c ON c.customer_id = l.customer_id AND (@sort = 'name' OR @scope_all = 0)
    LEFT JOIN sort_surveys sv ON sv.customer_id = l.customer_id AND sv.latest = 1
    -- Only customers the scope owns are listed (their history is the scope's orders).
    WHERE 1 = 1
      --#include owned_customer
), page AS (
    SELECT k.customer_id, k.last_order, k.lifetime_revenue, k.lifetime_orders, k.name, k.last_csat,
           COUNT(*) OVER () AS total_rows
    FROM keyed k
    ORDER BY
        --#include table_sort/churned-customers
        customer_id
    OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY
), page_surveys AS (
    SELECT sv.customer_id, sv.csat,
           ROW_NUMBER() OVER (PARTITION BY sv.customer_id ORDER BY sv.survey_date DESC, sv.survey_id DESC) AS latest
    FROM fact_survey sv
    JOIN page p ON p.customer_id = sv.customer_id
    WHERE sv.csat IS NOT NULL AND sv.survey_date < @date_to
), listed AS (
    SELECT p.customer_id, c.customer_code, c.name, r.name AS region, s.name AS segment,
           p.last_order, p.lifetime_revenue, p.lifetime_orders, sv.csat AS last_csat, p.total_rows
    FROM page p
    JOIN dim_customer c ON c.customer_id = p.customer_id
    LEFT JOIN dim_region r ON r.region_id = c.region_id
    LEFT JOIN dim_segment s ON s.segment_id = c.segment_id
    LEFT JOIN page_surveys sv ON sv.customer_id = p.customer_id AND sv.latest = 1
)
SELECT customer_id, customer_code, name, region, segment, last_order,
       CAST(lifetime_revenue AS DECIMAL(18,2)) AS lifetime_revenue, lifetime_orders, last_csat, total_rows
FROM listed
ORDER BY
    --#include table_sort/churned-customers
    customer_id

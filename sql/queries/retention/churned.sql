-- The churned customers of the period (churn_rate's numerator): active in the comparison
-- period [prev_from, prev_to) and not in [date_from, date_to), with their last sale, lifetime
-- revenue and latest CSAT answer. Sorted and paged by the database.
WITH sale AS (
    SELECT o.customer_id, o.order_date, o.revenue
    FROM fact_order o
    WHERE o.customer_id IS NOT NULL
      --#include sale
      --#include order_filters
), churned AS (
    SELECT DISTINCT p.customer_id
    FROM sale p
    WHERE p.order_date >= @prev_from AND p.order_date < @prev_to
      AND NOT EXISTS (SELECT 1 FROM sale c WHERE c.customer_id = p.customer_id AND c.order_date >= @date_from AND c.order_date < @date_to)
), lifetime AS (
    SELECT s.customer_id, MAX(s.order_date) AS last_order, SUM(s.revenue) AS lifetime_revenue, COUNT(*) AS lifetime_orders
    FROM sale s
    JOIN churned ch ON ch.customer_id = s.customer_id
    WHERE s.order_date < @date_to
    GROUP BY s.customer_id
), surveyed AS (
    SELECT sv.customer_id, sv.csat,
           ROW_NUMBER() OVER (PARTITION BY sv.customer_id ORDER BY sv.survey_date DESC, sv.survey_id DESC) AS latest
    FROM fact_survey sv
    JOIN churned ch ON ch.customer_id = sv.customer_id
    WHERE sv.csat IS NOT NULL AND sv.survey_date < @date_to
), listed AS (
    SELECT l.customer_id, c.customer_code, c.name, r.name AS region, s.name AS segment,
           l.last_order, l.lifetime_revenue, l.lifetime_orders, sv.csat AS last_csat,
           COUNT(*) OVER () AS total_rows
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
ORDER BY
    --#include table_sort/churned-customers
    customer_id
OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY

-- marketing/campaign_customers when nothing is filtered and the scope is everything: each touched
-- customer's touches, first touch, response and conversion straight from agg_touch_conversion
-- (its converted flag is the whole scope's), without joining every touch to its customer and
-- matching it to sales. Sales and rows as its namesake (sql/fragments/campaign_customer_rows.sql).
WITH per_customer AS (
    SELECT t.customer_id, COUNT(*) AS touches, MIN(t.sent_date) AS first_touch, MAX(t.responded) AS responded,
           MAX(t.converted) AS converted
    FROM agg_touch_conversion t
    WHERE t.sent_date >= @date_from AND t.sent_date < @date_to
      --#include unfiltered_guard
    GROUP BY t.customer_id
),
--#include campaign_customer_rows
SELECT customer_id, customer_code, name, region, touches, first_touch, responded, converted, orders, revenue, total_rows
FROM listed
ORDER BY
    --#include table_sort/campaign-customers
    customer_id
OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY

-- The customers behind the campaign numbers: customers touched in [date_from, date_to) by the
-- selected campaigns (all campaigns without a campaign filter), whether they responded and
-- converted (as in kpi/touches), and their sales in the period. Their orders are on their page.
-- Region, segment, team and rep are the customer's (the rep is the account owner).
WITH touch AS (
    SELECT t.customer_id, t.sent_date, t.responded,
    --#include touch_window
      AND (@campaign_all = 1 OR t.campaign_id IN @campaign_ids)
      --#include customer_filters
),
--#include touch_conversions
, converted AS (
    SELECT DISTINCT customer_id
    FROM touch_sales
), per_customer AS (
    SELECT t.customer_id, COUNT(*) AS touches, MIN(t.sent_date) AS first_touch, MAX(t.responded) AS responded,
           MAX(CASE WHEN v.customer_id IS NULL THEN 0 ELSE 1 END) AS converted
    FROM touch t
    LEFT JOIN converted v ON v.customer_id = t.customer_id
    GROUP BY t.customer_id
),
--#include campaign_customer_rows
SELECT customer_id, customer_code, name, region, touches, first_touch, responded, converted, orders, revenue, total_rows
FROM listed
ORDER BY
    --#include table_sort/campaign-customers
    customer_id
OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY

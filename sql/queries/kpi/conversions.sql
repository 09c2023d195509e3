-- Campaign conversion for touches sent in [date_from, date_to): conversion_rate and the
-- funnel targeted → responded → converted (kept apart from kpi/touches, which the Overview's
-- response_rate reads, because matching touches to sales is the costly part). Counted per customer: a customer targeted twice is one
-- targeted customer, a responder if they answered any touch, and converted if they bought
-- inside the attribution window of a touch: from its sent date up to the campaign's
-- end + attribution days (exclusive), day numbers of dim_date. The funnel's last step,
-- responded_converted, counts customers who answered a touch and bought in that touch's window.
-- Conversions are a range join of the touches with their customers' sale days (not a
-- per-touch EXISTS, which DuckDB runs as a nested loop over millions of touches).
WITH touch AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           t.customer_id, t.responded,
    --#include touch_window
      AND (@campaign_all = 1 OR t.campaign_id IN @campaign_ids)
      --#include customer_filters
),
--#include touch_conversions
, converted_touches AS (
    SELECT DISTINCT bucket, customer_id, responded
    FROM touch_sales
), per_customer AS (
    SELECT t.bucket, t.customer_id, MAX(t.responded) AS responded
    FROM touch t
    GROUP BY t.bucket, t.customer_id
), converted AS (
    SELECT bucket, customer_id, MAX(responded) AS responded_converted
    FROM converted_touches
    GROUP BY bucket, customer_id
)
SELECT p.bucket,
       COUNT(*) AS targeted,
       CAST(SUM(p.responded) AS BIGINT) AS responders,
       COUNT(v.customer_id) AS converted,
       CAST(COALESCE(SUM(v.responded_converted), 0) AS BIGINT) AS responded_converted
FROM per_customer p
LEFT JOIN converted v ON v.bucket = p.bucket AND v.customer_id = p.customer_id
GROUP BY p.bucket
ORDER BY p.bucket

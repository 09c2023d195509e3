-- Campaign conversion for touches sent in [date_from, date_to): conversion_rate and the
-- funnel targeted → responded → converted (kept apart from kpi/touches, which the Overview's
-- response_rate reads, because matching touches to sales is the costly part). Counted per customer: a customer targeted twice is one
-- targeted customer, a responder if they answered any touch, and converted if they bought
-- inside the attribution window of a touch: from its sent date up to the campaign's
-- end + attribution days (exclusive), day numbers of dim_date. The funnel's last step,
-- responded_converted, counts customers who answered a touch and bought in that touch's window.
-- Conversions are a range join of the touches with their customers' sale days (not a
-- per-touch EXISTS, which DuckDB runs as a nested loop over millions of touches).
-- For the whole scope without a campaign filter every filter is on the customer, which takes or
-- leaves all of a customer's touches, so agg_touch_conversion's rows answer it as counts: a
-- customer's first touch (response, conversion, responded conversion) in a bucket is their row
-- there whose previous one is before the bucket's start (or none), for the customers the filters
-- leave. A campaign filter or a team scope (whose conversions are its own teams' sales) reads the
-- touches per customer. Each branch is gated in its WHERE (DuckDB drops the scan of the other).
WITH customers AS (
    --#include filtered_customers
      AND @campaign_all = 1 AND @scope_all = 1
), chain_rows AS (
    SELECT CASE WHEN @monthly = 1 THEN t.month_start ELSE @date_from END AS bucket,
           -- A first month cut short starts at the window's start.
           CASE WHEN @monthly = 1 AND t.month_start > @date_from THEN t.month_start ELSE @date_from END AS bucket_start,
           t.responded, t.converted, t.prev_date, t.prev_response_date, t.prev_converted_date, t.prev_responded_converted_date
    FROM agg_touch_conversion t
    JOIN customers c ON c.customer_id = t.customer_id
    WHERE @campaign_all = 1 AND @scope_all = 1
      AND t.sent_date >= @date_from AND t.sent_date < @date_to
), touch AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           t.customer_id, t.responded,
    --#include touch_window
      AND (@campaign_all = 0 OR @scope_all = 0)
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
SELECT bucket,
       COUNT(CASE WHEN prev_date IS NULL OR prev_date < bucket_start THEN 1 END) AS targeted,
       COUNT(CASE WHEN responded = 1 AND (prev_response_date IS NULL OR prev_response_date < bucket_start) THEN 1 END) AS responders,
       COUNT(CASE WHEN converted = 1 AND (prev_converted_date IS NULL OR prev_converted_date < bucket_start) THEN 1 END) AS converted,
       COUNT(CASE WHEN responded = 1 AND converted = 1 AND (prev_responded_converted_date IS NULL OR prev_responded_converted_date < bucket_start) THEN 1 END) AS responded_converted
FROM chain_rows
GROUP BY bucket
UNION ALL
SELECT p.bucket,
       COUNT(*) AS targeted,
       CAST(SUM(p.responded) AS BIGINT) AS responders,
       COUNT(v.customer_id) AS converted,
       CAST(COALESCE(SUM(v.responded_converted), 0) AS BIGINT) AS responded_converted
FROM per_customer p
LEFT JOIN converted v ON v.bucket = p.bucket AND v.customer_id = p.customer_id
GROUP BY p.bucket
ORDER BY bucket

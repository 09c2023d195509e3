-- Campaign reach and response for touches sent in [date_from, date_to): reach, response_rate.
-- Counted per customer: a customer targeted twice is one targeted customer, and a
-- responder if they answered any touch. Unfiltered, unfiltered/kpi/touches answers the same
-- from agg_touch_pair.
-- Without a campaign filter every filter is on the customer (customer_filters, the scope
-- through the owner), which takes or leaves all of a customer's touches, so agg_touch_chain
-- answers it: a customer's first touch in a bucket is their row there whose previous touch is
-- before the bucket's start (or none), their first response the responded row whose previous
-- response is; counts of the rows of the customers the filters leave. A campaign filter takes
-- some of a customer's touches only: those read the facts. Each branch is gated in its WHERE
-- (DuckDB drops the scan of the other).
--#dated
WITH customers AS (
    --#include filtered_customers
      AND @campaign_all = 1
), chain_rows AS (
    SELECT CASE WHEN @monthly = 1 THEN t.month_start ELSE @date_from END AS bucket,
           -- A first month cut short starts at the window's start.
           CASE WHEN @monthly = 1 AND t.month_start > @date_from THEN t.month_start ELSE @date_from END AS bucket_start,
           t.responded, t.prev_date, t.prev_response_date
    FROM agg_touch_chain t
    JOIN customers c ON c.customer_id = t.customer_id
    WHERE @campaign_all = 1
      AND t.sent_date >= @date_from AND t.sent_date < @date_to
), scoped AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           t.customer_id, t.responded
    FROM fact_campaign_touch t
    JOIN dim_date d ON d.calendar_date = t.sent_date
    LEFT JOIN dim_customer c ON c.customer_id = t.customer_id
    LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
    WHERE @campaign_all = 0
      AND t.sent_date >= @date_from AND t.sent_date < @date_to
      AND t.campaign_id IN @campaign_ids
      --#include customer_filters
), per_customer AS (
    SELECT bucket, customer_id, MAX(responded) AS responded
    FROM scoped
    GROUP BY bucket, customer_id
)
SELECT bucket,
       COUNT(CASE WHEN prev_date IS NULL OR prev_date < bucket_start THEN 1 END) AS targeted,
       COUNT(CASE WHEN responded = 1 AND (prev_response_date IS NULL OR prev_response_date < bucket_start) THEN 1 END) AS responders
FROM chain_rows
GROUP BY bucket
UNION ALL
SELECT bucket,
       COUNT(*) AS targeted,
       CAST(SUM(responded) AS BIGINT) AS responders
FROM per_customer
GROUP BY bucket
ORDER BY bucket

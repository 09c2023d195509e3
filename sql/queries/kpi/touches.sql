-- Campaign reach and response for touches sent in [date_from, date_to): reach, response_rate.
-- Counted per customer: a customer targeted twice is one targeted customer, and a
-- responder if they answered any touch. Unfiltered, unfiltered/kpi/touches answers the same
-- from agg_touch_chain.
--#dated
WITH scoped AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           t.customer_id, t.responded
    FROM fact_campaign_touch t
    JOIN dim_date d ON d.calendar_date = t.sent_date
    LEFT JOIN dim_customer c ON c.customer_id = t.customer_id
    LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
    WHERE t.sent_date >= @date_from AND t.sent_date < @date_to
      AND (@campaign_all = 1 OR t.campaign_id IN @campaign_ids)
      --#include customer_filters
), per_customer AS (
    SELECT bucket, customer_id, MAX(responded) AS responded
    FROM scoped
    GROUP BY bucket, customer_id
)
SELECT bucket,
       COUNT(*) AS targeted,
       CAST(SUM(responded) AS BIGINT) AS responders
FROM per_customer
GROUP BY bucket
ORDER BY bucket

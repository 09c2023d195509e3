-- Campaign reach, response and conversion for touches sent in [date_from, date_to): reach,
-- response_rate, conversion_rate. Counted per customer: a customer targeted twice is one
-- targeted customer, a responder if they answered any touch, and converted if they bought
-- inside the attribution window of a touch: from its sent date up to the campaign's
-- end + attribution days (exclusive), day numbers of dim_date. The funnel's last step,
-- responded_converted, counts customers who answered a touch and bought in that touch's window.
WITH scoped AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           t.customer_id, t.responded,
           CASE WHEN EXISTS (
               SELECT 1
               FROM fact_order o
               JOIN dim_date od ON od.calendar_date = o.order_date
               WHERE o.customer_id = t.customer_id
                 AND o.status <> 'cancelled' AND o.revenue > 0
                 AND od.day_number >= d.day_number
                 AND od.day_number < ce.day_number + k.attribution_days) THEN 1 ELSE 0 END AS converted
    FROM fact_campaign_touch t
    JOIN dim_date d ON d.calendar_date = t.sent_date
    JOIN dim_campaign k ON k.campaign_id = t.campaign_id
    JOIN dim_date ce ON ce.calendar_date = k.end_date
    LEFT JOIN dim_customer c ON c.customer_id = t.customer_id
    LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
    WHERE t.sent_date >= @date_from AND t.sent_date < @date_to
      AND (@campaign_all = 1 OR t.campaign_id IN @campaign_ids)
      --#include customer_filters
), per_customer AS (
    SELECT bucket, customer_id, MAX(responded) AS responded, MAX(converted) AS converted,
           MAX(responded * converted) AS responded_converted
    FROM scoped
    GROUP BY bucket, customer_id
)
SELECT bucket,
       COUNT(*) AS targeted,
       CAST(SUM(responded) AS BIGINT) AS responders,
       CAST(SUM(converted) AS BIGINT) AS converted,
       CAST(SUM(responded_converted) AS BIGINT) AS responded_converted
FROM per_customer
GROUP BY bucket
ORDER BY bucket

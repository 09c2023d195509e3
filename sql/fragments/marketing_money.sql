-- The money of kpi/marketing (and its unfiltered twin), by bucket: CTE "spend" (campaign spend
-- dated in the period) and CTE "revenue" (attributed revenue), under the campaign filter only.
spent AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @window_from END AS bucket,
           s.amount
    FROM fact_campaign_spend s
    JOIN dim_date d ON d.calendar_date = s.spend_date
    WHERE s.spend_date >= @date_from AND s.spend_date < @date_to
      AND (@campaign_all = 1 OR s.campaign_id IN @campaign_ids)
), spend AS (
    SELECT bucket, CAST(SUM(amount) AS DECIMAL(18,2)) AS spend
    FROM spent
    GROUP BY bucket
),
--#include attributed_sales
, revenue AS (
    SELECT bucket, CAST(SUM(revenue) AS DECIMAL(18,2)) AS attributed_revenue
    FROM attributed_sales
    WHERE (@campaign_all = 1 OR campaign_id IN @campaign_ids)
    GROUP BY bucket
)

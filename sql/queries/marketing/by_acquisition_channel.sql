-- CAC by acquisition channel for [date_from, date_to): spend dated in the period on the
-- channel's campaigns, over the new customers of the period (first-ever sale in it, as in
-- kpi/new_customers) whose acquisition channel it is. With a campaign filter, only those
-- campaigns' spend and the customers they acquired count. Spend is not regional, so only the
-- campaign filter and the team scope (on the first sale, agg_first_sale) apply.
--#dated
WITH spent AS (
    SELECT k.marketing_channel_id, CAST(SUM(s.amount) AS DECIMAL(18,2)) AS spend
    FROM fact_campaign_spend s
    JOIN dim_campaign k ON k.campaign_id = s.campaign_id
    WHERE s.spend_date >= @date_from AND s.spend_date < @date_to
      AND (@campaign_all = 1 OR s.campaign_id IN @campaign_ids)
    GROUP BY k.marketing_channel_id
),
--#include acquired_customers
, acquired AS (
    SELECT acquisition_channel_id AS marketing_channel_id, COUNT(*) AS new_customers
    FROM acquired_customers
    WHERE acquisition_channel_id IS NOT NULL
      AND (@campaign_all = 1 OR acquisition_campaign_id IN @campaign_ids)
    GROUP BY acquisition_channel_id
)
-- Spend has no team: a team scope gets none (NULL) and so no CAC.
SELECT mc.marketing_channel_id AS member_id, mc.name,
       CASE WHEN @scope_all = 1 THEN COALESCE(s.spend, 0) END AS spend, COALESCE(a.new_customers, 0) AS new_customers,
       CASE WHEN @scope_all = 1 THEN CAST(COALESCE(s.spend, 0) / NULLIF(CAST(a.new_customers AS DECIMAL(18,4)), 0) AS DECIMAL(18,2)) END AS cac
FROM dim_marketing_channel mc
LEFT JOIN spent s ON s.marketing_channel_id = mc.marketing_channel_id
LEFT JOIN acquired a ON a.marketing_channel_id = mc.marketing_channel_id
WHERE s.marketing_channel_id IS NOT NULL OR a.marketing_channel_id IS NOT NULL
ORDER BY mc.name

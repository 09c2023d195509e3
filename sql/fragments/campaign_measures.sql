-- The rest of marketing/campaigns after the CTE "reached" (campaign_id,
-- reach, responses, conversions): spend, attributed revenue and new customers per campaign, and
-- CTE "combined": one row per campaign with activity in the period.
spent AS (
    SELECT s.campaign_id, CAST(SUM(s.amount) AS DECIMAL(18,2)) AS spend
    FROM fact_campaign_spend s
    WHERE s.spend_date >= @date_from AND s.spend_date < @date_to
    GROUP BY s.campaign_id
),
--#include attributed_sales
, attributed AS (
    SELECT campaign_id, CAST(SUM(revenue) AS DECIMAL(18,2)) AS attributed_revenue
    FROM attributed_sales
    GROUP BY campaign_id
),
--#include acquired_customers
, acquired AS (
    SELECT acquisition_campaign_id AS campaign_id, COUNT(*) AS new_customers
    FROM acquired_customers
    WHERE acquisition_campaign_id IS NOT NULL
    GROUP BY acquisition_campaign_id
), combined AS (
    SELECT k.campaign_id, k.name, mc.name AS marketing_channel,
           COALESCE(re.reach, 0) AS reach, COALESCE(re.responses, 0) AS responses, COALESCE(re.conversions, 0) AS conversions,
           -- Spend has no team: none for a team scope, so its CAC, ROI and cost per response are undefined.
           CASE WHEN @scope_all = 1 THEN COALESCE(sp.spend, 0) END AS spend, COALESCE(ac.new_customers, 0) AS new_customers,
           COALESCE(atr.attributed_revenue, 0) AS attributed_revenue
    FROM dim_campaign k
    LEFT JOIN dim_marketing_channel mc ON mc.marketing_channel_id = k.marketing_channel_id
    LEFT JOIN reached re ON re.campaign_id = k.campaign_id
    LEFT JOIN spent sp ON sp.campaign_id = k.campaign_id
    LEFT JOIN acquired ac ON ac.campaign_id = k.campaign_id
    LEFT JOIN attributed atr ON atr.campaign_id = k.campaign_id
    WHERE re.campaign_id IS NOT NULL OR (@scope_all = 1 AND sp.campaign_id IS NOT NULL) OR ac.campaign_id IS NOT NULL OR atr.campaign_id IS NOT NULL
)

-- One row per campaign with activity in [date_from, date_to): reach, responses and conversions
-- (per customer, as in kpi/touches), spend, new customers acquired by it (first-ever sale in the
-- period, as in kpi/marketing), attributed revenue and the ratios, NULL where the denominator
-- is 0 (a campaign without spend has no ROI). Every campaign is listed whatever the campaign
-- filter, so the table is where campaigns are picked; only the team scope narrows it (its
-- customers' touches, its sales; no spend, which has no team).
WITH touch AS (
    SELECT t.campaign_id, t.customer_id, t.responded,
    --#include touch_window
      --#include owned_customer
),
--#include touch_conversions
, converted AS (
    SELECT DISTINCT campaign_id, customer_id
    FROM touch_sales
), per_customer AS (
    SELECT campaign_id, customer_id, MAX(responded) AS responded
    FROM touch
    GROUP BY campaign_id, customer_id
), reached AS (
    SELECT p.campaign_id, COUNT(*) AS reach, CAST(SUM(p.responded) AS BIGINT) AS responses, COUNT(v.customer_id) AS conversions
    FROM per_customer p
    LEFT JOIN converted v ON v.campaign_id = p.campaign_id AND v.customer_id = p.customer_id
    GROUP BY p.campaign_id
), spent AS (
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
), listed AS (
    SELECT campaign_id, name, marketing_channel, reach, responses,
           CAST(CAST(responses AS DECIMAL(18,4)) / NULLIF(reach, 0) AS DECIMAL(18,4)) AS response_rate,
           conversions,
           CAST(CAST(conversions AS DECIMAL(18,4)) / NULLIF(reach, 0) AS DECIMAL(18,4)) AS conversion_rate,
           spend, new_customers,
           CAST(spend / NULLIF(CAST(new_customers AS DECIMAL(18,4)), 0) AS DECIMAL(18,2)) AS cac,
           attributed_revenue,
           CAST((attributed_revenue - spend) / NULLIF(spend, 0) AS DECIMAL(18,4)) AS roi,
           CAST(spend / NULLIF(CAST(responses AS DECIMAL(18,4)), 0) AS DECIMAL(18,2)) AS cost_per_response,
           COUNT(*) OVER () AS total_rows
    FROM combined
)
SELECT *
FROM listed
ORDER BY
    CASE WHEN @sort = 'name' AND @descending = 1 THEN name END DESC,
    CASE WHEN @sort = 'name' AND @descending = 0 THEN name END,
    CASE WHEN @sort = 'reach' AND @descending = 1 THEN reach END DESC,
    CASE WHEN @sort = 'reach' AND @descending = 0 THEN reach END,
    CASE WHEN @sort = 'response_rate' AND @descending = 1 THEN response_rate END DESC,
    CASE WHEN @sort = 'response_rate' AND @descending = 0 THEN response_rate END,
    CASE WHEN @sort = 'conversion_rate' AND @descending = 1 THEN conversion_rate END DESC,
    CASE WHEN @sort = 'conversion_rate' AND @descending = 0 THEN conversion_rate END,
    CASE WHEN @sort = 'spend' AND @descending = 1 THEN spend END DESC,
    CASE WHEN @sort = 'spend' AND @descending = 0 THEN spend END,
    CASE WHEN @sort = 'new_customers' AND @descending = 1 THEN new_customers END DESC,
    CASE WHEN @sort = 'new_customers' AND @descending = 0 THEN new_customers END,
    CASE WHEN @sort = 'cac' AND @descending = 1 THEN cac END DESC,
    CASE WHEN @sort = 'cac' AND @descending = 0 THEN cac END,
    CASE WHEN @sort = 'attributed_revenue' AND @descending = 1 THEN attributed_revenue END DESC,
    CASE WHEN @sort = 'attributed_revenue' AND @descending = 0 THEN attributed_revenue END,
    CASE WHEN @sort = 'roi' AND @descending = 1 THEN roi END DESC,
    CASE WHEN @sort = 'roi' AND @descending = 0 THEN roi END,
    CASE WHEN @sort = 'cost_per_response' AND @descending = 1 THEN cost_per_response END DESC,
    CASE WHEN @sort = 'cost_per_response' AND @descending = 0 THEN cost_per_response END,
    campaign_id
OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY

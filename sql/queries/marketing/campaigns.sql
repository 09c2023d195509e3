-- One row per campaign with activity in [date_from, date_to): reach, responses and conversions
-- (per customer, as in kpi/touches and kpi/conversions), spend, new customers acquired by it
-- (first-ever sale in the period, as in kpi/marketing) and attributed revenue: the measures of
-- the marketing KPIs for that one campaign. Every campaign is listed whatever the campaign
-- filter, so the table is where campaigns are picked; only the team scope narrows it (its
-- customers' touches, its sales; no spend, which has no team). All rows, by campaign: the table
-- is sorted and paged after its KPIs are computed (TableDefinition.HasKpiColumns).
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
)
-- The measures again under the names the KPI formulas read (KpiCatalog: response_rate,
-- conversion_rate, cac, roi, cost_per_response): the table's ratios are those KPIs, computed
-- per campaign by their own formulas (TableKpis), not re-derived here.
SELECT campaign_id, name, marketing_channel, reach, responses, conversions, spend, new_customers, attributed_revenue,
       reach AS targeted, responses AS responders, responses AS campaign_responders,
       conversions AS converted, new_customers AS attributed_new_customers
FROM combined
ORDER BY campaign_id

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
      -- Only a team scope matches touches to sales here; the whole scope counts chain rows below.
      AND @scope_all = 0
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
    -- A team scope: its customers' touches grouped per campaign and customer, its sales matched.
    SELECT p.campaign_id, COUNT(*) AS reach, CAST(SUM(p.responded) AS BIGINT) AS responses, COUNT(v.customer_id) AS conversions
    FROM per_customer p
    LEFT JOIN converted v ON v.campaign_id = p.campaign_id AND v.customer_id = p.customer_id
    GROUP BY p.campaign_id
    UNION ALL
    -- The whole scope (whatever the filters, which this table ignores), from agg_touch_conversion:
    -- a customer's first touch (first responded, first converted touch) of a campaign in the
    -- period is the row whose previous one in that campaign is before the period.
    SELECT s.campaign_id,
           CAST(SUM(CASE WHEN s.prev_campaign_date >= @date_from THEN 0 ELSE 1 END) AS BIGINT) AS reach,
           CAST(SUM(CASE WHEN s.responded = 0 OR s.prev_campaign_response_date >= @date_from THEN 0 ELSE 1 END) AS BIGINT) AS responses,
           CAST(SUM(CASE WHEN s.converted = 0 OR s.prev_campaign_converted_date >= @date_from THEN 0 ELSE 1 END) AS BIGINT) AS conversions
    FROM agg_touch_conversion s
    WHERE s.sent_date >= @date_from AND s.sent_date < @date_to
      AND @scope_all = 1
    GROUP BY s.campaign_id
),
--#include campaign_measures
-- The measures again under the names the KPI formulas read (KpiCatalog: response_rate,
-- conversion_rate, cac, roi, cost_per_response): the table's ratios are those KPIs, computed
-- per campaign by their own formulas (TableKpis), not re-derived here.
SELECT campaign_id, name, marketing_channel, reach, responses, conversions, spend, new_customers, attributed_revenue,
       reach AS targeted, responses AS responders, responses AS campaign_responders,
       conversions AS converted, new_customers AS attributed_new_customers
FROM combined
ORDER BY campaign_id

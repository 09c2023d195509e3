-- marketing/campaigns when nothing is filtered and the scope is everything: reach, responses and
-- conversions per campaign from agg_touch_conversion, where a customer's first touch (first
-- responded, first converted touch) of a campaign in the period is the row whose previous one in
-- that campaign is before the period: counts, not a grouping of every touch by campaign and
-- customer. The other measures and the rows are its namesake's (sql/fragments/campaign_measures.sql).
WITH reached AS (
    SELECT s.campaign_id,
           CAST(SUM(CASE WHEN s.prev_campaign_date >= @date_from THEN 0 ELSE 1 END) AS BIGINT) AS reach,
           CAST(SUM(CASE WHEN s.responded = 0 OR s.prev_campaign_response_date >= @date_from THEN 0 ELSE 1 END) AS BIGINT) AS responses,
           CAST(SUM(CASE WHEN s.converted = 0 OR s.prev_campaign_converted_date >= @date_from THEN 0 ELSE 1 END) AS BIGINT) AS conversions
    FROM agg_touch_conversion s
    WHERE s.sent_date >= @date_from AND s.sent_date < @date_to
      --#include unfiltered_guard
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
-- Fails closed as a whole: spend and attributed revenue do not read agg_touch_conversion.
WHERE 1 = 1
  --#include unfiltered_guard
ORDER BY campaign_id

-- Campaign money for [date_from, date_to): campaign_spend, cac, attributed_revenue, roi and
-- cost_per_response.
--   spend: campaign spend dated in the period;
--   campaign_responders: customers who answered a touch sent in the period (each once);
--   attributed_revenue: sales in the period that carry a campaign and fall inside its
--     attribution window [start_date, end_date + attribution_days), days as dim_date numbers;
--   attributed_new_customers: customers whose first-ever sale is in the period (in the team
--     scope; agg_first_sale) and whose acquisition campaign is set (the campaigns selected,
--     when the filter names some).
-- Only the campaign filter applies: spend has no region, segment or channel to slice by,
-- and slicing one side of a ratio but not the other would make it meaningless.
--#dated
WITH
--#include marketing_money
, responding AS (
    SELECT DISTINCT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket, t.customer_id
    FROM fact_campaign_touch t
    JOIN dim_date d ON d.calendar_date = t.sent_date
    LEFT JOIN dim_customer c ON c.customer_id = t.customer_id
    WHERE t.sent_date >= @date_from AND t.sent_date < @date_to
      AND t.responded = 1
      AND (@campaign_all = 1 OR t.campaign_id IN @campaign_ids)
      --#include owned_customer
), responders AS (
    SELECT bucket, COUNT(*) AS campaign_responders
    FROM responding
    GROUP BY bucket
),
--#include acquired_customers
, acquired AS (
    SELECT bucket, COUNT(*) AS attributed_new_customers
    FROM acquired_customers
    WHERE acquisition_campaign_id IS NOT NULL
      AND (@campaign_all = 1 OR acquisition_campaign_id IN @campaign_ids)
    GROUP BY bucket
),
--#include marketing_kpi_rows
ORDER BY b.bucket

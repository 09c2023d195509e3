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
WITH spent AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
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
), responding AS (
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
), buckets AS (
    SELECT bucket FROM spend
    UNION
    SELECT bucket FROM revenue
    UNION
    SELECT bucket FROM acquired
    UNION
    SELECT bucket FROM responders
)
-- Spend has no team: a team scope gets no spend (NULL), so cac, roi and cost_per_response are
-- undefined for it rather than a team's figures divided by the company's money.
SELECT b.bucket,
       CASE WHEN @scope_all = 1 THEN COALESCE(s.spend, 0) END AS spend,
       COALESCE(r.attributed_revenue, 0) AS attributed_revenue,
       COALESCE(a.attributed_new_customers, 0) AS attributed_new_customers,
       COALESCE(p.campaign_responders, 0) AS campaign_responders
FROM buckets b
LEFT JOIN spend s ON s.bucket = b.bucket
LEFT JOIN revenue r ON r.bucket = b.bucket
LEFT JOIN acquired a ON a.bucket = b.bucket
LEFT JOIN responders p ON p.bucket = b.bucket
ORDER BY b.bucket

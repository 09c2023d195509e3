-- The rest of kpi/marketing (and its unfiltered twin) after CTEs "spend", "revenue",
-- "responders" (bucket, campaign_responders) and "acquired" (bucket, attributed_new_customers):
-- one row per bucket; the query adds its ORDER BY (and a twin its guard).
buckets AS (
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

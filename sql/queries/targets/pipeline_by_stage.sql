-- The pipeline open now by stage, in stage order (the funnel): opportunities, amount and amount
-- weighted by the stage's probability. Every open stage is listed, with zeros when empty.
WITH
--#include open_pipeline_totals
, by_stage AS (
    SELECT stage, CAST(SUM(opportunities) AS BIGINT) AS opportunities,
           CAST(SUM(amount) AS DECIMAL(18,2)) AS pipeline,
           CAST(SUM(weighted_amount) AS DECIMAL(18,2)) AS weighted_pipeline
    FROM open_totals
    GROUP BY stage
)
SELECT s.stage, s.sort_order, s.probability,
       COALESCE(b.opportunities, 0) AS opportunities,
       COALESCE(b.pipeline, 0) AS pipeline,
       COALESCE(b.weighted_pipeline, 0) AS weighted_pipeline
FROM dim_stage s
LEFT JOIN by_stage b ON b.stage = s.stage
WHERE s.is_closed = 0
ORDER BY s.sort_order

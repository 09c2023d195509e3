-- The pipeline open now (KPIS.md §5): open opportunities, their amount and their amount weighted
-- by stage probability. A snapshot: the period does not apply (stages are not historised).
WITH
--#include open_pipeline_totals
SELECT CAST(COALESCE(SUM(opportunities), 0) AS BIGINT) AS open_opportunities,
       CAST(COALESCE(SUM(amount), 0) AS DECIMAL(18,2)) AS pipeline,
       CAST(COALESCE(SUM(weighted_amount), 0) AS DECIMAL(18,2)) AS weighted_pipeline
FROM open_totals

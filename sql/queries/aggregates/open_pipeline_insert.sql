-- Second half: the opportunities open now summed per rep and stage; each one's weighted amount is
-- rounded before the sum, as sql/fragments/open_pipeline.sql does per opportunity.
INSERT INTO agg_open_pipeline (rep_id, stage, opportunities, amount, weighted_amount)
SELECT o.rep_id, o.stage, COUNT(*),
       CAST(SUM(o.amount) AS DECIMAL(18,2)),
       CAST(SUM(CAST(o.amount * s.probability AS DECIMAL(18,4))) AS DECIMAL(18,4))
FROM fact_opportunity o
JOIN dim_stage s ON s.stage = o.stage
WHERE s.is_closed = 0
GROUP BY o.rep_id, o.stage

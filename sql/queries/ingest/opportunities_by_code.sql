-- The close dates of existing opportunities with these source ids: an idempotent re-send
-- replaces them, so agg_opportunity_day is refreshed for those days too.
SELECT o.closed_date
FROM fact_opportunity o
WHERE o.opportunity_code IN @codes
  AND o.closed_date IS NOT NULL

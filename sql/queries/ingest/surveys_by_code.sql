-- The customers and dates of existing surveys with these source ids: an idempotent re-send
-- replaces them, so agg_survey_day of those days is refreshed too.
SELECT s.customer_id, s.survey_date
FROM fact_survey s
WHERE s.survey_code IN @codes

DELETE FROM fact_opportunity
WHERE opportunity_code IN @codes

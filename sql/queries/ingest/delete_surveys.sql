DELETE FROM fact_survey
WHERE survey_code IN @codes

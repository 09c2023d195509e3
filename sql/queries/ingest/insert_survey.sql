INSERT INTO fact_survey (survey_id, survey_code, customer_id, survey_date, touchpoint, csat, service_rating, recommend)
VALUES (@survey_id, @survey_code, @customer_id, @survey_date, @touchpoint, @csat, @service_rating, @recommend)

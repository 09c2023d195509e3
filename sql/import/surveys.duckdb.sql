-- Merges the staged survey answers (import_survey) inside the import's transaction. A survey id
-- given twice in the file takes its last line; re-importing an id replaces that survey.
-- Imported answers have the touchpoint 'imported' (a file does not say where it was asked).

CREATE OR REPLACE TEMP TABLE import_survey_last AS
SELECT * FROM import_survey
QUALIFY ROW_NUMBER() OVER (PARTITION BY survey_code ORDER BY line_no DESC) = 1;

INSERT INTO dim_customer (customer_id, customer_code, name, email, phone, city, region_id, segment_id, owner_rep_id,
                          acquired_date, acquisition_channel_id, acquisition_campaign_id, updated_at)
SELECT nextval('seq_customer'),
       n.customer_code, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, @now
FROM (SELECT DISTINCT customer_code FROM import_survey_last WHERE customer_code IS NOT NULL) n
WHERE NOT EXISTS (SELECT 1 FROM dim_customer c WHERE c.customer_code = n.customer_code);

DELETE FROM fact_survey
WHERE survey_code IN (SELECT survey_code FROM import_survey_last);

INSERT INTO fact_survey (survey_id, survey_code, customer_id, survey_date, touchpoint, csat, service_rating, recommend)
SELECT nextval('seq_survey'),
       s.survey_code,
       (SELECT MIN(customer_id) FROM dim_customer c WHERE c.customer_code = s.customer_code),
       s.survey_date, 'imported', s.csat, s.service_rating, s.recommend
FROM import_survey_last s;

DROP TABLE import_survey_last;

-- Second half: the days' surveys measured again, by the same definitions kpi/surveys uses
-- (the day is the fragment's bucket), in date order.
WITH scoped AS (
    SELECT s.survey_date AS bucket, s.csat, s.service_rating, s.recommend
    FROM fact_survey s
    WHERE @all_days = 1 OR s.survey_date IN @dates
)
INSERT INTO agg_survey_day (survey_date, csat_responses, csat_total, nps_respondents, promoters, detractors,
                            csat_very_satisfied, csat_satisfied, csat_neutral, csat_dissatisfied,
                            service_ratings, service_rating_total, service_excellent, service_good, service_pass, service_fail)
--#include surveys_measures

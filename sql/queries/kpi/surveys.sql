-- Survey measures for surveys dated in [date_from, date_to): csat and nps.
-- Region, segment, team and rep are the customer's (the rep is the account owner).
-- NPS: promoters answer 9-10, detractors 0-6 on the 0-10 recommend question.
-- CSAT bands: very satisfied 90-100, satisfied 70-89, neutral 50-69, dissatisfied 0-49.
-- Service-quality bands of the 1-10 rating: excellent 9-10, good 7-8, pass 5-6, fail 1-4.
--#dated
WITH scoped AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           s.csat, s.service_rating, s.recommend
    FROM fact_survey s
    JOIN dim_date d ON d.calendar_date = s.survey_date
    LEFT JOIN dim_customer c ON c.customer_id = s.customer_id
    LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
    WHERE s.survey_date >= @date_from AND s.survey_date < @date_to
      --#include customer_filters
)
--#include surveys_measures

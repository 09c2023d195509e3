-- kpi/surveys when nothing is filtered and the scope is everything: the same rows without
-- joining every survey to its customer and owner (only the customer filters need them).
--#dated
WITH scoped AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           s.csat, s.service_rating, s.recommend
    FROM fact_survey s
    JOIN dim_date d ON d.calendar_date = s.survey_date
    WHERE s.survey_date >= @date_from AND s.survey_date < @date_to
      --#include unfiltered_guard
)
--#include surveys_measures

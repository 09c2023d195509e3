-- kpi/surveys when nothing is filtered and the scope is everything: the same rows summed from
-- the day measures (agg_survey_day) instead of measuring every survey.
--#dated
WITH days AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket, a.*
    FROM agg_survey_day a
    JOIN dim_date d ON d.calendar_date = a.survey_date
    WHERE a.survey_date >= @date_from AND a.survey_date < @date_to
      --#include unfiltered_guard
)
SELECT bucket,
       CAST(SUM(csat_responses) AS BIGINT) AS csat_responses,
       CAST(SUM(csat_total) AS BIGINT) AS csat_total,
       CAST(SUM(nps_respondents) AS BIGINT) AS nps_respondents,
       CAST(SUM(promoters) AS BIGINT) AS promoters,
       CAST(SUM(detractors) AS BIGINT) AS detractors,
       CAST(SUM(csat_very_satisfied) AS BIGINT) AS csat_very_satisfied,
       CAST(SUM(csat_satisfied) AS BIGINT) AS csat_satisfied,
       CAST(SUM(csat_neutral) AS BIGINT) AS csat_neutral,
       CAST(SUM(csat_dissatisfied) AS BIGINT) AS csat_dissatisfied,
       CAST(SUM(service_ratings) AS BIGINT) AS service_ratings,
       CAST(SUM(service_rating_total) AS BIGINT) AS service_rating_total,
       CAST(SUM(service_excellent) AS BIGINT) AS service_excellent,
       CAST(SUM(service_good) AS BIGINT) AS service_good,
       CAST(SUM(service_pass) AS BIGINT) AS service_pass,
       CAST(SUM(service_fail) AS BIGINT) AS service_fail
FROM days
GROUP BY bucket
ORDER BY bucket

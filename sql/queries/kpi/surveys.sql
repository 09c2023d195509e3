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
SELECT bucket,
       COUNT(csat) AS csat_responses,
       CAST(COALESCE(SUM(csat), 0) AS BIGINT) AS csat_total,
       COUNT(recommend) AS nps_respondents,
       CAST(SUM(CASE WHEN recommend >= 9 THEN 1 ELSE 0 END) AS BIGINT) AS promoters,
       CAST(SUM(CASE WHEN recommend <= 6 THEN 1 ELSE 0 END) AS BIGINT) AS detractors,
       CAST(SUM(CASE WHEN csat >= 90 THEN 1 ELSE 0 END) AS BIGINT) AS csat_very_satisfied,
       CAST(SUM(CASE WHEN csat >= 70 AND csat < 90 THEN 1 ELSE 0 END) AS BIGINT) AS csat_satisfied,
       CAST(SUM(CASE WHEN csat >= 50 AND csat < 70 THEN 1 ELSE 0 END) AS BIGINT) AS csat_neutral,
       CAST(SUM(CASE WHEN csat < 50 THEN 1 ELSE 0 END) AS BIGINT) AS csat_dissatisfied,
       COUNT(service_rating) AS service_ratings,
       CAST(COALESCE(SUM(service_rating), 0) AS BIGINT) AS service_rating_total,
       CAST(SUM(CASE WHEN service_rating >= 9 THEN 1 ELSE 0 END) AS BIGINT) AS service_excellent,
       CAST(SUM(CASE WHEN service_rating >= 7 AND service_rating < 9 THEN 1 ELSE 0 END) AS BIGINT) AS service_good,
       CAST(SUM(CASE WHEN service_rating >= 5 AND service_rating < 7 THEN 1 ELSE 0 END) AS BIGINT) AS service_pass,
       CAST(SUM(CASE WHEN service_rating < 5 THEN 1 ELSE 0 END) AS BIGINT) AS service_fail
FROM scoped
GROUP BY bucket
ORDER BY bucket

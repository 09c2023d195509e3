-- The measures of kpi/surveys, per bucket, from its CTE "scoped" (agg_survey_day stores them per day: its twin sums those).
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

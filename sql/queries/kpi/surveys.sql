-- Survey measures for surveys dated in [date_from, date_to): csat and nps.
-- Region, segment, team and rep are the customer's (the rep is the account owner).
-- NPS: promoters answer 9-10, detractors 0-6 on the 0-10 recommend question.
WITH scoped AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           s.csat, s.recommend
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
       CAST(SUM(CASE WHEN recommend <= 6 THEN 1 ELSE 0 END) AS BIGINT) AS detractors
FROM scoped
GROUP BY bucket
ORDER BY bucket

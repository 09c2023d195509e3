-- The rows of satisfaction/churned_vs_retained and its unfiltered twin from their CTE "base"
-- (customer_id, grp: 'churned' | 'retained'): per group its customers, and their surveys and
-- tickets dated from prev_from to date_to.
groups AS (
    SELECT grp, COUNT(*) AS customers FROM base GROUP BY grp
), surveys AS (
    SELECT b.grp, COUNT(sv.csat) AS csat_responses, CAST(COALESCE(SUM(sv.csat), 0) AS BIGINT) AS csat_total,
           COUNT(sv.recommend) AS nps_respondents,
           CAST(SUM(CASE WHEN sv.recommend >= 9 THEN 1 ELSE 0 END) AS BIGINT) AS promoters,
           CAST(SUM(CASE WHEN sv.recommend <= 6 THEN 1 ELSE 0 END) AS BIGINT) AS detractors
    FROM fact_survey sv
    JOIN base b ON b.customer_id = sv.customer_id
    WHERE sv.survey_date >= @prev_from AND sv.survey_date < @date_to
    GROUP BY b.grp
), tickets AS (
    SELECT b.grp, COUNT(*) AS tickets,
           COUNT(DISTINCT CASE WHEN t.is_complaint = 1 THEN t.customer_id END) AS complaining_customers,
           COUNT(t.response_seconds) AS responded, CAST(COALESCE(SUM(t.response_seconds), 0) AS BIGINT) AS response_seconds_total,
           COUNT(t.resolution_seconds) AS resolved, CAST(COALESCE(SUM(t.resolution_seconds), 0) AS BIGINT) AS resolution_seconds_total
    FROM v_ticket t
    JOIN base b ON b.customer_id = t.customer_id
    WHERE t.submitted_at >= @prev_from AND t.submitted_at < @date_to
    GROUP BY b.grp
)
SELECT g.grp AS customer_group, g.customers,
       COALESCE(s.csat_responses, 0) AS csat_responses, COALESCE(s.csat_total, 0) AS csat_total,
       COALESCE(s.nps_respondents, 0) AS nps_respondents, COALESCE(s.promoters, 0) AS promoters, COALESCE(s.detractors, 0) AS detractors,
       COALESCE(t.tickets, 0) AS tickets, COALESCE(t.complaining_customers, 0) AS complaining_customers,
       COALESCE(t.responded, 0) AS responded, COALESCE(t.response_seconds_total, 0) AS response_seconds_total,
       COALESCE(t.resolved, 0) AS resolved, COALESCE(t.resolution_seconds_total, 0) AS resolution_seconds_total
FROM groups g
LEFT JOIN surveys s ON s.grp = g.grp
LEFT JOIN tickets t ON t.grp = g.grp
ORDER BY g.grp

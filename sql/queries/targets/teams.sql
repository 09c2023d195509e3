-- One row per team in scope with a quota or credited sales in [date_from, date_to): the
-- measures of kpi/attainment (so the catalog's formulas give each team's attainment, pace and
-- forecast) and the team's weighted pipeline open now (pipeline coverage). A rep who changed
-- team counts in each team for that team's months.
WITH
--#include quota_calendar
,
--#include quota_rows
,
--#include credited_sales
,
--#include open_pipeline_totals
, quota_totals AS (
    SELECT team_id, CAST(SUM(prorated) AS DECIMAL(18,2)) AS quota
    FROM quota_rows
    GROUP BY team_id
), sales_totals AS (
    SELECT team_id, CAST(SUM(revenue) AS DECIMAL(18,2)) AS rep_revenue
    FROM credited_sales
    GROUP BY team_id
), pipeline_totals AS (
    SELECT team_id, CAST(SUM(weighted_amount) AS DECIMAL(18,2)) AS weighted_pipeline
    FROM open_totals
    GROUP BY team_id
), teams AS (
    SELECT team_id FROM quota_totals
    UNION
    SELECT team_id FROM sales_totals
)
SELECT k.team_id, t.name,
       COALESCE(s.rep_revenue, 0) AS rep_revenue,
       COALESCE(q.quota, 0) AS quota,
       COALESCE(p.weighted_pipeline, 0) AS weighted_pipeline,
       c.period_days, c.elapsed_days, c.days_left
FROM teams k
JOIN dim_team t ON t.team_id = k.team_id
LEFT JOIN quota_totals q ON q.team_id = k.team_id
LEFT JOIN sales_totals s ON s.team_id = k.team_id
LEFT JOIN pipeline_totals p ON p.team_id = k.team_id
CROSS JOIN calendar c
ORDER BY t.name, k.team_id

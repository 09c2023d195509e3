-- The sales leaderboard for [date_from, date_to): one row per rep and team with a quota or
-- credited sales in the period (a rep who changed team is a row in each, with that team's
-- months), ranked by attainment (undefined last), then revenue (rep_revenue). Revenue, quota, pace, win rate
-- (opportunities closed in the period), weighted pipeline open now (for the rep's current team),
-- pipeline coverage and follow-ups as KPIS.md §5 defines them; NULL where undefined. Region is
-- the team's; segment, channel, category and campaign do not apply. Sorted and paged here.
WITH
--#include quota_calendar
,
--#include quota_rows
,
--#include credited_sales
,
--#include rep_month_team
,
--#include closed_opportunities
,
--#include closed_opportunity_counts
,
--#include open_pipeline_totals
,
--#include period_activities
, quota_totals AS (
    SELECT team_id, rep_id, CAST(SUM(prorated) AS DECIMAL(18,2)) AS quota
    FROM quota_rows
    GROUP BY team_id, rep_id
), sales_totals AS (
    SELECT team_id, rep_id, CAST(SUM(revenue) AS DECIMAL(18,2)) AS revenue
    FROM credited_sales
    GROUP BY team_id, rep_id
), closed_totals AS (
    SELECT team_id, rep_id, CAST(SUM(closed) AS BIGINT) AS closed, CAST(SUM(won) AS BIGINT) AS won
    FROM closed_counts
    GROUP BY team_id, rep_id
), pipeline_totals AS (
    SELECT team_id, rep_id, CAST(SUM(weighted_amount) AS DECIMAL(18,2)) AS weighted_pipeline
    FROM open_totals
    GROUP BY team_id, rep_id
), activity_totals AS (
    SELECT team_id, rep_id, CAST(SUM(activities) AS BIGINT) AS activities
    FROM period_activities
    GROUP BY team_id, rep_id
), members AS (
    SELECT team_id, rep_id FROM quota_totals
    UNION
    SELECT team_id, rep_id FROM sales_totals
), measured AS (
    SELECT m.team_id, m.rep_id, r.name AS rep, t.name AS team,
           COALESCE(s.revenue, 0) AS rep_revenue,
           COALESCE(q.quota, 0) AS quota,
           COALESCE(w.closed, 0) AS closed,
           COALESCE(w.won, 0) AS won,
           COALESCE(p.weighted_pipeline, 0) AS weighted_pipeline,
           COALESCE(a.activities, 0) AS activities,
           c.period_days, c.elapsed_days, c.days_left
    FROM members m
    JOIN dim_rep r ON r.rep_id = m.rep_id
    JOIN dim_team t ON t.team_id = m.team_id
    LEFT JOIN quota_totals q ON q.team_id = m.team_id AND q.rep_id = m.rep_id
    LEFT JOIN sales_totals s ON s.team_id = m.team_id AND s.rep_id = m.rep_id
    LEFT JOIN closed_totals w ON w.team_id = m.team_id AND w.rep_id = m.rep_id
    LEFT JOIN pipeline_totals p ON p.team_id = m.team_id AND p.rep_id = m.rep_id
    LEFT JOIN activity_totals a ON a.team_id = m.team_id AND a.rep_id = m.rep_id
    CROSS JOIN calendar c
), rated AS (
    SELECT team_id, rep_id, rep, team, rep_revenue, quota, closed, won, weighted_pipeline, activities,
           period_days, elapsed_days, days_left,
           CAST(CAST(rep_revenue AS DECIMAL(18,4)) / NULLIF(quota, 0) AS DECIMAL(18,4)) AS attainment,
           CAST(CAST(rep_revenue AS DECIMAL(18,4)) * period_days / NULLIF(quota * elapsed_days, 0) AS DECIMAL(18,4)) AS pace,
           CAST(CAST(won AS DECIMAL(18,4)) / NULLIF(closed, 0) AS DECIMAL(18,4)) AS win_rate,
           CASE WHEN quota > rep_revenue AND days_left > 0
                THEN CAST(CAST(weighted_pipeline AS DECIMAL(18,4)) / (quota - rep_revenue) AS DECIMAL(18,4)) END AS coverage
    FROM measured
), ranked AS (
    SELECT team_id, rep_id, rep, team, rep_revenue, quota, closed, won, weighted_pipeline, activities,
           period_days, elapsed_days, days_left, attainment, pace, win_rate, coverage,
           ROW_NUMBER() OVER (ORDER BY CASE WHEN attainment IS NULL THEN 1 ELSE 0 END, attainment DESC, rep_revenue DESC, rep, rep_id, team_id) AS leader_rank,
           COUNT(*) OVER () AS total_rows
    FROM rated
)
SELECT *
FROM ranked
ORDER BY
    --#include table_sort/leaderboard
    leader_rank
OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY

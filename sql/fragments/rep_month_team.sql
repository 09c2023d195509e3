-- The team each rep sold for in each month: the team on the rep's quota row of that month.
-- Opportunities (by close month) and follow-ups (by their month) of a rep who changed team
-- count for the team of their month; without a quota row, for the rep's current team
-- (COALESCE(rm.team_id, r.team_id) where it is joined).
rep_month_team AS (
    SELECT q.rep_id, q.month_start, MIN(q.team_id) AS team_id
    FROM fact_quota q
    WHERE q.team_id IS NOT NULL
    GROUP BY q.rep_id, q.month_start
)

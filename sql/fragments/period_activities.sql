-- The follow-ups (calls, e-mails, visits, meetings) logged in the period, counted per day and
-- rep (agg_activity_day), each for the team its rep sold for that month (rep_month_team, else
-- the rep's current team). Narrowed by the region (that team's), team and rep filters and the
-- team scope. Needs rep_month_team.
period_activities AS (
    SELECT CASE WHEN @monthly = 1 THEN a.month_start ELSE @date_from END AS bucket,
           a.rep_id, t.team_id, a.activities, a.calls, a.emails, a.visits, a.meetings
    FROM agg_activity_day a
    JOIN dim_rep r ON r.rep_id = a.rep_id
    LEFT JOIN rep_month_team rm ON rm.rep_id = a.rep_id AND rm.month_start = a.month_start
    JOIN dim_team t ON t.team_id = COALESCE(rm.team_id, r.team_id)
    WHERE a.activity_date >= @date_from AND a.activity_date < @date_to
      AND (@region_all = 1 OR t.region_id IN @region_ids)
      AND (@team_all = 1 OR t.team_id IN @team_ids)
      AND (@rep_all = 1 OR a.rep_id IN @rep_ids)
      AND (@scope_all = 1 OR t.team_id IN @scope_team_ids)
)

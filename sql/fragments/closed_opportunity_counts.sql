-- The opportunities closed (won or lost) in the period, counted per close day and rep: closed,
-- won, lost and the days from created to closed of the won ones, each for the team its rep sold
-- for in the month it closed (rep_month_team, else the rep's current team). Narrowed by the
-- region (that team's), team and rep filters and the team scope. Without a segment filter the
-- counts come from agg_opportunity_day; a segment is the customer's (current) segment, which
-- those rows do not carry, so with one they are counted from closed_opportunities (the facts).
-- Needs rep_month_team and closed_opportunities.
closed_counts AS (
    SELECT CASE WHEN @monthly = 1 THEN a.month_start ELSE @date_from END AS bucket,
           a.rep_id, t.team_id, a.closed, a.won, a.lost, a.won_cycle_days
    FROM agg_opportunity_day a
    JOIN dim_rep r ON r.rep_id = a.rep_id
    LEFT JOIN rep_month_team rm ON rm.rep_id = a.rep_id AND rm.month_start = a.month_start
    JOIN dim_team t ON t.team_id = COALESCE(rm.team_id, r.team_id)
    WHERE @segment_all = 1
      AND a.closed_date >= @date_from AND a.closed_date < @date_to
      AND (@region_all = 1 OR t.region_id IN @region_ids)
      AND (@team_all = 1 OR t.team_id IN @team_ids)
      AND (@rep_all = 1 OR a.rep_id IN @rep_ids)
      AND (@scope_all = 1 OR t.team_id IN @scope_team_ids)
    UNION ALL
    SELECT bucket, rep_id, team_id,
           CAST(1 AS BIGINT),
           CAST(CASE WHEN stage = 'won' THEN 1 ELSE 0 END AS BIGINT),
           CAST(CASE WHEN stage = 'lost' THEN 1 ELSE 0 END AS BIGINT),
           CAST(CASE WHEN stage = 'won' THEN cycle_days ELSE 0 END AS BIGINT)
    FROM closed_opportunities
    WHERE @segment_all = 0
)

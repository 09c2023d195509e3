-- The sales credited to sales teams in the period: orders not cancelled, with revenue above 0
-- and a rep, counted for the team on the order (the rep's team when it was sold, so a team
-- move does not rewrite history), summed per day, team and rep (agg_rep_sale_day). Narrowed by
-- the region (the team's), team and rep filters and the team scope.
credited_sales AS (
    SELECT CASE WHEN @monthly = 1 THEN a.month_start ELSE @date_from END AS bucket, a.team_id, a.rep_id, a.revenue
    FROM agg_rep_sale_day a
    JOIN dim_team t ON t.team_id = a.team_id
    WHERE a.sale_date >= @date_from AND a.sale_date < @date_to
      AND (@region_all = 1 OR t.region_id IN @region_ids)
      AND (@team_all = 1 OR a.team_id IN @team_ids)
      AND (@rep_all = 1 OR a.rep_id IN @rep_ids)
      AND (@scope_all = 1 OR a.team_id IN @scope_team_ids)
)

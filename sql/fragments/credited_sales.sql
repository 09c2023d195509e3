-- The sales credited to sales teams in the period: orders not cancelled, with revenue above 0
-- and a rep, counted for the team on the order (the rep's team when it was sold, so a team
-- move does not rewrite history). Narrowed by the region (the team's), team and rep filters
-- and the team scope. Needs period_day (quota_calendar) for the bucket.
credited_sales AS (
    SELECT p.bucket, o.team_id, o.rep_id, o.revenue
    FROM fact_order o
    JOIN period_day p ON p.calendar_date = o.order_date
    JOIN dim_team t ON t.team_id = o.team_id
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      --#include sale
      AND o.rep_id IS NOT NULL
      AND (@region_all = 1 OR t.region_id IN @region_ids)
      AND (@team_all = 1 OR o.team_id IN @team_ids)
      AND (@rep_all = 1 OR o.rep_id IN @rep_ids)
      AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
)

-- The opportunities closed (won or lost) in the period, each for the team its rep sold for in
-- the month it closed (rep_month_team, else the rep's current team), with its length in days.
-- Narrowed by the region (that team's), segment (the customer's), team and rep filters and the
-- team scope. Needs rep_month_team.
closed_opportunities AS (
    SELECT CASE WHEN @monthly = 1 THEN cd.month_start ELSE @date_from END AS bucket,
           o.opportunity_id, o.rep_id, t.team_id, o.stage,
           cd.day_number - od.day_number AS cycle_days
    FROM fact_opportunity o
    JOIN dim_date cd ON cd.calendar_date = o.closed_date
    JOIN dim_date od ON od.calendar_date = o.created_date
    JOIN dim_rep r ON r.rep_id = o.rep_id
    LEFT JOIN rep_month_team rm ON rm.rep_id = o.rep_id AND rm.month_start = cd.month_start
    JOIN dim_team t ON t.team_id = COALESCE(rm.team_id, r.team_id)
    WHERE o.closed_date >= @date_from AND o.closed_date < @date_to
      AND o.stage IN ('won', 'lost')
      AND (@region_all = 1 OR t.region_id IN @region_ids)
      -- a semi-join on the customers of the selected segments, not a join of every customer
      AND (@segment_all = 1 OR o.customer_id IN (SELECT c.customer_id FROM dim_customer c WHERE c.segment_id IN @segment_ids))
      AND (@team_all = 1 OR t.team_id IN @team_ids)
      AND (@rep_all = 1 OR o.rep_id IN @rep_ids)
      AND (@scope_all = 1 OR t.team_id IN @scope_team_ids)
)

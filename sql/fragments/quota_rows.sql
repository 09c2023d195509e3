-- Every quota row of the months the period touches, prorated by day (the share of its month's
-- days inside the period), with the team the rep sold for that month: fact_quota.team_id, or
-- the rep's current team for a row without one. Narrowed by the region (the team's), team and
-- rep filters and the team scope. Needs month_days (quota_calendar).
quota_rows AS (
    SELECT CASE WHEN @monthly = 1 THEN q.month_start ELSE @date_from END AS bucket,
           t.team_id, q.rep_id,
           CAST(CAST(q.amount AS DECIMAL(18,4)) * m.days_in_period / m.days_in_month AS DECIMAL(18,4)) AS prorated
    FROM fact_quota q
    JOIN month_days m ON m.month_start = q.month_start
    JOIN dim_rep r ON r.rep_id = q.rep_id
    JOIN dim_team t ON t.team_id = COALESCE(q.team_id, r.team_id)
    WHERE (@region_all = 1 OR t.region_id IN @region_ids)
      AND (@team_all = 1 OR t.team_id IN @team_ids)
      AND (@rep_all = 1 OR q.rep_id IN @rep_ids)
      AND (@scope_all = 1 OR t.team_id IN @scope_team_ids)
)

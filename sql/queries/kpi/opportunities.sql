-- Opportunities closed (won or lost) in [date_from, date_to): win_rate.
-- Region and team are the rep's; segment is the customer's.
--#dated
WITH scoped AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           o.stage
    FROM fact_opportunity o
    JOIN dim_date d ON d.calendar_date = o.closed_date
    JOIN dim_rep r ON r.rep_id = o.rep_id
    LEFT JOIN dim_customer c ON c.customer_id = o.customer_id
    WHERE o.closed_date >= @date_from AND o.closed_date < @date_to
      AND o.stage IN ('won', 'lost')
      AND (@region_all = 1 OR r.region_id IN @region_ids)
      AND (@segment_all = 1 OR c.segment_id IN @segment_ids)
      AND (@team_all = 1 OR r.team_id IN @team_ids)
      AND (@rep_all = 1 OR o.rep_id IN @rep_ids)
      AND (@scope_all = 1 OR r.team_id IN @scope_team_ids)
)
SELECT bucket,
       COUNT(*) AS closed,
       CAST(SUM(CASE WHEN stage = 'won' THEN 1 ELSE 0 END) AS BIGINT) AS won,
       CAST(SUM(CASE WHEN stage = 'lost' THEN 1 ELSE 0 END) AS BIGINT) AS lost
FROM scoped
GROUP BY bucket
ORDER BY bucket

-- lead_conversion: opportunities created in [date_from, date_to) and how many of them were won
-- (whenever they closed). Region and team are the rep's; segment is the customer's.
--#dated
WITH scoped AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @date_from END AS bucket,
           o.stage
    FROM fact_opportunity o
    JOIN dim_date d ON d.calendar_date = o.created_date
    JOIN dim_rep r ON r.rep_id = o.rep_id
    -- The customer is read only for a segment filter: gated in the ON clause, DuckDB skips the
    -- join (a hash table of every customer, most of this query's time at 1 M customers) otherwise.
    LEFT JOIN dim_customer c ON c.customer_id = o.customer_id AND @segment_all = 0
    WHERE o.created_date >= @date_from AND o.created_date < @date_to
      AND (@region_all = 1 OR r.region_id IN @region_ids)
      AND (@segment_all = 1 OR c.segment_id IN @segment_ids)
      AND (@team_all = 1 OR r.team_id IN @team_ids)
      AND (@rep_all = 1 OR o.rep_id IN @rep_ids)
      AND (@scope_all = 1 OR r.team_id IN @scope_team_ids)
)
SELECT bucket,
       COUNT(*) AS leads_created,
       CAST(SUM(CASE WHEN stage = 'won' THEN 1 ELSE 0 END) AS BIGINT) AS leads_won
FROM scoped
GROUP BY bucket
ORDER BY bucket

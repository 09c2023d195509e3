-- The sale days of the customers in the CTE "touch", for the range join that decides a
-- conversion: a sale on a day in [sent_day, window_end) of a touch (not cancelled, revenue
-- above 0) that the team scope sees — another team's sale is not this team's conversion.
-- A range join, because a per-touch EXISTS runs as a nested loop over millions of touches.
sale_days AS (
    SELECT DISTINCT o.customer_id, od.day_number
    FROM fact_order o
    JOIN dim_date od ON od.calendar_date = o.order_date
    WHERE o.order_date >= @date_from
      AND o.status <> 'cancelled' AND o.revenue > 0
      AND o.customer_id IN (SELECT customer_id FROM touch)
      AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
)

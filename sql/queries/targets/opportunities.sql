-- The opportunities of the reps in scope (a rep drill: team and rep filters): those open now
-- (for the rep's current team) and those closed in [date_from, date_to) (for the team the rep
-- sold for in the month it closed), with customer, stage, amount, stage probability, weighted
-- amount (open ones), created and closed dates and days open (closed − created, or today −
-- created while open). Region is the team's. Sorted and paged here.
WITH
--#include rep_month_team
, listed_open AS (
    SELECT o.opportunity_id, o.opportunity_code, o.rep_id, o.customer_id, o.stage, o.amount,
           o.created_date, o.closed_date, s.probability, s.sort_order,
           CAST(o.amount * s.probability AS DECIMAL(18,2)) AS weighted_amount,
           td.day_number - od.day_number AS days_open
    FROM fact_opportunity o
    JOIN dim_stage s ON s.stage = o.stage
    JOIN dim_rep r ON r.rep_id = o.rep_id
    JOIN dim_team t ON t.team_id = r.team_id
    JOIN dim_date od ON od.calendar_date = o.created_date
    JOIN dim_date td ON td.calendar_date = @today
    WHERE s.is_closed = 0
      AND (@region_all = 1 OR t.region_id IN @region_ids)
      AND (@team_all = 1 OR r.team_id IN @team_ids)
      AND (@rep_all = 1 OR o.rep_id IN @rep_ids)
      AND (@scope_all = 1 OR r.team_id IN @scope_team_ids)
), listed_closed AS (
    SELECT o.opportunity_id, o.opportunity_code, o.rep_id, o.customer_id, o.stage, o.amount,
           o.created_date, o.closed_date, s.probability, s.sort_order,
           CAST(NULL AS DECIMAL(18,2)) AS weighted_amount,
           cd.day_number - od.day_number AS days_open
    FROM fact_opportunity o
    JOIN dim_stage s ON s.stage = o.stage
    JOIN dim_date cd ON cd.calendar_date = o.closed_date
    JOIN dim_date od ON od.calendar_date = o.created_date
    JOIN dim_rep r ON r.rep_id = o.rep_id
    LEFT JOIN rep_month_team rm ON rm.rep_id = o.rep_id AND rm.month_start = cd.month_start
    JOIN dim_team t ON t.team_id = COALESCE(rm.team_id, r.team_id)
    WHERE o.closed_date >= @date_from AND o.closed_date < @date_to
      AND s.is_closed = 1
      AND (@region_all = 1 OR t.region_id IN @region_ids)
      AND (@team_all = 1 OR t.team_id IN @team_ids)
      AND (@rep_all = 1 OR o.rep_id IN @rep_ids)
      AND (@scope_all = 1 OR t.team_id IN @scope_team_ids)
), listed AS (
    SELECT l.opportunity_id, l.opportunity_code, l.rep_id, p.name AS rep, l.customer_id, c.name AS customer,
           l.stage, l.sort_order, l.amount, l.probability, l.weighted_amount, l.created_date, l.closed_date, l.days_open,
           COUNT(*) OVER () AS total_rows
    FROM (SELECT * FROM listed_open UNION ALL SELECT * FROM listed_closed) l
    JOIN dim_rep p ON p.rep_id = l.rep_id
    LEFT JOIN dim_customer c ON c.customer_id = l.customer_id
)
SELECT *
FROM listed
ORDER BY
    CASE WHEN @sort = 'customer' AND @descending = 1 THEN customer END DESC,
    CASE WHEN @sort = 'customer' AND @descending = 0 THEN customer END,
    CASE WHEN @sort = 'stage' AND @descending = 1 THEN sort_order END DESC,
    CASE WHEN @sort = 'stage' AND @descending = 0 THEN sort_order END,
    CASE WHEN @sort = 'amount' AND @descending = 1 THEN amount END DESC,
    CASE WHEN @sort = 'amount' AND @descending = 0 THEN amount END,
    CASE WHEN @sort = 'created_date' AND @descending = 1 THEN created_date END DESC,
    CASE WHEN @sort = 'created_date' AND @descending = 0 THEN created_date END,
    CASE WHEN @sort = 'closed_date' AND closed_date IS NULL THEN 1 ELSE 0 END,
    CASE WHEN @sort = 'closed_date' AND @descending = 1 THEN closed_date END DESC,
    CASE WHEN @sort = 'closed_date' AND @descending = 0 THEN closed_date END,
    CASE WHEN @sort = 'days_open' AND @descending = 1 THEN days_open END DESC,
    CASE WHEN @sort = 'days_open' AND @descending = 0 THEN days_open END,
    opportunity_id
OFFSET @offset ROWS FETCH NEXT @limit ROWS ONLY

-- Which touches of the CTE "touch" (customer_id, sent_day, window_end: sql/fragments/touch_window.sql)
-- converted: a sale of the touch's customer on a day in [sent_day, window_end) that the team
-- scope sees (another team's sale is not this team's conversion). CTE "sale_days" holds the sale
-- days of the touched customers; CTE "touch_sales" each touch (t.*) once per such sale day.
-- A range join, because a per-touch EXISTS runs as a nested loop over millions of touches.
sale_days AS (
    SELECT DISTINCT o.customer_id, od.day_number
    FROM fact_order o
    JOIN dim_date od ON od.calendar_date = o.order_date
    WHERE o.order_date >= @date_from
      --#include sale
      AND o.customer_id IN (SELECT customer_id FROM touch)
      AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
), touch_sales AS (
    SELECT t.*
    FROM touch t
    JOIN sale_days s ON s.customer_id = t.customer_id
    WHERE s.day_number >= t.sent_day AND s.day_number < t.window_end
)

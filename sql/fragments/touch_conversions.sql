-- Which touches of the CTE "touch" (customer_id, converted, sent_day, window_end:
-- sql/fragments/touch_window.sql) converted: a sale of the touch's customer on a day in
-- [sent_day, window_end) that the team scope sees (another team's sale is not this team's
-- conversion). CTE "touch_sales" holds each converted touch (t.*) at least once.
-- For the whole scope that is the touch's own converted flag (agg_touch_conversion, kept on
-- every write). For a team scope the flag counts other teams' sales, so the team's sale days
-- of the touched customers (CTE "sale_days", empty for the whole scope) are matched to the
-- windows by a range join (a per-touch EXISTS runs as a nested loop over millions of touches).
sale_days AS (
    SELECT DISTINCT o.customer_id, od.day_number
    FROM fact_order o
    JOIN dim_date od ON od.calendar_date = o.order_date
    WHERE @scope_all = 0
      AND o.order_date >= @date_from
      --#include sale
      AND o.customer_id IN (SELECT customer_id FROM touch)
      AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
), touch_sales AS (
    SELECT t.*
    FROM touch t
    WHERE @scope_all = 1 AND t.converted = 1
    UNION ALL
    SELECT t.*
    FROM touch t
    JOIN sale_days s ON s.customer_id = t.customer_id
    WHERE s.day_number >= t.sent_day AND s.day_number < t.window_end
)

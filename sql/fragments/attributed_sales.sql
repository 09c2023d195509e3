-- The sales of [date_from, date_to) that carry a campaign and fall inside its attribution window
-- [start_date, end_date + attribution_days), days as dim_date numbers (docs/KPIS.md,
-- attributed_revenue), that the team scope sees: CTE "attributed_sales" with bucket (the
-- period, or each month with @monthly = 1), campaign_id and revenue.
attributed_sales AS (
    SELECT CASE WHEN @monthly = 1 THEN od.month_start ELSE @window_from END AS bucket,
           o.campaign_id, o.revenue
    FROM fact_order o
    JOIN dim_campaign k ON k.campaign_id = o.campaign_id
    JOIN dim_date od ON od.calendar_date = o.order_date
    JOIN dim_date ks ON ks.calendar_date = k.start_date
    JOIN dim_date ke ON ke.calendar_date = k.end_date
    WHERE o.order_date >= @date_from AND o.order_date < @date_to
      --#include sale
      AND od.day_number >= ks.day_number
      AND od.day_number < ke.day_number + k.attribution_days
      AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
)

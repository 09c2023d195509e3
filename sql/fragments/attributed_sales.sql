-- The sales of [date_from, date_to) that carry a campaign and fall inside its attribution window
-- [start_date, end_date + attribution_days), days as dim_date numbers (docs/KPIS.md,
-- attributed_revenue), that the team scope sees: CTE "attributed_sales" with bucket (the
-- period, or each month with @monthly = 1), campaign_id and revenue, read from
-- agg_campaign_sale_day (the sales summed per day, campaign and team on the order).
attributed_sales AS (
    SELECT CASE WHEN @monthly = 1 THEN a.month_start ELSE @window_from END AS bucket,
           a.campaign_id, a.revenue
    FROM agg_campaign_sale_day a
    JOIN dim_campaign k ON k.campaign_id = a.campaign_id
    JOIN dim_date od ON od.calendar_date = a.sale_date
    JOIN dim_date ks ON ks.calendar_date = k.start_date
    JOIN dim_date ke ON ke.calendar_date = k.end_date
    WHERE a.sale_date >= @date_from AND a.sale_date < @date_to
      AND od.day_number >= ks.day_number
      AND od.day_number < ke.day_number + k.attribution_days
      AND (@scope_all = 1 OR a.team_id IN @scope_team_ids)
)

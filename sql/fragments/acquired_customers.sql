-- The customers acquired in [date_from, date_to): their first-ever sale (agg_first_sale) falls in
-- the period and the team scope sees it (see kpi/new_customers; no other filter). CTE
-- "acquired_customers": bucket (the period, or the month of the first sale with @monthly = 1),
-- customer_id and the customer's acquisition campaign and channel (NULL when unknown).
acquired_customers AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @window_from END AS bucket,
           f.customer_id, cu.acquisition_campaign_id, cu.acquisition_channel_id
    FROM (
        SELECT o.customer_id, MIN(o.first_date) AS first_date
        FROM agg_first_sale o
        WHERE o.first_date >= @date_from AND o.first_date < @date_to
          AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
        GROUP BY o.customer_id
    ) f
    JOIN dim_customer cu ON cu.customer_id = f.customer_id
    JOIN dim_date d ON d.calendar_date = f.first_date
)

-- The customers acquired in [date_from, date_to): their first-ever sale (agg_first_sale) falls in
-- the period and the team scope sees it (see kpi/new_customers; no other filter). CTE
-- "acquired_customers": bucket (the period, or the month of the first sale with @monthly = 1),
-- customer_id and the customer's acquisition campaign and channel (NULL when unknown), which
-- agg_first_sale keeps beside the first sale (one customer's rows all carry the same), so no
-- read of dim_customer.
acquired_customers AS (
    SELECT CASE WHEN @monthly = 1 THEN d.month_start ELSE @window_from END AS bucket,
           f.customer_id, f.acquisition_campaign_id, f.acquisition_channel_id
    FROM (
        SELECT o.customer_id, MIN(o.first_date) AS first_date,
               MIN(o.acquisition_campaign_id) AS acquisition_campaign_id, MIN(o.acquisition_channel_id) AS acquisition_channel_id
        FROM agg_first_sale o
        WHERE o.first_date >= @date_from AND o.first_date < @date_to
          AND (@scope_all = 1 OR o.team_id IN @scope_team_ids)
        GROUP BY o.customer_id
    ) f
    JOIN dim_date d ON d.calendar_date = f.first_date
)

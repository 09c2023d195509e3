-- The attribution window of a campaign touch "t" (docs/KPIS.md, conversion_rate): sent_day (its
-- sent date) and window_end (its campaign's end date + attribution days, exclusive), as dim_date
-- day numbers, and whether a sale of any team fell in it (converted, from agg_touch_conversion,
-- which holds every touch of a known campaign); then the touches sent in [date_from, date_to)
-- with their sent day "d", campaign "k", customer "c" and the customer's owner "r" (for
-- customer_filters or owned_customer).
-- Included as the last line of a touch CTE's SELECT list; the query adds its filters after it.
t.converted, d.day_number AS sent_day, ce.day_number + k.attribution_days AS window_end
FROM agg_touch_conversion t
JOIN dim_date d ON d.calendar_date = t.sent_date
JOIN dim_campaign k ON k.campaign_id = t.campaign_id
JOIN dim_date ce ON ce.calendar_date = k.end_date
LEFT JOIN dim_customer c ON c.customer_id = t.customer_id
LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
WHERE t.sent_date >= @date_from AND t.sent_date < @date_to

-- Where refreshing agg_conversion_pair must start after a write of orders for some customers
-- (dated @from_date and later): a sale on day s converts (or, removed, un-converts) only the
-- customers' touches whose attribution window [sent day, campaign end + attribution days) reaches
-- past @from_date, and changes the chain dates of their later touches only; so the earliest sent
-- date of those touches (NULL: none, the refresh starts at @from_date).
SELECT MIN(t.sent_date) AS from_date
FROM agg_touch_conversion t
JOIN dim_campaign k ON k.campaign_id = t.campaign_id
JOIN dim_date ce ON ce.calendar_date = k.end_date
JOIN dim_date f ON f.calendar_date = @from_date
WHERE t.customer_id IN @customer_ids
  AND t.sent_date < @from_date
  AND ce.day_number + k.attribution_days > f.day_number

-- First half of refreshing agg_touch_chain for some customers (or all): drop their touches
-- sent on or after @from_date (a touch written on day d changes that day's and later rows only).
DELETE FROM agg_touch_chain
WHERE (@all_customers = 1 OR customer_id IN @customer_ids)
  AND sent_date >= @from_date

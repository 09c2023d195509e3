-- First half of refreshing agg_ticket_repeat for some customers (or all): drop their rows
-- submitted on or after @from_date (a ticket written on day d changes that day's and later rows
-- only: the rule looks 30 days back).
DELETE FROM agg_ticket_repeat
WHERE (@all_customers = 1 OR customer_id IN @customer_ids)
  AND submitted_at >= @from_date

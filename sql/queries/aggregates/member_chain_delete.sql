-- First half of refreshing agg_member_chain for some customers (or all): drop their sales on or
-- after @from_date. A sale written or removed on day d changes the previous same-member dates of
-- that day's and later sales only.
DELETE FROM agg_member_chain
WHERE (@all_customers = 1 OR customer_id IN @customer_ids)
  AND sale_date >= @from_date

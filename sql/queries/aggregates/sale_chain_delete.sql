-- First half of refreshing agg_sale_chain for some customers (or all): drop their sales on or
-- after @from_date. A sale written or removed on day d changes the previous-sale dates of
-- that day's and later sales only.
DELETE FROM agg_sale_chain
WHERE (@all_customers = 1 OR customer_id IN @customer_ids)
  AND sale_date >= @from_date

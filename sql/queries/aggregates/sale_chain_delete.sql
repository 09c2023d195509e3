-- First half of refreshing agg_sale_chain for some customers (or all): drop their sales on or
-- after @from_date, and the sale before those (the one whose next sale is on or after it, or
-- their last). A sale written or removed on day d changes the previous-sale dates and lifetimes
-- of that day's and later sales, and the next-sale date of the sale before it only.
DELETE FROM agg_sale_chain
WHERE (@all_customers = 1 OR customer_id IN @customer_ids)
  AND (sale_date >= @from_date OR next_date IS NULL OR next_date >= @from_date)

-- First half of refreshing agg_category_chain for some customers (or all): drop all their rows.
-- A sale written or removed on day d changes the next-other-category date of earlier sales, so
-- the customer's sales are recomputed whole.
DELETE FROM agg_category_chain
WHERE (@all_customers = 1 OR customer_id IN @customer_ids)

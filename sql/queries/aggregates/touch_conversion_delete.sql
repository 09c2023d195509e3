-- First half of refreshing agg_touch_conversion for some customers (or all: @all_customers = 1):
-- drop all their rows. A sale written or removed on day d can convert (or un-convert) any earlier
-- touch whose window reaches d, and that changes the chain dates of every later touch, so the
-- customer's touches are recomputed whole (a few rows per customer).
DELETE FROM agg_touch_conversion
WHERE (@all_customers = 1 OR customer_id IN @customer_ids)

-- The customers a batch names, by the source CRM's id.
SELECT customer_id, customer_code, region_id, segment_id, owner_rep_id
FROM dim_customer
WHERE customer_code IN @codes

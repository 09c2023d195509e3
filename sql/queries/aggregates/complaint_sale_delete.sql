-- First half of refreshing agg_complaint_sale for some customers (or all): drop all their rows
-- (a sale on any day moves the neighbours of complaints before and after it; @from_date unused).
DELETE FROM agg_complaint_sale
WHERE (@all_customers = 1 OR customer_id IN @customer_ids)

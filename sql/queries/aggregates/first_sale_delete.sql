-- First half of refreshing agg_first_sale for some customers (or all: @all_customers = 1):
-- drop their rows whose first sale is on or after @from_date, the earliest date the write
-- touched. A first sale before it cannot have changed.
DELETE FROM agg_first_sale
WHERE (@all_customers = 1 OR customer_id IN @customer_ids)
  AND first_date >= @from_date

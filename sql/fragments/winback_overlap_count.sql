-- The won back of overlapping windows, for kpi/winback's twins: a count over their CTEs
-- "period_firsts" (customer_id, sale_date of the first sale in the period), "came_back" (first
-- sales from prev_from of customers with one before) and "comparison_firsts" (the customers of the
-- comparison period).
(SELECT COUNT(*) FROM period_firsts p
 WHERE (p.sale_date < @prev_from OR EXISTS (SELECT 1 FROM came_back b WHERE b.customer_id = p.customer_id))
   AND NOT EXISTS (SELECT 1 FROM comparison_firsts c WHERE c.customer_id = p.customer_id))

-- The won back through a gap [prev_to, date_from) between the windows, for kpi/winback's twins:
-- the WHERE of a join of two chains' rows (previous sale per customer), "p" the customer's first
-- sale in the period after one in the gap, "g" their first sale from prev_from, in the gap after
-- one before prev_from (one row each side per customer).
WHERE @prev_to < @date_from
  AND p.sale_date >= @date_from AND p.sale_date < @date_to
  AND p.prev_date >= @prev_to AND p.prev_date < @date_from
  AND g.sale_date >= @prev_to AND g.sale_date < @date_from
  AND g.prev_date < @prev_from

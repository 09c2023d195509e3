-- winback_rate: of the customers lapsed at the start of the period (a sale before the
-- comparison period [prev_from, prev_to) and none in it), those active again in
-- [date_from, date_to). One pass over the sales: per customer, whether they bought before the
-- comparison period, in it and in the period (not three distinct sets joined).
--#dated
WITH customers AS (
    SELECT o.customer_id,
           MAX(CASE WHEN o.order_date < @prev_from THEN 1 ELSE 0 END) AS earlier,
           MAX(CASE WHEN o.order_date >= @prev_from AND o.order_date < @prev_to THEN 1 ELSE 0 END) AS in_comparison,
           MAX(CASE WHEN o.order_date >= @date_from THEN 1 ELSE 0 END) AS in_period
    FROM fact_order o
    WHERE o.customer_id IS NOT NULL
      AND o.order_date < @date_to
      --#include sale
      --#include order_filters
    GROUP BY o.customer_id
)
SELECT
    @date_from AS bucket,
    COUNT(CASE WHEN earlier = 1 AND in_comparison = 0 THEN 1 END) AS lapsed_customers,
    COUNT(CASE WHEN earlier = 1 AND in_comparison = 0 AND in_period = 1 THEN 1 END) AS won_back
FROM customers

-- The customers acquired (first-ever sale) in [date_from, date_to) where that first sale
-- matches the filters and the team scope, from agg_first_sale (every sale of a customer's
-- first day, so "matches" means any sale of that day does): one row per customer.
first_sales AS (
    SELECT o.customer_id, MIN(o.first_date) AS first_date
    FROM agg_first_sale o
    WHERE o.first_date >= @date_from AND o.first_date < @date_to
      --#include order_filters
    GROUP BY o.customer_id
)

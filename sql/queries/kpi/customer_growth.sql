-- customer_growth: customers acquired (first-ever sale) in the period over the customers
-- acquired before it, per period or per calendar month (@monthly = 1). A customer counts
-- where their first sale matches the filters (agg_first_sale: every sale of a customer's
-- first day, so all of a customer's rows share one first_date and counting distinct customers
-- per day never counts one twice across days).
--#dated
WITH acquired AS (
    SELECT o.first_date, COUNT(DISTINCT o.customer_id) AS customers
    FROM agg_first_sale o
    WHERE o.first_date < @date_to
      --#include order_filters
    GROUP BY o.first_date
),
--#include customer_growth_rows

-- The body of a derived table of agg_member_chain's rows of the one member filtered, for the twins
-- under queries/member/ (member_guard: no rows for any other arguments): customer_id, sale_date,
-- month_start, revenue, the customer's first-ever sale (first_date) and their previous and
-- second-previous sale of that member (prev_date, prev2_date). A derived table, not a CTE read
-- more than once: the engine pushes each reader's date range into the scan (a CTE read twice is
-- materialized whole).
SELECT m.customer_id, m.sale_date, m.month_start, m.revenue, m.first_date,
       --#include member_prev_date
           AS prev_date,
       --#include member_prev2_date
           AS prev2_date
FROM agg_member_chain m
WHERE 1 = 1
  --#include member_filters

-- The customers the customer filters and the team scope leave (customer_filters on dim_customer
-- "c" and its owner's dim_rep "r"): the body of a CTE of customer_id, for the queries that join a
-- per-customer pre-aggregate to them; the query may add conditions after it.
SELECT c.customer_id
FROM dim_customer c
LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id
WHERE 1 = 1
  --#include customer_filters

-- The revenue of [date_from, date_to) per member of one dimension, as contribution/by_dimension
-- sums it: what the page compares each member with in the comparison period. Without the
-- distinct customers, which it does not show for that period (the costly part of the query).
WITH
--#include dimension_sales
SELECT member_id,
       CAST(SUM(revenue) AS DECIMAL(18,2)) AS revenue
FROM scoped
GROUP BY member_id
ORDER BY member_id

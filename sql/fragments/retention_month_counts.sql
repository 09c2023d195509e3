-- After the CTE "months" (retention_months): each month's customers active in the month before
-- and how many of them are active again in the month, from the distinct (customer, month) pairs
-- of the sales in [@prev_from, @date_to) under the filters. DuckDB says it with a bit per month
-- (retention_month_counts.duckdb.sql).
, customer_months AS (
    --#include retention_customer_months
)
--#include retention_pair_counts
ORDER BY bucket

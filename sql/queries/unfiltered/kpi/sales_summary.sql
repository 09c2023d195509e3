-- kpi/sales_summary when nothing is filtered and the scope is everything: the same sums from
-- agg_sale_day, and the customer counts from agg_sale_pair (agg_sale_chain's rows counted per
-- day and prior sale) without grouping by customer: active_customers and repeat_customers (two
-- or more sales in the bucket). Every column is a sum over the days scanned, compared with the
-- window's start @window_from: additive, so a write dated today recomputes today only.
--#dated
--#additive
WITH
--#include sale_day_totals
,
--#include chain_customer_counts
--#include sales_summary_rows
WHERE 1 = 1
  --#include unfiltered_guard
ORDER BY t.bucket

-- satisfaction/churned_vs_retained when nothing is filtered and the scope is everything: the
-- customers of each window from agg_sale_chain (a customer's first sale in a window is the row whose
-- previous sale is before it: one row per active customer) instead of grouping every sale of both
-- windows by customer.
WITH
--#include window_customers
, base AS (
    SELECT p.customer_id, CASE WHEN c.customer_id IS NULL THEN 'churned' ELSE 'retained' END AS grp
    FROM previous_customers p
    LEFT JOIN current_customers c ON c.customer_id = p.customer_id
),
--#include churned_vs_retained_rows
